/**
 * The web console: one request handler mounted at /console on the server's port (app/server.ts).
 * It authenticates (auth.ts), checks CSRF on every POST, calls the use cases and ports (ports.ts),
 * and answers server-rendered pages (pages.ts) with a strict Content-Security-Policy.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import type { Subscription } from "../queue/types.ts";
import { isUserFacing } from "../src/errors.ts";
import { plainText } from "../src/present/richText.ts";
import { ask } from "../usecases/ask.ts";
import { brief } from "../usecases/brief.ts";
import { pauseSubscription, resumeSubscription, sendDigestNow } from "../usecases/manageSubscription.ts";
import { CONSOLE_SCOPE } from "../usecases/scope.ts";
import { ConsoleAuth, type Principal, SESSION_COOKIE, SESSION_TTL_MS } from "./auth.ts";
import type { Html } from "./html.ts";
import {
  BASE,
  deliveriesPage,
  feedbackPage,
  healthPage,
  loginPage,
  messagePage,
  type PageContext,
  SUBSCRIPTIONS_PER_PAGE,
  sourcesPage,
  subscriptionsPage,
  type TaskView,
  taskPage,
  tryPage,
} from "./pages.ts";
import type { ConsoleDeps } from "./ports.ts";
import { previewDocument } from "./preview.ts";

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** How long one read of every subscription serves the Subscriptions page. */
const SUBSCRIPTIONS_CACHE_MS = 5_000;

/** Largest form body read (an OPML file of a few thousand feeds fits). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Notices after a redirect: the query names one of these, so no text travels in a URL. */
const FLASH: Record<string, string> = {
  added: "Source added; it is polled now and on its schedule.",
  known: "That source was already followed.",
  removed: "Source removed.",
  polled: "Polled.",
  paused: "Subscription paused.",
  resumed: "Subscription resumed; its next digest is scheduled.",
  gone: "Nothing to do: it no longer exists.",
};

const STATIC: Record<string, string> = {
  "console.css": "text/css; charset=utf-8",
  "console.js": "text/javascript; charset=utf-8",
};

interface Task extends TaskView {
  createdAt: number;
}

export interface ConsoleHandler {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Who the request is from (the /metrics route reuses it). */
  auth: ConsoleAuth;
}

