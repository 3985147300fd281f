/**
 * The structured output the model must return, one zod schema per prompt. The same schema is sent
 * as `response_format: json_schema` (strict) and used to validate the reply. Limits the JSON-schema
 * subset of some servers cannot express (text length, integer passage numbers) are enforced by the
 * verifier instead, so a long or fractional value fails that one point, not the whole reply.
 */
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { SummitError } from "../errors.ts";

const cited = z.object({
  text: z.string(),
  /** Passage numbers (the n of each passage shown). */
  passages: z.array(z.number()),
});

export const briefingOutput = z.object({
  headline: z.string(),
  points: z.array(cited),
});

export const answerOutput = z.object({
  found: z.boolean(),
  answer: cited,
  points: z.array(cited),
});

export const digestOutput = z.object({
  stories: z.array(
    z.object({
      title: z.string(),
      points: z.array(cited),
    }),
  ),
});

export type CitedText = z.infer<typeof cited>;
export type BriefingOutput = z.infer<typeof briefingOutput>;
export type AnswerOutput = z.infer<typeof answerOutput>;
export type DigestOutput = z.infer<typeof digestOutput>;

const outputs = { briefing: briefingOutput, answer: answerOutput, digest: digestOutput };
type OutputKind = keyof typeof outputs;
const formats = new Map<OutputKind, ReturnType<typeof zodResponseFormat>>();

/**
 * The `response_format` for one prompt, made on first use: converting the schemas to JSON schema at
 * import cost every command start-up ~10 ms, LLM mode or not (bench/startup.ts).
 */
export function responseFormat(kind: OutputKind): ReturnType<typeof zodResponseFormat> {
  let format = formats.get(kind);
  if (!format) {
    format = zodResponseFormat(outputs[kind], `summit_${kind}`);
    formats.set(kind, format);
  }
  return format;
}

export class InvalidOutputError extends SummitError {
  override readonly name: string = "InvalidOutputError";
  constructor(message: string) {
    super("llm_invalid_output", message);
  }
}

/**
 * Parses the model's message content as JSON and validates it. Tolerates one ```json fence around
 * the object (some local servers add one when they ignore response_format); anything else that is
 * not exactly one valid object throws InvalidOutputError.
 */
export function parseOutput<T>(schema: z.ZodType<T>, content: string | null | undefined): T {
  if (content === null || content === undefined || content.trim() === "") {
    throw new InvalidOutputError("empty reply");
  }
  let text = content.trim();
  const fenced = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/i.exec(text);
  if (fenced) text = fenced[1]!.trim();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidOutputError("reply is not valid JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new InvalidOutputError(
      `reply does not match the schema${first ? ` (${first.path.join(".") || "root"}: ${first.message})` : ""}`,
    );
  }
  return parsed.data;
}
