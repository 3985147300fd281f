/** The shared adapter contract (tests/adapters/contract/cases.ts) against the real Bolt app. */

import { createEngine } from "../../../app/engine/create.ts";
import { runAdapterContract } from "../contract/cases.ts";
import { startSlackDriver } from "./driver.ts";

const engine = createEngine({ corpusDir: "seeds" });

runAdapterContract("slack", () => startSlackDriver({ engine }), { engine });
