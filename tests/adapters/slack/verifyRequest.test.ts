/**
 * The Slack request gate on its own: each refusal is logged as exactly one warn line without a stack,
 * a passing request reaches Bolt with its body already read, and Redis trouble lets requests through.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createRequestGate } from "../../../adapters/slack/verifyRequest.ts";
import { systemClock } from "../../../src/model.ts";
import { sign } from "./harness.ts";

const SECRET = "gate-secret";
let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
});

async function start(claim: (key: string) => Promise<boolean>) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const log = pino({ level: "debug" }, sink);
  const reached: string[] = [];
  const gate = createRequestGate({ signingSecret: SECRET, clock: systemClock, log, claim }, (req, res) => {
    reached.push(((req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)).toString());
    res.end("bolt");
  });
  server = createServer(gate);
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  const post = async (
    body: string,
    ts = Math.floor(Date.now() / 1000),
    signature = sign(body, ts, SECRET),
  ) => {
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": signature,
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  return { lines, reached, post };
}

const command = (trigger: string) =>
  new URLSearchParams({
    command: "/summit",
    text: "x",
    team_id: "T1",
    channel_id: "C1",
    user_id: "U1",
    response_url: "https://hooks.example/1",
    trigger_id: trigger,
  }).toString();

describe("slack request gate", () => {
  it("logs each refusal as one warn line without a stack, and passes good requests on with their body", async () => {
    const seen = new Set<string>();
    const g = await start(async (k) => !seen.has(k) && Boolean(seen.add(k)));
    expect((await g.post(command("t1"), Math.floor(Date.now() / 1000) + 3600)).status).toBe(401);
    expect((await g.post("foo=bar")).status).toBe(400);
    expect((await g.post(command("t2"))).text).toBe("bolt");
    expect((await g.post(command("t2"))).status).toBe(200);
    expect(g.reached).toEqual([command("t2")]);
    const warns = g.lines.filter((l) => l.level === 40);
    expect(warns.map((w) => w.msg)).toEqual([
      "slack request refused: timestamp in the future",
      "slack request refused: not a Slack command, interaction or event",
      "slack request replayed; ignored",
    ]);
    expect(JSON.stringify(g.lines)).not.toMatch(/"stack"|\n\s+at /);
    expect(g.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it("lets a request through when the replay check fails or hangs (Redis down)", async () => {
    const failing = await start(async () => {
      throw new Error("Connection is closed.");
    });
    expect((await failing.post(command("t3"))).text).toBe("bolt");
    await new Promise<void>((r) => server!.close(() => r()));
    server = null;
    const hanging = await start(() => new Promise<boolean>(() => {}));
    expect((await hanging.post(command("t4"))).text).toBe("bolt");
  });
});
