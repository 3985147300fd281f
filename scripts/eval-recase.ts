/**
 * `npm run eval:recase`: how well `recased` (src/text/recase.ts) puts the capitals back into a text
 * written all in lower case. Articles that ARE properly cased are lower-cased as the lower-cased copies
 * of news are (every letter lower, then the first letter of each sentence capitalised again: after the
 * text's start or a ".", "!" or "?" and a space), run through `recased` (no reader's names), and compared
 * with the original word by word.
 *
 * Only mid-sentence words are counted: a word that follows a letter, a digit, ",", ";" or ")" and a space
 * (`isLowerCased`'s rule), so a sentence's first word, a quotation's and a word after a colon or a
 * hyphen are left out (the original capitalises them for another reason). Words with a digit are left
 * out. A word counts as capitalised when it holds a capital letter.
 *
 *   precision  words recased with a capital that the original capitalises / words recased with a capital
 *   recall     the original's capitalised words recased with a capital / the original's capitalised words
 *   exact      the same with the word's form exactly the original's ("Nba" for "NBA" is no exact hit)
 *
 * Sets: BBC News (bbc_news.jsonl) by line number: even lines are the tuning half, odd lines held out;
 * Multi-News test, every `--every`th cluster (default 5), its documents that are cased (not
 * `isLowerCased`, and at least 5% of mid-sentence words capitalised), held out: in the shared copy none
 * is (every document is lower-cased, sentence-cased), so the held-out newswire is DUC 2004 task 2 and
 * DUC 2007 main, every document (AP, NYT, Xinhua; cased). Each set is scored for
 * this checkout and, with `--baseline DIR`, for another checkout's recase.ts in the same run.
 *
 *   npm run eval:recase                                  the table (this checkout)
 *   npm run eval:recase -- --baseline /tmp/base-recase   beside another checkout
 *   npm run eval:recase -- --top 30                      the 30 commonest wrong forms per kind (default 15)
 *   npm run eval:recase -- --errors tune                 the wrong forms listed for the tuning half only (default)
 *   npm run eval:recase -- --errors held                 ... for the held-out sets (read only to report)
 *   npm run eval:recase -- --every 10                    Multi-News sample: every 10th cluster
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { markdownTable, sharedUrl } from "./shared.ts";

type Recase = typeof import("../src/text/recase.ts");

interface Tally {
  articles: number;
  skipped: number;
  words: number;
  /** Mid-sentence words the original capitalises. */
  actual: number;
  /** Mid-sentence words recased with a capital. */
  predicted: number;
  /** ... of them capitalised in the original too, and of them exactly as the original writes them. */
  hit: number;
  exact: number;
  /** Wrong forms: a capital the original doesn't have, a capital in another form, a capital missed. */
  falseCapital: Map<string, number>;
  wrongForm: Map<string, number>;
  missed: Map<string, number>;
}

function emptyTally(): Tally {
  return {
    articles: 0,
    skipped: 0,
    words: 0,
    actual: 0,
    predicted: 0,
    hit: 0,
    exact: 0,
    falseCapital: new Map(),
    wrongForm: new Map(),
    missed: new Map(),
  };
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Lower case as the lower-cased copies write it: all lower, each sentence's first letter capitalised. */
export function lowerCopy(text: string): string {
  // Lower-case letter by letter so that offsets stay the same ("İ" lower-cases to two code units).
  let lower = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    lower += l.length === ch.length ? l : ch;
  }
  return lower.replace(
    /(^|[.!?]["'’”)]?\s+["'“‘(]?)(\p{Ll})/gu,
    (_, a: string, b: string) => a + b.toUpperCase(),
  );
}

const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}]|['’](?=\p{L}))*/gu;
const CAPITAL = /\p{Lu}/u;

/** Scores one article: its original text and the recased lower copy. */
function score(t: Tally, original: string, out: string): void {
  const a = [...original.matchAll(TOKEN)];
  const b = [...out.matchAll(TOKEN)];
  if (a.length !== b.length) {
    t.skipped++;
    return;
  }
  t.articles++;
  for (let i = 0; i < a.length; i++) {
    const o = a[i]![0];
    const r = b[i]![0];
    if (o.toLowerCase() !== r.toLowerCase()) {
      t.skipped++;
      return;
    }
    if (/\p{N}/u.test(o)) continue;
    const before = original.slice(Math.max(0, a[i]!.index - 3), a[i]!.index);
    if (!/[\p{L}\p{N},;)]\s+$/u.test(before)) continue;
    t.words++;
    const actual = CAPITAL.test(o);
    const predicted = CAPITAL.test(r);
    if (actual) t.actual++;
    if (predicted) t.predicted++;
    if (actual && predicted) {
      t.hit++;
      if (o === r) t.exact++;
      else bump(t.wrongForm, `${r} (${o})`);
    } else if (predicted) bump(t.falseCapital, `${r} (${o})`);
    else if (actual) bump(t.missed, o);
  }
}

