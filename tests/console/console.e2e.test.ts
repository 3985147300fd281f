/**
 * The web console in a real browser (playwright-core on Debian's Chromium) against a whole server:
 * log in, Try it (three renderings, citations, XSS as text), add a source from the local feed server
 * and watch it turn ok, poll all with progress, pause/resume/send now and see the delivery, the CSRF
 * and login rate-limit probes, and axe-core on every page (no serious or critical violations).
 */
import axe from "axe-core";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSub, until } from "../queue/helpers.ts";
import { type ConsoleRig, startConsoleRig, TOKEN } from "./rig.ts";

let rig: ConsoleRig;
let ctx: BrowserContext;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  rig = await startConsoleRig({ loginLimit: { max: 4, windowMs: 60_000 } });
  ctx = await rig.browser.newContext();
  page = await ctx.newPage();
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  await rig?.close();
});

async function axeViolations(p: Page): Promise<string[]> {
  // evaluate() runs through the DevTools protocol, so the page's CSP (no inline script) stays on.
  await p.evaluate(axe.source);
  const options = {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  };
  const result = (await p.evaluate(`axe.run(document, ${JSON.stringify(options)})`)) as axe.AxeResults;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

describe("web console", () => {
  it("asks for a login, refuses a wrong token, and sets an HttpOnly SameSite=Strict session", async () => {
    await page.goto(`${rig.base}/console/subscriptions?fresh=1`);
    expect(new URL(page.url()).pathname).toBe("/console/login");
    await page.fill("#token", "not-the-token");
    await page.click("button[type=submit]");
    await expect(page.locator("[role=alert]").textContent()).resolves.toMatch(/not right/);
    await page.fill("#token", TOKEN);
    await page.click("button[type=submit]");
    expect(new URL(page.url()).pathname).toBe("/console/subscriptions"); // back where it was going
    const cookie = (await ctx.cookies()).find((c) => c.name === "summit_console");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/console" });
    const res = await page.request.get(`${rig.base}/console/try`);
    expect(res.headers()["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(res.headers()["content-security-policy"]).not.toMatch(/unsafe-inline/);
  });

  it("shows a briefing as Slack, Discord and plain text, citations linked, article markup as text", async () => {
    await page.goto(`${rig.base}/console/try`);
    await page.fill("#q", "harbour strike");
    await page.click("form.try-form button[type=submit]");
    const slack = page.locator(".slack-message");
    const discord = page.locator(".discord-message");
    const plain = page.locator("pre.plain");
    for (const r of [slack, discord, plain])
      await expect(r.textContent()).resolves.toMatch(/harbour strike/i);
    // Citations link to the articles' own URLs.
    const hrefs = await page
      .locator("ol.citations a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    expect(hrefs.every((h) => /^https:\/\/[a-z]+\.example\//.test(h ?? ""))).toBe(true);
    expect(await slack.locator("a[href^='https://']").count()).toBeGreaterThan(0);
    // The XSS article: its title shows as text, and nothing of it ran or became an element.
    const body = (await page.locator("main").textContent()) ?? "";
    expect(body).toContain("<script>window.__xss=1</script>");
    expect(body).toContain("<img src=x");
    expect(await page.evaluate("window.__xss")).toBeUndefined();
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("adds a source from the local feed server and shows it ok with its articles; poll all shows progress", async () => {
    await page.goto(`${rig.base}/console/sources`);
    await page.fill("#url", rig.feeds.url("/feeds/rss.xml"));
    await page.click("form[action='/console/sources/add'] button");
    await expect(page.locator(".flash").textContent()).resolves.toMatch(/Source added/);
    const row = page.locator("table.data tbody tr").first();
    await until(
      async () => {
        await page.reload();
        const status = await row.locator(".status").textContent();
        const articles = Number(await row.locator("td.num").textContent());
        return status === "ok" && articles > 0;
      },
      20_000,
      "the new source polled ok",
    );
    expect(await row.locator(".error-cell").textContent()).toBe("");
    // A feed that fails to load is refused with the reason, and nothing is added.
    await page.fill("#url", rig.feeds.url("/status/404"));
    await page.click("form[action='/console/sources/add'] button");
    expect((await page.locator("[role=alert]").textContent())?.trim()).not.toBe("");
    await expect(page.locator("table.data caption").textContent()).resolves.toMatch(/^1 sources/);
    // The chart counts today's arrivals.
    await expect(page.locator("figure.chart svg title").first().textContent()).resolves.toMatch(
      /[1-9]\d* in all/,
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.click("form[action='/console/sources/poll-all'] button");
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/tasks\//);
    await until(async () => /finished/.test((await page.locator(".task-count").textContent()) ?? ""), 20_000);
    await expect(page.locator(".task-result").textContent()).resolves.toMatch(/Polled 1 source/);
    expect(await page.locator("progress").getAttribute("value")).toBe("1");

    // Import an OPML file: a task with progress, then the feeds are listed.
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="Atom" type="rss" xmlUrl="${rig.feeds.url("/feeds/atom.xml")}"/>
<outline text="JSON" type="rss" xmlUrl="${rig.feeds.url("/feeds/feed.json")}"/>
<outline text="Again" type="rss" xmlUrl="${rig.feeds.url("/feeds/rss.xml")}"/></body></opml>`;
    await page.goto(`${rig.base}/console/sources`);
    await page.setInputFiles("#opml", {
      name: "feeds.opml",
      mimeType: "text/xml",
      buffer: Buffer.from(opml),
    });
    await page.click("form[action='/console/sources/import'] button");
    await until(async () => /finished/.test((await page.locator(".task-count").textContent()) ?? ""), 20_000);
    await expect(page.locator(".task-result").textContent()).resolves.toMatch(
      /Added 2, already followed 1, failed 0/,
    );
    await page.goto(`${rig.base}/console/sources`);
    await expect(page.locator("table.data caption").textContent()).resolves.toMatch(/^3 sources/);
  });

  it("pauses, resumes and sends a subscription now, and the delivery appears", async () => {
    const sub = await rig.server.digests.service.subscribe(
      newSub({ platform: "slack", workspace: "T0CONSOLE", channel: "C0CONSOLE", topics: ["harbour strike"] }),
    );
    await page.goto(`${rig.base}/console/subscriptions?fresh=1`);
    const row = page.locator(`tr[id='${sub.id}']`);
    await expect(row.textContent()).resolves.toMatch(/harbour strike/);
    await expect(row.locator("time").textContent()).resolves.toMatch(/\d\d:\d\d/); // next slot, local time
    await row.locator("button", { hasText: "Pause" }).click();
    await expect(page.locator(".flash").textContent()).resolves.toMatch(/paused/);
    await expect(page.locator(`tr[id='${sub.id}']`).textContent()).resolves.toMatch(
      /paused from the console/,
    );
    expect((await rig.server.digests.service.get(sub.id))?.pausedReason).toMatch(/paused from the console/);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(`tr[id='${sub.id}'] button`, { hasText: "Resume" }).click();
    expect((await rig.server.digests.service.get(sub.id))?.pausedReason).toBeNull();

    await page.locator(`tr[id='${sub.id}'] button`, { hasText: "Send now" }).click();
    await until(async () => /finished/.test((await page.locator(".task-count").textContent()) ?? ""), 30_000);
    await expect(page.locator(".task-result").textContent()).resolves.toMatch(/Delivered/);
    expect(rig.platform.postsTo("C0CONSOLE")).toHaveLength(1);
    await page.goto(`${rig.base}/console/deliveries`);
    const delivery = page.locator("table.data tbody tr", { hasText: sub.id });
    await expect(delivery.locator(".status").textContent()).resolves.toBe("posted");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("Feedback and Health pages read for a person", async () => {
    await page.goto(`${rig.base}/console/health`);
    await expect(page.locator(".status-line").textContent()).resolves.toMatch(/Status: ok/);
    await expect(page.locator("main").textContent()).resolves.toMatch(/Redis\s*reachable/);
    // The sources added above, by status.
    await expect(page.locator("tr", { hasText: "sources" }).textContent()).resolves.toMatch(/ok\s*[1-9]/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${rig.base}/console/feedback`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("refuses state changes without the session's CSRF token or from another origin", async () => {
    const sub = await rig.server.digests.service.subscribe(newSub({ platform: "slack", channel: "C0CSRF" }));
    await page.goto(`${rig.base}/console/subscriptions?fresh=1`);
    const csrf = await page.locator("input[name=csrf]").first().inputValue();
    const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      page.request.post(`${rig.base}/console/subscriptions/pause`, { form, headers, maxRedirects: 0 });
    expect((await post({ id: sub.id })).status()).toBe(403);
    expect((await post({ id: sub.id, csrf: `${csrf}x` })).status()).toBe(403);
    expect((await post({ id: sub.id, csrf }, { origin: "https://evil.example" })).status()).toBe(403);
    expect((await rig.server.digests.service.get(sub.id))?.pausedReason).toBeNull();
    // Without the cookie (another site's page: SameSite=Strict keeps it home) nothing happens either.
    const res = await fetch(`${rig.base}/console/subscriptions/pause`, {
      method: "POST",
      body: new URLSearchParams({ id: sub.id, csrf }),
      redirect: "manual",
    });
    expect(res.status).toBe(401);
    // The same token passes, and scripts may use Bearer instead.
    expect((await post({ id: sub.id, csrf })).status()).toBe(303);
    const bearer = await fetch(`${rig.base}/console/subscriptions/resume`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: new URLSearchParams({ id: sub.id }),
    });
    expect(bearer.status).toBe(200);
    expect((await rig.server.digests.service.get(sub.id))?.pausedReason).toBeNull();
  });

  it("serves /metrics in the Prometheus text format to Bearer callers only", async () => {
    expect((await fetch(`${rig.base}/metrics`)).status).toBe(401);
    const res = await fetch(`${rig.base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.headers.get("content-type")).toMatch(/text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/summit_commands_total\{surface="web",command="brief",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/summit_briefing_duration_seconds_count\{outcome="ok"\} [1-9]/);
    expect(text).toMatch(/summit_source_polls_total\{outcome="ok"\} [1-9]/);
    expect(text).toMatch(/summit_digest_deliveries_total\{outcome="delivered"\} [1-9]/);
    expect(text).toMatch(/summit_queue_jobs\{queue="digests",state="completed"\} \d+/);
  });
  it("logging out ends the session in Redis: a copied cookie is refused", async () => {
    const other = await rig.browser.newContext();
    const p = await other.newPage();
    await p.goto(`${rig.base}/console/login`);
    await p.fill("#token", TOKEN);
    await p.click("button[type=submit]");
    const cookie = (await other.cookies()).find((c) => c.name === "summit_console");
    expect(cookie).toBeDefined();
    const copied = { cookie: `summit_console=${cookie?.value}` };
    expect((await fetch(`${rig.base}/console/health`, { headers: copied, redirect: "manual" })).status).toBe(
      200,
    );
    await p.goto(`${rig.base}/console/health`);
    await p.click("form.logout button[type=submit]");
    expect(new URL(p.url()).pathname).toBe("/console/login");
    const again = await fetch(`${rig.base}/console/health`, { headers: copied, redirect: "manual" });
    expect(again.status).toBe(303);
    expect(await rig.server.digests.redis.keys(`${rig.prefix}:console:ended:*`)).toHaveLength(1);
    await other.close();
  });

  it("rate-limits login attempts and Bearer guesses per client (last: it uses up this address's allowance)", async () => {
    const other = await rig.browser.newContext();
    const p = await other.newPage();
    const attempt = (token: string) =>
      p.request.post(`${rig.base}/console/login`, { form: { token, next: "/console/try" }, maxRedirects: 0 });
    // The limit is 4 attempts a minute per address (earlier tests' attempts may still count).
    const statuses: number[] = [];
    for (let i = 0; i < 5 && !statuses.includes(429); i++) statuses.push((await attempt("wrong")).status());
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Once limited, even the right token is refused until the window passes.
    const limited = await attempt(TOKEN);
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
    // The same limit holds for scripts: the address's Bearer requests are refused too, right token or not.
    const scraper = await fetch(`${rig.base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scraper.status).toBe(429);
    expect(Number(scraper.headers.get("retry-after"))).toBeGreaterThan(0);
    await other.close();
  });
});
