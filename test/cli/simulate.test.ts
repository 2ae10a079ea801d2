import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";

const folder = mkdtempSync(join(tmpdir(), "pnen-sim-simulate-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(["simulate", ...args], folder);

describe("pnen-sim simulate", () => {
  it("main(['simulate', '--n', '3000', '--out', DIR]) writes patients.csv, summary.json and manifest.json", async () => {
    const { code, out, err } = await run("--n", "3000", "--out", "one");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(/^strategy +n +median PFS/);
    expect(out).toContain("sunitinib.pfs.median");
    // the OS targets of the sequencing structure, with their external ranges
    expect(out).toMatch(/external\.lowGrade\.os\.median +OS +target +48\.2 +simulated +\d+\.\d+ \(.*\) +external range 37\.7–58\.7 +\[fitted\]/);
    expect(out).toContain("Outcome structure: sequencing; evidence set: review; deaths from other causes: life table us-2014");
    const dir = join(folder, "one");
    expect(readdirSync(dir).sort()).toEqual(["manifest.json", "patients.csv", "summary.json"]);
    const lines = readFileSync(join(dir, "patients.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("patient_id,strategy,grade,ki67,functional,syndrome,enets_type,age,pathway,pfs_months,pfs_event,os_months,os_event");
    expect(lines.length).toBe(1 + 3000 * 4);
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      expect(Number(cells[11]) >= Number(cells[9])).toBe(true); // OS ≥ PFS on every row
    }
    const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(summary.strategies.map((s: { strategy: string }) => s.strategy)).toEqual(["review", "conversion-first", "upfront-surgery", "captem-first"]);
    expect(summary.strategies[0].os.median).toHaveProperty("lower");
    // issue 11: structure, evidence set, line shares and the line-1/line-2 correlation in summary.json
    expect(summary.sequencing.structure).toBe("sequencing");
    expect(summary.sequencing.evidence.set).toBe("review");
    expect(summary.sequencing.strategies[0].lineShares[0]).toBe(1);
    expect(summary.sequencing.strategies[0].line1Line2Spearman.withinGrade.estimate).toEqual(expect.any(Number));
    expect(summary.calibration.map((c: { id: string }) => c.id)).toContain("external.nec.os.median");
    expect(summary.strategies[1].os.hazardRatio).toHaveProperty("estimate");
    expect(summary.calibration.find((c: { id: string }) => c.id === "captem.pfs.median")).toMatchObject({ target: 29 });
    for (const c of summary.calibration) expect(Object.keys(c)).toEqual(expect.arrayContaining(["id", "target", "simulated", "lower", "upper"]));
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ package: "pnen-sim", seed: 20250411, n: 3000, replicates: 0, command: "pnen-sim simulate --n 3000 --out one" });
    expect(manifest.scenario.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Date.parse(manifest.finished) >= Date.parse(manifest.started)).toBe(true);
  });

  it("main(['simulate', '--workers', '1' | '2']) writes identical patients.csv bytes", async () => {
    expect((await run("--n", "70000", "--seed", "9", "--workers", "1", "--out", "w1")).code).toBe(0);
    expect((await run("--n", "70000", "--seed", "9", "--workers", "2", "--out", "w2")).code).toBe(0);
    const one = readFileSync(join(folder, "w1", "patients.csv"));
    const two = readFileSync(join(folder, "w2", "patients.csv"));
    expect(one.length).toBeGreaterThan(1000);
    expect(one.equals(two)).toBe(true);
    expect(readFileSync(join(folder, "w1", "summary.json"), "utf8")).toBe(readFileSync(join(folder, "w2", "summary.json"), "utf8"));
  }, 180_000); // two 70,000-patient runs, the second on TypeScript worker threads that also build the summary tables

  it("main(['simulate', '--replicates', '2']) adds the spread across replicates to summary.json", async () => {
    expect((await run("--n", "2000", "--replicates", "2", "--out", "psa")).code).toBe(0);
    const summary = JSON.parse(readFileSync(join(folder, "psa", "summary.json"), "utf8"));
    expect(summary.replicates.replicates).toBe(2);
    expect(summary.replicates.strategies[0].osMedian).toHaveProperty("p97_5");
  });

  it("main(['simulate', '--scenario', 'example-curve']) prints CAPTEM's whole curve against the simulated population at 6-60 months; summary.json carries the landmarks", async () => {
    const { code, out } = await run("--scenario", "example-curve", "--n", "2000", "--out", "curve");
    expect(code).toBe(0);
    expect(out).toMatch(/example\.captem\.pfs\.curve\s+PFS target 29\.809/);
    expect(out).toMatch(/whole logLogistic curve, 83 months of data; baseline logLogistic shape 0\.90\d+ scale 177\.\d+; survival target\/simulated:/);
    expect(out).toMatch(/6 mo 85\.9\/\d+\.\d% {2}12 mo 73\.6\/\d+\.\d% {2}24 mo 56\.1\/\d+\.\d% {2}36 mo 44\.7\/\d+\.\d% {2}60 mo 31\.3\/\d+\.\d%/);
    const summary = JSON.parse(readFileSync(join(folder, "curve", "summary.json"), "utf8"));
    const entry = summary.calibration.find((c: { id: string }) => c.id === "example.captem.pfs.curve");
    expect(entry.landmarks.map((l: { months: number }) => l.months)).toEqual([6, 12, 24, 36, 60]);
    expect(entry.curve).toMatchObject({ distribution: "logLogistic", baseline: { family: "logLogistic" } });
  });

  it("main(['simulate', '--scenario', FILE]) naming a figure without a curve in evidence.curves exits 2 naming the field", async () => {
    const scenario = JSON.parse(readFileSync(new URL("../../data/scenarios/example-curve.json", import.meta.url), "utf8"));
    scenario.evidence.curves = { captem: "captem.pfs.median" };
    writeFileSync(join(folder, "no-curve.json"), JSON.stringify(scenario));
    const { code, err } = await run("--scenario", "no-curve.json", "--out", "no-curve");
    expect(code).toBe(2);
    expect(err).toContain("evidence.curves.captem: figure 'captem.pfs.median' carries no curve");
    expect(existsSync(join(folder, "no-curve"))).toBe(false);
  });

  it("main(['simulate', '--scenario', bad.json]) prints one error per problem naming the field path and exits 2, writing nothing", async () => {
    const scenario = JSON.parse(readFileSync(new URL("../../data/scenarios/default.json", import.meta.url), "utf8"));
    scenario.cohort.functionalShare = 1.571;
    scenario.cohort.enetsType = { I: 0.5, II: 0.5, III: 0.5 };
    scenario.strategies = ["review", "no-such-strategy"];
    writeFileSync(join(folder, "bad.json"), JSON.stringify(scenario));
    const { code, err } = await run("--scenario", "bad.json", "--out", "bad");
    expect(code).toBe(2);
    const lines = err.trimEnd().split("\n");
    expect(lines[0]).toMatch(/bad\.json: 3 problems in the scenario$/);
    expect(lines.slice(1, 3)).toEqual(["  - cohort.functionalShare: expected a number in [0, 1], got 1.571", "  - cohort.enetsType: the shares must add up to 1, got 1.5"]);
    expect(lines[3]).toMatch(/^ {2}- strategies\[1\]: unknown strategy 'no-such-strategy'; known: review, .*captem-first/);
    expect(lines.length).toBe(4);
    expect(err).not.toMatch(/at .*\.ts:/); // no stack trace
    expect(existsSync(join(folder, "bad"))).toBe(false);
  });

  it("main(['simulate', '--scenario', FILE]) with an impossible age window, malformed JSON, wrong types or an unknown source exits 2 with one line per problem, no stack trace, nothing written", async () => {
    const scenario = JSON.parse(readFileSync(new URL("../../data/scenarios/default.json", import.meta.url), "utf8"));
    const cases: [string, (s: typeof scenario) => string][] = [
      ["age.json", (s) => JSON.stringify({ ...s, cohort: { ...s.cohort, ageYears: { mean: 20, sd: 1, min: 110, max: 120 } } })],
      ["types.json", (s) => JSON.stringify({ ...s, seed: "abc", cohort: { ...s.cohort, size: "10" } })],
      ["malformed.json", () => '{"name": "x",'],
      ["source.json", (s) => JSON.stringify({ ...s, sources: { ...s.sources, "cohort.grade.G1": "no.such.record" } })],
    ];
    const expected: Record<string, string[]> = {
      "age.json": ["  - cohort.ageYears: the window [min, max + 1) = [110, 121) holds no probability under a normal with mean 20 and sd 1"],
      "types.json": ['  - seed: expected an integer >= 0 and <= 4294967295, got "abc"', '  - cohort.size: expected an integer >= 1 and <= 100000000, got "10"'],
      "malformed.json": [],
      "source.json": ["  - sources.cohort.grade.G1: unknown evidence figure or assumption 'no.such.record' (see pnen-sim evidence)"],
    };
    for (const [name, write] of cases) {
      writeFileSync(join(folder, name), write(scenario));
      const { code, err, out } = await run("--scenario", name, "--out", `bad-${name}`);
      expect(code, name).toBe(2);
      expect(out).toBe("");
      expect(err).not.toMatch(/\n\s+at /); // no stack trace
      const lines = err.trimEnd().split("\n");
      expect(lines.slice(1), name).toEqual(expected[name]);
      if (name === "malformed.json") expect(lines[0]).toMatch(/malformed\.json: not valid JSON/);
      expect(existsSync(join(folder, `bad-${name}`))).toBe(false);
    }
  });

  it("main(['simulate']) states where it calibrated: each figure's population (sequencing), or the scenario's cohort of the size it used (sum-of-lines)", async () => {
    const { defaultCalibrationCohortSize } = await import("../../src/simulate/calibrateOutcomeModel.js");
    const scenario = JSON.parse(readFileSync(new URL("../../data/scenarios/default.json", import.meta.url), "utf8"));
    writeFileSync(join(folder, "small-calibration.json"), JSON.stringify({ ...scenario, structure: "sum-of-lines", calibrationCohortSize: 5000 }));
    writeFileSync(join(folder, "sum-of-lines.json"), JSON.stringify({ ...scenario, structure: "sum-of-lines" }));
    expect((await run("--n", "500", "--scenario", "small-calibration.json", "--out", "cal")).out).toContain("single-treatment cohorts of 5000 patients");
    expect((await run("--n", "500", "--scenario", "sum-of-lines.json", "--out", "cal-sum")).out).toContain(`single-treatment cohorts of ${defaultCalibrationCohortSize} patients`);
    expect((await run("--n", "500", "--out", "cal-default")).out).toContain("PFS on independent cohorts matching each figure's population");
  });

  it("main(['simulate', ...bad flags]) exits 2 with the flag named", async () => {
    expect(await run("--workers", "0")).toMatchObject({ code: 2, err: "pnen-sim simulate: --workers: expected an integer >= 1 <= 64, got '0'\n" });
    expect((await run("--scenario", "nope")).err).toMatch(/^scenario 'nope': file .*nope\.json not found/);
    expect((await run("--scenario", "{")).code).toBe(2);
  });

  it("main(['simulate', '--schema']) prints the scenario JSON Schema", async () => {
    const { code, out } = await run("--schema");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(JSON.parse(readFileSync(new URL("../../data/scenarios/scenario.schema.json", import.meta.url), "utf8")));
  });
});

describe("progressBar", () => {
  const capture = (tty: boolean) => {
    const err: string[] = [];
    return { err, io: { stdout: () => undefined, stderr: (t: string) => void err.push(t), stderrIsTTY: tty, cwd: folder } };
  };

  it("progressBar(io, label, clock) draws on a terminal only after the first second, and ends the line", async () => {
    const { progressBar } = await import("../../src/cli/commands/simulate.js");
    let now = 0;
    const { err, io } = capture(true);
    const bar = progressBar(io, "simulate", () => now);
    now = 500;
    bar.update(10, 100);
    expect(err).toEqual([]);
    now = 1500;
    bar.update(50, 100);
    bar.finish();
    expect(err).toEqual([`\rsimulate [${"#".repeat(15)}${" ".repeat(15)}] 50%`, "\n"]);
  });

  it("progressBar(io not a terminal) never writes", async () => {
    const { progressBar } = await import("../../src/cli/commands/simulate.js");
    let now = 0;
    const { err, io } = capture(false);
    const bar = progressBar(io, "simulate", () => now);
    now = 5000;
    bar.update(50, 100);
    bar.finish();
    expect(err).toEqual([]);
  });
});
