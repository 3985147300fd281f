/** Deleting one test's (or bench run's) own keys: everything under its unique prefix, never anyone else's. */
import type { Redis } from "ioredis";

export async function deleteKeysUnder(
  redis: Redis,
  prefix: string,
  pattern = `${prefix}:*`,
): Promise<number> {
  let deleted = 0;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== "0");
  return deleted;
}
