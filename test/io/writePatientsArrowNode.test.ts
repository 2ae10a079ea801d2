import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePatientsArrowNode } from "../../src/io/writePatientsArrowNode.js";
import { patientsCsv, patientsCsvColumns } from "../../src/simulate/patientsCsv.js";
import { runSimulationNode } from "../../src/simulate/runSimulationNode.js";
import type { SimulationResult } from "../../src/simulate/simulate.js";
import { expectedRows } from "./patientRows.js";

// patients.arrow is read back by an independent reader, the official Apache Arrow JavaScript implementation
// (apache-arrow, a devDependency; our writer shares no code with it), to the very values of the simulation.

const folder = mkdtempSync(join(tmpdir(), "pnen-sim-arrow-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let result: SimulationResult;

beforeAll(async () => {
  result = (await runSimulationNode({ scenario: "default", cwd: process.cwd(), n: 5_000, seed: 11 })).result!;
});

describe("writePatientsArrowNode", () => {
  it("writePatientsArrowNode(path, result) is read back by apache-arrow to identical values, in record batches, with the provenance metadata", () => {
    const path = join(folder, "patients.arrow");
    const sha = writePatientsArrowNode(path, result, { chunkSize: 1_500, metadata: { "pnen-sim.version": "test", "pnen-sim.seed": "11" } });
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const table = tableFromIPC(readFileSync(path));
    expect(table.numRows).toBe(result.n * result.strategies.length);
    expect(table.batches.length).toBe(Math.ceil(result.n / 1_500));
    expect(table.schema.fields.map((f) => f.name)).toEqual([...patientsCsvColumns]);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual([
      "Int32", "Dictionary<Int8, Utf8>", "Dictionary<Int8, Utf8>", "Float64", "Uint8", "Dictionary<Int8, Utf8>", "Dictionary<Int8, Utf8>",
      "Uint8", "Dictionary<Int16, Utf8>", "Float64", "Uint8", "Float64", "Uint8",
    ]);
    expect(Object.fromEntries(table.schema.metadata)).toEqual({ "pnen-sim.version": "test", "pnen-sim.seed": "11" });
    const expected = expectedRows(result);
    const columns = Object.fromEntries(patientsCsvColumns.map((name) => [name, table.getChild(name)!.toArray() as ArrayLike<unknown>]));
    for (const name of patientsCsvColumns) {
      const actual = Array.from(columns[name]!, (v) => (typeof v === "bigint" ? Number(v) : v));
      expect(actual, name).toEqual(expected.map((row) => row[name]));
    }
    // Every month is the simulation's double itself; patients.csv shows the same values rounded to 4 decimals.
    const csvLines = patientsCsv(result).trim().split("\n").slice(1);
    csvLines.slice(0, 400).forEach((line, r) => {
      const cells = line.split(",");
      expect(cells[9]).toBe((columns.pfs_months![r] as number).toFixed(4));
      expect(cells[11]).toBe((columns.os_months![r] as number).toFixed(4));
      expect(cells[8]).toBe(columns.pathway![r]);
    });
    expect(readdirSync(folder)).toEqual(["patients.arrow"]); // no temporary file left
  });

  it("writePatientsArrowNode(path, result) gives byte-identical files for the same result", () => {
    const a = join(folder, "a.arrow");
    const b = join(folder, "b.arrow");
    expect(writePatientsArrowNode(a, result)).toBe(writePatientsArrowNode(b, result));
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});
