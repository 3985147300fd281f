/** npm run bench: runs every bench file in turn. */
import { run as discordInteractions } from "./discord-interactions.ts";

await discordInteractions();
