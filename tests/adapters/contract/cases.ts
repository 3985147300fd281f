/**
 * The cases every surface must pass, run against each surface's driver:
 *   runAdapterContract("slack", () => startSlackDriver({ engine }), { engine });
 * The use cases are written once (usecases/), so each surface must say the same thing: the same topics to
 * try when nothing is found, the catalogue's words for a bad timezone or a digest that is not yours,
 * one wording of days. Surface-specific checks (signatures, retries, payload shapes) stay in each
 * surface's own tests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDays } from "../../../queue/validate.ts";
import { message } from "../../../src/messages.ts";
import type { Engine } from "../../../src/model.ts";
import { command } from "../../../src/present/richText.ts";
import { topicsToTry } from "../../../usecases/topicsToTry.ts";
import type { AdapterDriver, PostedMessage } from "./driver.ts";

const shown = (replies: PostedMessage[]) => replies.map((r) => r.text).join("\n");

export function runAdapterContract(
  name: string,
  start: () => Promise<AdapterDriver>,
  opts: { engine: Pick<Engine, "suggestTopics"> },
): void {
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

    it("a topic the corpus does not cover says so, and offers the same topics to try everywhere", async () => {
      const topic = "quantum chromodynamics";
      const text = shown(await driver.slash(topic));
      expect(text).toMatch(/no(thing| articles?)|couldn.t find|don.t cover/i);
      const topics = topicsToTry(topic, { engine: opts.engine });
      expect(topics.length).toBeGreaterThan(0);
      expect(text).toContain(`Topics I do cover include: ${topics.join(", ")}.`);
    });

    it("an empty topic gets usage help naming the briefing command, not an apology", async () => {
      const text = shown(await driver.slash(""));
      expect(text).toContain(driver.visible([command("brief", { topic: "<topic>" })]));
      expect(text).not.toMatch(/sorry/i);
    });

    it("a topic full of mentions cannot ping anyone", async () => {
      const replies = await driver.slash(
        "@everyone @here <!channel> <@U123> <@&456> <!everyone> \u0007 laborers",
      );
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
      // The confirmation names the new digest; the listing shows it with its time, zone and days.
      const id = driver.subscriptionIdIn(shown(ok));
      expect(id).toBeTruthy();
      const listed = shown(await driver.listSubscriptions());
      expect(listed).toContain(id!);
      expect(listed).toMatch(/08:00\W+Europe\/Berlin\W+weekdays/);
      const bad = await driver.subscribe({ at: "25:99", tz: "Mars/Olympus" });
      expect(shown(bad)).toMatch(/time|timezone/i);
    });

    it("a bad timezone is refused in the catalogue's words, the same on every surface", async () => {
      const text = shown(await driver.subscribe({ at: "08:00", tz: "Mars/Olympus" }));
      const words = message("unknown_timezone", "Mars/Olympus", null);
      expect(text).toContain(driver.visible(words));
      expect(text).toContain(
        '"Mars/Olympus" is not a timezone I know: use an IANA name such as Europe/Berlin or America/New_York.',
      );
    });

    it("a digest that is not the caller's cannot be stopped, and is refused like an unknown id", async () => {
      const id = await driver.foreignSubscriptionId();
      const text = shown(await driver.unsubscribe(id));
      expect(text).toContain(driver.visible(message("unknown_subscription", id)));
      expect(text).toMatch(new RegExp(`There is no digest \\W?${id}\\W? here`));
    });

    it("a listing words the days the same on every surface", async () => {
      await driver.subscribe({ at: "06:45", tz: "Asia/Tokyo", days: "mon,wed,fri" });
      await driver.subscribe({ at: "07:15", tz: "Asia/Tokyo", days: "mon-fri" });
      await driver.subscribe({ at: "07:45", tz: "Asia/Tokyo", days: "daily" });
      const listed = shown(await driver.listSubscriptions());
      for (const [at, days] of [
        ["06:45", describeDays(["mon", "wed", "fri"])],
        ["07:15", describeDays(["mon", "tue", "wed", "thu", "fri"])],
        ["07:45", describeDays(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])],
      ] as const) {
        expect(listed).toMatch(new RegExp(`${at}\\W+Asia/Tokyo\\W+${days}`));
      }
    });
  });
}
