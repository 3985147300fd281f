/**
 * The news sources Summit follows: list, add, remove, poll now, OPML import and export. Written once here
 * and called by the command line (`summit sources …`), Slack and Discord (`/summit sources …`) and the web
 * console. Sources are global to the deployment: anyone may list them; adding and removing them is for
 * admins (a Slack workspace admin or owner, a Discord member with Manage Server, the operator at the CLI).
 *
 * I/O comes in through `deps` (app/sources.ts builds them over store/ and sources/): the registry, feed
 * discovery, and polling one source under its poll lock.
 */
import { parseOpmlSources, sourcesToOpml } from "../sources/opml.ts";
import { inputError } from "../src/errors.ts";
import type { SourceSummary } from "../src/messages.ts";
import type { Clock } from "../src/model.ts";
import { redactUrl } from "../src/redact.ts";
import { type Notice, notice, publicNotice } from "./reply.ts";
import type { Scope } from "./scope.ts";

/** A source's state as persisted (sources/types.ts SourceState, fields the use cases read). */
export interface SourceRecord {
  id: string;
  url: string;
  feedUrl: string;
  name: string;
  everyMs: number;
  lastError: string | null;
  lastFetchAt: string | null;
  nextFetchAt: string | null;
  disabledReason: string | null;
  status: "ok" | "failing" | "disabled";
}

/** A source with how many stored articles it delivered. */
export interface SourceRecordWithCount extends SourceRecord {
  articles: number;
}

/** `summit sources list --json`: one entry per source (the interface scripts depend on). */
export interface SourceListEntry {
  id: string;
  url: string;
  feedUrl: string;
  name: string;
  every: string;
  status: "ok" | "failing" | "disabled";
  lastFetchAt: string | null;
  nextFetchAt: string | null;
  lastError: string | null;
  articles: number;
}

/** `summit sources add --json`. */
export interface SourceAdded {
  id: string;
  url: string;
  feedUrl: string;
  name: string;
  every: string;
}

/** `summit sources poll --json`. */
export interface PollTotals {
  /** Sources polled. */
  polled: number;
  /** Items new to the store, changed in place, and seen before (or the same text as a stored one). */
  added: number;
  updated: number;
  unchanged: number;
  /** Sources whose poll failed (their error is in `sources list`), plus items the store refused. */
  failed: number;
}

/** What polling one source did; null when another process was polling it and it could not wait. */
export interface PolledSource {
  outcome: "ok" | "not-modified" | "failed";
  added: number;
  updated: number;
  unchanged: number;
  /** Items the store refused. */
  failed: number;
}

export interface SourcesDeps {
  registry: {
    list(): Promise<SourceRecordWithCount[]>;
    get(id: string): Promise<SourceRecord | null>;
    add(input: {
      url: string;
      feedUrl?: string | null;
      name?: string | null;
      everyMs?: number | null;
    }): Promise<{ source: SourceRecord; created: boolean }>;
    remove(id: string): Promise<boolean>;
    /** The source that already follows this feed or site URL, if any (adding it again skips discovery). */
    findByUrl(url: string): Promise<SourceRecord | null>;
  };
  /** Finds the feed of a feed or site URL (sources/discover.ts); throws with a message fit for users. */
  discover(url: string): Promise<{ url: string; feedUrl: string; name: string }>;
  /** Polls one source now and stores what it brought (sources/poll.ts + store/applyPoll.ts). */
  pollOne(source: SourceRecord): Promise<PolledSource | null>;
  clock: Clock;
}

/** Bounds on one request's work. */
export const SOURCES_LIMITS = { maxImport: 1_000, pollConcurrency: 8, minEveryMs: 5 * 60_000 } as const;

const UNITS: [string, number][] = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1_000],
];

/** An interval in the form `--every` takes: 900000 → "15m", 5400000 → "1h30m", 86400000 → "1d". */
export function formatEvery(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000) * 1000);
  let out = "";
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out || "0s";
}

