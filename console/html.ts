/**
 * Server-side HTML with escaping by default: `html\`<p>${text}</p>\`` escapes every interpolated value
 * unless it is already an `Html` (built by `html` itself or, for text we produce, `trusted`). Arrays are
 * joined, null/undefined/false render nothing. Article and user text can only ever become text.
 *
 * Why a tagged template and not a template engine: the pages are small, typed TypeScript functions;
 * escaping is the default and opting out needs an explicit `trusted(...)` that a reviewer can grep for;
 * no build step, no runtime dependency, no template files to keep in step with the data types.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Markup that is already safe: only `html` and `trusted` make one. */
export class Html {
  readonly value: string;
  private constructor(value: string) {
    this.value = value;
  }
  /** Internal: use `html` or `trusted`. */
  static of(value: string): Html {
    return new Html(value);
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return Html.of(out);
}

/** Markup we produced ourselves (never article or user text). */
export function trusted(markup: string): Html {
  return Html.of(markup);
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is not a URL we link to. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
