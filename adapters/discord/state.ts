/**
 * What the Discord adapter keeps in Redis: which threads belong to Summit (and their topic), the last
 * questions asked in each thread, and 👍/👎 feedback. Shared by every bot process, so any process can
 * answer in any thread.
 */
import type { Redis } from "ioredis";

const THREAD_TTL_S = 30 * 24 * 3600;
const FEEDBACK_TTL_S = 180 * 24 * 3600;
const HISTORY_KEEP = 6;

export interface ThreadContext {
  /** The topic or question that steers answers in the thread; null for a digest thread. */
  topic: string | null;
  kind: "briefing" | "answer" | "digest" | "notice" | "question";
}

export type Vote = "up" | "down";

export interface DiscordState {
  /** Marks these message (or thread) ids as Summit's: a thread started from any of them is a Q&A thread. */
  rememberThread(ids: string[], ctx: ThreadContext): Promise<void>;
  thread(id: string): Promise<ThreadContext | null>;
  /** Earlier questions in a thread, oldest first. */
  history(threadId: string): Promise<string[]>;
  addQuestion(threadId: string, question: string): Promise<void>;
  recordFeedback(
    messageId: string,
    userId: string,
    vote: Vote,
    kind: string,
  ): Promise<{ up: number; down: number }>;
}

export function createDiscordState(redis: Redis, prefix: string): DiscordState {
  const key = (...parts: string[]) => [prefix, "discord", ...parts].join(":");
  return {
    async rememberThread(ids, ctx) {
      if (ids.length === 0) return;
      const multi = redis.multi();
      for (const id of ids) multi.set(key("thread", id), JSON.stringify(ctx), "EX", THREAD_TTL_S);
      await multi.exec();
    },
    async thread(id) {
      const raw = await redis.get(key("thread", id));
      if (raw === null) return null;
      try {
        const parsed = JSON.parse(raw) as ThreadContext;
        return { topic: typeof parsed.topic === "string" ? parsed.topic : null, kind: parsed.kind };
      } catch {
        return null;
      }
    },
    async history(threadId) {
      const items = await redis.lrange(key("history", threadId), 0, HISTORY_KEEP - 1);
      return items.reverse();
    },
    async addQuestion(threadId, question) {
      const k = key("history", threadId);
      await redis
        .multi()
        .lpush(k, question.slice(0, 500))
        .ltrim(k, 0, HISTORY_KEEP - 1)
        .expire(k, THREAD_TTL_S)
        .exec();
    },
    async recordFeedback(messageId, userId, vote, kind) {
      const k = key("feedback", messageId);
      const res = await redis
        .multi()
        .hset(k, userId, vote)
        .hset(k, "_kind", kind)
        .expire(k, FEEDBACK_TTL_S)
        .hvals(k)
        .exec();
      const values = (res?.[3]?.[1] as string[] | undefined) ?? [];
      return {
        up: values.filter((v) => v === "up").length,
        down: values.filter((v) => v === "down").length,
      };
    },
  };
}
