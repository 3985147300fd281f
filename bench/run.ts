/** `npm run bench`: runs every bench script in turn; each prints its own table. */
import { benchSlack } from "./slack.ts";

const benches: [string, () => Promise<void>][] = [["slack", () => benchSlack()]];

for (const [name, run] of benches) {
  console.log(`\n## ${name}`);
  await run();
}
