/** `npm run bench`: runs every bench/*.ts file (each prints its own table), one after another. */
import { readdirSync } from "node:fs";

const dir = new URL(".", import.meta.url);
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith(".ts") || name === "run.ts") continue;
  console.log(`\n## ${name}`);
  await import(new URL(name, dir).href);
}
