/**
 * Tokenised copies set straight quotation marks apart from every word, and are often lower-cased
 * (`he said " we will win . " the crowd cheered .`). Which side of a stop a spaced mark belongs to is
 * read from the open/close count of the marks before it: a closing mark goes with the sentence it
 * closes, the boundary falls after it whatever the case of the next word, an attribution alone stays
 * with its quotation. Typeset text (marks set against their words, curly marks) splits as before.
 * Made-up text only.
 */
import { describe, expect, it } from "vitest";
import { articlesFromRecords } from "../../src/corpus/load.ts";
import { splitSentences } from "../../src/corpus/sentences.ts";
import { createExtractiveEngine } from "../../src/engine/extractive.ts";
import { headlineFrom } from "../../src/engine/headlines.ts";
import { quotesClosed } from "../../src/text/quotes.ts";

describe("sentences of tokenised copies with spaced quotation marks", () => {
  it("puts a closing mark after a stop with the sentence it closes, the next sentence after it", () => {
    expect(
      splitSentences(
        'the mayor said " the bridge will open in may . " the council voted against it . then it rained .',
      ),
    ).toEqual([
      'the mayor said " the bridge will open in may . "',
      "the council voted against it .",
      "then it rained .",
    ]);
    // The run-on case: a lower-case word after the closing mark opens a sentence of its own.
    expect(
      splitSentences(
        'Harlow said the ledgers showed what the board " had planned . " just before the ledgers were published, however, Harlow resigned .',
      ),
    ).toEqual([
      'Harlow said the ledgers showed what the board " had planned . "',
      "just before the ledgers were published, however, Harlow resigned .",
    ]);
  });

  it("runs no quotation on into what a dash sets off after it", () => {
    expect(
      splitSentences(
        '" i closed the page because i was insulted . " --- the mayor\'s visit put one cafe in the news .',
      ),
    ).toEqual([
      '" i closed the page because i was insulted . "',
      "the mayor's visit put one cafe in the news .",
    ]);
  });

  it("opens no sentence on an empty pair of marks", () => {
    const out = splitSentences(
      '" the ferry is late again . " " we have waited two hours , " one rider said .',
    );
    expect(out).toEqual(['" the ferry is late again . "', '" we have waited two hours , " one rider said .']);
    for (const s of out) expect(s.startsWith('" "')).toBe(false);
  });

  it("keeps an attribution alone with its quotation, not one that goes on as a sentence", () => {
    expect(splitSentences('" is the bridge safe ? " a reporter asked . " yes , " she said .')).toEqual([
      '" is the bridge safe ? " a reporter asked .',
      '" yes , " she said .',
    ]);
    expect(splitSentences('" the bridge is safe . " she said the tests were done in may .')).toEqual([
      '" the bridge is safe . "',
      "she said the tests were done in may .",
    ]);
    // An attribution that introduces the next quotation goes with it.
    expect(
      splitSentences('" the bridge is safe . " she added : " it opens in may . " then she left .'),
    ).toEqual(['" the bridge is safe . "', 'she added : " it opens in may . "', "then she left ."]);
  });

  it("reads a mark opening a quotation after a stop as opening", () => {
    expect(splitSentences('the rider waited . " where is the ferry ? " nobody knew .')).toEqual([
      "the rider waited .",
      '" where is the ferry ? "',
      "nobody knew .",
    ]);
  });

  it("cuts between a closed quotation's stop and the next quotation", () => {
    expect(
      splitSentences('she called the plan " a good start ". " we need more ferries , " she said .'),
    ).toEqual(['she called the plan " a good start ".', '" we need more ferries , " she said .']);
    expect(
      splitSentences(
        'he was held for " trespass ". Lee was then charged with " resisting " after a struggle .',
      ),
    ).toEqual([
      'he was held for " trespass ".',
      'Lee was then charged with " resisting " after a struggle .',
    ]);
  });

  it("never splits after an abbreviation", () => {
    expect(
      splitSentences('the envoy met mr. " big " lee in the u.s. capitol . " we agreed , " he said .'),
    ).toEqual(['the envoy met mr. " big " lee in the u.s. capitol .', '" we agreed , " he said .']);
    expect(splitSentences('she left " the o.c. " cast after two seasons .')).toEqual([
      'she left " the o.c. " cast after two seasons .',
    ]);
    expect(splitSentences('the sign read " welcome to the u.s. " the tourists smiled .')).toEqual([
      'the sign read " welcome to the u.s. "',
      "the tourists smiled .",
    ]);
  });

  it("leaves typeset text as it was", () => {
    const typeset = [
      '"Is the bridge safe?" a reporter asked. "Yes," she said.',
      "The mayor said “the bridge will open in May.” The council voted against it.",
      'The mayor said "the bridge will open in May." The council voted against it.',
      'The mayor said "the bridge will open in May." the council voted against it.',
      "“We have waited two hours,” one rider said. “The ferry is late again.”",
      'The U.S. envoy said Mr. Lee agreed. "It is over," he said.',
    ];
    expect(typeset.map(splitSentences)).toEqual([
      ['"Is the bridge safe?" a reporter asked.', '"Yes," she said.'],
      ["The mayor said “the bridge will open in May.”", "The council voted against it."],
      ['The mayor said "the bridge will open in May."', "The council voted against it."],
      ['The mayor said "the bridge will open in May."', "the council voted against it."],
      ["“We have waited two hours,” one rider said.", "“The ferry is late again.”"],
      ["The U.S. envoy said Mr. Lee agreed.", '"It is over," he said.'],
    ]);
  });
});

