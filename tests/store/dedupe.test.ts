/**
 * The duplicate rules of the shared store, against real Redis: an item seen again updates its article
 * in place; the same or a near-identical text from one publisher is one article; the same story from two
 * publishers stays two; a removed article's item is not added again while its feed still lists it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { articleFromRecord } from "../../src/corpus/load.ts";
import { StoreInputError } from "../../store/articles.ts";
import { item, openTestStore, SEED_TEXTS, TestClock, type TestStore } from "./helpers.ts";

let store: TestStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function logOps(s: TestStore): Promise<string[]> {
  const entries = await s.redis.xrange(s.keys.log, "-", "+");
  return entries.map(([, f]) => `${f[1]} ${f[3]}`);
}

describe("upsert: the same item seen again", () => {
  it("is unchanged when nothing changed, and updated in place (same id, same arrival) when its text did", async () => {
    const clock = new TestClock();
    store = openTestStore({ clock });
    const a = store.articles;
    const first = item({ variant: 0 });
    const added = await a.upsert(first);
    expect(added.outcome).toBe("added");
    clock.advance(60_000);
    expect(await a.upsert(first)).toEqual({ outcome: "unchanged", id: added.id });

    const edited = { ...first, text: first.text.replace(/\.\s*$/, ". A correction was added later.") };
    expect(edited.text).not.toBe(first.text);
    expect(await a.upsert(edited)).toEqual({
      outcome: "updated",
      id: added.id,
      logId: expect.stringMatching(/^\d+-\d+$/),
    });
    const stored = await a.getStored(added.id);
    expect(stored?.rev).toBe(2);
    expect(stored?.arrivedAt).toBe(Date.parse("2026-03-01T08:00:00Z"));
    expect(stored?.article.paragraphs.join(" ")).toContain("A correction was added later.");
    const retitled = { ...edited, title: "A new headline for the same story" };
    expect(await a.upsert(retitled)).toEqual({
      outcome: "updated",
      id: added.id,
      logId: expect.stringMatching(/^\d+-\d+$/),
    });
    expect((await a.get(added.id))?.title).toBe("A new headline for the same story");
    expect(await a.count()).toBe(1);
    expect(await logOps(store)).toEqual([`add ${added.id}`, `update ${added.id}`, `update ${added.id}`]);
  });

  it("is recognised by its canonical URL when the guid differs or is missing, and by guid within its source only", async () => {
    store = openTestStore();
    const a = store.articles;
    const first = item({ variant: 1 });
    const { id } = await a.upsert(first);
    expect(await a.upsert({ ...first, guid: null })).toEqual({ outcome: "unchanged", id });
    expect(await a.upsert({ ...first, guid: "a-new-guid", url: `${first.url}#comments` })).toEqual({
      outcome: "unchanged",
      id,
    });
    // The new guid now names the article too: seen again with an edited text, it updates it.
    const edited = { ...first, guid: "a-new-guid", url: null, text: `${first.text}\n\nUpdated at noon.` };
    expect(await a.upsert(edited)).toMatchObject({ outcome: "updated", id });
    // The same guid in another source is another item (guids are only unique within a feed).
    const other = item({ variant: 6, guid: first.guid, sourceId: "src_other", publisher: "Other Daily" });
    expect((await a.upsert(other)).outcome).toBe("added");
    expect(await a.count()).toBe(2);
    // An item whose guid names one article and whose URL names another belongs to the guid's; the
    // other article keeps its URL.
    const third = item({ variant: 7 });
    const thirdId = (await a.upsert(third)).id;
    expect(await a.upsert({ ...edited, url: third.url })).toEqual({ outcome: "unchanged", id });
    expect(await a.upsert({ ...third, guid: null })).toEqual({ outcome: "unchanged", id: thirdId });
  });
});

describe("upsert: duplicates by text", () => {
  it("an identical or near-identical text from the same publisher is one article", async () => {
    store = openTestStore();
    const a = store.articles;
    const first = item({ variant: 2 });
    const { id } = await a.upsert(first);
    // Republished under a new guid and URL: identical text.
    const again = { ...first, guid: "republished", url: "https://news.example/republished" };
    expect(await a.upsert(again)).toEqual({ outcome: "duplicate", id });
    // Near-identical: one sentence reworded, in another feed of the same publisher (case and spacing differ).
    const near = {
      ...first,
      sourceId: "src_second_feed",
      guid: "near",
      url: "https://news.example/near",
      publisher: "  example NEWS ",
      text: first.text.replace(/\bthe\b/, "this"),
    };
    expect(near.text).not.toBe(first.text);
    expect(await a.upsert(near)).toEqual({ outcome: "duplicate", id });
    expect(await a.count()).toBe(1);
    // Both feeds delivered it; the duplicate's guid and URL now name it.
    expect(await a.countBySource(["src_test", "src_second_feed"])).toEqual({
      src_test: 1,
      src_second_feed: 1,
    });
    expect(await a.upsert(again)).toEqual({ outcome: "unchanged", id });
  });

  it("the same text from two publishers stays two articles, and different texts from one publisher stay apart", async () => {
    store = openTestStore();
    const a = store.articles;
    const first = item({ variant: 3 });
    const r1 = await a.upsert(first);
    const r2 = await a.upsert({
      ...first,
      sourceId: "src_wire",
      guid: "w1",
      url: "https://wire.example/w1",
      publisher: "Wire Service",
    });
    expect(r2.outcome).toBe("added");
    expect(r2.id).not.toBe(r1.id);
    // Another article by the same publisher on the same story (a different text) is its own article.
    const other = item({ variant: 30 });
    expect((await a.upsert(other)).outcome).toBe("added");
    // A follow-up that repeats half of the first article's paragraphs is not a near-duplicate either.
    const paras = first.text.split("\n\n");
    const followUp = [...paras.slice(0, 3), ...item({ variant: 31 }).text.split("\n\n").slice(0, 3)].join(
      "\n\n",
    );
    expect((await a.upsert(item({ variant: 32, text: followUp }))).outcome).toBe("added");
    expect(await a.count()).toBe(4);
    expect(await a.publishers([r1.id, r2.id])).toEqual(["example news", "wire service"]);
  });

  it("a publisher-less text dedupes within its web site only", async () => {
    store = openTestStore();
    const a = store.articles;
    const first = item({ variant: 4, publisher: null, url: "https://www.site-a.example/x" });
    const { id } = await a.upsert(first);
    expect(
      await a.upsert({ ...first, guid: "g2", url: "https://site-a.example/y", sourceId: "src_a2" }),
    ).toEqual({ outcome: "duplicate", id });
    expect(
      (await a.upsert({ ...first, guid: "g3", url: "https://site-b.example/y", sourceId: "src_b" })).outcome,
    ).toBe("added");
  });
});

describe("stored articles", () => {
  it("become Articles by the same record → article cleaning as files, with url, author and source", async () => {
    store = openTestStore();
    const raw = `Breaking: ${SEED_TEXTS[0]!.title}\n\nShare this article\n\n${SEED_TEXTS[0]!.text}\n\n© Copyright Example News 2026`;
    const it0 = item({ variant: 0, text: raw, author: "A. Writer" });
    const { id } = await store.articles.upsert(it0);
    const got = await store.articles.get(id);
    const expected = articleFromRecord({
      id,
      text: raw,
      title: it0.title,
      publisher: it0.publisher,
      date: it0.publishedAt,
      url: it0.url!,
    });
    expect(got).toEqual({
      ...expected,
      addedAt: got!.addedAt,
      author: "A. Writer",
      sourceId: "src_test",
    });
    expect(got!.paragraphs.some((p) => /share this article/i.test(p))).toBe(false);
    expect(got!.url).toBe(it0.url);
    expect(got!.date).toBe("2026-03-01");
  });

  it("refuses an item with no text or a malformed source id, and bounds a huge text", async () => {
    store = openTestStore();
    await expect(store.articles.upsert(item({ text: "   " }))).rejects.toBeInstanceOf(StoreInputError);
    await expect(store.articles.upsert(item({ sourceId: "bad id with spaces" }))).rejects.toBeInstanceOf(
      StoreInputError,
    );
    const huge = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} says something entirely new today.`);
    const { id } = await store.articles.upsert(item({ text: huge.join("\n\n") }));
    const got = await store.articles.get(id);
    expect(got!.paragraphs.join("\n\n").length).toBeLessThanOrEqual(200_000);
    expect(got!.paragraphs.length).toBeGreaterThan(1000);
  });

  it("remove() takes an article out and remembers its item: seen again, it is not added back", async () => {
    store = openTestStore();
    const a = store.articles;
    const first = item({ variant: 0 });
    const { id } = await a.upsert(first);
    expect(await a.remove(id)).toBe(true);
    expect(await a.remove(id)).toBe(false);
    expect(await a.get(id)).toBeNull();
    expect(await a.count()).toBe(0);
    expect(await a.countBySource(["src_test"])).toEqual({ src_test: 0 });
    expect(await a.upsert(first)).toEqual({ outcome: "unchanged", id });
    expect(await a.count()).toBe(0);
    // Its text is free again: the same text under a new item is a new article.
    expect((await a.upsert({ ...first, guid: "new", url: "https://news.example/new" })).outcome).toBe(
      "added",
    );
    expect(await logOps(store)).toEqual([`add ${id}`, `remove ${id}`, expect.stringMatching(/^add a_/)]);
  });
});
