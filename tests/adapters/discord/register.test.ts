import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../../scripts/discord-register.ts";
import { type FakeDiscord, startFakeDiscord } from "../../peers/discord/server.ts";

describe("npm run discord:register", () => {
  let fake: FakeDiscord;
  const env = () => ({
    DISCORD_TOKEN: "reg-token",
    DISCORD_APPLICATION_ID: "100000000000000001",
    DISCORD_API_URL: fake.apiUrl,
  });
  beforeAll(async () => {
    fake = await startFakeDiscord({ token: "reg-token", applicationId: "100000000000000001" });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("registers the five commands globally, or in one guild with --guild", async () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      expect(await main([], env())).toBe(0);
      expect(await main(["--guild", "123456789012345678"], env())).toBe(0);
    } finally {
      out.mockRestore();
    }
    const names = (key: string) => (fake.commands.get(key) as { name: string }[]).map((c) => c.name).sort();
    const expected = [
      "summit",
      "summit-sources",
      "summit-subscribe",
      "summit-subscriptions",
      "summit-unsubscribe",
    ];
    expect(names("global")).toEqual(expected);
    expect(names("123456789012345678")).toEqual(expected);
    const summit = (
      fake.commands.get("global") as { name: string; options: { autocomplete?: boolean }[] }[]
    ).find((c) => c.name === "summit")!;
    expect(summit.options[0]!.autocomplete).toBe(true);
  });

  it("refuses a bad guild id and missing credentials", async () => {
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await main(["--guild", "general"], env())).toBe(1);
      expect(await main([], {})).toBe(1);
    } finally {
      err.mockRestore();
    }
  });
});
