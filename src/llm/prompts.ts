/**
 * Versioned prompt files (prompts/briefing.md, answer.md, digest.md), loaded once at start-up.
 * Each file starts with a front matter block naming the prompt and its version:
 *
 *   ---
 *   name: briefing
 *   version: 3
 *   ---
 *   <system prompt text>
 *
 * A prompt's `id` ("briefing@3#1a2b3c4d") adds a hash of the text, so a cache never serves a result
 * written under an edited prompt even if someone forgets to bump the version.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SummitError } from "../errors.ts";

export type PromptName = "briefing" | "answer" | "digest";

export interface Prompt {
  name: PromptName;
  version: string;
  /** name@version#hash: what results are cached under. */
  id: string;
  /** The system message. */
  system: string;
}

export type Prompts = Record<PromptName, Prompt>;

export const PROMPT_NAMES: readonly PromptName[] = ["briefing", "answer", "digest"];

export class PromptFileError extends SummitError {
  override readonly name: string = "PromptFileError";
  constructor(message: string) {
    super("prompt_file", message);
  }
}

/** Parses one prompt file's text; `expected` is the name it must declare. */
export function parsePrompt(text: string, expected: PromptName, where: string = expected): Prompt {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!m) throw new PromptFileError(`${where}: missing front matter (--- name/version ---)`);
  const meta = new Map<string, string>();
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^\s*([a-z_]+)\s*:\s*(.*?)\s*$/i.exec(line);
    if (kv) meta.set(kv[1]!.toLowerCase(), kv[2]!);
  }
  const name = meta.get("name");
  const version = meta.get("version");
  if (name !== expected)
    throw new PromptFileError(`${where}: front matter name is "${name}", expected "${expected}"`);
  if (!version) throw new PromptFileError(`${where}: front matter has no version`);
  const system = m[2]!.trim();
  if (system === "") throw new PromptFileError(`${where}: the prompt text is empty`);
  const hash = createHash("sha256").update(system).digest("hex").slice(0, 8);
  return { name: expected, version, id: `${expected}@${version}#${hash}`, system };
}

/** Loads prompts/<name>.md for every prompt; throws PromptFileError naming the file on any problem. */
export function loadPrompts(dir: string): Prompts {
  const load = (name: PromptName): Prompt => {
    const file = join(dir, `${name}.md`);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw new PromptFileError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
    }
    return parsePrompt(text, name, file);
  };
  return { briefing: load("briefing"), answer: load("answer"), digest: load("digest") };
}
