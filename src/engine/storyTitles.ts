/**
 * What makes a title head a digest story poorly, as a title or a headline made from the story's points
 * may (`storyTitleWeakness`): the flaws of any headline (phrasing.ts headlineFlaw), the page's own text,
 * a speaker's or the page's voice, a quotation in someone's first or second person, more words than a
 * short headline has.
 */
import { isFurniture, opensOnRunOnLabel, withoutLeadingPageLabels } from "../text/furniture.ts";
import {
  headlineFlaw,
  SHORT_HEADLINE_WORDS,
  shownWords,
  speaksInPerson,
  withoutDateline,
  withoutPageWord,
} from "./phrasing.ts";

/** A text that opens on a quotation mark: someone's words, not a report of them. */
const OPENS_QUOTED = /^(?:["“‘]|``|'(?=\s?\p{L}))/u;

/**
 * "The" and a description of someone by age or a former role, no name after it ("The 37-year-old …",
 * "The former army captain who …"): it points back to a person named before, not in the title.
 */
const BACK_REFERENCE =
  /^The\s+(?:\d+-year-old|former|wounded|injured|unnamed)(?!(?:\s+[\p{Ll}\d][\p{L}\d'’-]*){0,4}\s+\p{Lu})\s+\p{Ll}/u;

/**
 * A word that ties a sentence to the one before it ("Which occurred at …", "In addition, they …",
 * "But the giant faces …", "Plus, …"): a sentence torn from its paragraph, no title.
 */
const TIED_OPENER =
  /^(?:which|whose|whom|and|but|or|nor|plus|also|however|moreover|furthermore|in addition)(?![\p{L}'’-])/iu;

/**
 * Why a title (or a headline made from points) would head a story poorly; null when it heads well.
 * `needsVerb`: a headline made from a sentence needs its finite verb; an article's title ("Floods in
 * the north") does not.
 */
export function storyTitleWeakness(title: string, needsVerb: boolean): string | null {
  const flaw = headlineFlaw(title, needsVerb);
  if (flaw) return flaw;
  // The page's own words ("It's possible the content has expired …", "Posted 2 years ago …").
  if (BACK_REFERENCE.test(title.trim())) return "reference";
  if (TIED_OPENER.test(title.trim())) return "tied";
  if (isFurniture(title) || opensOnRunOnLabel(title)) return "furniture";
  // "I", "we" or "you" outside a quotation: a speaker's or the page's voice.
  if (speaksInPerson(title)) return "person";
  // A quotation in its speaker's first or second person ('"We call upon Congress …," she said'): whose
  // words, about what, the reader cannot tell from the title.
  if (OPENS_QUOTED.test(title.trim()) && speaksInPerson(title, true)) return "quoted person";
  if (shownWords(title) > SHORT_HEADLINE_WORDS) return "long";
  return null;
}

/**
 * An article's title as a story shows it: no date stamp or page label before it ("Uploaded on Apr 5,
 * 2017 …"), no dateline, no page's word ("Article …").
 */
export function shownTitle(title: string): string {
  return withoutPageWord(withoutDateline(withoutLeadingPageLabels(title.trim())));
}
