import { describe, expect, it } from "vitest";
import { expandLabels, parseSurvivalCsv } from "../../src/io/readSurvivalCsv.js";

describe("parseSurvivalCsv", () => {
  it("parseSurvivalCsv(text, columns) reads the requested columns, quoted cells, CRLF and blank lines", () => {
    const csv = '\uFEFFid,time,event,"arm"\r\n1,12.5,1,"A, first"\r\n\r\n2,3,0,B\r\n3, 7.25 ,1,A\n4,1e2,0,B\n';
    const data = parseSurvivalCsv(csv, { time: "time", event: "event", group: "arm" }, "x.csv");
    expect(data.rows).toBe(4);
    expect([...data.time]).toEqual([12.5, 3, 7.25, 100]);
    expect([...data.event]).toEqual([1, 0, 1, 0]);
    expect(expandLabels(data.group!)).toEqual(["A, first", "B", "A", "B"]);
  });

  it("parseSurvivalCsv(text, columns) converts decimals exactly as Number() does", () => {
    const values = ["0.1", "0.3", "12.345678901234", "123456789012345", "0.000001", "5.", ".5", "1234567890123456789"];
    const data = parseSurvivalCsv(`t,e\n${values.map((v) => `${v},1`).join("\n")}\n`, { time: "t", event: "e" });
    expect([...data.time]).toEqual(values.map(Number));
  });

  it("parseSurvivalCsv(text, columns) names the row, line and column of a bad cell", () => {
    expect(() => parseSurvivalCsv("t,e,g\n1,1,a\n2,0,NA\n", { time: "t", event: "e", group: "g" }, "x.csv", { na: "fail" })).toThrow(
      "x.csv: row 2 (line 3), column 'g': missing value ('NA')",
    );
    expect(() => parseSurvivalCsv("t,e\n1,1\n\n.,1\n", { time: "t", event: "e" }, "x.csv")).toThrow("x.csv: row 2 (line 4), column 't'");
    expect(() => parseSurvivalCsv("", { time: "t", event: "e" }, "x.csv")).toThrow("x.csv: the file is empty");
  });

  it("parseSurvivalCsv(text, columns) rejects hex, binary, octal and 'Infinity' times and events instead of reading 0x10 as 16", () => {
    for (const cell of ["0x10", "0b11", "0o7", "Infinity", "1_000", '"0x10"']) {
      expect(() => parseSurvivalCsv(`t,e\n1,1\n${cell},1\n`, { time: "t", event: "e" }, "x.csv"), cell).toThrow(
        `x.csv: row 2 (line 3), column 't': expected a non-negative number, got '${cell.replaceAll('"', "")}'`,
      );
    }
    expect(() => parseSurvivalCsv("t,e\n1,0x1\n", { time: "t", event: "e" }, "x.csv")).toThrow("x.csv: row 1 (line 2), column 'e': expected an event code (0/1, 1/2 or TRUE/FALSE), got '0x1'");
    // Decimal exponents stay accepted.
    expect([...parseSurvivalCsv("t,e\n1e1,1\n2.5E-1,1E0\n", { time: "t", event: "e" }).time]).toEqual([10, 0.25]);
  });
});

import fc from "fast-check";

describe("parseSurvivalCsv round trip", () => {
  it("parseSurvivalCsv(text) reads back any table written with RFC 4180 quoting, any delimiter and any line end (property test)", () => {
    const label = fc.string({ unit: fc.constantFrom("a", "B", " ", ",", ";", "\t", '"', "\n", "\r", "é", "Ä", "|"), minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== "" && s.trim() !== "NA");
    const row = fc.record({ time: fc.integer({ min: 0, max: 10_000 }).map((t) => t / 100), event: fc.constantFrom(0, 1), group: label });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom(",", ";", "\t", "|"), fc.constantFrom("\n", "\r\n", "\r"), (rows, delimiter, eol) => {
        const quote = (text: string) => (/[",;\t|\n\r]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text);
        const text = [["time", "event", "arm"].join(delimiter), ...rows.map((r) => [String(r.time), String(r.event), quote(r.group)].join(delimiter))].join(eol) + eol;
        const data = parseSurvivalCsv(text, { time: "time", event: "event", group: "arm" }, "x.csv", { delimiter });
        expect(data.rows).toBe(rows.length);
        expect([...data.time]).toEqual(rows.map((r) => r.time));
        expect([...data.event]).toEqual(rows.map((r) => r.event));
        expect(expandLabels(data.group!)).toEqual(rows.map((r) => r.group)); // quoted labels are taken as written
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});
