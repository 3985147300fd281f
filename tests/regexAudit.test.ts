import { describe, expect, it } from "vitest";
import { key, regexesIn } from "../scripts/regex-audit.ts";

describe("regex audit: which regexes it finds", () => {
  const source = [
    "const a = /x+y/gi;",
    'const b = new RegExp("^(a|b)+$", "u");',
    "const c = RegExp(`\\\\d{2}`);",
    `const d = new RegExp(\`^\${name}$\`);`,
    "const e = new RegExp(pattern, 'g');",
    "const f = '/not a regex/'; // nor /this/",
    "const g = a / b / c;",
  ].join("\n");
  const { found, dynamic } = regexesIn(source, "made-up.ts");

  it("collects literals and RegExp calls with a constant source, with their lines", () => {
    expect(found.map((f) => [f.line, key(f.pattern, f.flags)])).toEqual([
      [1, "/x+y/gi"],
      [2, "/^(a|b)+$/u"],
      [3, "/\\d{2}/"],
    ]);
  });

  it("counts RegExps built at run time without checking them; strings, comments and division are not regexes", () => {
    expect(dynamic.map((d) => d.line)).toEqual([4, 5]);
  });
});
