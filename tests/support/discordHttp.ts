/**
 * Signed requests to the Discord HTTP interactions endpoint, for the tests that exercise or attack it
 * (tests/adapters/discord/http.test.ts, tests/adapters/discord/requestLimits.test.ts,
 * tests/adapters/requestGuards.test.ts): a driver in HTTP mode over a scripted engine for the enclosing
 * describe block, a /summit command body, and headers signed by a key the endpoint does not know.
 *
 *   const rig = discordHttpRig();                  // inside describe(): started before, closed after
 *   const body = rig.summitBody();
 *   await rig.h.postRaw(body, rig.h.signed(body)); // signed by the endpoint's own key
 *   await rig.h.postRaw(body, rig.signedByAnotherKey(body));
 */
import { sign } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { type DiscordHarness, keypair, startDiscordDriver } from "../adapters/discord/driver.ts";
import { type ScriptedEngine, scriptedEngine } from "../adapters/discord/fakeEngine.ts";

export interface DiscordHttpRig {
  /** The driver (started before the block's tests run). */
  readonly h: DiscordHarness;
  /** The scripted engine behind it: `engine.calls` says whether any work was done. */
  readonly engine: ScriptedEngine;
  /** A `/summit topic:sanctions` interaction as JSON (a fresh id and token each time). */
  summitBody(): string;
  /** Headers for `body`, dated now or `at`, signed by another key than the endpoint's. */
  signedByAnotherKey(body: string, at?: Date): Record<string, string>;
  /** How many webhook requests (replies, follow-ups) the fake Discord has had. */
  webhookCalls(): number;
}

/** Starts a Discord HTTP-interactions driver for the enclosing describe block and closes it after. */
export function discordHttpRig(): DiscordHttpRig {
  const other = keypair();
  let started: { h: DiscordHarness; engine: ScriptedEngine } | null = null;
  const get = () => {
    if (!started)
      throw new Error("discordHttpRig: the driver starts before the block's tests, use it inside them");
    return started;
  };
  beforeAll(async () => {
    const engine = scriptedEngine();
    started = { engine, h: await startDiscordDriver({ mode: "http", engine }) };
  });
  afterAll(async () => {
    await started?.h.close();
  });
  const rig: DiscordHttpRig = {
    get h() {
      return get().h;
    },
    get engine() {
      return get().engine;
    },
    summitBody: () =>
      JSON.stringify(rig.h.fake.slashCommand("summit", [{ name: "topic", value: "sanctions" }])),
    signedByAnotherKey(body, at) {
      const headers = rig.h.signed(body, at);
      const ts = headers["x-signature-timestamp"]!;
      return {
        ...headers,
        "x-signature-ed25519": sign(null, Buffer.from(ts + body), other.privateKey).toString("hex"),
      };
    },
    webhookCalls: () => rig.h.fake.requests.filter((r) => r.path.startsWith("/webhooks/")).length,
  };
  return rig;
}
