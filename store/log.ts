/**
 * Reading the change log (a Redis Stream): entry ids, the stream's own bookkeeping (XINFO STREAM), and
 * entries as changes.
 */
import type { Change, ChangeOp } from "./types.ts";

export const START_ID = "0-0";

/** Compares two stream ids (`<ms>-<seq>`): negative, zero or positive. */
export function compareIds(a: string, b: string): number {
  const [am, as] = split(a);
  const [bm, bs] = split(b);
  return am !== bm ? am - bm : as - bs;
}

function split(id: string): [number, number] {
  const dash = id.indexOf("-");
  if (dash < 0) return [Number(id), 0];
  return [Number(id.slice(0, dash)), Number(id.slice(dash + 1))];
}

/** The time part of an entry id (ms, Redis's clock). */
export function entryTime(id: string): number {
  return split(id)[0];
}

/** What XINFO STREAM says about the log (Redis ≥ 7.0). */
export interface LogInfo {
  length: number;
  lastGeneratedId: string;
  /** The greatest id ever deleted with XDEL ("0-0" when none; Redis 7.0 does not count XTRIM here). */
  maxDeletedId: string;
  /** Entries ever appended. */
  entriesAdded: number;
}

/** Parses XINFO STREAM's flat reply; null when the stream does not exist (an error reply). */
export function parseLogInfo(reply: unknown): LogInfo {
  const flat = reply as unknown[];
  const map = new Map<string, unknown>();
  for (let i = 0; i + 1 < flat.length; i += 2) map.set(String(flat[i]), flat[i + 1]);
  const str = (k: string) => (typeof map.get(k) === "string" ? (map.get(k) as string) : START_ID);
  return {
    length: Number(map.get("length") ?? 0),
    lastGeneratedId: str("last-generated-id"),
    maxDeletedId: str("max-deleted-entry-id"),
    entriesAdded: Number(map.get("entries-added") ?? 0),
  };
}

/** The empty log (before the first write). */
export const EMPTY_LOG: LogInfo = {
  length: 0,
  lastGeneratedId: START_ID,
  maxDeletedId: START_ID,
  entriesAdded: 0,
};

/** XREAD/XRANGE entries as changes (entries that are not changes are skipped). */
export function parseEntries(entries: [string, string[]][]): Change[] {
  const out: Change[] = [];
  for (const [entryId, fields] of entries) {
    let op: string | undefined;
    let id: string | undefined;
    for (let i = 0; i + 1 < fields.length; i += 2) {
      if (fields[i] === "op") op = fields[i + 1];
      else if (fields[i] === "id") id = fields[i + 1];
    }
    if (id && (op === "add" || op === "update" || op === "remove"))
      out.push({ entryId, op: op as ChangeOp, id });
  }
  return out;
}
