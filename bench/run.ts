/**
 * `npm run bench`: runs every bench/*.ts file in turn; each prints its own table.
 * Convention: a bench file exports `run()` and calls it only when it is the main module
 * (`if (import.meta.main) await run();`), so it can also be run alone with `npx node bench/<file>.ts`.
 * Pass names to run a subset: `npm run bench -- core digests`.
 */
import { readdirSync } from "node:fs";

const only = process.argv.slice(2);
const dir = new URL(".", import.meta.url);
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith(".ts") || name === "run.ts") continue;
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  const mod: { run?: () => Promise<void> } = await import(new URL(name, dir).href);
  if (typeof mod.run !== "function") continue; // helpers (stats.ts, versus.ts)
  console.log(`\n## ${name}`);
  await mod.run();
}
