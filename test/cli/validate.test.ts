import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";

const folder = mkdtempSync(join(tmpdir(), "pnen-sim-validate-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const shipped = join(process.cwd(), "data", "validation");
const run = (...args: string[]) => runCli(["validate", ...args], folder);

describe("pnen-sim validate", () => {
  it("main(['validate', '--trials', DIR, '--json']) emulates the five shipped trials and prints what the issue asks per trial", async () => {
    const { code, out, err } = await run("--trials", shipped, "--json", "--n", "3000");
    expect(err).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.trials.map((t: { id: string }) => t.id)).toEqual(["clarinet", "netter-2", "radiant-3", "sanet-p", "sun1111"]);
    // CLARINET and NETTER-2: no figure of the registry comes from them (independent); the other three are circular
    const independent = ["clarinet", "netter-2"];
    for (const trial of result.trials) {
      expect(Object.keys(trial.predicted.pfs.medians)).toEqual(trial.arms.map((a: { id: string }) => a.id));
      expect(trial.predicted.pfs.hr).toEqual({ estimate: expect.any(Number), lower: expect.any(Number), upper: expect.any(Number) });
      expect(trial.predicted.pfs.hr.lower).toBeLessThan(trial.predicted.pfs.hr.upper);
      expect(typeof trial.insideCI.pfs).toBe("boolean");
      expect(trial.circular).toBe(!independent.includes(trial.id));
      expect(trial.circularIds.length > 0).toBe(!independent.includes(trial.id));
    }
    // CLARINET is censored at its 96-week study period: the event fraction of each arm is reported
    expect(result.trials[0].followUp).toEqual({ accrualMonths: 0, followUpMonths: null, maximumMonths: 22.08 });
    expect(Object.keys(result.trials[0].predicted.pfs.eventFraction)).toEqual(["lanreotide", "placebo"]);
    expect(result.trials[1]).not.toHaveProperty("followUp");
    const radiant = result.trials[2];
    expect(typeof radiant.insideCI.os).toBe("boolean");
    expect(radiant.circularIds).toContain("external.lowGrade.os.median"); // the structural fit of issue 11 used its OS arms
    expect(result.trials[3].insideCI).not.toHaveProperty("os"); // SANET-p: no OS published
    expect(result.summary).toMatchObject({ trials: 5, circularTrials: 3, independent: { hazardRatios: 2 }, circular: { hazardRatios: 5 } });
    expect(result.provenance).toMatchObject({ package: "pnen-sim", scenario: "default", seed: 20250411, patientsPerArm: 3000, structure: "sequencing", evidenceSet: "review" });
    expect(result.provenance.scenarioHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.notice).toMatch(/^Research use only/);
  });

  it("main(['validate', '--out', DIR]) prints the table and writes validation.json, validation.csv, the figure and the manifest", async () => {
    const { code, out } = await run("--trials", shipped, "--n", "2000", "--seed", "5", "--out", "result");
    expect(code).toBe(0);
    expect(out).toMatch(/^trial +endpoint +median, months: predicted \(published\), arm 1 vs 2 +HR predicted/);
    expect(out).toMatch(/radiant-3 +PFS +\d+\.\d \(11\.0\) vs \d+\.\d \(4\.6\) +\d\.\d\d \(\d\.\d\d–\d\.\d\d\) +0\.35 \(0\.27–0\.45\) +(yes|no) +yes/);
    expect(out).toMatch(/5 trials \(3 partly circular\): \d of 2 independent hazard ratios inside the published 95% CI/);
    expect(out).toContain("radiant-3: PFS through simulation.everolimus.pfs.median (calibrates the PFS of everolimus; arm everolimus)");
    const dir = join(folder, "result");
    expect(readdirSync(dir).sort()).toEqual(["figures", "manifest.json", "validation.csv", "validation.json"]);
    expect(readdirSync(join(dir, "figures")).sort()).toEqual(["validation.pdf", "validation.png", "validation.svg", "validation.vl.json"]);
    const csv = readFileSync(join(dir, "validation.csv"), "utf8").trimEnd().split("\n");
    expect(csv[0]).toMatch(/^trial,endpoint,arm_1,arm_2,predicted_median_1/);
    expect(csv.length).toBe(1 + 7);
    expect(readFileSync(join(dir, "figures", "validation.svg"), "utf8")).toContain("RADIANT-3, PFS (circular)");
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ tool: "pnen-sim validate", seed: 5, patientsPerArm: 2000 });
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain("validation.json");
  });

  it("main(['validate', '--trials', DIR with a bad field]) exits 2 naming the file and the field, without a stack trace or output files", async () => {
    const bad = join(folder, "bad");
    mkdirSync(bad);
    const trial = JSON.parse(readFileSync(join(shipped, "radiant-3.json"), "utf8"));
    trial.arms[0].n = -5;
    trial.published.os.hr.upper = 0.5;
    writeFileSync(join(bad, "radiant-3.json"), JSON.stringify(trial));
    writeFileSync(join(bad, "broken.json"), "{ not json");
    const { code, out, err } = await run("--trials", "bad", "--out", "never");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("bad/radiant-3.json: 2 problems in the trial file");
    expect(err).toContain("arms[0].n: expected an integer >= 1 and <= 100000, got -5");
    expect(err).toContain("published.os.hr: expected lower <= estimate <= upper, got 0.73, 0.94, 0.5");
    expect(err).toMatch(/bad\/broken\.json: not valid JSON/);
    expect(err).not.toMatch(/\n\s+at /);
    // the --out folder made for the run is removed again (nothing was written into it)
    expect(readdirSync(folder)).not.toContain("never");
  });

  it("main(['validate', bad flags]) exits 2 with a message naming the flag", async () => {
    expect(await run("--n", "0")).toMatchObject({ code: 2, err: expect.stringContaining("pnen-sim validate: --n: expected an integer >= 100") });
    expect(await run("--trials", "nowhere")).toMatchObject({ code: 2, err: "--trials nowhere: no such file or folder\n" });
    expect(await run("--bogus")).toMatchObject({ code: 2, err: expect.stringContaining("pnen-sim validate: Unknown option '--bogus'") });
  });

  it("main(['validate', '--schema']) prints the committed trial-file JSON Schema; --help documents the flags", async () => {
    const { out } = await run("--schema");
    expect(JSON.parse(out)).toEqual(JSON.parse(readFileSync(join(shipped, "trial.schema.json"), "utf8")));
    const help = await run("--help");
    expect(help.out).toContain("Usage: pnen-sim validate [--trials DIR|FILE] [--json] [--n N] [--seed S]");
  });
});
