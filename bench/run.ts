/** `npm run bench`: runs every bench in turn (each prints its own table). */
import { run as summarize } from "./summarize.ts";

for (const bench of [summarize]) bench();
