import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildProgram, type CliDeps } from "../../app/cli.ts";
import { loadConfig } from "../../app/config.ts";
import { InputError } from "../../src/errors.ts";
import { type FakePlatform, fakePlatformSender, startFakePlatform } from "../peers/fakePlatform.ts";
import {
  deletePrefix,
  FakeEngine,
  quietLog,
  REDIS_URL,
  type Rig,
  startRig,
  uniquePrefix,
} from "../queue/helpers.ts";

const prefix = uniquePrefix();
let output: string[] = [];
let fake: FakePlatform;
/** What each command is built with (dependencies passed in: no module state to reset between tests). */
let deps: CliDeps;

function depsFor(redisPrefix: string, more: Partial<CliDeps> = {}, redisUrl = REDIS_URL): CliDeps {
  return {
    config: loadConfig({ REDIS_URL: redisUrl, SUMMIT_REDIS_PREFIX: redisPrefix }),
    log: quietLog,
    out: { write: (t: string) => output.push(t) },
    ...more,
  };
}

async function cli(...argv: string[]): Promise<string> {
  output = [];
  await buildProgram(deps).parseAsync(argv, { from: "user" });
  return output.join("");
}

beforeAll(async () => {
  fake = await startFakePlatform();
  deps = depsFor(prefix);
});
afterAll(async () => {
  await fake.close();
  await deletePrefix(prefix);
});

describe("summit subscribe / subscriptions / unsubscribe", () => {
  it("subscribe prints only the new id; subscriptions lists it; unsubscribe removes it", async () => {
    const id = (
      await cli(
        "subscribe",
        "--platform",
        "slack",
        "--channel",
        "C1",
        "--team",
        "T1",
        "--at",
        "8:00",
        "--tz",
        "europe/berlin",
        "--days",
        "mon-fri",
        "--topics",
        "sanctions, labour",
      )
    ).trim();
    expect(id).toMatch(/^sub_[a-z0-9]{8}$/);
    const table = await cli("subscriptions");
    expect(table).toMatch(/^ID\s+PLATFORM\s+TEAM\s+CHANNEL/);
    expect(table).toContain(id);
    expect(table).toMatch(
      /slack\s+T1\s+C1\s+08:00\s+Europe\/Berlin\s+weekdays\s+sanctions, labour\s+\w{3} \d+ \w{3} 08:00 Europe\/Berlin/,
    );
    const json = JSON.parse(await cli("subscriptions", "--json")) as Array<Record<string, unknown>>;
    expect(json).toEqual([
      expect.objectContaining({
        id,
        platform: "slack",
        workspace: "T1",
        channel: "C1",
        at: "08:00",
        tz: "Europe/Berlin",
        topics: ["sanctions", "labour"],
        days: ["mon", "tue", "wed", "thu", "fri"],
        pausedReason: null,
      }),
    ]);
    expect(Date.parse(String(json[0]!.nextDelivery))).toBeGreaterThan(Date.now());
    expect(await cli("unsubscribe", id)).toBe(`unsubscribed ${id}\n`);
    await expect(cli("unsubscribe", id)).rejects.toThrow(`There is no digest ${id} here`);
    expect(await cli("subscriptions")).toMatch(
      /^No Summit digests here yet\. Start one with `summit subscribe /,
    );
  });

  it("bad input is one friendly line", async () => {
    await expect(
      cli("subscribe", "--platform", "slack", "--channel", "C1", "--at", "25:99", "--tz", "UTC"),
    ).rejects.toThrow(InputError);
    await expect(
      cli("subscribe", "--platform", "slack", "--channel", "C1", "--at", "08:00", "--tz", "Mars/Olympus"),
    ).rejects.toThrow(/timezone/);
    await expect(
      cli("subscribe", "--platform", "teams", "--channel", "C1", "--at", "08:00", "--tz", "UTC"),
    ).rejects.toThrow(/slack or discord/);
    await expect(
      cli(
        "subscribe",
        "--platform",
        "slack",
        "--channel",
        "C1",
        "--at",
        "08:00",
        "--tz",
        "UTC",
        "--days",
        "someday",
      ),
    ).rejects.toThrow(/days/);
  });

  it("says in one line, quickly, when Redis is unreachable", async () => {
    deps = depsFor(prefix, {}, "redis://127.0.0.1:1");
    try {
      await expect(cli("subscriptions")).rejects.toThrow(
        /^cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\)/,
      );
    } finally {
      deps = depsFor(prefix);
    }
  });
});

describe("summit digest send", () => {
  let rig: Rig | null = null;
  afterEach(async () => {
    await rig?.close();
    rig = null;
    deps = depsFor(prefix);
  });

  it("waits for a running worker to deliver and prints it", async () => {
    rig = await startRig({ fake });
    deps = depsFor(rig.prefix);
    const id = (
      await cli("subscribe", "--platform", "discord", "--channel", "D-send", "--at", "07:00", "--tz", "UTC")
    ).trim();
    expect(await cli("digest", "send", id)).toMatch(
      new RegExp(`^delivered ${id} to discord D-send \\(message \\d+\\)`),
    );
    expect(fake.postsTo("D-send")).toHaveLength(1);
  });

  it("with no worker running, runs one here when a sender is configured, else says what to set", async () => {
    rig = await startRig({ workers: 0, fake });
    deps = depsFor(rig.prefix, { senders: {} });
    const id = (
      await cli("subscribe", "--platform", "slack", "--channel", "S-send", "--at", "07:00", "--tz", "UTC")
    ).trim();
    await expect(cli("digest", "send", id)).rejects.toThrow(
      /no digest worker is running and .*SLACK_BOT_TOKEN/,
    );
    await expect(cli("digest", "send", "sub_missing1")).rejects.toThrow(
      /There is no digest sub_missing1 here/,
    );

    deps = depsFor(rig.prefix, {
      senders: { slack: fakePlatformSender(fake.url, "slack") },
      engine: async () => new FakeEngine([{ id: "a", title: "Summit", addedAt: "2019-04-25T08:00:00Z" }]),
    });
    expect(await cli("digest", "send", id)).toMatch(new RegExp(`^delivered ${id} to slack S-send`));
    fake.gone("S-send");
    await expect(cli("digest", "send", id)).rejects.toThrow(
      /^failed sub_\w+: delivery failed and will not be retried: Slack said channel_not_found/,
    );
  });
});
