/**
 * A digest now, on demand: what a subscription would post (new stories since a time, on some topics),
 * without scheduling or delivering anything. `summit digest` calls this.
 */

import { parseTopics } from "../queue/validate.ts";
import { inputError } from "../src/errors.ts";
import type { Digest, Engine } from "../src/model.ts";
import type { Document } from "../src/present/document.ts";
import { digestToDocument } from "../src/present/fromCore.ts";
import { withPublisherCounts } from "../src/present/publishers.ts";
import { withinDeadline } from "./deadline.ts";
import type { Scope } from "./scope.ts";

export interface DigestPreviewInput {
  /** Only articles added at or after this time: an ISO date or time. */
  since?: string;
  /** Only these topics: a comma list or a list. */
  topics?: string | readonly string[];
}

export interface DigestPreviewOutcome {
  reply: Document;
  digest: Digest;
}

function parseSince(value: string): Date {
  const t = Date.parse(value);
  if (value.trim() === "" || Number.isNaN(t)) throw inputError("invalid_since", value);
  return new Date(t);
}

export async function previewDigest(
  input: DigestPreviewInput,
  _scope: Scope,
  deps: { engine: Pick<Engine, "digest">; deadlineMs: number },
): Promise<DigestPreviewOutcome> {
  const since = input.since === undefined ? undefined : parseSince(input.since);
  const topics = parseTopics(input.topics ?? "");
  const digest = withPublisherCounts(
    await withinDeadline(deps.deadlineMs, (signal) =>
      deps.engine.digest({ ...(since ? { since } : {}), ...(topics.length > 0 ? { topics } : {}), signal }),
    ),
  );
  return { reply: digestToDocument(digest, { topics }), digest };
}
