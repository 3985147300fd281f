/**
 * Discord's documented message limits, and a checker that lists every limit a payload breaks.
 * The renderer packs within these; the tests (and the fake platform) check payloads with the same function.
 */

export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name over all embeds. */
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  threadName: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

interface MessageLike {
  content?: string;
  embeds?: EmbedLike[];
}

export function embedSize(e: EmbedLike): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0);
  n += (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Every limit this message breaks; empty when it fits. */
export function limitViolations(message: MessageLike): string[] {
  const out: string[] = [];
  const over = (what: string, len: number, max: number) => {
    if (len > max) out.push(`${what}: ${len} > ${max}`);
  };
  over("content", message.content?.length ?? 0, LIMITS.content);
  const embeds = message.embeds ?? [];
  over("embeds", embeds.length, LIMITS.embedsPerMessage);
  let total = 0;
  embeds.forEach((e, i) => {
    over(`embed ${i} title`, e.title?.length ?? 0, LIMITS.title);
    over(`embed ${i} description`, e.description?.length ?? 0, LIMITS.description);
    over(`embed ${i} fields`, e.fields?.length ?? 0, LIMITS.fields);
    over(`embed ${i} footer`, e.footer?.text.length ?? 0, LIMITS.footer);
    over(`embed ${i} author`, e.author?.name.length ?? 0, LIMITS.authorName);
    (e.fields ?? []).forEach((f, j) => {
      over(`embed ${i} field ${j} name`, f.name.length, LIMITS.fieldName);
      over(`embed ${i} field ${j} value`, f.value.length, LIMITS.fieldValue);
      if (f.name.trim() === "" || f.value.trim() === "") out.push(`embed ${i} field ${j} is empty`);
    });
    total += embedSize(e);
  });
  over("embeds total", total, LIMITS.embedTotal);
  if ((message.content ?? "").trim() === "" && embeds.length === 0) out.push("message is empty");
  return out;
}
