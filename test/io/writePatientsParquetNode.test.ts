import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePatientsParquetNode } from "../../src/io/writePatientsParquetNode.js";
import { patientsCsvColumns } from "../../src/simulate/patientsCsv.js";
import { runSimulationNode } from "../../src/simulate/runSimulationNode.js";
import type { SimulationResult } from "../../src/simulate/simulate.js";
import { expectedRows } from "./patientRows.js";

// patients.parquet is read back by an independent reader, DuckDB (@duckdb/node-api, a devDependency: its
// own C++ Parquet reader), to the very values of the simulation.

const folder = mkdtempSync(join(tmpdir(), "pnen-sim-parquet-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let result: SimulationResult;

beforeAll(async () => {
  result = (await runSimulationNode({ scenario: "default", cwd: process.cwd(), n: 5_000, seed: 11 })).result!;
});

describe("writePatientsParquetNode", () => {
  it("writePatientsParquetNode(path, result) is read back by DuckDB to identical values, in row groups, with the provenance metadata", async () => {
    const path = join(folder, "patients.parquet");
    const sha = writePatientsParquetNode(path, result, { chunkSize: 1_500, metadata: { "pnen-sim.version": "test", "pnen-sim.seed": "11" } });
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const duck = await (await DuckDBInstance.create(":memory:")).connect();
    const reader = await duck.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
    expect(reader.columnNames()).toEqual([...patientsCsvColumns]);
    expect(reader.columnTypes().map(String)).toEqual(["INTEGER", "VARCHAR", "VARCHAR", "DOUBLE", "INTEGER", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR", "DOUBLE", "INTEGER", "DOUBLE", "INTEGER"]);
    const rows = reader.getRowObjectsJS();
    expect(rows).toEqual(expectedRows(result));
    const groups = await duck.runAndReadAll(`SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata('${path}')`);
    expect(Number(groups.getRowObjectsJS()[0]!.n)).toBe(Math.ceil(result.n / 1_500));
    const kv = (await duck.runAndReadAll(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${path}')`)).getRowObjectsJS();
    expect(Object.fromEntries(kv.map((row) => [row.key, row.value]))).toEqual({ "pnen-sim.version": "test", "pnen-sim.seed": "11" });
  });

  it("writePatientsParquetNode(path, result) gives byte-identical files for the same result", () => {
    const a = join(folder, "a.parquet");
    const b = join(folder, "b.parquet");
    expect(writePatientsParquetNode(a, result)).toBe(writePatientsParquetNode(b, result));
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});
