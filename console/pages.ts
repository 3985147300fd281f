/**
 * The console's pages: typed functions from data to escaped HTML (html.ts). No inline script or style:
 * the CSP forbids both; /console/static/console.{css,js} add looks and light progressive enhancement.
 */
import { messageLink, type RecentDelivery } from "../queue/recent.ts";
import { localWallTime } from "../queue/schedule.ts";
import type { Subscription } from "../queue/types.ts";
import type { FeedbackVote } from "../usecases/feedback.ts";
import { type Html, html, safeUrl } from "./html.ts";
import type { SourceRow } from "./ports.ts";
import type { Preview } from "./preview.ts";

export const BASE = "/console";

export interface PageContext {
  /** The CSRF token for forms; null for scripts (Bearer) and the login page. */
  csrf: string | null;
  /** Show the log-out button (a session exists). */
  session: boolean;
  /** A one-line notice after an action (from the query string: our own words, escaped anyway). */
  flash?: string | null;
  error?: string | null;
}

const NAV: [string, string][] = [
  ["try", "Try it"],
  ["sources", "Sources"],
  ["subscriptions", "Subscriptions"],
  ["deliveries", "Deliveries"],
  ["feedback", "Feedback"],
  ["health", "Health"],
];

export function csrfField(ctx: PageContext): Html {
  return ctx.csrf ? html`<input type="hidden" name="csrf" value="${ctx.csrf}">` : html``;
}

export function layout(
  title: string,
  current: string,
  ctx: PageContext,
  body: Html,
  opts: { refreshSeconds?: number } = {},
): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${opts.refreshSeconds ? html`<meta http-equiv="refresh" content="${opts.refreshSeconds}">` : ""}
<title>${title} · Summit console</title>
<link rel="stylesheet" href="${BASE}/static/console.css">
<script src="${BASE}/static/console.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="${BASE}/try">Summit</a>
  <nav aria-label="Console pages"><ul>
    ${NAV.map(([slug, label]) => html`<li><a href="${BASE}/${slug}"${slug === current ? html` aria-current="page"` : ""}>${label}</a></li>`)}
  </ul></nav>
  ${ctx.session ? html`<form method="post" action="${BASE}/logout" class="logout">${csrfField(ctx)}<button type="submit">Log out</button></form>` : ""}
</header>
<main id="main">
<h1>${title}</h1>
${ctx.flash ? html`<p class="flash" role="status">${ctx.flash}</p>` : ""}
${ctx.error ? html`<p class="error" role="alert">${ctx.error}</p>` : ""}
${body}
</main>
</body>
</html>`;
}

export function loginPage(ctx: PageContext & { next: string }): Html {
  return layout(
    "Log in",
    "",
    ctx,
    html`<form method="post" action="${BASE}/login" class="card narrow">
  <input type="hidden" name="next" value="${ctx.next}">
  <label for="token">Console token (SUMMIT_CONSOLE_TOKEN)</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required>
  <button type="submit">Log in</button>
</form>`,
  );
}

// ---- Try it ------------------------------------------------------------------------------------

export function tryPage(
  ctx: PageContext,
  input: { q: string; mode: "brief" | "ask"; examples: string[] },
  result: { preview: Preview; sources: { n: number; title: string; url: string | null }[] } | null,
): Html {
  const form = html`<form method="get" action="${BASE}/try" class="card try-form" role="search">
  <label for="q">Topic or question</label>
  <div class="row">
    <input id="q" name="q" type="text" value="${input.q}" maxlength="1000" placeholder="e.g. ${input.examples[0] ?? "climate"}">
    <select name="mode" aria-label="Kind of request">
      <option value="brief"${input.mode === "brief" ? html` selected` : ""}>Briefing</option>
      <option value="ask"${input.mode === "ask" ? html` selected` : ""}>Question</option>
    </select>
    <button type="submit">Show</button>
  </div>
  ${input.examples.length > 0 ? html`<p class="hint">Topics to try: ${input.examples.map((t, i) => html`${i > 0 ? ", " : ""}<a href="${BASE}/try?q=${encodeURIComponent(t)}">${t}</a>`)}</p>` : ""}
