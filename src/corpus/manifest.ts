/**
 * The ingest manifest, `<corpus>/.summit/manifest.json`: when each file entered the corpus. Digests and
 * `--since` go by it; files without an entry fall back to their modification time.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ManifestEntry {
  /** ISO timestamp. */
  addedAt: string;
  /** Where the file was ingested from, for the record. */
  from?: string;
}

export interface Manifest {
  version: 1;
  /** Keyed by the file's path relative to the corpus folder (forward slashes). */
  files: Record<string, ManifestEntry>;
}

export function manifestPath(corpusDir: string): string {
  return join(corpusDir, ".summit", "manifest.json");
}

export function readManifest(corpusDir: string): Manifest {
  let text: string;
  try {
    text = readFileSync(manifestPath(corpusDir), "utf8");
  } catch {
    return { version: 1, files: {} };
  }
  try {
    const parsed = JSON.parse(text) as Partial<Manifest>;
    if (parsed && typeof parsed.files === "object" && parsed.files !== null)
      return { version: 1, files: parsed.files };
  } catch {
    // A damaged manifest must not stop the corpus loading; file times are the fallback.
  }
  return { version: 1, files: {} };
}

/** Writes atomically (temp file + rename) so an interrupted ingest never leaves half a manifest. */
export function writeManifest(corpusDir: string, manifest: Manifest): void {
  const path = manifestPath(corpusDir);
  mkdirSync(join(corpusDir, ".summit"), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(tmp, path);
}
