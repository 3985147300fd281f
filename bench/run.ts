/**
 * `npm run bench`: runs every bench file in turn; each prints its own table (medians, p99, ratios
 * against a baseline measured in the same run).
 */
const BENCHES = ["./core.ts"];

for (const file of BENCHES) {
  const mod = (await import(file)) as { run: () => Promise<void> };
  await mod.run();
}