</form>`;
  if (!result) return layout("Try it", "try", ctx, form);
  const cites = result.sources.map((s) => {
    const href = safeUrl(s.url);
    return html`<li value="${s.n}">${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${s.title}</a>` : s.title}</li>`;
  });
  return layout(
    "Try it",
    "try",
    ctx,
    html`${form}
<div class="renderings">
  <section class="rendering" aria-labelledby="r-slack"><h2 id="r-slack">Slack</h2>${result.preview.slack}</section>
  <section class="rendering" aria-labelledby="r-discord"><h2 id="r-discord">Discord</h2>${result.preview.discord}</section>
  <section class="rendering" aria-labelledby="r-text"><h2 id="r-text">Plain text</h2>${result.preview.text}</section>
</div>
${cites.length > 0 ? html`<section class="card"><h2>Citations</h2><ol class="citations">${cites}</ol></section>` : ""}`,
  );
}

// ---- Sources -----------------------------------------------------------------------------------

function when(iso: string | null, now: Date): Html {
  if (!iso) return html`<span class="muted">—</span>`;
  const d = new Date(iso);
  const mins = Math.round((d.getTime() - now.getTime()) / 60_000);
  const rel = Math.abs(mins) < 1 ? "now" : mins < 0 ? `${ago(-mins)} ago` : `in ${ago(mins)}`;
  return html`<time datetime="${d.toISOString()}" title="${d.toISOString()}">${rel}</time>`;
}

function ago(mins: number): string {
  if (mins < 60) return `${mins} min`;
  if (mins < 48 * 60) return `${Math.round(mins / 60)} h`;
  return `${Math.round(mins / 1440)} d`;
}

/** Articles per day as an inline SVG bar chart (no script; a table beside it says the same). */
export function dayChart(days: { day: string; count: number }[]): Html {
  if (days.length === 0) return html``;
  const w = 600;
  const h = 120;
  const max = Math.max(1, ...days.map((d) => d.count));
  const bw = w / days.length;
  const bars = days.map((d, i) => {
    const bh = Math.round((d.count / max) * (h - 20));
    return html`<g><rect x="${(i * bw + 2).toFixed(1)}" y="${h - 14 - bh}" width="${(bw - 4).toFixed(1)}" height="${bh}" class="bar"><title>${d.day}: ${d.count}</title></rect><text x="${(i * bw + bw / 2).toFixed(1)}" y="${h - 2}" text-anchor="middle" class="axis">${d.day.slice(8)}</text></g>`;
  });
  const total = days.reduce((a, d) => a + d.count, 0);
  return html`<figure class="card chart">
<svg viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="chart-title" width="100%" height="${h}">
<title id="chart-title">Articles arriving per day, last ${days.length} days: ${total} in all, at most ${max} in a day</title>
${bars}
</svg>
<figcaption>Articles per day (UTC), ${days[0]?.day} to ${days[days.length - 1]?.day}</figcaption>
</figure>`;
}

export function sourcesPage(
  ctx: PageContext,
  data: { sources: SourceRow[] | null; days: { day: string; count: number }[]; now: Date },
): Html {
  if (!data.sources) {
    return layout("Sources", "sources", ctx, html`<p>This process has no source registry wired.</p>`);
  }
  const rows = data.sources.map(
    (s) => html`<tr>
  <td><a href="${safeUrl(s.url) ?? "#"}" rel="noopener noreferrer nofollow">${s.name}</a><div class="muted small">${s.feedUrl}</div></td>
  <td><span class="status status-${s.status}">${s.status}</span></td>
  <td>${when(s.lastFetchAt, data.now)}</td>
  <td>${when(s.nextFetchAt, data.now)}</td>
  <td class="error-cell">${s.lastError ?? ""}</td>
  <td class="num">${s.articles}</td>
  <td class="actions">
    <form method="post" action="${BASE}/sources/poll">${csrfField(ctx)}<input type="hidden" name="id" value="${s.id}"><button type="submit" aria-label="Poll: ${s.name}">Poll</button></form>
    <form method="post" action="${BASE}/sources/remove" data-confirm="Remove this source?">${csrfField(ctx)}<input type="hidden" name="id" value="${s.id}"><button type="submit" class="danger" aria-label="Remove: ${s.name}">Remove</button></form>
  </td>
</tr>`,
  );
  return layout(
    "Sources",
    "sources",
    ctx,
    html`<div class="grid2">
<form method="post" action="${BASE}/sources/add" class="card">
  ${csrfField(ctx)}
  <label for="url">Add a feed or a site</label>
  <div class="row"><input id="url" name="url" type="url" required placeholder="https://example.com/feed.xml"><button type="submit">Add</button></div>
</form>
<form method="post" action="${BASE}/sources/import" enctype="multipart/form-data" class="card">
  ${csrfField(ctx)}
  <label for="opml">Import an OPML file</label>
  <div class="row"><input id="opml" name="opml" type="file" accept=".opml,.xml,text/xml,application/xml" required><button type="submit">Import</button></div>
</form>
</div>
${dayChart(data.days)}
<div class="toolbar">
  <form method="post" action="${BASE}/sources/poll-all">${csrfField(ctx)}<button type="submit">Poll all now</button></form>
  <a href="${BASE}/sources.opml" download="summit-sources.opml">Export OPML</a>
</div>
<table class="data">
<caption>${data.sources.length} sources</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Status</th><th scope="col">Last fetch</th><th scope="col">Next fetch</th><th scope="col">Last error</th><th scope="col">Articles</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
<tbody>${rows}</tbody>
</table>`,
  );
}

