import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { Bool, Dictionary, Float64, Int8, Int32, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";

// Data formats end to end (issue 14 item 2): `simulate --format arrow|parquet` and `km --input` on Arrow and
// Parquet, including files written by independent writers (apache-arrow's JavaScript implementation, DuckDB).

const folder = mkdtempSync(join(tmpdir(), "pnen-sim-formats-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const km = async (...args: string[]) => {
  const { code, out, err } = await runCli(["km", ...args], folder);
  return { code, json: code === 0 && args.includes("--json") ? JSON.parse(out) : null, out, err };
};

describe("pnen-sim simulate --format", () => {
  beforeAll(async () => {
    for (const format of ["csv", "arrow", "parquet"]) {
      const { code, err } = await runCli(["simulate", "--n", "2000", "--seed", "5", "--format", format, "--out", format], folder);
      expect(err).toBe("");
      expect(code).toBe(0);
    }
  });

  it("simulate --format arrow|parquet writes patients.arrow or patients.parquet with its SHA-256 in the manifest, and the same summary as CSV", () => {
    const csvSummary = readFileSync(join(folder, "csv", "summary.json"), "utf8");
    for (const format of ["arrow", "parquet"]) {
      const dir = join(folder, format);
      expect(readdirSync(dir).sort()).toEqual(["manifest.json", `patients.${format}`, "summary.json"]);
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
      expect(manifest.files).toEqual([`patients.${format}`, "summary.json", "manifest.json"]);
      expect(manifest.sha256[`patients.${format}`]).toBe(sha256(join(dir, `patients.${format}`)));
      expect(readFileSync(join(dir, "summary.json"), "utf8")).toBe(csvSummary);
    }
  });

  it("km --input patients.arrow and patients.parquet give the same answer, and the medians of summary.json", async () => {
    const args = ["--time", "os_months", "--event", "os_event", "--group", "strategy", "--json"];
    const arrow = await km("--input", "arrow/patients.arrow", ...args);
    const parquet = await km("--input", "parquet/patients.parquet", ...args);
    expect(arrow.code).toBe(0);
    expect(arrow.json.input).toMatchObject({ format: "arrow", rows: 8000, eventCoding: "0/1" });
    expect(parquet.json.input).toMatchObject({ format: "parquet", rows: 8000, eventCoding: "0/1" });
    expect({ ...parquet.json, input: null }).toEqual({ ...arrow.json, input: null });
    // summary.json's medians are Kaplan–Meier medians of the same full-precision months (rounded to 4 decimals there).
    const summary = JSON.parse(readFileSync(join(folder, "arrow", "summary.json"), "utf8"));
    for (const s of summary.strategies) {
      const group = arrow.json.groups.find((g: { group: string }) => g.group === s.strategy);
      expect(Number(group.median.estimate.toFixed(4))).toBe(s.os.median.estimate);
    }
    // The CSV rounds months to 4 decimals: the same groups and counts, medians within 5e-5.
    const csv = await km("--input", "csv/patients.csv", ...args);
    csv.json.groups.forEach((g: { group: string; n: number; events: number; median: { estimate: number } }, k: number) => {
      expect([g.group, g.n, g.events]).toEqual([arrow.json.groups[k].group, arrow.json.groups[k].n, arrow.json.groups[k].events]);
      expect(Math.abs(g.median.estimate - arrow.json.groups[k].median.estimate)).toBeLessThanOrEqual(5e-5);
    });
  });

  it("simulate --format arrow|parquet gives byte-identical files with 1 or 2 worker threads", async () => {
    for (const format of ["arrow", "parquet"]) {
      const { code } = await runCli(["simulate", "--n", "2000", "--seed", "5", "--format", format, "--workers", "2", "--out", `${format}-2`], folder);
      expect(code).toBe(0);
      expect(sha256(join(folder, `${format}-2`, `patients.${format}`))).toBe(sha256(join(folder, format, `patients.${format}`)));
    }
  });

  it("simulate --format rejects an unknown format with exit 2", async () => {
    const { code, err } = await runCli(["simulate", "--n", "100", "--format", "xlsx", "--out", "x"], folder);
    expect(code).toBe(2);
    expect(err.trim()).toBe("pnen-sim simulate: --format: expected csv, arrow or parquet, got 'xlsx'");
    expect(readdirSync(folder)).not.toContain("x");
  });
});

describe("pnen-sim km --input reads Arrow and Parquet written by other tools", () => {
  // The same data as CSV, with a missing time, a missing group and R-style 1/2 events.
  const time = [5, 8, null, 12, 3, 9, 15, 7, 11, 4];
  const status = [2, 1, 2, 2, 2, 1, 2, 1, 2, 2];
  const arm = ["A", "B", "A", null, "B", "A", "B", "A", "B", "A"];
  const csv = `time,status,arm\n${time.map((t, i) => `${t ?? "NA"},${status[i]},${arm[i] ?? "NA"}`).join("\n")}\n`;
  const args = ["--time", "time", "--event", "status", "--group", "arm", "--json"];
  let reference: Record<string, any>;

  beforeAll(async () => {
    writeFileSync(join(folder, "small.csv"), csv);
    reference = (await km("--input", "small.csv", ...args)).json;
    expect(reference.input.dropped).toEqual({ rows: 2, time: 1, event: 0, group: 1, strata: 0 });
  });

  it("km --input on Arrow IPC file and stream formats written by apache-arrow (nulls, int8 events, dictionary labels) matches the CSV", async () => {
    const table = new Table({
      time: vectorFromArray(time, new Float64()),
      status: vectorFromArray(status, new Int8()),
      arm: vectorFromArray(arm, new Dictionary(new Utf8(), new Int32())),
    });
    writeFileSync(join(folder, "small.arrow"), tableToIPC(table, "file"));
    writeFileSync(join(folder, "small.arrows"), tableToIPC(table, "stream"));
    for (const file of ["small.arrow", "small.arrows"]) {
      const result = await km("--input", file, ...args);
      expect(result.code, result.err).toBe(0);
      expect({ ...result.json, input: { ...result.json.input, format: "csv" } }).toEqual(reference);
    }
    // Events as booleans are read as R reads a logical status.
    const logical = new Table({ time: vectorFromArray([5, 8, 12], new Int32()), status: vectorFromArray([true, false, true], new Bool()) });
    writeFileSync(join(folder, "logical.arrow"), tableToIPC(logical, "file"));
    const result = await km("--input", "logical.arrow", "--time", "time", "--event", "status", "--json");
    expect(result.json.input.eventCoding).toBe("logical");
    expect(result.json.groups[0].events).toBe(2);
  });

  it("km --input on LZ4- and ZSTD-compressed Arrow (R's and pyarrow's Feather default) matches the CSV", async () => {
    // Buffers compressed by the lz4 and zstd commands (the reference implementations), framed by flechette.
    const flechette = await import("@uwdata/flechette");
    const command = (name: string) => (bytes: Uint8Array) => new Uint8Array(spawnSync(name, ["-c", "-q"], { input: bytes, maxBuffer: 1 << 26 }).stdout);
    const encodeOnly = (encode: (bytes: Uint8Array) => Uint8Array) => ({ encode, decode: (): Uint8Array => { throw new Error("encode only"); } });
    const copies = 500; // enough rows for compression to pay, so the buffers are really compressed
    const many = <T,>(values: T[]) => Array.from({ length: copies }, () => values).flat();
    writeFileSync(join(folder, "many.csv"), `time,status,arm\n${many(time.map((t, i) => `${t ?? "NA"},${status[i]},${arm[i] ?? "NA"}`)).join("\n")}\n`);
    const expected = (await km("--input", "many.csv", ...args)).json;
    const table = flechette.tableFromArrays(
      { time: many(time), status: many(status), arm: many(arm) },
      { types: { time: flechette.float64(), status: flechette.int8(), arm: flechette.dictionary(flechette.utf8()) } },
    );
    for (const [name, codec] of [["lz4", flechette.CompressionType.LZ4_FRAME], ["zstd", flechette.CompressionType.ZSTD]] as const) {
      flechette.setCompressionCodec(codec, encodeOnly(command(name)));
      const bytes = flechette.tableToIPC(table, { format: "file", codec })!;
      expect(bytes.length).toBeLessThan(tableToIPC(new Table({ time: vectorFromArray(many(time), new Float64()) }), "file").length); // compressed
      writeFileSync(join(folder, `many-${name}.arrow`), bytes);
      const result = await km("--input", `many-${name}.arrow`, ...args);
      expect(result.code, result.err).toBe(0);
      expect({ ...result.json, input: { ...result.json.input, format: "csv" } }).toEqual(expected);
    }
  });

  it("km --input on Parquet written by DuckDB (DECIMAL times, NULLs, Snappy and ZSTD pages) matches the CSV", async () => {
    const duck = await (await DuckDBInstance.create(":memory:")).connect();
    const values = time.map((t, i) => `(${t ?? "NULL"}::DECIMAL(6,1), ${status[i]}, ${arm[i] === null ? "NULL" : `'${arm[i]}'`})`).join(", ");
    for (const codec of ["snappy", "zstd"]) {
      const path = join(folder, `small-${codec}.parquet`);
      await duck.run(`COPY (SELECT * FROM (VALUES ${values}) AS t(time, status, arm)) TO '${path}' (FORMAT parquet, COMPRESSION ${codec})`);
      const result = await km("--input", `small-${codec}.parquet`, ...args);
      expect(result.code, result.err).toBe(0);
      expect({ ...result.json, input: { ...result.json.input, format: "csv" } }).toEqual(reference);
    }
  });

  it("km --input names a missing column, a bad value, a CSV-only flag and a damaged file in Arrow and Parquet input", async () => {
    const table = new Table({ time: vectorFromArray([1, -2], new Float64()), status: vectorFromArray([1, 0], new Int8()) });
    writeFileSync(join(folder, "negative.arrow"), tableToIPC(table, "file"));
    expect((await km("--input", "negative.arrow", "--time", "time", "--event", "status")).err.trim()).toBe("negative.arrow: row 2, column 'time': expected a non-negative number, got '-2'");
    expect((await km("--input", "negative.arrow", "--time", "months", "--event", "status")).err.trim()).toBe("negative.arrow: no column 'months' (--time); columns: time, status");
    expect((await km("--input", "small-snappy.parquet", "--time", "t", "--event", "status")).err.trim()).toBe("small-snappy.parquet: no column 't' (--time); columns: time, status, arm");
    expect((await km("--input", "negative.arrow", "--time", "time", "--event", "status", "--delimiter", ";")).err.trim()).toBe("negative.arrow: --delimiter applies to CSV/TSV text, but this is an Arrow file");
    writeFileSync(join(folder, "truncated.parquet"), readFileSync(join(folder, "small-snappy.parquet")).subarray(0, 40));
    const truncated = await km("--input", "truncated.parquet", "--time", "time", "--event", "status");
    expect(truncated.code).toBe(2);
    expect(truncated.err).toMatch(/^truncated\.parquet: not a readable Parquet file \(/);
  });
});
