/**
 * Thread history kept by us in Redis (thread root → topic + questions and answers), because Slack
 * limits conversations.replies for apps outside the Marketplace. A thread is "ours" when its root is
 * a Summit briefing, digest or follow-up starter: any reply there is a question to Summit.
 */
import type { Redis } from "ioredis";

export interface ThreadTurn {
  question: string;
  answer: string;
}

export interface ThreadInfo {
  /** What the thread is about (the briefing's topic, the digest's topics), steering answers. */
  topic: string | null;
  kind: string;
  turns: ThreadTurn[];
}

export interface ThreadStore {
  /** Registers a message we posted as the root of a Summit thread. */
  open(channel: string, ts: string, info: { topic: string | null; kind: string }): Promise<void>;
  /** The thread's info, or null when the root is not one of ours. */
  get(channel: string, ts: string): Promise<ThreadInfo | null>;
  /** Appends a question and its answer (kept to the last `maxTurns`). */
  append(channel: string, ts: string, turn: ThreadTurn): Promise<void>;
}

export function createThreadStore(
  redis: Redis,
  prefix: string,
  opts: { ttlSeconds?: number; maxTurns?: number } = {},
): ThreadStore {
  const ttl = opts.ttlSeconds ?? 30 * 24 * 3600;
  const maxTurns = opts.maxTurns ?? 20;
  const metaKey = (channel: string, ts: string) => `${prefix}:slack:thread:${channel}:${ts}`;
  const turnsKey = (channel: string, ts: string) => `${metaKey(channel, ts)}:turns`;
  return {
    async open(channel, ts, info) {
      await redis
        .multi()
        .hset(metaKey(channel, ts), { topic: info.topic ?? "", kind: info.kind })
        .expire(metaKey(channel, ts), ttl)
        .exec();
    },
    async get(channel, ts) {
      const [meta, turns] = await Promise.all([
        redis.hgetall(metaKey(channel, ts)),
        redis.lrange(turnsKey(channel, ts), 0, -1),
      ]);
      if (!meta || meta.kind === undefined) return null;
      return {
        topic: meta.topic ? meta.topic : null,
        kind: meta.kind,
        turns: turns.map((t) => JSON.parse(t) as ThreadTurn),
      };
    },
    async append(channel, ts, turn) {
      const key = turnsKey(channel, ts);
      await redis
        .multi()
        .rpush(key, JSON.stringify(turn))
        .ltrim(key, -maxTurns, -1)
        .expire(key, ttl)
        .expire(metaKey(channel, ts), ttl)
        .exec();
    },
  };
}