/** "15m", "2h", "1h30m", "1d" or a bare number of minutes → ms; throws the catalogue's words otherwise. */
export function parseEvery(text: string): number {
  const t = text.trim().toLowerCase();
  let ms: number | null = null;
  if (/^\d+(\.\d+)?$/.test(t)) ms = Number(t) * 60_000;
  else {
    const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*([smhd])/g)];
    if (parts.length > 0 && parts.map((p) => p[0].replace(/\s+/g, "")).join("") === t.replace(/\s+/g, "")) {
      const size = Object.fromEntries(UNITS) as Record<string, number>;
      ms = parts.reduce((sum, p) => sum + Number(p[1]) * (size[p[2]!] ?? 0), 0);
    }
  }
  if (ms === null || !Number.isFinite(ms) || ms < SOURCES_LIMITS.minEveryMs)
    throw inputError("invalid_every", text);
  return Math.round(ms);
}

export function listEntry(s: SourceRecordWithCount): SourceListEntry {
  return {
    id: s.id,
    url: s.url,
    feedUrl: s.feedUrl,
    name: s.name,
    every: formatEvery(s.everyMs),
    status: s.status,
    lastFetchAt: s.lastFetchAt,
    nextFetchAt: s.status === "disabled" ? null : s.nextFetchAt,
    lastError: s.status === "disabled" ? (s.disabledReason ?? s.lastError) : s.lastError,
    articles: s.articles,
  };
}

/** What chat and the catalogue show of a source: its address without the credentials it may carry. */
function summary(s: SourceRecord, articles = 0): SourceSummary {
  return {
    id: s.id,
    name: s.name,
    feedUrl: redactUrl(s.feedUrl),
    every: formatEvery(s.everyMs),
    status: s.status,
    problem: s.status === "disabled" ? (s.disabledReason ?? s.lastError) : s.lastError,
    articles,
  };
}

/** Changing the list of sources is for admins; the refusal says who can, kindly. */
function requireSourceAdmin(scope: Scope): void {
  if (!scope.isAdmin) throw inputError("sources_admin_only");
}

/** Errors of the registry and discovery (SourceInputError, SourceError) carry messages written for users. */
function asInputError(err: unknown): never {
  if (err instanceof Error && (err.name === "SourceInputError" || err.name === "SourceError"))
    throw inputError("source_invalid", err.message);
  throw err;
}

export async function listSources(
  _input: Record<string, never>,
  _scope: Scope,
  deps: Pick<SourcesDeps, "registry">,
): Promise<{ reply: Notice; sources: SourceListEntry[] }> {
  const all = await deps.registry.list();
  const reply =
    all.length === 0
      ? notice("sources_empty")
      : notice(
          "sources_list",
          all.map((s) => summary(s, s.articles)),
        );
  return { reply, sources: all.map(listEntry) };
}

export async function addSource(
  input: { url: string; every?: string | null; name?: string | null },
  scope: Scope,
  deps: Pick<SourcesDeps, "registry" | "discover">,
): Promise<{ reply: Notice; source: SourceAdded; created: boolean }> {
  requireSourceAdmin(scope);
  const url = input.url.trim();
  if (!url) throw inputError("missing_source_url");
  const everyMs = input.every ? parseEvery(input.every) : null;
  try {
    // Known already (by the address given or its feed): the same id, without fetching anything.
    const known = /^https?:\/\//i.test(url) ? await deps.registry.findByUrl(url) : null;
    const found = known ? null : await deps.discover(url);
    const { source, created } = await deps.registry.add({
      url: found?.url ?? url,
      feedUrl: found?.feedUrl ?? known?.feedUrl ?? null,
      name: input.name?.trim() || found?.name || null,
      everyMs,
    });
    const added: SourceAdded = {
      id: source.id,
      url: source.url,
      feedUrl: source.feedUrl,
      name: source.name,
      every: formatEvery(source.everyMs),
    };
    return { reply: publicNotice("source_added", summary(source), created), source: added, created };
  } catch (err) {
    asInputError(err);
  }
}