export function createConsole(deps: ConsoleDeps): ConsoleHandler {
  const auth = new ConsoleAuth({
    token: deps.token,
    now: () => deps.clock.now().getTime(),
    ...(deps.loginLimit ? { loginLimit: deps.loginLimit } : {}),
    ...(deps.loginAttempts ? { attempts: deps.loginAttempts } : {}),
    ...(deps.endedSessions ? { ended: deps.endedSessions } : {}),
  });
  /** The session cookie is Secure on a TLS socket, and always when HTTPS ends at a proxy in front. */
  const secureFlag = (req: IncomingMessage) =>
    deps.secureCookie || ("encrypted" in req.socket && req.socket.encrypted) ? "; Secure" : "";
  const statics = new Map<string, Buffer>();
  for (const name of Object.keys(STATIC))
    statics.set(name, readFileSync(join(import.meta.dirname, "static", name)));
  const tasks = new Map<string, Task>();
  const slotMemo = new Map<string, { from: number; next: Date | null }>();
  // Reading and parsing every subscription runs on the event loop the chat platforms' acks share: at
  // 10,000 it is a few hundred ms, so one read serves the console for a few seconds (bench/console.ts).
  // The console's own pause/resume drops it, so its result shows at once.
  let subsCache: { at: number; list: Promise<Subscription[]> } | null = null;
  const listSubscriptions = (): Promise<Subscription[]> => {
    const now = Date.now();
    if (!subsCache || now - subsCache.at > SUBSCRIPTIONS_CACHE_MS) {
      const list = deps.subscriptions.list();
      subsCache = { at: now, list };
      list.catch(() => {
        subsCache = null;
      });
    }
    return subsCache.list;
  };

  const headers = (res: ServerResponse) => {
    res.setHeader("content-security-policy", CSP);
    res.setHeader("x-content-type-options", "nosniff");
    // same-origin, not no-referrer: with no-referrer Chrome sends `Origin: null` on form posts, which the CSRF check refuses.
    res.setHeader("referrer-policy", "same-origin");
    res.setHeader("x-frame-options", "DENY");
    res.setHeader("cache-control", "no-store");
  };
  const page = (res: ServerResponse, status: number, body: Html) => {
    const text = `${body.value}\n`;
    // A failed action re-renders its page with the error: keep the failure's status.
    res.writeHead(status === 200 && res.statusCode >= 400 ? res.statusCode : status, {
      "content-type": "text/html; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };
  const redirect = (res: ServerResponse, to: string, extra: Record<string, string> = {}) => {
    res.writeHead(303, { location: to, ...extra });
    res.end();
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    res.end(text);
  };
  const track = (command: string, outcome: "ok" | "error") => deps.onCommand?.(command, outcome);

  const startTask = (
    title: string,
    back: string,
    run: (progress: (done: number, total: number) => void) => Promise<string>,
  ): Task => {
    const now = Date.now();
    for (const [id, t] of tasks) if (t.finished && now - t.createdAt > 3600_000) tasks.delete(id);
    if (tasks.size > 200) tasks.delete(tasks.keys().next().value ?? "");
    const task: Task = {
      id: randomBytes(9).toString("base64url"),
      title,
      done: 0,
      total: 1,
      finished: false,
      result: null,
      back,
      createdAt: now,
    };
    tasks.set(task.id, task);
    run((done, total) => {
      task.done = done;
      task.total = total;
    }).then(
      (result) => {
        task.result = result;
        task.done = task.total;
        task.finished = true;
      },
      (err: unknown) => {
        task.result = `Failed: ${errorText(err)}`;
        task.finished = true;
      },
    );
    return task;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    headers(res);
    const url = new URL(req.url ?? "/", "http://console.invalid");
    const path = url.pathname.replace(/\/+$/, "").slice(BASE.length) || "/";
    const method = req.method ?? "GET";
    const isGet = method === "GET" || method === "HEAD";

    if (path.startsWith("/static/") && isGet) {
      const name = path.slice("/static/".length);
      const body = statics.get(name);
      if (!body) return json(res, 404, { error: "not found" });
      res.setHeader("cache-control", "public, max-age=300");
      res.writeHead(200, { "content-type": STATIC[name] ?? "text/plain", "content-length": body.length });
      res.end(method === "HEAD" ? undefined : body);
      return;
    }

    if (path === "/login") {
      if (!auth.needsLogin) return redirect(res, `${BASE}/try`);
      const next = safeNext(url.searchParams.get("next"));
      if (isGet) return page(res, 200, loginPage({ csrf: null, session: false, next }));
      if (method !== "POST") return json(res, 405, { error: "method not allowed" });
      const form = await readForm(req);
      if (!form)
        return page(
          res,
          413,
          messagePage({ csrf: null, session: false }, "Too large", "That request was too large."),
        );
      const result = await auth.login(req.socket.remoteAddress ?? "?", String(form.get("token") ?? ""));
      const nextField = safeNext(String(form.get("next") ?? ""));
      if (result === "ok") {
        track("login", "ok");
        return redirect(res, nextField, {
          "set-cookie": `${SESSION_COOKIE}=${auth.newSession()}; Path=${BASE}; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_MS / 1000}${secureFlag(req)}`,
        });
      }
      track("login", "error");
      if (result === "wrong") {
        return page(
          res,
          401,
          loginPage({ csrf: null, session: false, next: nextField, error: "That token is not right." }),
        );
      }
      res.setHeader("retry-after", String(result.limited));
      return page(
        res,
        429,
        loginPage({
          csrf: null,
          session: false,
          next: nextField,
          error: `Too many attempts; try again in ${result.limited} s.`,
        }),
      );
    }

    const who = await auth.identify(req);
    if (who.kind === "none") {
      if (who.reason === "limited") {
        res.setHeader("retry-after", String(who.retryAfter));
        return json(res, 429, { error: `too many wrong tokens; try again in ${who.retryAfter} s` });
      }
      if (who.reason === "forbidden") {
        return page(
          res,
          403,
          messagePage(
            { csrf: null, session: false },
            "Not available",
            "The console answers only on this machine (127.0.0.1) unless SUMMIT_CONSOLE_TOKEN is set.",
          ),
        );
      }
      if (isGet && !req.headers.authorization)
        return redirect(res, `${BASE}/login?next=${encodeURIComponent(`${BASE}${path}${url.search}`)}`);
      res.setHeader("www-authenticate", 'Bearer realm="summit-console"');
      return json(res, 401, { error: "log in or send Authorization: Bearer <SUMMIT_CONSOLE_TOKEN>" });
    }
    const ctx: PageContext = {
      csrf: "csrf" in who ? who.csrf : null,
      session: who.kind === "session",
      flash: FLASH[url.searchParams.get("done") ?? ""] ?? null,
    };

    if (isGet) return get(path, url, ctx, res);
    if (method !== "POST") return json(res, 405, { error: "method not allowed" });
    const form = await readForm(req);
    if (!form) return page(res, 413, messagePage(ctx, "Too large", "That request was too large."));
    const csrf = form.get("csrf");
    if (!auth.checkCsrf(req, who, typeof csrf === "string" ? csrf : null)) {
      track("csrf", "error");
      return page(
        res,
        403,
        messagePage(
          ctx,
          "Refused",
          "This form has expired or did not come from the console. Reload the page and try again.",
        ),
      );
    }
    if (path === "/logout") {
      // Ended here, not only forgotten by this browser: a copied cookie stops working too.
      await auth.endSession(req);
      return redirect(res, `${BASE}/login`, {
        "set-cookie": `${SESSION_COOKIE}=; Path=${BASE}; HttpOnly; SameSite=Strict; Max-Age=0${secureFlag(req)}`,
      });
    }
    return post(path, form, ctx, who, res);
  }

  async function get(path: string, url: URL, ctx: PageContext, res: ServerResponse): Promise<void> {
    const now = deps.clock.now();
    // One malformed subscription must not take the page down: its next slot shows as unknown.
    // Subscriptions share schedules, and the next slot after any moment before it is the same slot,
    // so one computation serves every subscription with that schedule until the slot passes.
    const nextSlotOf = (sub: Subscription): Date | null => {
      if (sub.pausedReason) return null;
      const key = `${sub.at}|${sub.tz}|${sub.days.join(",")}`;
      const hit = slotMemo.get(key);
      if (hit && hit.from <= now.getTime() && hit.next && now < hit.next) return hit.next;
      let next: Date | null = null;
      try {
        next = deps.subscriptions.nextDelivery(sub, now);
      } catch {
        next = null;
      }
      if (slotMemo.size > 10_000) slotMemo.clear();
      slotMemo.set(key, { from: now.getTime(), next });
      return next;
    };
    switch (path) {
      case "/":
        return redirect(res, `${BASE}/try`);
      case "/try":
        return tryIt(url, ctx, res);
      case "/sources": {
        const [sources, days] = deps.sources
          ? await Promise.all([deps.sources.list(), deps.sources.articlesPerDay?.(14) ?? Promise.resolve([])])
          : [null, []];
        return page(res, 200, sourcesPage(ctx, { sources, days, now }));
      }
      case "/sources.opml": {
        if (!deps.sources) return json(res, 404, { error: "no sources" });
        const text = await deps.sources.exportOpml();
        res.writeHead(200, {
          "content-type": "text/x-opml; charset=utf-8",
          "content-disposition": 'attachment; filename="summit-sources.opml"',
        });
        res.end(text);
        return;
      }
      case "/subscriptions": {
        const q = (url.searchParams.get("q") ?? "").trim().toLowerCase().slice(0, 200);
        if (url.searchParams.has("fresh")) subsCache = null;
        const all = await listSubscriptions();
        const matching = q
          ? all.filter((s) =>
              [s.id, s.platform, s.workspace ?? "", s.channel, ...s.topics].some((f) =>
                f.toLowerCase().includes(q),
              ),
            )
          : all;
        const pages = Math.max(1, Math.ceil(matching.length / SUBSCRIPTIONS_PER_PAGE));
        const p = Math.min(pages, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
        const rows = matching
          .slice((p - 1) * SUBSCRIPTIONS_PER_PAGE, p * SUBSCRIPTIONS_PER_PAGE)
          .map((sub) => ({ sub, next: nextSlotOf(sub) }));
        return page(res, 200, subscriptionsPage(ctx, { rows, total: matching.length, page: p, q }));
      }
      case "/deliveries":
        return page(res, 200, deliveriesPage(ctx, await deps.deliveries.recent(100)));
      case "/feedback":
        return page(res, 200, feedbackPage(ctx, await deps.feedback.recent(10_000)));
      case "/health": {
        const [h, sources] = await Promise.all([
          deps.health(),
          deps.sources?.list().catch(() => null) ?? null,
        ]);
        // Followed sources by status, when /healthz does not say already.
        if (sources && h.sources === undefined) {
          const counts: Record<string, number> = { new: 0, ok: 0, failing: 0, disabled: 0 };
          for (const src of sources) counts[src.status] = (counts[src.status] ?? 0) + 1;
          h.sources = counts;
        }
        return page(res, 200, healthPage(ctx, h));
      }
    }
    const task = /^\/tasks\/([A-Za-z0-9_-]+)(\.json)?$/.exec(path);
    if (task) {
      const t = tasks.get(task[1] ?? "");
      if (!t)
        return page(
          res,
          404,
          messagePage(ctx, "Not found", "That task is not known (tasks are kept an hour)."),
        );
      const view: TaskView = {
        id: t.id,
        title: t.title,
        done: t.done,
        total: t.total,
        finished: t.finished,
        result: t.result,
        back: t.back,
      };
      return task[2] ? json(res, 200, view) : page(res, 200, taskPage(ctx, view));
    }
    return page(res, 404, messagePage(ctx, "Not found", "There is no such console page."));
  }

  async function tryIt(url: URL, ctx: PageContext, res: ServerResponse): Promise<void> {
    const q = (url.searchParams.get("q") ?? "").slice(0, 1000);
    const mode = url.searchParams.get("mode") === "ask" ? "ask" : "brief";
    const examples = deps.engine ? deps.engine.suggestTopics("", 5) : [];
    if (!q.trim()) return page(res, 200, tryPage(ctx, { q, mode, examples }, null));
    if (!deps.engine) {
      return page(
        res,
        503,
        tryPage(
          { ...ctx, error: "This process runs no engine (SUMMIT_ROLES without bot or worker)." },
          { q, mode, examples },
          null,
        ),
      );
    }
    try {
      const doc =
        mode === "ask"
          ? (
              await ask({ question: q, thread: null }, CONSOLE_SCOPE, {
                engine: deps.engine,
                deadlineMs: deps.deadlineMs,
              })
            ).reply
          : (await brief({ topic: q }, CONSOLE_SCOPE, { engine: deps.engine, deadlineMs: deps.deadlineMs }))
              .reply;
      track(mode, "ok");
      const sources = doc.sources.map((s) => ({ n: s.n, title: s.title, url: s.url }));
      return page(res, 200, tryPage(ctx, { q, mode, examples }, { preview: previewDocument(doc), sources }));
    } catch (err) {
      track(mode, "error");
      return page(
        res,
        isUserFacing(err) ? 400 : 500,
        tryPage({ ...ctx, error: errorText(err) }, { q, mode, examples }, null),
      );
    }
  }

  async function post(
    path: string,
    form: FormData,
    ctx: PageContext,
    who: Principal,
    res: ServerResponse,
  ): Promise<void> {
    const field = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" ? v.trim() : "";
    };
    const wantsJson = who.kind === "bearer";
    const done = (to: string, code: string, body: Record<string, unknown> = {}) =>
      wantsJson
        ? json(res, 200, { ok: true, done: code, ...body })
        : redirect(res, `${BASE}${to}?done=${code}`);
    const fail = async (command: string, err: unknown, render: () => Promise<void>) => {
      track(command, "error");
      if (wantsJson) return json(res, isUserFacing(err) ? 400 : 500, { ok: false, error: errorText(err) });
      ctx.error = errorText(err);
      res.statusCode = isUserFacing(err) ? 400 : 500;
      return render();
    };
    const asTask = (t: Task) =>
      wantsJson
        ? json(res, 202, { ok: true, task: `${BASE}/tasks/${t.id}.json` })
        : redirect(res, `${BASE}/tasks/${t.id}`);

    if (path.startsWith("/subscriptions/")) {
      subsCache = null;
      const id = field("id");
      const action = path.slice("/subscriptions/".length);
      const d = { subscriptions: deps.subscriptions };
      try {
        if (action === "pause") {
          await pauseSubscription({ id, reason: field("reason") }, CONSOLE_SCOPE, d);
          track("pause", "ok");
          return done("/subscriptions", "paused", { id });
        }
        if (action === "resume") {
          await resumeSubscription({ id }, CONSOLE_SCOPE, d);
          track("resume", "ok");
          return done("/subscriptions", "resumed", { id });
        }
        if (action === "send") {
          const sub = await deps.subscriptions.get(id);
          if (!sub) return done("/subscriptions", "gone");
          const task = startTask(`Sending ${sub.id} now`, `${BASE}/deliveries`, async (progress) => {
            progress(0, 1);
            const outcome = await sendDigestNow({ id }, CONSOLE_SCOPE, d);
            track("send_now", outcome.status === "failed" ? "error" : "ok");
            return outcome.status === "delivered"
              ? `Delivered (message ${outcome.messageId ?? "?"}).`
              : `${outcome.status}${outcome.reason ? `: ${outcome.reason}` : ""}`;
          });
          return asTask(task);
        }
      } catch (err) {
        return fail(action, err, () => get("/subscriptions", new URL("http://x/"), ctx, res));
      }
      return json(res, 404, { error: "not found" });
    }
    if (path.startsWith("/sources/")) {
      const sources = deps.sources;
      if (!sources) return json(res, 404, { error: "no sources" });
      const action = path.slice("/sources/".length);
      const back = () => get("/sources", new URL("http://x/"), ctx, res);
      try {
        switch (action) {
          case "add": {
            const r = await sources.add(field("url").slice(0, 2000));
            track("source_add", "ok");
            if (r.created) void sources.poll(r.id).catch(() => {});
            return done("/sources", r.created ? "added" : "known", { id: r.id });
          }
          case "remove": {
            const removed = await sources.remove(field("id"));
            track("source_remove", "ok");
            return done("/sources", removed ? "removed" : "gone");
          }
          case "poll": {
            const r = await sources.poll(field("id"));
            track("source_poll", r.status === "failed" ? "error" : "ok");
            return done("/sources", "polled", { result: r });
          }
          case "poll-all": {
            const list = await sources.list();
            const task = startTask("Polling every source", `${BASE}/sources`, async (progress) => {
              let n = 0;
              let failed = 0;
              progress(0, list.length);
              const queue = [...list];
              await Promise.all(
                Array.from({ length: Math.min(4, queue.length) }, async () => {
                  for (let s = queue.shift(); s; s = queue.shift()) {
                    const r = await sources.poll(s.id).catch(() => ({ status: "failed" as const }));
                    if (r.status === "failed") failed++;
                    progress(++n, list.length);
                  }
                }),
              );
              track("source_poll_all", "ok");
              return `Polled ${n} sources${failed ? `, ${failed} failed` : ""}.`;
            });
            return asTask(task);
          }
          case "import": {
            const file = form.get("opml");
            const text = typeof file === "string" ? file : file ? await file.text() : "";
            if (!text.trim()) throw new ConsoleInputError("Choose an OPML file to import.");
            const task = startTask("Importing OPML", `${BASE}/sources`, async (progress) => {
              const r = await sources.importOpml(text, progress);
              track("source_import", "ok");
              return `Added ${r.added}, already followed ${r.known}, failed ${r.failed}.`;
            });
            return asTask(task);
          }
        }
      } catch (err) {
        return fail(`source_${action}`, err, back);
      }
    }
    return json(res, 404, { error: "not found" });
  }

  return { handle, auth };
}

/** A bad console input, shown to the operator as is. */
class ConsoleInputError extends Error {
  readonly userText: string;
  constructor(text: string) {
    super(text);
    this.userText = text;
  }
}

function errorText(err: unknown): string {
  if (isUserFacing(err)) return plainText(err.userMessage);
  if (err instanceof ConsoleInputError) return err.userText;
  if (err instanceof Error && err.name !== "Error") return err.message.slice(0, 300);
  return err instanceof Error ? err.message.slice(0, 300) : "something went wrong";
}

/** Only a console path is a place to go after logging in (no open redirect). */
function safeNext(next: string | null): string {
  return next && /^\/console(\/[A-Za-z0-9._~\-/?=&%+]*)?$/.test(next) && !next.startsWith("//")
    ? next
    : `${BASE}/try`;
}

async function readForm(req: IncomingMessage): Promise<FormData | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  const type = req.headers["content-type"] ?? "application/x-www-form-urlencoded";
  try {
    return await new Request("http://console.invalid/", {
      method: "POST",
      headers: { "content-type": type },
      body: Buffer.concat(chunks),
    }).formData();
  } catch {
    return new FormData();
  }
}
