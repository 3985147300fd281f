import { runAdapterContract } from "../contract/cases.ts";
import { startDiscordDriver } from "./driver.ts";
import { keywordEngine } from "./fakeEngine.ts";

runAdapterContract("discord (gateway)", () =>
  startDiscordDriver({ mode: "gateway", engine: keywordEngine("seeds") }),
);
runAdapterContract("discord (http interactions)", () =>
  startDiscordDriver({ mode: "http", engine: keywordEngine("seeds") }),
);