interface Article {
  set: string;
  text: string;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(fileURLToPath(new URL(path, sharedUrl())), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Share of mid-sentence words capitalised (a cased article's is ~10–20%). */
function capitalShare(text: string): number {
  let mid = 0;
  let cap = 0;
  for (const m of text.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    if (!/[\p{L}\p{N},;)]\s+$/u.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    mid++;
    if (/^\p{Lu}/u.test(m[0])) cap++;
  }
  return mid === 0 ? 0 : cap / mid;
}

function articles(every: number, ours: Recase): Article[] {
  const out: Article[] = [];
  const bbc = readJsonl<{ text: string }>("eval/bbc_news/bbc_news.jsonl");
  bbc.forEach((r, i) => {
    out.push({ set: i % 2 === 0 ? "BBC even (tune)" : "BBC odd (held out)", text: r.text });
  });
  const mn = readJsonl<{ docs: { text: string }[] }>("eval/multi_news/multi_news_test.jsonl");
  mn.forEach((r, i) => {
    if (i % every !== 0) return;
    for (const d of r.docs)
      if (!ours.isLowerCased(d.text) && capitalShare(d.text) >= 0.05)
        out.push({ set: "Multi-News cased (held out)", text: d.text });
  });
  for (const file of ["eval/duc2004_task2/duc2004_task2.jsonl", "eval/duc2007/duc2007_main.jsonl"])
    for (const r of readJsonl<{ docs: { text: string }[] }>(file))
      for (const d of r.docs) out.push({ set: "DUC 2004+2007 (held out)", text: d.text });
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? "-" : (100 * (n / d)).toFixed(1));

function top(m: Map<string, number>, n: number): string {
  return [...m]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, n)
    .map(([k, c]) => `${k} ${c}`)
    .join(", ");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: "string" },
      top: { type: "string", default: "15" },
      every: { type: "string", default: "5" },
      errors: { type: "string", default: "tune" },
    },
  });
  const ours = (await import("../src/text/recase.ts")) as Recase;
  const checkouts: [string, Recase][] = [["this", ours]];
  if (values.baseline) {
    const url = pathToFileURL(resolve(values.baseline, "src/text/recase.ts")).href;
    checkouts.unshift(["baseline", (await import(url)) as Recase]);
  }
  const every = Number(values.every);
  const list = articles(every, ours);
  const sets = [...new Set(list.map((a) => a.set))];
  console.log(
    `BBC: all ${list.filter((a) => a.set.startsWith("BBC")).length} articles (even lines tune, odd held out); ` +
      `Multi-News: every ${every}th test cluster, its cased documents (${list.filter((a) => a.set.startsWith("Multi")).length}); ` +
      `DUC 2004 task 2 + DUC 2007 main: all ${list.filter((a) => a.set.startsWith("DUC")).length} documents.`,
  );
  console.log(
    "Counted: mid-sentence words only (after a letter, digit, ',', ';' or ')' and a space); no words with digits.\n",
  );
  const tallies = new Map<string, Tally>();
  const seconds = new Map<string, number>();
  for (const [name, r] of checkouts) {
    const t0 = performance.now();
    for (const a of list) {
      const key = `${name}\t${a.set}`;
      const t = tallies.get(key) ?? emptyTally();
      tallies.set(key, t);
      const lower = lowerCopy(a.text);
      score(t, a.text, r.recased(lower));
    }
    seconds.set(name, (performance.now() - t0) / 1000);
  }
  const rows: string[][] = [
    [
      "set",
      "checkout",
      "articles",
      "mid words",
      "capitalised",
      "recased cap.",
      "precision",
      "recall",
      "exact P",
      "exact R",
    ],
  ];
  for (const set of sets)
    for (const [name] of checkouts) {
      const t = tallies.get(`${name}\t${set}`)!;
      rows.push([
        set,
        name,
        `${t.articles}${t.skipped ? ` (+${t.skipped} skipped)` : ""}`,
        String(t.words),
        String(t.actual),
        String(t.predicted),
        pct(t.hit, t.predicted),
        pct(t.hit, t.actual),
        pct(t.exact, t.predicted),
        pct(t.exact, t.actual),
      ]);
    }
  console.log(markdownTable(rows));
  console.log(`\nseconds: ${[...seconds].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
  const n = Number(values.top);
  const which =
    values.errors === "held"
      ? sets.filter((s) => !s.includes("tune"))
      : sets.filter((s) => s.includes("tune"));
  for (const [name] of checkouts) {
    const t = emptyTally();
    for (const set of which) {
      const s = tallies.get(`${name}\t${set}`)!;
      for (const k of ["falseCapital", "wrongForm", "missed"] as const)
        for (const [w, c] of s[k]) t[k].set(w, (t[k].get(w) ?? 0) + c);
    }
    console.log(`\n${name}, ${which.join(" + ")}: commonest wrong forms (recased (original) count)`);
    console.log(`  capital the original lacks: ${top(t.falseCapital, n)}`);
    console.log(`  capital in another form:    ${top(t.wrongForm, n)}`);
    console.log(`  capital missed:             ${top(t.missed, n)}`);
  }
}

await main();
