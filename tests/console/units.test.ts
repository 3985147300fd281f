/** The console's pieces without a browser: escaping, platform output → HTML, who may come in. */
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { ConsoleAuth, endedSessionsInMemory } from "../../console/auth.ts";
import { html, safeUrl, trusted } from "../../console/html.ts";
import { discordMarkdownToHtml, mrkdwnToHtml, previewDocument } from "../../console/preview.ts";
import { messageLink } from "../../queue/recent.ts";
import type { Document } from "../../src/present/document.ts";

const req = (remoteAddress: string, headers: Record<string, string>) =>
  ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe("console html", () => {
  it("escapes every interpolated value unless it is markup we built", () => {
    const evil = `<script>alert(1)</script><img src=x onerror="a()">'&`;
    const out = html`<p title="${evil}">${evil}${[evil, 1]}${null}${false}</p>`.value;
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain("&lt;script&gt;");
    expect(out).toContain("&quot;a()&quot;");
    expect(html`${trusted("<b>x</b>")}`.value).toBe("<b>x</b>");
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("https://a.example/x")).toBe("https://a.example/x");
  });

  it("turns Slack mrkdwn and Discord markdown into HTML without letting text become markup", () => {
    const slack = mrkdwnToHtml(
      "*Bold* and _it_ &lt;img src=x&gt; <https://a.example/?a=1&amp;b=2|[1]> <javascript:x|bad>",
    );
    expect(slack).toContain("<strong>Bold</strong>");
    expect(slack).toContain("<em>it</em>");
    expect(slack).toContain("&lt;img src=x&gt;");
    expect(slack).toContain('href="https://a.example/?a=1&amp;b=2"');
    expect(slack).not.toContain("javascript:");
    const discord = discordMarkdownToHtml(
      "**Bold** \\<img src=x\\> \\*not italic\\* [\\[1\\]](https://b.example/p)",
    );
    expect(discord).toContain("<strong>Bold</strong>");
    expect(discord).toContain("&lt;img src=x&gt;");
    expect(discord).toContain("*not italic*");
    expect(discord).toContain('<a href="https://b.example/p" rel="noopener noreferrer nofollow">[1]</a>');
  });

  it("previews one Document three ways with the same words and citations", () => {
    const doc: Document = {
      kind: "briefing",
      title: "Harbour <b>strike</b>",
      blocks: [
        {
          kind: "paragraph",
          content: [
            { kind: "text", text: "Ships wait <img src=x>." },
            { kind: "cite", source: 1 },
          ],
        },
      ],
      sources: [
        {
          n: 1,
          id: "a",
          title: "Ships <wait>",
          publisher: "Wire",
          date: null,
          url: "https://w.example/a",
          location: "x",
        },
      ],
      actions: [],
      fallbackText: "Harbour strike",
    } as unknown as Document;
    const p = previewDocument(doc);
    for (const part of [p.slack.value, p.discord.value, p.text.value]) {
      expect(part).toContain("Ships wait &lt;img src=x&gt;.");
      expect(part).not.toMatch(/<img|<b>/);
    }
    expect(p.slack.value).toContain('href="https://w.example/a"');
    expect(p.discord.value).toContain('href="https://w.example/a"');
  });
});

