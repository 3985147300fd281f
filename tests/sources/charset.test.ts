import { describe, expect, it } from "vitest";
import {
  charsetFromContentType,
  charsetFromHtmlMeta,
  charsetFromXmlProlog,
  decodeBytes,
  encodingForLabel,
} from "../../sources/charset.ts";
import { encodeSingleByte } from "../peers/feeds/render.ts";

const TEXT = "Café “quoted” — 5 € and £3 · naïve";

describe("charset detection (BOM, Content-Type, XML prolog, HTML meta)", () => {
  it("a byte order mark wins over every declaration", () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`<?xml version="1.0" encoding="windows-1252"?>${TEXT}`),
    ]);
    const d = decodeBytes(utf8, "text/xml; charset=iso-8859-1");
    expect(d).toMatchObject({ encoding: "utf-8", source: "bom" });
    expect(d.text.endsWith(TEXT)).toBe(true);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]);
    expect(decodeBytes(le)).toMatchObject({ text: TEXT, encoding: "utf-16le", source: "bom" });
  });

  it("the Content-Type charset comes before the XML prolog", () => {
    const bytes = encodeSingleByte(`<?xml version="1.0" encoding="utf-8"?><t>${TEXT}</t>`, "windows-1252");
    const d = decodeBytes(bytes, 'application/rss+xml; charset="windows-1252"');
    expect(d.source).toBe("content-type");
    expect(d.text).toContain(TEXT);
  });

  it("reads the XML prolog when the header says nothing, and maps ISO-8859-1 as browsers do", () => {
    const bytes = encodeSingleByte(`<?xml version="1.0" encoding="ISO-8859-1"?><t>${TEXT}</t>`, "iso-8859-1");
    const d = decodeBytes(bytes, "application/xml");
    expect(d.source).toBe("xml-prolog");
    // Characters Latin-1 lacks were written as numeric references by the encoder.
    expect(d.text).toContain("Café");
    expect(d.text).toContain("&#8220;quoted&#8221;");
    // Servers that say ISO-8859-1 often send windows-1252 bytes (0x93 for “): they decode right too.
    const mislabelled = encodeSingleByte(
      `<?xml version="1.0" encoding="ISO-8859-1"?><t>${TEXT}</t>`,
      "windows-1252",
    );
    expect(decodeBytes(mislabelled, "text/xml").text).toContain(TEXT);
  });

  it("reads <meta charset> and <meta http-equiv> in HTML", () => {
    const page = `<!doctype html><html><head><meta charset="windows-1252"><title>x</title></head><body>${TEXT}</body></html>`;
    const d = decodeBytes(encodeSingleByte(page, "windows-1252"), "text/html");
    expect(d).toMatchObject({ encoding: "windows-1252", source: "html-meta" });
    expect(d.text).toContain(TEXT);
    expect(
      charsetFromHtmlMeta('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'),
    ).toBe("ISO-8859-15");
  });

  it("an ASCII-readable declaration of UTF-16 means UTF-8; unknown labels are skipped", () => {
    const d = decodeBytes(Buffer.from(`<?xml version="1.0" encoding="UTF-16"?><t>${TEXT}</t>`), null);
    expect(d.encoding).toBe("utf-8");
    expect(d.text).toContain(TEXT);
    const unknown = decodeBytes(Buffer.from(`<?xml version="1.0" encoding="x-klingon"?><t>${TEXT}</t>`));
    expect(unknown.source).toBe("default");
    expect(unknown.text).toContain(TEXT);
  });

  it("undeclared bytes that are not UTF-8 are read as windows-1252", () => {
    const d = decodeBytes(encodeSingleByte(`<p>${TEXT}</p>`, "windows-1252"));
    expect(d).toMatchObject({ encoding: "windows-1252", source: "default" });
    expect(d.text).toContain(TEXT);
  });

  it("parses the pieces", () => {
    expect(charsetFromContentType("text/html;charset=UTF-8")).toBe("UTF-8");
    expect(charsetFromContentType("text/html")).toBeNull();
    expect(charsetFromXmlProlog("<?xml version='1.0' encoding='koi8-r'?>")).toBe("koi8-r");
    expect(charsetFromXmlProlog("<rss>")).toBeNull();
    expect(encodingForLabel("latin1")).toBe("windows-1252");
    expect(encodingForLabel("shift_jis")).toBe("shift_jis");
    expect(encodingForLabel("nonsense")).toBeNull();
  });
});
