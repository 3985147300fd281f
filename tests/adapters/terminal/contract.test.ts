/** The shared adapter contract against the command line (`summit …`), on the seed corpus with the real engine. */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../app/engine/create.ts";
import { runAdapterContract } from "../contract/cases.ts";
import { startCliDriver } from "./driver.ts";

const engine = createEngine({ corpusDir: "seeds" });

runAdapterContract("cli", () => startCliDriver({ engine }), { engine });

describe("the command line's failures", () => {
  it("exit 1 with one line in the catalogue's words, nothing on stdout", async () => {
    const cli = await startCliDriver({ engine });
    try {
      const r = await cli.run([
        "subscribe",
        "--platform",
        "slack",
        "--channel",
        "C1",
        "--at",
        "08:00",
        "--tz",
        "Mars/Olympus",
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        'summit: "Mars/Olympus" is not a timezone I know: use an IANA name such as Europe/Berlin or America/New_York.\n',
      );
    } finally {
      await cli.close();
    }
  });
});
