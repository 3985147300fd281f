/**
 * The core-facing cases every adapter must pass, run against each adapter's driver:
 *   runAdapterContract("slack", () => startSlackDriver());
 * Adapter-specific checks (signatures, retries, platform payload shapes) stay in each adapter's own tests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdapterDriver } from "./driver.ts";

export function runAdapterContract(name: string, start: () => Promise<AdapterDriver>): void {
  describe(`adapter contract: ${name}`, () => {
    let driver: AdapterDriver;
    beforeAll(async () => {
      driver = await start();
    });
    afterAll(async () => {
      await driver?.close();
    });

    it("a briefing on a covered topic has cited points and a source list", async () => {
      const replies = await driver.slash("laborers");
      const briefing = replies.at(-1);
      expect(briefing).toBeDefined();
      expect(briefing!.text).toMatch(/labou?rers|workers/i);
      // Numbered citations such as [1] appear beside points.
      expect(briefing!.text).toMatch(/\[\d+\]/);
      for (const r of replies) expect(driver.limitViolations(r)).toEqual([]);
    });

    it("a topic the corpus does not cover says so instead of inventing a briefing", async () => {
      const replies = await driver.slash("quantum chromodynamics");
      expect(replies.map((r) => r.text).join("\n")).toMatch(
        /no(thing| articles?)|couldn.t find|don.t cover/i,
      );
    });

    it("an empty topic gets usage help, not an error", async () => {
      const replies = await driver.slash("");
      expect(replies.map((r) => r.text).join("\n")).toMatch(/\/summit/);
    });

    it("a topic full of mentions cannot ping anyone", async () => {
      const replies = await driver.slash("@everyone @here <!channel> <@U123> <@&456> <!everyone> laborers");
      expect(replies.length).toBeGreaterThan(0);
      for (const r of replies) expect(driver.couldPing(r)).toBe(false);
    });

    it("a follow-up in the briefing's thread gets a grounded answer in that thread", async () => {
      const [briefing] = (await driver.slash("laborers")).slice(-1);
      const answers = await driver.followUp(briefing!, "How many North Korean workers are in Russia?");
      const answer = answers.at(-1);
      expect(answer).toBeDefined();
      expect(answer!.text).toMatch(/10,000|thousands/);
      expect(answer!.text).toMatch(/\[\d+\]/);
    });

    it("subscribing lists the subscription, and bad input gets a friendly error", async () => {
      const ok = await driver.subscribe({ at: "08:00", tz: "Europe/Berlin", days: "weekdays" });
      expect(ok.map((r) => r.text).join("\n")).toMatch(/08:00/);
      const listed = await driver.listSubscriptions();
      expect(listed.map((r) => r.text).join("\n")).toMatch(/Europe\/Berlin/);
      const bad = await driver.subscribe({ at: "25:99", tz: "Mars/Olympus" });
      expect(bad.map((r) => r.text).join("\n")).toMatch(/time|timezone/i);
    });
  });
}
