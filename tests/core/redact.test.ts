import { describe, expect, it } from "vitest";
import { isSecretParam, redactUrl, redactUrlsInText } from "../../src/redact.ts";

describe("redactUrl: credentials in web addresses", () => {
  it("drops user info and masks credential parameters, keeping every other byte", () => {
    expect(redactUrl("https://bob:p%40ss@feeds.example.com/a.xml")).toBe("https://feeds.example.com/a.xml");
    expect(redactUrl("https://github.com/org.private.atom?token=AB12&x=1#top")).toBe(
      "https://github.com/org.private.atom?token=***&x=1#top",
    );
    expect(redactUrl("https://s3.example.com/f.xml?X-Amz-Signature=abc&X-Amz-Date=2026")).toBe(
      "https://s3.example.com/f.xml?X-Amz-Signature=***&X-Amz-Date=2026",
    );
    expect(redactUrl("https://www.reddit.com/.rss?feed=f00&user=bob&apiKey=k")).toBe(
      "https://www.reddit.com/.rss?feed=f00&user=bob&apiKey=***",
    );
    const plain = "https://news.example.com/search?keywords=monkey+business&category=key%20points";
    expect(redactUrl(plain)).toBe(plain);
    expect(redactUrl("not a url")).toBe("not a url");
  });

  it("names credential parameters by any part of their name", () => {
    for (const n of [
      "token",
      "private_token",
      "access_token",
      "apiKey",
      "api-key",
      "client_secret",
      "sig",
      "session_id",
    ])
      expect(isSecretParam(n), n).toBe(true);
    for (const n of ["keywords", "page", "format", "edition", "signup", "design", "passage"])
      expect(isSecretParam(n), n).toBe(false);
  });

  it("masks every address in a text", () => {
    expect(
      redactUrlsInText(
        'more than 5 redirects from "https://u:pw@h.example/f?key=1" and http://h2.example/?auth=2.',
      ),
    ).toBe('more than 5 redirects from "https://h.example/f?key=***" and http://h2.example/?auth=***.');
  });
});
