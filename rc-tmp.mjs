import { check } from "recheck";
for (const s of process.argv.slice(2)) { const r = await check(s, "u", {timeout: 10000, randomSeed: 0}); console.log(r.status, r.complexity?.type, r.complexity?.degree ?? "", s); }
process.exit(0);
