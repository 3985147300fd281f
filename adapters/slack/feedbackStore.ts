/**
 * 👍/👎 on a Summit message, one vote per user per message (a second click changes the vote), with
 * running totals per document kind, so we can see what people find useful.
 */
import type { Redis } from "ioredis";
import type { FeedbackVote, FeedbackStore as UseCaseFeedbackStore, Vote } from "../../usecases/feedback.ts";

export interface FeedbackStore extends UseCaseFeedbackStore {
  record(f: FeedbackVote): Promise<void>;
  /** Votes on one message, by user. */
  votes(ref: string): Promise<Record<string, Vote>>;
  totals(): Promise<Record<string, number>>;
}

export function createFeedbackStore(
  redis: Redis,
  prefix: string,
  ttlSeconds = 90 * 24 * 3600,
): FeedbackStore {
  const votesKey = (ref: string) => `${prefix}:slack:feedback:${ref}`;
  const totalsKey = `${prefix}:slack:feedback-totals`;
  const logKey = `${prefix}:slack:feedback-log`;
  return {
    async record(f) {
      const previous = (await redis.hget(votesKey(f.ref), f.user)) as Vote | null;
      const tx = redis.multi().hset(votesKey(f.ref), f.user, f.vote).expire(votesKey(f.ref), ttlSeconds);
      if (previous !== f.vote) {
        tx.hincrby(totalsKey, `${f.kind}:${f.vote}`, 1);
        if (previous) tx.hincrby(totalsKey, `${f.kind}:${previous}`, -1);
        tx.rpush(logKey, JSON.stringify(f)).ltrim(logKey, -10_000, -1);
      }
      await tx.exec();
    },
    async votes(ref) {
      return (await redis.hgetall(votesKey(ref))) as Record<string, Vote>;
    },
    async totals() {
      const raw = await redis.hgetall(totalsKey);
      return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
    },
  };
}
