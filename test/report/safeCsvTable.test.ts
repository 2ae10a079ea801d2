import { describe, expect, it } from "vitest";
import { safeCsvCell, safeCsvTable } from "../../src/report/safeCsvTable.js";

describe("safeCsvCell(value)", () => {
  it("safeCsvCell(text starting with = + - @ tab CR) gets a leading apostrophe and quotes (OWASP)", () => {
    expect(safeCsvCell("=1+1")).toBe(`"'=1+1"`);
    expect(safeCsvCell("+SUM(A1:A2)")).toBe(`"'+SUM(A1:A2)"`);
    expect(safeCsvCell("-2+3")).toBe(`"'-2+3"`);
    expect(safeCsvCell("@cmd")).toBe(`"'@cmd"`);
    expect(safeCsvCell("\t=1")).toBe(`"'\t=1"`);
    expect(safeCsvCell("\r=1")).toBe(`"'\r=1"`);
    expect(safeCsvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it("safeCsvCell(number) stays a number, negative numbers included", () => {
    expect(safeCsvCell(-0.25)).toBe("-0.25");
    expect(safeCsvCell(12)).toBe("12");
    expect(safeCsvCell(1.0235540560261339e-8)).toBe("1.0235540560261339e-8");
    expect(safeCsvCell("-0.25")).toBe("-0.25");
    expect(safeCsvCell("-1e-5")).toBe("-1e-5");
  });

  it("safeCsvCell(empty or non-finite) is an empty cell; text with commas, quotes or line breaks is quoted", () => {
    expect(safeCsvCell(null)).toBe("");
    expect(safeCsvCell(undefined)).toBe("");
    expect(safeCsvCell(Number.NaN)).toBe("");
    expect(safeCsvCell("a, b")).toBe(`"a, b"`);
    expect(safeCsvCell('say "hi"')).toBe(`"say ""hi"""`);
    expect(safeCsvCell("two\nlines")).toBe(`"two\nlines"`);
    expect(safeCsvCell("G1 > SSA")).toBe("G1 > SSA");
  });
});

describe("safeCsvTable(header, rows)", () => {
  it("safeCsvTable(header, rows) writes one line per row ending in a newline", () => {
    expect(safeCsvTable(["strategy", "hr"], [["=cmd", -1.5], ["B", null]])).toBe(`strategy,hr\n"'=cmd",-1.5\nB,\n`);
  });
});