describe("console auth", () => {
  it("without a token answers loopback requests with a loopback Host only", async () => {
    const auth = new ConsoleAuth({ token: undefined, now: Date.now });
    expect((await auth.identify(req("127.0.0.1", { host: "127.0.0.1:3000" }))).kind).toBe("loopback");
    expect((await auth.identify(req("::ffff:127.0.0.1", { host: "localhost:3000" }))).kind).toBe("loopback");
    expect(await auth.identify(req("10.1.2.3", { host: "127.0.0.1:3000" }))).toEqual({
      kind: "none",
      reason: "forbidden",
    });
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
    expect((await auth.identify(req("127.0.0.1", { host: "evil.example:3000" }))).kind).toBe("none");
  });

  it("with a token: sessions are signed and expire, Bearer works, CSRF is bound to the session", async () => {
    let now = 1_000_000;
    const auth = new ConsoleAuth({ token: "s3cret", now: () => now });
    const cookie = auth.newSession();
    const who = await auth.identify(
      req("10.0.0.9", { host: "summit.example", cookie: `summit_console=${cookie}` }),
    );
    expect(who.kind).toBe("session");
    const forged = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(
      (await auth.identify(req("10.0.0.9", { host: "h", cookie: `summit_console=${forged}` }))).kind,
    ).toBe("none");
    expect((await auth.identify(req("10.0.0.9", { host: "h", authorization: "Bearer s3cret" }))).kind).toBe(
      "bearer",
    );
    expect((await auth.identify(req("10.0.0.9", { host: "h", authorization: "Bearer nope" }))).kind).toBe(
      "none",
    );
    const r = req("10.0.0.9", { host: "summit.example", origin: "https://summit.example" });
    expect(auth.checkCsrf(r, who, "csrf" in who ? who.csrf : null)).toBe(true);
    expect(auth.checkCsrf(r, who, "forged")).toBe(false);
    expect(
      auth.checkCsrf(
        req("1.1.1.1", { host: "summit.example", origin: "null" }),
        who,
        "csrf" in who ? who.csrf : null,
      ),
    ).toBe(false);
    now += 13 * 3600_000;
    expect(
      (await auth.identify(req("10.0.0.9", { host: "h", cookie: `summit_console=${cookie}` }))).kind,
    ).toBe("none");
  });

  it("rate-limits login attempts per client, right token or not", async () => {
    let now = 0;
    const auth = new ConsoleAuth({ token: "t", now: () => now, loginLimit: { max: 3, windowMs: 60_000 } });
    expect([await auth.login("a", "x"), await auth.login("a", "x"), await auth.login("a", "t")]).toEqual([
      "wrong",
      "wrong",
      "ok",
    ]);
    expect(await auth.login("a", "t")).toEqual({ limited: 60 });
    expect(await auth.login("b", "t")).toBe("ok");
    now = 61_000;
    expect(await auth.login("a", "t")).toBe("ok");
  });

  it("counts wrong Bearer tokens against the same limit; a limited address is refused even the right one", async () => {
    let now = 0;
    const auth = new ConsoleAuth({ token: "t", now: () => now, loginLimit: { max: 3, windowMs: 60_000 } });
    const bearer = (address: string, token: string) =>
      auth.identify(req(address, { host: "h", authorization: `Bearer ${token}` }));
    // A scraper with the right token never uses up its own allowance.
    for (let i = 0; i < 10; i++) expect((await bearer("a", "t")).kind).toBe("bearer");
    expect(await bearer("a", "guess1")).toEqual({ kind: "none", reason: "login" });
    expect(await auth.login("a", "guess2")).toBe("wrong");
    expect(await bearer("a", "guess3")).toEqual({ kind: "none", reason: "login" });
    expect(await bearer("a", "t")).toEqual({ kind: "none", reason: "limited", retryAfter: 60 });
    expect(await auth.login("a", "t")).toEqual({ limited: 60 });
    // Other addresses are not affected, and the window passes.
    expect((await bearer("b", "t")).kind).toBe("bearer");
    now = 61_000;
    expect((await bearer("a", "t")).kind).toBe("bearer");
  });

  it("a logged-out session stops working everywhere the list of ended sessions is shared, until it expires", async () => {
    let now = 1_000_000;
    const ended = endedSessionsInMemory(() => now);
    const one = new ConsoleAuth({ token: "s3cret", now: () => now, ended });
    const two = new ConsoleAuth({ token: "s3cret", now: () => now, ended });
    const cookie = `summit_console=${one.newSession()}`;
    const other = `summit_console=${one.newSession()}`;
    expect((await two.identify(req("10.0.0.9", { host: "h", cookie }))).kind).toBe("session");
    await one.endSession(req("10.0.0.9", { host: "h", cookie }));
    // A copy of the cookie no longer works, in this process or another; other sessions still do.
    expect((await one.identify(req("10.0.0.9", { host: "h", cookie }))).kind).toBe("none");
    expect((await two.identify(req("10.0.0.8", { host: "h", cookie }))).kind).toBe("none");
    expect((await two.identify(req("10.0.0.9", { host: "h", cookie: other }))).kind).toBe("session");
    // A forged cookie ends nothing.
    await one.endSession(req("10.0.0.9", { host: "h", cookie: `${other}x` }));
    expect((await two.identify(req("10.0.0.9", { host: "h", cookie: other }))).kind).toBe("session");
    // The list forgets an ended session once it would have expired anyway.
    await ended.add("n1", now + 1000);
    expect(await ended.has("n1")).toBe(true);
    now += 2000;
    expect(await ended.has("n1")).toBe(false);
  });
});

describe("delivery message links", () => {
  it("links Slack and Discord messages, nothing for ids that are not theirs", () => {
    expect(messageLink({ platform: "slack", workspace: "T1", channel: "C1" }, "1712345678.000100")).toBe(
      "https://slack.com/archives/C1/p1712345678000100",
    );
    expect(messageLink({ platform: "discord", workspace: "1", channel: "2" }, "3")).toBe(
      "https://discord.com/channels/1/2/3",
    );
    expect(messageLink({ platform: "slack", workspace: "T1", channel: "C1" }, "javascript:x")).toBeNull();
  });
});
