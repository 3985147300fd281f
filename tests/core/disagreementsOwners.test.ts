/**
 * "Where sources differ": a figure's named owner counts (owners.ts). Reports of related stories each
 * give the profits of their own company, the growth of their own economy, the takings of their own
 * film: figures of different owners are different things. Made-up reports, each with a control.
 */
import { describe, expect, it } from "vitest";
import { differ } from "../support/disagreements.ts";

const values = (found: ReturnType<typeof differ>) =>
  found.flatMap((d) => d.claims.flatMap((c) => c.values)).sort();

describe("a figure's named owner", () => {
  it("keeps apart two companies' profits", () => {
    const a = (who: string) =>
      `${who}'s profits for the year were £310m, helped by strong demand for its new models.`;
    const b = "Brannock reported profits for the year of £455m, helped by strong demand for its new models.";
    expect(differ([a("Veltrix"), b])).toEqual([]);
    // Control: the same company's profits, told twice.
    expect(values(differ([a("Brannock"), b]))).toEqual(["£310m", "£455m"]);
  });

  it("keeps apart two economies' growth", () => {
    const a = (who: string) =>
      `${who}'s growth in the final quarter of 2025 was 2.4%, official figures showed.`;
    const b = "Norland's growth in the final quarter of 2025 was 1.1%, according to official data.";
    expect(differ([a("Estavia"), b])).toEqual([]);
    expect(values(differ([a("Norland"), b]))).toEqual(["1.1%", "2.4%"]);
  });

  it("keeps apart two films' takings, each named as its sentence's subject", () => {
    const a = (film: string) =>
      `${film} took $95m at the box office over the holiday weekend, the studio said.`;
    const b = "Harbourlight took $60m at the box office over the holiday weekend, the studio said.";
    expect(differ([a("Varnholt"), b])).toEqual([]);
    expect(values(differ([a("Harbourlight"), b]))).toEqual(["$60m", "$95m"]);
  });

  it("leaves an unnamed owner to the other rules", () => {
    // "Its profits" names no owner: the two figures are still compared.
    const a = "Its profits for the year were £310m, helped by strong demand for its new models.";
    const b = "Brannock reported profits for the year of £455m, helped by strong demand for its new models.";
    expect(values(differ([a, b]))).toEqual(["£310m", "£455m"]);
  });

  it("takes a speaker for no owner", () => {
    const b = "Brannock reported profits for the year of £455m, helped by strong demand for its new models.";
    const said = "Hollis said profits for the year were £310m, helped by strong demand for its new models.";
    expect(values(differ([said, b]))).toEqual(["£310m", "£455m"]);
  });

  it("reads an unnamed owner ('Its', 'the firm's') as the article's one named owner", () => {
    const a =
      "Harlow Foods' sales rose 8% last year, helped by its new ready meals. Its pre-tax profits rose to £40m in the year to March, the supermarket group said.";
    const b = (who: string) =>
      `The firm's pre-tax profits rose to £55m in the year to March, ${who} said, after ${who}'s sales rose 4%.`;
    expect(differ([a, b("Denby Retail")])).toEqual([]);
    // Control: the same company's profits, each said as "its" / "the firm's".
    expect(values(differ([a, b("Harlow Foods")]))).toEqual(["£40m", "£55m"]);
  });
});