// ---- Tasks (long actions) ----------------------------------------------------------------------

export interface TaskView {
  id: string;
  title: string;
  done: number;
  total: number;
  finished: boolean;
  result: string | null;
  back: string;
}

export function taskPage(ctx: PageContext, t: TaskView): Html {
  return layout(
    t.title,
    "",
    ctx,
    html`<div class="card task" data-task="${BASE}/tasks/${t.id}.json">
  <label for="task-progress">Progress</label>
  <progress id="task-progress" max="${Math.max(1, t.total)}" value="${t.done}">${t.done} of ${t.total}</progress>
  <p class="task-count" role="status">${t.done} of ${t.total}${t.finished ? " — finished" : ""}</p>
  <p class="task-result">${t.result ?? ""}</p>
  <p><a class="task-back" href="${t.back}">Back</a></p>
</div>`,
    t.finished ? {} : { refreshSeconds: 2 },
  );
}

// ---- Subscriptions -----------------------------------------------------------------------------

/** A subscription's next or last slot as the channel's wall time ("—" when there is none). */
function localTime(d: Date | null, tz: string): string {
  if (!d) return "—";
  try {
    return localWallTime(d, tz);
  } catch {
    return d.toISOString();
  }
}

export const SUBSCRIPTIONS_PER_PAGE = 100;

export function subscriptionsPage(
  ctx: PageContext,
  data: {
    rows: { sub: Subscription; next: Date | null }[];
    total: number;
    page: number;
    q: string;
  },
): Html {
  const pages = Math.max(1, Math.ceil(data.total / SUBSCRIPTIONS_PER_PAGE));
  const rows = data.rows.map(
    ({ sub, next }) => html`<tr id="${sub.id}">
  <td><code>${sub.id}</code></td>
  <td>${sub.platform}</td>
  <td>${sub.workspace ?? "—"}</td>
  <td>${sub.channel}</td>
  <td>${sub.at} ${sub.days.join(",")} <span class="muted">${sub.tz}</span></td>
  <td>${sub.pausedReason ? html`<span class="muted">paused</span>` : html`<time datetime="${next?.toISOString() ?? ""}">${localTime(next, sub.tz)}</time>`}</td>
  <td>${sub.topics.length > 0 ? sub.topics.join(", ") : html`<span class="muted">all news</span>`}</td>
  <td>${sub.pausedReason ? html`<span class="status status-failing">paused</span> <span class="small">${sub.pausedReason}</span>` : html`<span class="status status-ok">active</span>`}</td>
  <td class="actions">
    ${
      sub.pausedReason
        ? html`<form method="post" action="${BASE}/subscriptions/resume">${csrfField(ctx)}<input type="hidden" name="id" value="${sub.id}"><button type="submit" aria-label="Resume: ${sub.id}">Resume</button></form>`
        : html`<form method="post" action="${BASE}/subscriptions/pause">${csrfField(ctx)}<input type="hidden" name="id" value="${sub.id}"><input type="hidden" name="reason" value="paused from the console"><button type="submit" aria-label="Pause: ${sub.id}">Pause</button></form>`
    }
    <form method="post" action="${BASE}/subscriptions/send">${csrfField(ctx)}<input type="hidden" name="id" value="${sub.id}"><button type="submit" aria-label="Send now: ${sub.id}">Send now</button></form>
  </td>
</tr>`,
  );
  const link = (p: number) =>
    `${BASE}/subscriptions?page=${p}${data.q ? `&q=${encodeURIComponent(data.q)}` : ""}`;
  return layout(
    "Subscriptions",
    "subscriptions",
    ctx,
    html`<form method="get" action="${BASE}/subscriptions" class="card row" role="search">
  <label for="sq" class="sr-only">Filter by workspace, guild, channel, topic or id</label>
  <input id="sq" name="q" value="${data.q}" placeholder="workspace, guild, channel, topic or id">
  <button type="submit">Filter</button>
</form>
<table class="data">
<caption>${data.total} subscriptions${pages > 1 ? ` — page ${data.page} of ${pages}` : ""} <a href="${BASE}/subscriptions?fresh=1" class="small">(read again)</a></caption>
<thead><tr><th scope="col">Id</th><th scope="col">Platform</th><th scope="col">Workspace / guild</th><th scope="col">Channel</th><th scope="col">Schedule</th><th scope="col">Next slot (local)</th><th scope="col">Topics</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
<tbody>${rows}</tbody>
</table>
${pages > 1 ? html`<nav class="pager" aria-label="Pages">${data.page > 1 ? html`<a href="${link(data.page - 1)}" rel="prev">Previous</a>` : ""} ${data.page < pages ? html`<a href="${link(data.page + 1)}" rel="next">Next</a>` : ""}</nav>` : ""}`,
  );
}