export async function removeSource(
  input: { id: string },
  scope: Scope,
  deps: Pick<SourcesDeps, "registry">,
): Promise<{ reply: Notice; source: SourceRecord }> {
  requireSourceAdmin(scope);
  const id = input.id.trim();
  const source = id ? await deps.registry.get(id) : null;
  if (!source || !(await deps.registry.remove(id))) throw inputError("unknown_source", id);
  return { reply: publicNotice("source_removed", summary(source)), source };
}

/**
 * Polls now: every enabled source, or the one named (even a disabled one: a good response revives it).
 * Waits until every poll is done; sources another process is polling at that moment are left to it.
 */
export async function pollSources(
  input: { id?: string | null },
  scope: Scope,
  deps: Pick<SourcesDeps, "registry" | "pollOne">,
): Promise<{ totals: PollTotals }> {
  requireSourceAdmin(scope);
  let targets: SourceRecord[];
  if (input.id?.trim()) {
    const one = await deps.registry.get(input.id.trim());
    if (!one) throw inputError("unknown_source", input.id.trim());
    targets = [one];
  } else {
    targets = (await deps.registry.list()).filter((s) => s.status !== "disabled");
  }
  const totals: PollTotals = { polled: 0, added: 0, updated: 0, unchanged: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const r = await deps.pollOne(targets[next++]!);
      if (!r) continue;
      totals.polled++;
      totals.added += r.added;
      totals.updated += r.updated;
      totals.unchanged += r.unchanged;
      totals.failed += r.failed + (r.outcome === "failed" ? 1 : 0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SOURCES_LIMITS.pollConcurrency, targets.length) }, worker));
  return { totals };
}

/**
 * Adds every feed of an OPML document, without fetching (the file names the feeds). Returns the sources
 * in file order, how many were new, and the entries refused (with why).
 */
export async function importOpml(
  input: { text: string; onProgress?: (done: number, total: number) => void },
  scope: Scope,
  deps: Pick<SourcesDeps, "registry">,
): Promise<{ sources: SourceAdded[]; created: number; failed: { feedUrl: string; error: string }[] }> {
  requireSourceAdmin(scope);
  let entries: ReturnType<typeof parseOpmlSources>;
  try {
    entries = parseOpmlSources(input.text, SOURCES_LIMITS.maxImport);
  } catch (err) {
    asInputError(err);
  }
  const sources: SourceAdded[] = [];
  const failed: { feedUrl: string; error: string }[] = [];
  let created = 0;
  input.onProgress?.(0, entries.length);
  for (const [i, e] of entries.entries()) {
    try {
      const r = await deps.registry.add({ url: e.siteUrl ?? e.feedUrl, feedUrl: e.feedUrl, name: e.name });
      if (r.created) created++;
      sources.push({
        id: r.source.id,
        url: r.source.url,
        feedUrl: r.source.feedUrl,
        name: r.source.name,
        every: formatEvery(r.source.everyMs),
      });
    } catch (err) {
      if (!(err instanceof Error) || err.name !== "SourceInputError") throw err;
      failed.push({ feedUrl: e.feedUrl, error: err.message });
    }
    input.onProgress?.(i + 1, entries.length);
  }
  return { sources, created, failed };
}

/** The sources as OPML 2.0, oldest first (Miniflux, Feedly and NetNewsWire read it). */
export async function exportOpml(
  _input: Record<string, never>,
  _scope: Scope,
  deps: Pick<SourcesDeps, "registry" | "clock">,
): Promise<{ opml: string; count: number }> {
  const all = await deps.registry.list();
  const opml = sourcesToOpml(
    all.map((s) => ({ feedUrl: s.feedUrl, name: s.name, url: s.url })),
    { now: deps.clock.now() },
  );
  return { opml, count: all.length };
}
