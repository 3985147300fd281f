/**
 * A stand-in "model" for the local server that writes only what the evidence says: it reads the
 * numbered passages from the request's <evidence> block and returns them, lightly trimmed, as cited
 * points in the shape the request's JSON schema names. Works on any corpus; used where a test needs
 * a grounded reply without knowing the articles.
 */
import type { RecordedRequest, Reply } from "./server.ts";

export interface ShownPassage {
  n: number;
  source: string;
  text: string;
}

function unescapeData(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** The passages as the model saw them. */
export function passagesOf(req: RecordedRequest): ShownPassage[] {
  const user = req.body.messages?.find((m) => m.role === "user")?.content ?? "";
  const out: ShownPassage[] = [];
  for (const m of user.matchAll(/<passage n="(\d+)" source="([^"]*)"[^>]*>([^<]*)<\/passage>/g)) {
    out.push({ n: Number(m[1]), source: unescapeData(m[2]!), text: unescapeData(m[3]!) });
  }
  return out;
}

/** A grounded reply: up to `count` passages as points, each citing itself. */
export function quotingReply(req: RecordedRequest, count = 4): Reply {
  const passages = passagesOf(req).slice(0, count);
  const points = passages.map((p) => ({ text: p.text, passages: [p.n] }));
  const first = passages[0];
  const headline = first ? first.text.split(/\s+/).slice(0, 8).join(" ") : "";
  switch (req.body.response_format?.json_schema?.name) {
    case "summit_briefing":
      return { json: { headline, points } };
    case "summit_answer":
      return {
        json: {
          found: points.length > 0,
          answer: points[0] ?? { text: "", passages: [] },
          points: points.slice(1),
        },
      };
    case "summit_digest":
      return { json: { stories: [{ title: headline, points }] } };
    default:
      return { status: 400, message: "unknown response_format" };
  }
}

export const quotingModel: Reply = { compute: (req) => quotingReply(req) };