// ---- Deliveries --------------------------------------------------------------------------------

export function deliveriesPage(ctx: PageContext, rows: RecentDelivery[]): Html {
  const body = rows.map((d) => {
    const href = messageLink(d.target, d.messageId);
    return html`<tr>
  <td><time datetime="${new Date(d.at).toISOString()}">${new Date(d.at).toISOString().replace("T", " ").slice(0, 19)}</time></td>
  <td><code>${d.subscriptionId}</code>${d.manual ? html` <span class="muted small">sent now</span>` : ""}</td>
  <td>${d.target ? `${d.target.platform} ${d.target.workspace ?? ""} ${d.target.channel}` : "—"}</td>
  <td><span class="status status-${d.status === "posted" || d.status === "already-posted" ? "ok" : d.status === "failed" ? "disabled" : "failing"}">${d.status}</span>${d.attempts > 1 ? html` <span class="small">after ${d.attempts} attempts</span>` : ""}</td>
  <td class="error-cell">${d.reason ?? ""}</td>
  <td>${href ? html`<a href="${href}" rel="noopener noreferrer">message</a>` : d.messageId ? html`<code>${d.messageId}</code>` : ""}</td>
</tr>`;
  });
  return layout(
    "Deliveries",
    "deliveries",
    ctx,
    html`<table class="data">
<caption>The ${rows.length} most recent deliveries (posted ones are kept a day, failed ones a week)</caption>
<thead><tr><th scope="col">When (UTC)</th><th scope="col">Subscription</th><th scope="col">Where</th><th scope="col">Status</th><th scope="col">Why</th><th scope="col">Message</th></tr></thead>
<tbody>${body}</tbody>
</table>`,
  );
}

// ---- Feedback ----------------------------------------------------------------------------------

