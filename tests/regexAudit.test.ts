import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

describe("regex audit: RegExps built from constants are folded and checked", () => {
  const dir = mkdtempSync(join(tmpdir(), "regex-audit-"));
  writeFileSync(join(dir, "words.ts"), 'export const UNIT = "(?:days?|weeks?)";\nconst hidden = "x";\n');
  const source = [
    'import { UNIT } from "./words.ts";',
    'const NUM = "\\\\d+";',
    `const A = new RegExp(\`\${NUM}\\\\s+\${UNIT}\`, 'i');`,
    `const B = new RegExp(["cat", "dog"].map((w) => \`\\\\b\${w}\\\\b\`).join("|"), "u");`,
    "const C = /ab+c/g;",
    'const D = new RegExp(C.source.replace("b+", "b{1,3}"), C.flags);',
    "const E = new RegExp(NUM + UNIT);",
    `function f(id: string) { return new RegExp(\`<@\${id}>\`); }`,
    'import { hidden } from "./words.ts";',
    "const F = new RegExp(hidden);",
  ].join("\n");
  const path = join(dir, "made-up.ts");
  writeFileSync(path, source);
  const { found, dynamic } = regexesIn(source, "made-up.ts", path);

  it("folds module constants, imported constants, map/join, .source/.flags, .replace and +", () => {
    expect(found.map((f) => [f.line, key(f.pattern, f.flags)])).toEqual([
      [3, "/\\d+\\s+(?:days?|weeks?)/i"],
      [4, "/\\bcat\\b|\\bdog\\b/u"],
      [5, "/ab+c/g"],
      [6, "/ab{1,3}c/g"],
      [7, "/\\d+(?:days?|weeks?)/"],
    ]);
  });

  it("leaves a value known only at run time, or a constant the other module does not export, unchecked", () => {
    expect(dynamic.map((d) => d.line)).toEqual([8, 10]);
  });

  it("without a path on disk, imports are not followed", () => {
    expect(regexesIn(source, "made-up.ts").dynamic.map((d) => d.line)).toEqual([3, 7, 8, 10]);
  });
});
