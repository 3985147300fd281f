/** The HTTP interactions endpoint: signatures are checked before any work, PING gets PONG. */
import { describe, expect, it } from "vitest";
import { discordHttpRig } from "../../support/discordHttp.ts";

describe("discord HTTP interactions endpoint", () => {
  const rig = discordHttpRig();

  it("answers a signed PING with PONG", async () => {
    const { h } = rig;
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
    const { h, engine } = rig;
    const body = rig.summitBody();
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
    const wrongKey = await h.postRaw(body, rig.signedByAnotherKey(body));
    expect(wrongKey.status).toBe(401);
    // Body changed after signing.
    const tampered = await h.postRaw(body.replace("sanctions", "something"), headers);
    expect(tampered.status).toBe(401);
    const missing = await h.postRaw(body, { "content-type": "application/json" });
    expect(missing.status).toBe(401);
    await h.adapter.idle();
    expect(engine.calls.length).toBe(before);
    expect(rig.webhookCalls()).toBe(0);
  });

  it("refuses a correctly signed but stale request (replay)", async () => {
    const { h } = rig;
    const body = rig.summitBody();
    const res = await h.postRaw(body, h.signed(body, new Date(Date.now() - 10 * 60_000)));
    expect(res.status).toBe(401);
  });

  it("accepts a correctly signed command", async () => {
    const { h } = rig;
    const body = rig.summitBody();
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
