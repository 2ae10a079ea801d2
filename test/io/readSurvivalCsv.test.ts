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
