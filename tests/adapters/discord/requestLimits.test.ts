/**
 * The HTTP interactions endpoint refuses, before any work, requests dated too far in the future (not
 * only stale ones) and malformed signature and timestamp headers. A request signed a minute ago is the
 * positive control. (Oversized bodies → 413: tests/adapters/requestGuards.test.ts on wt/harden-http.)
 */
import { describe, expect, it } from "vitest";
import { discordHttpRig } from "../../support/discordHttp.ts";

describe("discord HTTP interactions: timestamps, headers and size", () => {
  const rig = discordHttpRig();

  it("refuses future-dated, non-numeric and non-hex requests with 401, doing nothing", async () => {
    const { h, engine } = rig;
    const before = engine.calls.length;
    const body = rig.summitBody();
    for (const at of [Date.now() + 10 * 60_000, Date.now() + 365 * 24 * 3600_000]) {
      expect((await h.postRaw(body, h.signed(body, new Date(at)))).status).toBe(401);
    }
    const headers = h.signed(body);
    const bad = [
      { ...headers, "x-signature-timestamp": "soon" },
      { ...headers, "x-signature-ed25519": "zz".repeat(64) },
      { ...headers, "x-signature-ed25519": "" },
    ];
    for (const hdrs of bad) expect((await h.postRaw(body, hdrs)).status).toBe(401);
    await h.adapter.idle();
    expect(engine.calls.length).toBe(before);
    // Positive control: signed a minute ago is within the window and is answered.
    const ok = await h.postRaw(body, h.signed(body, new Date(Date.now() - 60_000)));
    expect(ok.status).toBe(200);
  });
});
