/**
 * What a question's wording asks for: its subject ("What is the capital of Peru?" → "the capital of
 * Peru"), the kind of answer it wants (a figure, a day) and whether a sentence has that kind of answer.
 */
import { type Concept, type Sentence, termStems } from "../search/index.ts";

/** "What is the capital of Peru?" → "the capital of Peru". */
export function questionSubject(question: string): string {
  let q = question.trim().replace(/[?!.\s]+$/u, "");
  for (let i = 0; i < 3; i++) {
    q = q
      .replace(
        /^(what|who|whom|whose|when|where|why|which|how(\s+(many|much|long|often|far|big|old))?|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|tell me|please)\b[\s,]*/i,
        "",
      )
      .trim();
  }
  return q;
}

const QUANTITY_WORD = /^(\d[\d,.]*\w*|dozens|hundreds|thousands|millions|billions|tens|several|many)$/i;

/** What a question asks for: a figure ("how many", "what percentage"), a day or date ("when"), or neither. */
export function questionKind(question: string): "quantity" | "day" | null {
  const q = question.trim().toLowerCase();
  if (/^(how (many|much|big|large|long|old|far)|what (number|percentage|share|amount))\b/.test(q))
    return "quantity";
  if (/^(when|what (day|date|time|year|month))\b/.test(q)) return "day";
  return null;
}

/**
 * Whether a sentence has the kind of answer the question's wording asks for: "how many workers" wants
 * a number attached to the workers; "when" wants a day, date or time.
 */
export function answerKind(question: string, concepts: Concept[]): ((s: Sentence) => boolean) | null {
  const kind = questionKind(question);
  if (kind === "quantity") {
    const targets = new Set(concepts.flatMap((c) => [c.stem, ...c.related]));
    return (s) => {
      const ws = s.text.split(/\s+/);
      for (let i = 0; i < ws.length; i++) {
        if (!QUANTITY_WORD.test(ws[i]!.replace(/^[$£€]/, ""))) continue;
        if (termStems(ws.slice(i + 1, i + 6).join(" ")).some((t) => targets.has(t))) return true;
      }
      return false;
    };
  }
  if (kind === "day") {
    const re =
      /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|week|month|year|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\b/i;
    return (s) => re.test(s.text);
  }
  return null;
}
