import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterAll, describe, expect, it } from "vitest";
import { closestIds } from "../../src/evidence/closestIds.js";
import { safeCsvCell } from "../../src/report/safeCsvTable.js";
import { runCli } from "./runCli.js";

// Regression tests for the defects of issue 20 items 6 and 8 and those the fuzz suite (test/fuzz/) found, each named
// after the defect. Each bad input must exit 2 with one message naming the file, flag or field, and no stack trace.
const folder = mkdtempSync(join(tmpdir(), "pnen-sim-hardening-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const data = new URL("../../data/", import.meta.url).pathname;
const run = (...args: string[]) => runCli(args, folder);
const write = (name: string, content: string | Uint8Array) => {
  writeFileSync(join(folder, name), content);
  return name;
};
const scenario = readFileSync(join(data, "scenarios", "default.json"), "utf8");
const design = readFileSync(join(data, "designs", "conversion-vs-direct.json"), "utf8");
const trial = readFileSync(join(data, "validation", "radiant-3.json"), "utf8");
const patient = { age: 52, sex: "female", primarySite: "head", ki67: 8, mitoses: 1, enetsType: "I", lesionCount: 2, largestLesionCm: 4, liverInvolvementPct: 15 };
const deep = `${"[".repeat(4500)}${"]".repeat(4500)}`;
const noTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+/m);

/** Each JSON input of the CLI as `[label, args for a file named NAME]`. */
const jsonInputs: [string, (name: string) => string[]][] = [
  ["scenario", (name) => ["simulate", "--scenario", name, "--n", "20", "--out", "out"]],
  ["patient", (name) => ["explain", "--patient", `@${name}`]],
  ["trial design", (name) => ["power", "--design", name, "--sims", "10", "--workers", "1"]],
  ["validation trial", (name) => ["validate", "--trials", name, "--n", "100"]],
];

describe("CLI input hardening (issue 20 items 6 and 8; fuzz findings)", () => {
  it("pnen-sim __proto__ / constructor / toString gave 'TypeError: entry.load is not a function': now unknown commands, exit 2", async () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
      const { code, err } = await run(name);
      expect(code, name).toBe(2);
      expect(err).toBe(`pnen-sim: unknown command '${name}'. Commands: evidence, explain, strategies, simulate, km, report, fit, reconstruct, validate, power. See 'pnen-sim --help'.\n`);
    }
  });

  it("report --n 1e12 and power --sims 1e12 gave 'Invalid typed array length': now an upper bound, exit 2", async () => {
    const report = await run("report", "--scenario", "default", "--n", "1e12", "--out", "r");
    expect(report.code).toBe(2);
    expect(report.err).toBe("pnen-sim report: --n: expected an integer >= 1 <= 100000000, got '1e12'\n");
    const power = await run("power", "--median-control", "12", "--hazard-ratio", "0.7", "--sims", "1e12");
    expect(power.code).toBe(2);
    expect(power.err).toBe("pnen-sim power: --sims: expected an integer >= 1 <= 1000000, got '1e12'\n");
    const fromFile = await run("power", "--design", write("many-sims.json", JSON.stringify({ ...JSON.parse(design), sims: 1e12 })));
    expect(fromFile.code).toBe(2);
    expect(fromFile.err).toContain("sims");
    expect(readdirSync(folder)).not.toContain("r");
  });

  it("--n 0x12C was read as 300: numbers on the command line are decimal only", async () => {
    for (const value of ["0x12C", "0b11", "0o7", "Infinity", "1e400"]) {
      const { code, err } = await run("simulate", "--n", value, "--out", "hex");
      expect(code, value).toBe(2);
      expect(err).toBe(`pnen-sim simulate: --n: expected an integer >= 1 <= 100000000, got '${value}'\n`);
    }
  });

  it("duplicated flags silently took the last: now an error naming the flag", async () => {
    const { code, err } = await run("simulate", "--n", "300", "--n", "3", "--out", "dup");
    expect(code).toBe(2);
    expect(err).toBe("pnen-sim simulate: --n is given more than once (give each flag once)\n");
    expect((await run("km", "--json", "--json", "--input", "x.csv", "--time", "t", "--event", "e")).err).toBe("pnen-sim km: --json is given more than once (give each flag once)\n");
    expect(readdirSync(folder)).not.toContain("dup");
  });

  it("--out '' meant the current folder and --data '' the current folder's evidence/: an empty flag value is an error", async () => {
    for (const args of [["simulate", "--n", "20", "--out", ""], ["evidence", "--data", ""], ["power", "--design", " "], ["report", "--scenario", "default", "--n", "20", "--out", ""]]) {
      const { code, err } = await run(...args);
      expect(code, args.join(" ")).toBe(2);
      expect(err).toMatch(/^pnen-sim \w+: --(out|data|design): expected a value, got an empty value\n$/);
    }
  });

  it("messages echoed megabytes of input: every line is cut to 400 characters and says how long the value was", async () => {
    const huge = "x".repeat(1_000_000);
    const flag = await run("simulate", "--n", huge);
    expect(flag.code).toBe(2);
    expect(flag.err.length).toBeLessThan(300);
    expect(flag.err).toContain("… (1000000 characters)");
    const field = await run("explain", "--patient", JSON.stringify({ ...patient, sex: huge }));
    expect(field.code).toBe(2);
    expect(field.err).toContain("sex");
    expect(Math.max(...field.err.split("\n").map((line) => line.length))).toBeLessThanOrEqual(430);
  });

  it("a BOM in a JSON file gave \"Unexpected token '﻿'\": every JSON input accepts it, as the CSV reader does", async () => {
    write("bom-scenario.json", `\ufeff${scenario}`);
    const bom = await run("simulate", "--scenario", "bom-scenario.json", "--n", "20", "--out", "bom");
    expect(bom.err).toBe("");
    expect(bom.code).toBe(0);
    const plain = await run("simulate", "--scenario", write("plain-scenario.json", scenario), "--n", "20", "--out", "plain");
    expect(readFileSync(join(folder, "bom", "patients.csv"), "utf8")).toBe(readFileSync(join(folder, "plain", "patients.csv"), "utf8"));
    expect(plain.code).toBe(0);
    const explained = await run("explain", "--patient", `@${write("bom-patient.json", `\ufeff${JSON.stringify(patient)}`)}`);
    expect(explained.code).toBe(0);
    expect((await run("power", "--design", write("bom-design.json", `\ufeff${design}`), "--sims", "10", "--workers", "1")).code).toBe(0);
    expect((await run("validate", "--trials", write("bom-trial.json", `\ufeff${trial}`), "--n", "100")).code).toBe(0);
  });

  it("1e400 in a JSON file gave 'got null': now 'number out of range' naming the field", async () => {
    const text = scenario.replace(/"seed": \d+/, '"seed": 1e400');
    const { code, err } = await run("simulate", "--scenario", write("overflow.json", text), "--n", "20", "--out", "o");
    expect(code).toBe(2);
    expect(err).toBe(`${join(folder, "overflow.json")}: seed: number out of range (expected a finite number, at most about 1.8e308 in size)\n`);
    const inline = await run("explain", "--patient", JSON.stringify(patient).replace('"age":52', '"age":-1e400'));
    expect(inline.err).toBe("pnen-sim explain: --patient: age: number out of range (expected a finite number, at most about 1.8e308 in size)\n");
  });

  it("JSON nested 4,500 levels deep overflowed the stack in the error-message builder: every JSON input refuses it by depth", async () => {
    for (const [label, args] of jsonInputs) {
      const name = write(`deep-${label.replace(/ /g, "-")}.json`, `{"a":${deep}}`);
      const { code, err } = await run(...args(name));
      expect(code, label).toBe(2);
      expect(err, label).toMatch(new RegExp(`${name}: a\\[0\\]\\[0\\][[\\]0]*… \\(\\d+ characters\\): nested more than 64 levels deep\\n$`));
      noTrace(err);
    }
    mkdirSync(join(folder, "deep-registry", "evidence"), { recursive: true });
    writeFileSync(join(folder, "deep-registry", "evidence", "figures.json"), deep);
    const evidence = await run("evidence", "--data", "deep-registry");
    expect(evidence.code).toBe(2);
    expect(evidence.err).toContain("evidence/figures.json: [0][0]");
  });

  it("the scenario validator accepted __proto__, constructor and toString keys: every JSON input refuses keys every object inherits", async () => {
    for (const key of ["__proto__", "constructor", "toString"]) {
      const text = scenario.replace("{", `{"${key}": {"polluted": true},`);
      const { code, err } = await run("simulate", "--scenario", write(`proto-${key}.json`, text), "--n", "20", "--out", "p");
      expect(code, key).toBe(2);
      expect(err).toBe(`${join(folder, `proto-${key}.json`)}: ${key}: the key '${key}' is not allowed (it names a property every JavaScript object has)\n`);
    }
    const nested = await run("power", "--design", write("proto-design.json", design.replace('"arms": [', '"arms": [{"constructor": 1},')));
    expect(nested.err).toContain("proto-design.json: arms[0].constructor: the key 'constructor' is not allowed");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("duplicate keys in a JSON object were silently resolved to the last: now an error naming the key", async () => {
    const { code, err } = await run("explain", "--patient", '{"age": 52, "age": 70}');
    expect(code).toBe(2);
    expect(err).toBe("pnen-sim explain: --patient: age: the key is given twice in one object\n");
  });

  it("JSON files that are not UTF-8 were decoded with replacement characters: now refused naming the file", async () => {
    const latin1 = Buffer.from(JSON.stringify({ ...patient, sex: "fémale" }), "latin1");
    const { code, err } = await run("explain", "--patient", `@${write("latin1.json", latin1)}`);
    expect(code).toBe(2);
    expect(err).toBe("pnen-sim explain: --patient latin1.json: not valid UTF-8 text (save the file as UTF-8)\n");
  });

  it("a design's scenario pointing at another file printed that file without naming the field: now 'trial design: scenario:'", async () => {
    write("not-a-scenario.txt", "root:x:0:0:root:/root:/bin/bash\n");
    const strategyDesign = { scenario: "./not-a-scenario.txt.json", arms: [{ label: "a", strategy: "review" }, { label: "b", strategy: "captem-first" }], sims: 10 };
    write("not-a-scenario.txt.json", readFileSync(join(folder, "not-a-scenario.txt")));
    const { code, err } = await run("power", "--design", write("points-elsewhere.json", JSON.stringify(strategyDesign)), "--workers", "1");
    expect(code).toBe(2);
    expect(err).toMatch(/^trial design: scenario: the scenario it names cannot be used: .*not-a-scenario\.txt\.json: not valid JSON/);
    expect(err.length).toBeLessThan(400);
  });

  it("simulate with accrualMonths 0 and additionalFollowUpMonths 0.01 printed 'undefined (NA)' hazard ratios: now 'not estimable', exit 0", async () => {
    const text = scenario.replace(/"accrualMonths": [\d.]+/, '"accrualMonths": 0').replace(/"additionalFollowUpMonths": [\d.]+/, '"additionalFollowUpMonths": 0.01');
    const { code, out, err } = await run("simulate", "--scenario", write("no-follow-up.json", text), "--n", "50", "--out", "nf");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).not.toMatch(/undefined|NaN/);
    expect(out).toMatch(/captem-first +50 +not reached +not reached +[\d.]+% +not estimable/);
  });

  it("evidence --id with a 200,000-character id compared it letter by letter with every id (seconds): the length difference rules ids out first", async () => {
    const long = `${"9".repeat(400)}${"x".repeat(200_000)}`;
    expect(closestIds(long, ["captem.pfs.median", "sunitinib.pfs.median"])).toEqual([]);
    expect(closestIds("captem.pfs.medain", ["captem.pfs.median", "sunitinib.pfs.median"])).toEqual(["captem.pfs.median"]);
    const { code, err } = await run("evidence", "--id", long);
    expect(code).toBe(2);
    expect(err).toContain("pnen-sim evidence: --id: unknown id");
  });

  it("km on a Parquet file with one flipped byte in a page header looped for minutes inside hyparquet: the page headers are checked first", async () => {
    const time = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const event = Int32Array.from([1, 0, 1, 1, 0, 1, 0, 1]);
    const group = ["a", "b", "a", "b", "a", "b", "a", "b"];
    const file = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: "time", data: time, type: "DOUBLE" }, { name: "event", data: event, type: "INT32" }, { name: "group", data: group, type: "STRING" }] }));
    write("ok.parquet", file);
    const args = ["--time", "time", "--event", "event", "--group", "group", "--json"];
    const ok = await run("km", "--input", "ok.parquet", ...args);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).groups.map((g: { n: number; events: number }) => [g.n, g.events])).toEqual([[4, 2], [4, 3]]);
    // found by the fuzz suite: each of these bytes, flipped, made the data page v2 header's num_nulls negative
    // (or a dictionary page's count absurd) and hyparquet's level decoder never finished
    let hangs = 0;
    for (let at = 0; at < file.length; at++) {
      const damaged = file.slice();
      damaged[at]! ^= 0xff;
      const { code, err } = await run("km", "--input", write("damaged.parquet", damaged), ...args);
      expect([0, 2], `byte ${at}`).toContain(code);
      if (code === 2) expect(err, `byte ${at}`).toMatch(/^damaged\.parquet/);
      if (at === 15) expect(err).toBe("damaged.parquet: row group 1, column 'time', page 1: the page's numbers of values, nulls or rows do not fit its column (damaged Parquet file)\n");
      hangs += code === 0 || code === 2 ? 0 : 1;
    }
    expect(hangs).toBe(0);
  });

  it("validate --out DIR with a missing trial file left an empty DIR behind: the folder it made is removed again", async () => {
    const { code, err } = await run("validate", "--trials", "no-such-trial.json", "--out", "made/for/validate");
    expect(code).toBe(2);
    expect(err).toBe("--trials no-such-trial.json: no such file or folder\n");
    expect(readdirSync(folder)).not.toContain("made");
    mkdirSync(join(folder, "kept"));
    expect((await run("validate", "--trials", "no-such-trial.json", "--out", "kept")).code).toBe(2);
    expect(readdirSync(folder)).toContain("kept");
  });

  it("evidence --id 9999999999999999 said 'unknown reference number 10000000000000000' without the flag: now the number as typed, and the flag", async () => {
    const { code, err } = await run("evidence", "--id", "9999999999999999");
    expect(code).toBe(2);
    expect(err).toBe("pnen-sim evidence: --id: unknown reference number 9999999999999999; the review's list runs from 1 to 64\n");
  });

  it("safeCsvCell on a 200,000-digit text backtracked quadratically in its number pattern: the pattern is linear, the answer unchanged", () => {
    const digits = "1".repeat(200_000);
    expect(safeCsvCell(`${digits}x`)).toBe(`${digits}x`);
    expect(safeCsvCell(digits)).toBe(digits);
    expect(safeCsvCell("-1.5e3")).toBe("-1.5e3");
    expect(safeCsvCell("1.")).toBe("1.");
    expect(safeCsvCell("=1+1")).toBe(`"'=1+1"`);
  });
});