export function feedbackPage(ctx: PageContext, votes: FeedbackVote[]): Html {
  // The latest vote of each person on each message counts (a second click changes it).
  const latest = new Map<string, FeedbackVote>();
  for (const v of votes) latest.set(`${v.ref}\u0000${v.user}`, v);
  const byRef = new Map<
    string,
    { kind: string; topic: string | null; surface: string; up: number; down: number; at: string }
  >();
  const byTopic = new Map<string, { up: number; down: number }>();
  for (const v of latest.values()) {
    const r = byRef.get(v.ref) ?? {
      kind: v.kind,
      topic: v.topic,
      surface: v.surface,
      up: 0,
      down: 0,
      at: v.at,
    };
    r[v.vote]++;
    if (v.at > r.at) r.at = v.at;
    byRef.set(v.ref, r);
    const key = v.topic ?? `(${v.kind})`;
    const t = byTopic.get(key) ?? { up: 0, down: 0 };
    t[v.vote]++;
    byTopic.set(key, t);
  }
  const topics = [...byTopic.entries()].sort((a, b) => b[1].up + b[1].down - (a[1].up + a[1].down));
  const refs = [...byRef.entries()].sort((a, b) => b[1].at.localeCompare(a[1].at)).slice(0, 200);
  return layout(
    "Feedback",
    "feedback",
    ctx,
    html`<table class="data">
<caption>By topic (${latest.size} votes)</caption>
<thead><tr><th scope="col">Topic</th><th scope="col">👍</th><th scope="col">👎</th><th scope="col">Useful</th></tr></thead>
<tbody>${topics.map(([topic, t]) => html`<tr><td>${topic}</td><td class="num">${t.up}</td><td class="num">${t.down}</td><td class="num">${Math.round((100 * t.up) / Math.max(1, t.up + t.down))}%</td></tr>`)}</tbody>
</table>
<table class="data">
<caption>By briefing (newest first)</caption>
<thead><tr><th scope="col">Message</th><th scope="col">Kind</th><th scope="col">Topic</th><th scope="col">Surface</th><th scope="col">👍</th><th scope="col">👎</th><th scope="col">Last vote</th></tr></thead>
<tbody>${refs.map(([ref, r]) => html`<tr><td><code>${ref}</code></td><td>${r.kind}</td><td>${r.topic ?? "—"}</td><td>${r.surface}</td><td class="num">${r.up}</td><td class="num">${r.down}</td><td>${r.at.replace("T", " ").slice(0, 16)}</td></tr>`)}</tbody>
</table>`,
  );
}

// ---- Health ------------------------------------------------------------------------------------

function describe(value: unknown): Html {
  if (value === null || value === undefined) return html`<span class="muted">—</span>`;
  if (typeof value !== "object") return html`${String(value)}`;
  if (Array.isArray(value)) return html`${value.map(String).join(", ")}`;
  return html`<dl class="inline">${Object.entries(value as Record<string, unknown>).map(([k, v]) => html`<dt>${k}</dt><dd>${describe(v)}</dd>`)}</dl>`;
}

export function healthPage(ctx: PageContext, h: Record<string, unknown>): Html {
  const status = String(h.status ?? "unknown");
  const platforms = (h.platforms ?? {}) as Record<string, { status?: string; lastError?: string | null }>;
  const rows: [string, Html, boolean][] = [
    [
      "Overall",
      html`${status === "ok" ? "Everything is working" : "Something needs attention"}`,
      status === "ok",
    ],
    [
      "Redis",
      html`${h.redis === "up" ? "reachable" : `unreachable${h.error ? `: ${String(h.error)}` : ""}`}`,
      h.redis === "up",
    ],
    ["Roles of this process", describe(h.roles), true],
    ["Digest queue (jobs)", describe(h.queue), h.queue !== null],
    ["Digest schedules", describe(h.schedulers), h.schedulers !== null],
    ["Digest workers connected", describe(h.workers), typeof h.workers === "number" && h.workers > 0],
    ...Object.entries(platforms).map(([name, p]): [string, Html, boolean] => [
      `Platform: ${name}`,
      html`${p.status ?? "unknown"}${p.lastError ? ` — ${p.lastError}` : ""}`,
      p.status === "ok",
    ]),
    ...Object.entries(h)
      .filter(
        ([k]) =>
          !["status", "redis", "error", "roles", "queue", "schedulers", "workers", "platforms"].includes(k),
      )
      .map(([k, v]): [string, Html, boolean] => [k, describe(v), true]),
  ];
  return layout(
    "Health",
    "health",
    ctx,
    html`<p class="status-line status-${status === "ok" ? "ok" : "failing"}" role="status">Status: ${status}</p>
<table class="data"><caption>What /healthz says</caption>
<thead><tr><th scope="col">Part</th><th scope="col">State</th><th scope="col"><span class="sr-only">Fine?</span></th></tr></thead>
<tbody>${rows.map(([k, v, ok]) => html`<tr><th scope="row">${k}</th><td>${v}</td><td>${ok ? "✓" : html`<span class="status status-failing">check</span>`}</td></tr>`)}</tbody>
</table>
<p><a href="/healthz">Raw JSON</a></p>`,
  );
}

export function messagePage(ctx: PageContext, title: string, text: string, status = "error"): Html {
  return layout(
    title,
    "",
    ctx,
    html`<p class="${status}" role="alert">${text}</p><p><a href="${BASE}/try">Console home</a></p>`,
  );
}
