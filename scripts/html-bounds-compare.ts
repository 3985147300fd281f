/**
 * Pages within the HTML limits must read exactly as before them (src/corpus/htmlBounds.ts): for the
 * seeds and BBC News articles (read from /work/shared/eval at run time, when present) rendered as
 * furniture-rich pages in several shapes real sites use (deep wrappers, SVG icons, tables, entities,
 * unclosed <p>/<li>, comments, JSON-LD, <br> runs, a long comment section), checks that
 *   1. boundHtml returns the very same string, and
 *   2. the extracted article (title, publisher, date, paragraphs) is byte-identical to reading the
 *      page without the markup pass (the code before it: linkedom + boundDepth + Readability).
 *
 *   npx node scripts/html-bounds-compare.ts [BBC articles, default 300]
 */
import { cleanBoundedHtml, cleanHtmlArticle } from "../src/corpus/html.ts";
import { boundHtml } from "../src/corpus/htmlBounds.ts";
import { bbcArticles, type PeerArticle, seedArticles } from "../tests/peers/feeds/articles.ts";
import { articlePage } from "../tests/peers/feeds/render.ts";

const limit = Number(process.argv[2] ?? 300);
const articles: PeerArticle[] = [...seedArticles(), ...bbcArticles(limit)];

const ICON =
  '<svg viewBox="0 0 24 24" class="icon"><path d="M0 0h24v24H0z"/><circle cx="12" cy="12" r="4"/></svg>';
const wrap = (html: string, depth: number) =>
  html.replace(
    /<main>([\s\S]*)<\/main>/,
    (_m, inner: string) => `<main>${'<div class="w">'.repeat(depth)}${inner}${"</div>".repeat(depth)}</main>`,
  );

const variants: Record<string, (page: string) => string> = {
  plain: (p) => p,
  deepWrappers60: (p) => wrap(p, 60),
  svgIcons: (p) => p.replaceAll("<li><a ", `<li>${ICON}<a `),
  unclosed: (p) => p.replaceAll("</p>", "").replaceAll("</li>", ""),
  entities: (p) => p.replaceAll("'", "&#8217;").replaceAll(" - ", " &mdash; ").replaceAll(", ", ",&nbsp;"),
  table: (p) =>
    p.replace(
      '<p class="related">',
      `<table><tr><th>Year</th><th>Value</th></tr>${"<tr><td>2019</td><td>1,234 &pound;</td></tr>".repeat(30)}</table><p class="related">`,
    ),
  comments: (p) => p.replaceAll("<p>", "<!-- para --><p>"),
  jsonLd: (p) =>
    p.replace(
      "</head>",
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2019-04-20"}</script></head>',
    ),
  brs: (p) => p.replaceAll("</p>\n<p>", "<br><br>\n"),
  bigComments: (p) =>
    p.replace(
      '<section class="comments">',
      `<section class="comments">${'<div class="c"><span class="who" data-id="1">reader</span><p>I read this and I think the council should look at the numbers again before the vote.</p><a href="/r">Reply</a></div>'.repeat(3_000)}`,
    ),
};

let pages = 0;
let sameMarkup = 0;
let sameText = 0;
const failures: string[] = [];
const started = performance.now();
for (const [name, make] of Object.entries(variants)) {
  for (const [i, a] of articles.entries()) {
    const page = make(
      articlePage(a, { siteName: "Summit Test Wire", canonical: `https://example.com/${a.slug}` }),
    );
    pages++;
    const bounded = boundHtml(page);
    if (bounded.html === page && bounded.notice === null) sameMarkup++;
    const before = cleanBoundedHtml({ html: page, notice: null, nodes: 0 });
    const after = cleanHtmlArticle(page);
    const key = (c: typeof before) => JSON.stringify([c.title, c.publisher, c.date, c.paragraphs]);
    if (key(before) === key(after)) sameText++;
    else if (failures.length < 5) failures.push(`${name} #${i} (${a.slug})`);
  }
}
console.log(
  `${pages} pages (${articles.length} articles × ${Object.keys(variants).length} shapes): markup unchanged ${sameMarkup}/${pages}, article text byte-identical ${sameText}/${pages} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
if (failures.length > 0) {
  console.log(`differ: ${failures.join(", ")}`);
  process.exitCode = 1;
}
