/**
 * The story a briefing's topic asks about. Over a corpus of many stories, articles matching a topic's
 * words may tell other stories: "sales warner" matches box-office takings at Warner Bros as well as Time
 * Warner's results, "arsenal listing" a player left off the transfer list before a game against Arsenal.
 * Their sentences mention a topic word and read well, and fill a briefing with points a reader never asked
 * for.
 *
 * The topic's own articles are those whose title matches the whole topic (the concepts a briefing
 * requires, `requiredMatches`); when no title does, those whose title and lead (first two sentences) do;
 * when none does, the best-matching article. An
 * article tells the story when it is one of those or reports the same story as one: the story gate's
 * content-word cosine (sameStory.ts, the same threshold, and like the gate only over a corpus
 * large enough for its idf to tell a story's words from the language's: a smaller corpus, a handful of
 * articles a user gathered or an evaluation's cluster, is one story and every retrieved article tells it).
 * An article only near the story (CLOSE_STORY) lends only sentences naming the whole topic.
 */
import type { ArticleHit, Concept, CorpusIndex, Sentence } from "../search/index.ts";
import { termStems } from "../search/index.ts";
import { articleCosine, DEFAULT_STORY_GATE } from "./sameStory.ts";

/** Sentences of an article's opening read as its lead, with its title. */
const LEAD_SENTENCES = 2;

/**
 * How many of `concepts` a set of stems matches, exactly or by a near-synonym, each word standing for
 * one concept: on "February election poll" a title's "poll" is the concept "poll", not "election" as
 * well (its near-synonym), so "Schools to take part in mock poll" matches one concept, not two (as the
 * index's search counts it: a term belongs to the concept it is, else the first it is near). Exact
 * matches first, then near-synonyms among the words left.
 */
export function conceptsMatched(stems: ReadonlySet<string>, concepts: readonly Concept[]): number {
  const used = new Set<string>();
  let n = 0;
  const rest: Concept[] = [];
  for (const c of concepts) {
    if (stems.has(c.stem)) {
      used.add(c.stem);
      n++;
    } else rest.push(c);
  }
  for (const c of rest) {
    const r = c.related.find((x) => stems.has(x) && !used.has(x));
    if (r === undefined) continue;
    used.add(r);
    n++;
  }
  return n;
}

/** The retrieved articles that tell the topic's story, and those of them only near it. */
export interface TopicStory {
  /** The hits telling the story, best first (as given). */
  hits: ArticleHit[];
  /** Articles (index positions) of `hits` only near the story: they lend sentences naming the whole topic. */
  near: Set<number>;
}

/**
 * A cosine to the topic's own articles under which an article is only near their story: it may share the
 * field's words (two economic reports, two games, a season's review naming the champion), and lends a
 * point only when the point names the whole topic. On BBC briefings (every 45th title) the articles of
 * [0.2, 0.3) were as often filler (a UK rates report on "US consumer confidence", another game's sales on
 * "Nintendo adds media playing") as related reports.
 */
const CLOSE_STORY = 0.3;

/**
 * The hits (best first, as given) that tell the topic's story, `limit` at most; all of them, none near,
 * over a corpus smaller than the story gate's `minArticles`. `required`: how many concepts the whole topic is.
 */
export function topicStory(
  index: CorpusIndex,
  concepts: readonly Concept[],
  hits: readonly ArticleHit[],
  required: number,
  limit: number,
): TopicStory {
  if (hits.length === 0 || index.size < DEFAULT_STORY_GATE.minArticles)
    return { hits: hits.slice(0, limit), near: new Set() };
  const matches = (text: string) => conceptsMatched(new Set(termStems(text)), concepts) >= required;
  const lead = (a: number) =>
    index
      .sentences(a)
      .slice(0, LEAD_SENTENCES)
      .map((s) => s.text)
      .join("\n");
  // Titles first: a lead matching two common words may be about something else ("heads the box office
  // … three days" for "day heads").
  const titled = hits.filter((h) => matches(index.articles[h.index]!.title));
  const led =
    titled.length > 0
      ? titled
      : hits.filter((h) => matches(`${index.articles[h.index]!.title}\n${lead(h.index)}`));
  const anchors = (led.length > 0 ? led : [hits[0]!]).map((h) => h.index);
  const cos = articleCosine(index);
  const out: TopicStory = { hits: [], near: new Set() };
  for (const h of hits) {
    if (out.hits.length >= limit) break;
    const c = Math.max(...anchors.map((a) => cos(h.index, a)));
    if (c < DEFAULT_STORY_GATE.minCosine) continue;
    out.hits.push(h);
    if (c < CLOSE_STORY) out.near.add(h.index);
  }
  return out;
}

/** Whether a sentence of an article of the story may be a point: any of the story's own, only one naming the whole topic of an article near it. */
export function storyLends(
  story: Pick<TopicStory, "near">,
  concepts: readonly Concept[],
  s: Sentence,
): boolean {
  return !story.near.has(s.article) || conceptsMatched(s.stems, concepts) >= concepts.length;
}
