/** The shared adapter contract (tests/adapters/contract/cases.ts) against the real Bolt app. */
import { runAdapterContract } from "../contract/cases.ts";
import { startSlackDriver } from "./driver.ts";
import { createKeywordEngine } from "./keywordEngine.ts";

runAdapterContract("slack", () => startSlackDriver({ engine: createKeywordEngine("seeds") }));
