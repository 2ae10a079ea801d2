import { describe, expect, it } from "vitest";
import { parseNumberColumnsCsv } from "../../src/io/readNumberColumnsCsv.js";

describe("parseNumberColumnsCsv", () => {
  it("parseNumberColumnsCsv(text, names) reads the named columns in any column order, with a BOM, CRLF, quotes and blank lines", () => {
    const csv = '\uFEFFsurvival,"time",note\r\n100,0,start\r\n\r\n" 87.5",3.25,"a, b"\r\n60,1e1,\n';
    const data = parseNumberColumnsCsv(csv, ["time", "survival"], "curve.csv");
    expect(data.rows).toBe(3);
    expect(Array.from(data.columns.time!)).toEqual([0, 3.25, 10]);
    expect(Array.from(data.columns.survival!)).toEqual([100, 87.5, 60]);
    expect(Array.from(data.lines)).toEqual([2, 4, 5]);
    expect(data.describeRow(1)).toBe("curve.csv: row 2 (line 4)");
  });

  it("parseNumberColumnsCsv names the file, row, line and column of a bad cell, and a missing column", () => {
    expect(() => parseNumberColumnsCsv("time,survival\n0,1\n2,abc\n", ["time", "survival"], "curve.csv")).toThrow("curve.csv: row 2 (line 3), column 'survival': expected a number, got 'abc'");
    expect(() => parseNumberColumnsCsv("time,survival\n0,\n", ["time", "survival"], "curve.csv")).toThrow("curve.csv: row 1 (line 2), column 'survival': expected a number, got an empty cell");
    expect(() => parseNumberColumnsCsv("time,surv\n0,1\n", ["time", "survival"], "curve.csv")).toThrow("curve.csv: no column 'survival' (expected columns time,survival); columns: time, surv");
    expect(() => parseNumberColumnsCsv("time,nRisk\n", ["time", "nRisk"], "risk.csv")).toThrow("risk.csv: no data rows after the header");
    expect(() => parseNumberColumnsCsv("", ["time", "nRisk"], "risk.csv")).toThrow("risk.csv: the file is empty (expected a header row with time,nRisk)");
    expect(() => parseNumberColumnsCsv("time,nRisk\n0x10,5\n", ["time", "nRisk"], "risk.csv")).toThrow("column 'time': expected a number, got '0x10'");
    expect(() => parseNumberColumnsCsv("a,time,nRisk\n1\n", ["time", "nRisk"], "risk.csv")).toThrow("risk.csv: row 1 (line 2): expected at least 3 cells, got 1");
  });
});
