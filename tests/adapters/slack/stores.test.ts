import { randomUUID } from "node:crypto";
import type { Installation } from "@slack/bolt";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createEventDedupe } from "../../../adapters/slack/eventDedupe.ts";
import { createRedisInstallationStore } from "../../../adapters/slack/installationStore.ts";
import { createThreadStore } from "../../../adapters/slack/threadStore.ts";
import { deleteKeysUnder } from "../../support/redisKeys.ts";

const redis = new Redis("redis://127.0.0.1:6379");
const prefix = `summit-test-${randomUUID()}`;

afterAll(async () => {
  await deleteKeysUnder(redis, prefix);
  redis.disconnect();
});

describe("Redis installation store (OAuth)", () => {
  const store = createRedisInstallationStore(redis, prefix);
  const install = (team: string, token: string): Installation<"v2", false> => ({
    team: { id: team, name: "Team" },
    enterprise: undefined,
    user: { id: "U1", token: undefined, scopes: undefined },
    bot: { id: "B1", userId: "UB1", token, scopes: ["chat:write"] },
    isEnterpriseInstall: false,
    tokenType: "bot",
    authVersion: "v2",
  });

  it("stores, fetches, updates and deletes a workspace installation", async () => {
    await store.storeInstallation(install("T1", "xoxb-1"));
    await store.storeInstallation(install("T2", "xoxb-2"));
    const q = { teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false as const };
    expect((await store.fetchInstallation(q)).bot?.token).toBe("xoxb-1");
    await store.storeInstallation(install("T1", "xoxb-1b"));
    expect((await store.fetchInstallation(q)).bot?.token).toBe("xoxb-1b");
    await store.deleteInstallation?.(q);
    await expect(store.fetchInstallation(q)).rejects.toThrow(/no Slack installation/);
    expect((await store.fetchInstallation({ ...q, teamId: "T2" })).bot?.token).toBe("xoxb-2");
  });

  it("serves a workspace of an org-wide Enterprise Grid install", async () => {
    await store.storeInstallation({
      ...install("T9", "xoxb-org"),
      team: undefined,
      enterprise: { id: "E1", name: "Org" },
      isEnterpriseInstall: true,
    } as unknown as Installation<"v2", true>);
    const found = await store.fetchInstallation({
      teamId: "T77",
      enterpriseId: "E1",
      isEnterpriseInstall: false,
    });
    expect(found.bot?.token).toBe("xoxb-org");
  });
});

describe("event dedupe", () => {
  it("claims a key once", async () => {
    const d = createEventDedupe(redis, prefix, 60);
    expect(await d.claim("event:Ev1")).toBe(true);
    expect(await d.claim("event:Ev1")).toBe(false);
    expect(await d.claim("event:Ev2")).toBe(true);
    expect(await redis.ttl(`${prefix}:slack:seen:event:Ev1`)).toBeGreaterThan(0);
  });
});

describe("thread store", () => {
  it("keeps topic and the last turns of a thread", async () => {
    const t = createThreadStore(redis, prefix, { maxTurns: 2 });
    expect(await t.get("C1", "1.1")).toBeNull();
    await t.open("C1", "1.1", { topic: "laborers", kind: "briefing" });
    for (const q of ["a", "b", "c"]) await t.append("C1", "1.1", { question: q, answer: q.toUpperCase() });
    expect(await t.get("C1", "1.1")).toEqual({
      topic: "laborers",
      kind: "briefing",
      turns: [
        { question: "b", answer: "B" },
        { question: "c", answer: "C" },
      ],
    });
  });
});
