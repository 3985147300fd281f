import { readFileSync } from "node:fs";
import { contentStems } from "../src/text/tokens.ts";

const rows = readFileSync("/work/shared/eval/multi_news/multi_news_test.jsonl", "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; docs: { text: string; title?: string }[] });
const ids: string[] = [];
const texts: string[] = [];
for (const r of rows)
  r.docs.forEach((d, i) => {
    ids.push(`${r.id}/d${i}`);
    texts.push(`${d.title ?? ""}\n${d.text}`);
  });
const tfs = texts.map((t) => {
  const tf = new Map<string, number>();
  for (const s of contentStems(t)) if (!/\d/.test(s)) tf.set(s, (tf.get(s) ?? 0) + 1);
  return tf;
});
const df = new Map<string, number>();
for (const tf of tfs) for (const s of tf.keys()) df.set(s, (df.get(s) ?? 0) + 1);
const vec = (i: number) => {
  const v = new Map<string, number>();
  let n = 0;
  for (const [s, c] of tfs[i]!) {
    const w = (1 + Math.log(c)) * Math.log(tfs.length / df.get(s)!);
    v.set(s, w);
    n += w * w;
  }
  n = Math.sqrt(n) || 1;
  for (const [s, w] of v) v.set(s, w / n);
  return v;
};
const at = new Map(ids.map((id, i) => [id, i]));
const cos = (a: string, b: string) => {
  const ia = at.get(a),
    ib = at.get(b);
  if (ia === undefined || ib === undefined) return NaN;
  const va = vec(ia),
    vb = vec(ib);
  let d = 0;
  for (const [s, w] of va) {
    const x = vb.get(s);
    if (x) d += w * x;
  }
  return d;
};
const files = process.argv.slice(2);
const docOf = (set: string, id: string) => {
  // multinews:<cluster>:cluster with id <cluster>/dK ; mnpair/mnband:<A>+<B>:cluster with id <A>+<B>/dK
  const m = /^(multinews|mnpair|mnband):(.+):cluster$/.exec(set);
  if (!m) return null;
  if (m[1] === "multinews") return id;
  const k = Number(id.slice(id.lastIndexOf("/d") + 2));
  return m[2]!.split("+")[k]!;
};
for (const f of files) {
  const bands: Record<string, [number, number]> = {};
  for (const l of readFileSync(f, "utf8").split("\n")) {
    if (!l.trim()) continue;
    const r = JSON.parse(l);
    if (r.half === "sealed") continue;
    const a = docOf(r.set, r.a.id),
      b = docOf(r.set, r.b.id);
    if (!a || !b) continue;
    const c = cos(a, b);
    const band = c < 0.2 ? "<0.2" : c < 0.3 ? "0.2-0.3" : c < 0.4 ? "0.3-0.4" : c < 0.5 ? "0.4-0.5" : ">=0.5";
    bands[band] ??= [0, 0];
    bands[band]![r.same ? 0 : 1]++;
  }
  console.log(f.split("/").pop(), JSON.stringify(bands));
}
