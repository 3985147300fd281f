import { laterReport, storyReachNote } from "../messages.ts";
import type { Answer, Briefing, Digest, Point, Source } from "../model.ts";
import { foldedText } from "../text/similarity.ts";
import type { Block, Document, DocumentSource, Inline } from "./document.ts";
import { storyReach } from "./publishers.ts";
import { plainText } from "./richText.ts";

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

function numberSources(sources: Source[]): { list: DocumentSource[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const list = sources.map((s, i) => {
    index.set(s.id, i + 1);
    return {
      n: i + 1,
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      date: s.date,
      url: s.url && isUrl(s.url) ? s.url : isUrl(s.location) ? s.location : null,
      location: s.location,
    };
  });
  return { list, index };
}

/**
 * A point and its citations, numbered as the sources list numbers them and in ascending order, each
 * once: "[1][2][3][5]", not "[3][1][2][5]" (a point's sources come in the order its candidates
 * merged them, the list in first-cited order).
 */
function pointInlines(p: { text: string; sources: string[] }, index: Map<string, number>): Inline[] {
  const numbers = new Set<number>();
  for (const id of p.sources) {
    const n = index.get(id);
    if (n !== undefined) numbers.add(n);
  }
  const cites = [...numbers].sort((a, b) => a - b).map((n): Inline => ({ kind: "cite", source: n }));
  return [{ kind: "text", text: p.text }, ...cites];
}

/** Whether `answer` is a clause of `sentence` (its words, the first capitalised and a stop added). */
function clauseOf(answer: string, sentence: string): boolean {
  const a = foldedText(answer.replace(/^.*? — /, ""));
  return a.length > 0 && ` ${foldedText(sentence)} `.includes(` ${a} `);
}

function pointsFallback(points: Point[]): string {
  return points.map((p) => `• ${p.text}`).join("\n");
}

function engineNote(engine: string, asOf: string | null): Inline[] {
  const parts = [
    asOf ? `Articles up to ${asOf}` : null,
    engine === "llm"
      ? "llm: written from the sources, citations checked"
      : "extractive: quoted from the sources",
  ];
  return [{ kind: "text", text: parts.filter(Boolean).join(" · "), italic: true }];
}

export function briefingToDocument(b: Briefing): Document {
  const { list, index } = numberSources(b.sources);
  if (!b.found) {
    return {
      kind: "briefing",
      title: b.headline,
      blocks: [{ kind: "paragraph", content: [{ kind: "text", text: b.headline }] }],
      sources: [],
      fallbackText: b.headline,
      actions: [],
      topic: b.topic,
    };
  }
  const blocks: Block[] = [{ kind: "list", items: b.points.map((p) => pointInlines(p, index)) }];
  if (b.disagreements.length > 0) {
    blocks.push({
      kind: "section",
      title: "Where sources differ",
      blocks: b.disagreements.map((d) => ({
        kind: "section" as const,
        title: d.about,
        blocks: [
          {
            kind: "list" as const,
            items: d.claims.map((c) =>
              pointInlines(c.later && c.date ? { ...c, text: `${laterReport(c.date)}${c.text}` } : c, index),
            ),
          },
        ],
      })),
    });
  }
  blocks.push({ kind: "context", content: engineNote(b.engine, b.asOf) });
  return {
    kind: "briefing",
    title: b.headline,
    blocks,
    sources: list,
    fallbackText: `${b.headline}\n${pointsFallback(b.points)}`,
    actions: ["share", "ask_followup", "feedback_up", "feedback_down"],
    topic: b.topic,
  };
}

/** The title over what comes closest to an answer the articles don't give. */
export const CLOSEST_TITLE = "The closest the articles come";

export function answerToDocument(a: Answer): Document {
  const { list, index } = numberSources(a.sources);
  // When the answer is the first point quoted, cite it in the paragraph instead of repeating it below.
  const [first, ...rest] = a.points;
  const leadIsFirst = a.found && first !== undefined && first.text === a.answer;
  // An answer cut from the first point (a clause of a long sentence) is cited as that point is; the
  // point is still listed in full.
  const fromFirst = a.found && first !== undefined && !leadIsFirst && clauseOf(a.answer, first.text);
  const blocks: Block[] = [
    {
      kind: "paragraph",
      content:
        leadIsFirst || fromFirst
          ? pointInlines({ text: a.answer, sources: first.sources }, index)
          : [{ kind: "text", text: a.answer }],
    },
  ];
  const more = leadIsFirst ? rest : a.points;
  // Not found: what comes closest, if anything, still cited, and said to be only that (a reader is not
  // to take it for the answer the reply says the articles don't give).
  if (more.length > 0) {
    const list: Block = { kind: "list", items: more.map((p) => pointInlines(p, index)) };
    blocks.push(a.found ? list : { kind: "section", title: CLOSEST_TITLE, blocks: [list] });
  }
  blocks.push({ kind: "context", content: engineNote(a.engine, null) });
  return {
    kind: "answer",
    title: a.question,
    blocks,
    sources: a.found || a.points.length > 0 ? list : [],
    fallbackText: a.answer,
    actions: a.found ? ["feedback_up", "feedback_down"] : [],
    topic: a.question,
  };
}

/**
 * `topics`: the subscription's topics, kept as the document's topic so questions in the digest's
 * thread are steered by them (no topics: the thread has none).
 */
export function digestToDocument(d: Digest, opts: { topics?: readonly string[] } = {}): Document {
  const { list, index } = numberSources(d.sources);
  const blocks: Block[] = [{ kind: "paragraph", content: [{ kind: "text", text: d.summary }] }];
  for (const story of d.stories) {
    const reach =
      story.publishers !== undefined
        ? { count: story.publishers, unit: "publisher" as const }
        : storyReach(story, d.sources);
    blocks.push({
      kind: "section",
      title: `${story.title} ${storyReachNote(reach)}`,
      blocks: [{ kind: "list", items: story.points.map((p) => pointInlines(p, index)) }],
    });
  }
  blocks.push({ kind: "context", content: engineNote(d.engine, d.asOf) });
  return {
    kind: "digest",
    title: "Your Summit digest",
    blocks,
    sources: list,
    fallbackText: `${d.summary}\n${d.stories.map((s) => `• ${s.title}`).join("\n")}`,
    actions: d.found ? ["ask_followup", "feedback_up", "feedback_down"] : [],
    topic: opts.topics && opts.topics.length > 0 ? opts.topics.join(", ") : null,
  };
}

/** A short notice (help, errors, confirmations): plain text, or rich text from the message catalogue. */
export function noticeDocument(title: string, text: string | Inline[]): Document {
  const content: Inline[] = typeof text === "string" ? [{ kind: "text", text }] : text;
  return {
    kind: "notice",
    title,
    blocks: [{ kind: "paragraph", content }],
    sources: [],
    fallbackText: typeof text === "string" ? text : plainText(content),
    actions: [],
    topic: null,
  };
}
