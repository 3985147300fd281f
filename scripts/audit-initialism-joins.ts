// `node scripts/audit-initialism-joins.ts`: every sbd boundary after an initialism ("U.S.", "N.C.") that
// splitSentences joins, in the DUC 2007 main + update documents (read at run time from /work/shared/eval).
// Lines: file, cluster, docno, "initialism next-word", context; counts per pair on stderr.
import { readFileSync } from "node:fs";
import sbd from "sbd";
import { cleanArticleText } from "../src/corpus/clean.ts";
import { splitSentences } from "../src/corpus/sentences.ts";

const INITIALISM = /(?:^|[\s("“-])(?!(?:a|p)\.m\.$)(?:\p{L}\.){2,}$/iu;
const OPTIONS = { newline_boundaries: true, preserve_whitespace: false, sanitize: false } as const;
const counts = new Map<string, number>();
for (const f of ["duc2007_main.jsonl", "duc2007_update.jsonl"]) {
  for (const line of readFileSync(`/work/shared/eval/duc2007/${f}`, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    for (const d of c.docs) {
      const paras = cleanArticleText(d.text, { title: d.title }).paragraphs;
      for (const p of paras) {
        const clean = p.replace(/\s+/g, " ").trim();
        if (!/[\p{L}\p{N}]/u.test(clean)) continue;
        const raw = sbd
          .sentences(clean, OPTIONS)
          .map((s: string) => s.trim())
          .filter(Boolean);
        const now = new Set(splitSentences(p));
        for (let i = 1; i < raw.length; i++) {
          const prev = raw[i - 1] as string,
            next = raw[i] as string;
          if (!INITIALISM.test(prev)) continue;
          if (now.has(next)) continue; // still split
          const ini = prev.slice(prev.lastIndexOf(" ") + 1);
          const nw = next.split(/\s+/)[0] ?? "";
          const key = `${ini} ${nw}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
          console.log(`${f}\t${c.id}\t${d.docno}\t${key}\t…${prev.slice(-70)} ‖ ${next.slice(0, 70)}`);
        }
      }
    }
  }
}
console.error(
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${v}\t${k}`)
    .join("\n"),
);
