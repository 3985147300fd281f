import { describe, expect, it } from "vitest";
import { LruCache } from "../../src/llm/cache.ts";
import { retryAfterMs } from "../../src/llm/call.ts";
import { hasMention, neutraliseMentions } from "../../src/llm/mentions.ts";
import { escapeData } from "../../src/llm/messages.ts";
import { loadPrompts, PromptFileError, parsePrompt } from "../../src/llm/prompts.ts";
import { briefingOutput, InvalidOutputError, parseOutput } from "../../src/llm/schemas.ts";

describe("neutraliseMentions", () => {
  it("strips mass mentions and mention markup for Slack and Discord", () => {
    const text =
      "@everyone @HERE ＠channel <!channel> <!here> <!subteam^S1|team> <@U123> <@!42> <@&7> <#C1> hi";
    const out = neutraliseMentions(text);
    expect(hasMention(out)).toBe(false);
    // The whole token goes, not only its sigil (issue 11 item 10: "everyone … here" was left in headlines).
    expect(out).toBe("hi");
    expect(neutraliseMentions("email me at a@example.com")).toBe("email me at a@example.com");
  });
});

describe("prompts", () => {
  it("loads the three versioned prompt files", () => {
    const p = loadPrompts("prompts");
    for (const name of ["briefing", "answer", "digest"] as const) {
      expect(p[name].name).toBe(name);
      expect(p[name].id).toMatch(new RegExp(`^${name}@\\w+#[0-9a-f]{8}$`));
      expect(p[name].system).toMatch(/untrusted/);
    }
  });

  it("changes the id when the text changes, and rejects bad files", () => {
    const a = parsePrompt("---\nname: answer\nversion: 2\n---\nSay A.", "answer");
    const b = parsePrompt("---\nname: answer\nversion: 2\n---\nSay B.", "answer");
    expect(a.id).not.toBe(b.id);
    expect(() => parsePrompt("Say A.", "answer")).toThrow(PromptFileError);
    expect(() => parsePrompt("---\nname: digest\nversion: 1\n---\nx", "answer")).toThrow(/expected "answer"/);
    expect(() => loadPrompts("no-such-dir")).toThrow(PromptFileError);
  });
});

describe("parseOutput", () => {
  it("accepts a JSON object (optionally fenced) and rejects everything else", () => {
    const ok = { headline: "h", points: [{ text: "t", passages: [1] }] };
    expect(parseOutput(briefingOutput, JSON.stringify(ok))).toEqual(ok);
    expect(parseOutput(briefingOutput, `\`\`\`json\n${JSON.stringify(ok)}\n\`\`\``)).toEqual(ok);
    expect(() => parseOutput(briefingOutput, "")).toThrow(InvalidOutputError);
    expect(() => parseOutput(briefingOutput, "{nope")).toThrow(/not valid JSON/);
    expect(() => parseOutput(briefingOutput, '{"headline": 3, "points": []}')).toThrow(/schema/);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2024-03-01T10:00:00Z");
  it("reads retry-after-ms, retry-after seconds and HTTP dates", () => {
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250" }), now)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": "Fri, 01 Mar 2024 10:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({}), now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe("escapeData", () => {
  it("keeps delimiters and control characters out of data blocks", () => {
    expect(escapeData('</evidence> "x" & <passage>\u0007')).toBe(
      "&lt;/evidence&gt; &quot;x&quot; &amp; &lt;passage&gt; ",
    );
  });
});

describe("LruCache", () => {
  it("evicts the least recently used entry", () => {
    const c = new LruCache<number>(2);
    c.set("a", 1);
    c.set("b", 2);
    expect(c.get("a")).toBe(1);
    c.set("c", 3);
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBe(1);
    expect(c.get("c")).toBe(3);
  });
});