describe("quotations of tokenised copies", () => {
  it("reads a spaced mark as closing the quotation left open", () => {
    expect(quotesClosed('the mayor said " the bridge will open in may . "')).toBe(true);
    expect(quotesClosed('" we have waited two hours , " one rider said .')).toBe(true);
    expect(quotesClosed('she called it a " good start " on monday .')).toBe(true);
    expect(quotesClosed('the mayor said " the bridge will open in may .')).toBe(false);
    // Typeset marks keep their sides.
    expect(quotesClosed('"The harbour is full. "The ferries are late.')).toBe(false);
    expect(quotesClosed('It was a busy week," the harbour master said.')).toBe(false);
  });

  it("gives a briefing quoted points whole, no run-on and no empty pair of marks", async () => {
    const arts = articlesFromRecords([
      {
        id: "a",
        text:
          'Ferry delays at varnholm harbour grew worse on monday . harbour master ilse brant said " the harbour ferries cannot sail while the storm lasts . " ' +
          "just before noon the harbour ferries were cancelled for the day . " +
          '" the harbour ferries will run extra crossings on wednesday , " brant said . ' +
          "Ferry riders waited for hours at the harbour .",
      },
      {
        id: "b",
        text:
          'A storm closed varnholm harbour to ferries on monday . " we expect the harbour ferries back on wednesday . " ' +
          '" the storm is the worst in years , " a ferry captain said . Harbour ferries carry most of the island\'s food .',
      },
    ]);
    const b = await createExtractiveEngine(arts).brief("harbour ferries");
    expect(b.found).toBe(true);
    const quoted = b.points.filter((p) => p.text.includes('"'));
    expect(quoted.length).toBeGreaterThan(0);
    for (const p of b.points) {
      expect(quotesClosed(p.text)).toBe(true);
      expect(p.text).not.toMatch(/(?:^|\s)" "(?:\s|$)/);
      expect(p.text).not.toMatch(/[.!?] " just before/);
    }
    // A quotation closed by a spaced mark is a point, not refused as a quotation left open (shown with
    // its marks tight and its spacing closed: display.ts).
    expect(
      b.points.some((p) =>
        /"the harbour ferries will run extra crossings on wednesday," brant said\.$/i.test(p.text),
      ),
    ).toBe(true);
  });

  it("cuts a headline at a clause outside a quotation, never inside one", () => {
    const h = headlineFrom([
      '" the harbour ferries were late again this morning , and the riders waited for hours in the cold , " the harbour master told local reporters on monday .',
    ]);
    // Not at the comma inside the quotation (`" the harbour ferries were late again this morning`).
    expect(h).not.toMatch(/this morning$/);
    expect(h.endsWith("…") || quotesClosed(h)).toBe(true);
  });
});
