/** The HTTP interactions endpoint: signatures are checked before any work, PING gets PONG. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordHarness, keypair, startDiscordDriver } from "./driver.ts";
import { type ScriptedEngine, scriptedEngine } from "./fakeEngine.ts";

describe("discord HTTP interactions endpoint", () => {
  let h: DiscordHarness;
  let engine: ScriptedEngine;
  beforeAll(async () => {
    engine = scriptedEngine();
    h = await startDiscordDriver({ mode: "http", engine });
  });
  afterAll(async () => {
    await h?.close();
  });

  const summitBody = () =>
    JSON.stringify(h.fake.slashCommand("summit", [{ name: "topic", value: "sanctions" }]));

  it("answers a signed PING with PONG", async () => {
    const body = JSON.stringify({
      id: "1",
      application_id: h.fake.applicationId,
      type: 1,
      token: "t",
      version: 1,
    });
    const res = await h.postRaw(body, h.signed(body));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ type: 1 });
  });

  it("refuses a forged signature with 401 before any work", async () => {
    const body = summitBody();
    const other = keypair();
    const headers = h.signed(body);
    const before = engine.calls.length;
    const forged = await h.postRaw(body, {
      ...headers,
      "x-signature-ed25519":
        (headers["x-signature-ed25519"]!.startsWith("0") ? "1" : "0") +
        headers["x-signature-ed25519"]!.slice(1),
    });
    expect(forged.status).toBe(401);
    // Signed by someone else's key.
    const { sign } = await import("node:crypto");
    const ts = headers["x-signature-timestamp"]!;
    const wrongKey = await h.postRaw(body, {
      ...headers,
      "x-signature-ed25519": sign(null, Buffer.from(ts + body), other.privateKey).toString("hex"),
    });
    expect(wrongKey.status).toBe(401);
    // Body changed after signing.
    const tampered = await h.postRaw(body.replace("sanctions", "something"), headers);
    expect(tampered.status).toBe(401);
    const missing = await h.postRaw(body, { "content-type": "application/json" });
    expect(missing.status).toBe(401);
    await h.adapter.idle();
    expect(engine.calls.length).toBe(before);
    expect(h.fake.requests.filter((r) => r.path.startsWith("/webhooks/"))).toEqual([]);
  });

  it("refuses a correctly signed but stale request (replay)", async () => {
    const body = summitBody();
    const res = await h.postRaw(body, h.signed(body, new Date(Date.now() - 10 * 60_000)));
    expect(res.status).toBe(401);
  });

  it("accepts a correctly signed command", async () => {
    const body = summitBody();
    const res = await h.postRaw(body, h.signed(body));
    expect(res.status).toBe(200);
    const response = JSON.parse(res.text) as { type: number; data?: Record<string, unknown> };
    expect(response).toEqual({ type: 5, data: {} });
    h.fake.applyInteractionResponse((JSON.parse(body) as { token: string }).token, response);
    await h.adapter.idle();
    expect(h.fake.requests.some((r) => r.method === "PATCH" && r.path.endsWith("/messages/@original"))).toBe(
      true,
    );
  });
});
