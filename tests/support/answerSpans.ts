/** The answers a sentence offers a question, for tests of answer spans (src/engine/questions.ts). */
import { type AnswerSpan, analyzeQuestion, answerSpans } from "../../src/engine/questions.ts";
import { type Concept, termStems } from "../../src/search/index.ts";
import { stemSet } from "../../src/text/similarity.ts";

/** A question's words as the concepts retrieval would give it (`idf` by word, else 1). */
export function termsOf(question: string, idf: Record<string, number> = {}): Concept[] {
  const out: Concept[] = [];
  for (const w of question.replace(/[?.,]/g, "").split(/\s+/)) {
    const stem = termStems(w)[0];
    if (!stem || out.some((c) => c.stem === stem)) continue;
    out.push({ stem, related: [], idf: idf[w.toLowerCase()] ?? 1, surface: w.toLowerCase() });
  }
  return out;
}

/** Every answer span `sentence` (the second of three in its article) offers `question`. */
export function spansOf(question: string, sentence: string, concepts = termsOf(question)): AnswerSpan[] {
  return answerSpans(
    analyzeQuestion(question),
    question,
    concepts,
  )({ text: sentence, stems: stemSet(sentence), position: 1, total: 3, article: 0 });
}

/** The best fit of each answer `sentence` offers `question`. */
export function bestFits(
  question: string,
  sentence: string,
  concepts = termsOf(question),
): Map<string, number> {
  const out = new Map<string, number>();
  for (const sp of spansOf(question, sentence, concepts))
    out.set(sp.key, Math.max(out.get(sp.key) ?? 0, sp.fit));
  return out;
}
