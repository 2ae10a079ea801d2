import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

import { capture } from "./runCli.js";
import { expectClose, sequentialCases, singleLookCases } from "../trials/rpactFixtures.js";

describe("pnen-sim power", () => {
  it("power --median-control 12 --median-treatment 22 --n 120 --json prints the documented keys", async () => {
    const c = capture();
    expect(await main(["power", "--median-control", "12", "--median-treatment", "22", "--n", "120", "--sims", "300", "--seed", "5", "--workers", "1", "--json"], c.io)).toBe(0);
    const result = JSON.parse(c.out());
    expect(Object.keys(result).slice(0, 7)).toEqual(["power", "lower", "upper", "expectedEvents", "medianHazardRatio", "n", "schoenfeld"]);
    expect(Object.keys(result.schoenfeld).sort()).toEqual(["events", "n", "power"]);
    expect(result.n).toBe(120);
    expect(result.sims).toBe(300);
    expect(result.lower).toBeLessThan(result.power);
    expect(result.upper).toBeGreaterThan(result.power);
    expect(result.schoenfeld.events).toBeCloseTo(85.45, 1);
    for (const key of ["freedman", "expectedDuration", "hazardRatioQuantiles", "medianDifference", "comparisons", "notes"]) expect(result).toHaveProperty(key);
  });
  it("power --hazard-ratio 0.6 --target-power 0.8 --json adds the sample-size search", async () => {
    const c = capture();
    expect(await main(["power", "--median-control", "12", "--hazard-ratio", "0.6", "--target-power", "0.8", "--sims", "200", "--workers", "1", "--json"], c.io)).toBe(0);
    const result = JSON.parse(c.out());
    expect(result.sampleSize.n).toBe(result.n);
    expect(result.sampleSize.targetPower).toBe(0.8);
    expect(result.sampleSize.steps.length).toBeGreaterThan(1);
  });
  it("power prints a text report with the simulated, Schoenfeld and Freedman powers", async () => {
    const c = capture();
    expect(await main(["power", "--median-control", "12", "--median-treatment", "22", "--allocation", "2", "--dropout-rate", "0.004", "--sims", "100", "--workers", "1"], c.io)).toBe(0);
    expect(c.out()).toMatch(/power \(simulated\)\s+\d+\.\d% {2}\(95% Wilson/);
    expect(c.out()).toMatch(/power \(Schoenfeld\)/);
    expect(c.out()).toMatch(/power \(Freedman\)/);
    expect(c.out()).toContain("allocation 2");
  });
  it("power --design data/designs/conversion-vs-direct.json --sims 100 runs the design file", async () => {
    const c = capture();
    expect(await main(["power", "--design", "data/designs/conversion-vs-direct.json", "--sims", "100", "--workers", "1", "--json"], c.io)).toBe(0);
    expect(JSON.parse(c.out()).comparisons[0].arm).toBe("conversion then resection");
  });
  it("power with bad input exits 2 with a message naming the flag or the field", async () => {
    const cases: [string[], RegExp][] = [
      [["power", "--median-control", "12"], /exactly one of --median-treatment and --hazard-ratio/],
      [["power", "--median-control=-1", "--hazard-ratio", "0.5"], /--median-control: expected a number > 0, got '-1'/],
      [["power", "--median-control", "12", "--hazard-ratio", "0.5", "--n", "100", "--target-power", "0.8"], /--n or --target-power, not both/],
      [["power", "--median-control", "12", "--hazard-ratio", "0.5", "--test", "rmst"], /--test rmst needs --tau/],
      [["power", "--median-control", "12", "--hazard-ratio", "0.5", "--bogus"], /Unknown option '--bogus'/],
      [["power"], /give --median-control/],
      // regression: an analysis at month 0 ran and printed "n Infinity"
      [["power", "--median-control", "12", "--hazard-ratio", "0.5", "--accrual-months", "0", "--followup-months", "0"], /--followup-months: expected a number > 0 when --accrual-months is 0/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      expect(await main(args, c.io)).toBe(2);
      expect(c.err()).toMatch(message);
    }
  });
  it("power --design with an invalid file lists the problems with their field paths", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pnen-power-"));
    const file = join(folder, "bad.json");
    writeFileSync(file, JSON.stringify({ arms: [{ label: "c", median: 12 }, { label: "t", median: 0 }], alpha: 2 }));
    const c = capture();
    expect(await main(["power", "--design", file], c.io)).toBe(2);
    expect(c.err()).toContain("bad.json: invalid trial design (2 problems)");
    expect(c.err()).toContain("arms[1].median: expected a positive number, got 0");
    expect(c.err()).toContain("alpha: expected a number > 0 and < 1, got 2");
  });
  it("power --help documents the flags", async () => {
    const c = capture();
    expect(await main(["power", "--help"], c.io)).toBe(0);
    for (const flag of ["--median-control", "--median-treatment", "--hazard-ratio", "--n", "--target-power", "--allocation", "--accrual-months", "--followup-months", "--dropout-rate", "--alpha", "--sims", "--seed", "--json", "--design", "--workers", "--curve"]) expect(c.out()).toContain(flag);
  });

  // Regression: the power output carried no package version or design hash, so a number in a grant could not
  // be traced to the software and inputs that made it.
  it("power --json carries provenance: package version, design hash and seed; text output ends with them and the notice", async () => {
    const version = JSON.parse(readFileSync("package.json", "utf8")).version;
    const run = async (n: string, json: boolean) => {
      const c = capture();
      expect(await main(["power", "--median-control", "12", "--median-treatment", "22", "--n", n, "--sims", "50", "--seed", "9", "--workers", "1", ...(json ? ["--json"] : [])], c.io)).toBe(0);
      return c.out();
    };
    const first = JSON.parse(await run("120", true));
    expect(first.provenance).toMatchObject({ tool: "pnen-sim power", version, seed: "9" });
    expect(first.provenance.designHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(await run("120", true)).provenance.designHash).toBe(first.provenance.designHash);
    expect(JSON.parse(await run("140", true)).provenance.designHash).not.toBe(first.provenance.designHash);
    const text = await run("120", false);
    expect(text).toContain(`pnen-sim ${version} · design ${first.provenance.designHash} · seed 9`);
    expect(text).toContain("Research use only.");
  });

  // Regression: --n 1e9 (or a design's n) was accepted and the run never finished; --curve under a file
  // crashed with a Node stack trace (exit 1) after the simulation.
  it("power with an impossible n or an unwritable --curve exits 2 with a message, before simulating", async () => {
    const c = capture();
    expect(await main(["power", "--median-control", "12", "--median-treatment", "22", "--n", "1000000000"], c.io)).toBe(2);
    expect(c.err()).toContain("--n: expected an integer >= 2 <= 200000, got '1000000000'");
    const folder = mkdtempSync(join(tmpdir(), "pnen-power-"));
    const design = join(folder, "big.json");
    writeFileSync(design, JSON.stringify({ arms: [{ label: "c", median: 12 }, { label: "t", median: 20 }], n: 5e8 }));
    const d = capture();
    expect(await main(["power", "--design", design], d.io)).toBe(2);
    expect(d.err()).toContain("n: expected an integer >= 2 and <= 200000, got 500000000");
    const file = join(folder, "a-file");
    writeFileSync(file, "x");
    const e = capture();
    expect(await main(["power", "--median-control", "12", "--median-treatment", "22", "--n", "60", "--sims", "20", "--workers", "1", "--curve", join(file, "curve")], e.io)).toBe(2);
    expect(e.err()).toMatch(/^pnen-sim power: --curve: cannot write to .*a-file: EEXIST/);
    expect(e.err()).not.toMatch(/\n\s+at /);
    expect(e.out()).toBe("");
  });

  it("power --design conversion-vs-direct.json --looks 0.5,0.75,1 --futility obf --target-power 0.8 --json: the issue's keys, equal to rpact", async () => {
    // rpact 3.3.4 (test/fixtures/rpact/sequential.json, case 3): d <- getDesignGroupSequential(informationRates = c(0.5, 0.75, 1),
    //   alpha = 0.025, beta = 0.2, sided = 1, typeOfDesign = "asOF", typeBetaSpending = "bsOF"); getSampleSizeSurvival(d, median1 = 22,
    //   median2 = 12, accrualTime = c(0, 24), followUpTime = 24, dropoutRate1 = 0.05, dropoutRate2 = 0.05, dropoutTime = 12)
    // and (single-look.json, case 1) the analytic block of the same design at n = 120.
    const c = capture();
    const args = ["power", "--design", "data/designs/conversion-vs-direct.json", "--looks", "0.5,0.75,1", "--futility", "obf", "--target-power", "0.8", "--sims", "200", "--workers", "1", "--json"];
    expect(await main(args, c.io)).toBe(0);
    const result = JSON.parse(c.out());
    const sequential = result.sequential;
    expect(Object.keys(sequential).slice(0, 7)).toEqual(["informationRates", "efficacy", "futility", "maxEvents", "maxN", "expectedEvents", "rejectionProbabilities"]);
    expect(Object.keys(sequential.efficacy)).toEqual(["z", "p", "hr", "alphaSpent"]);
    expect(Object.keys(sequential.expectedEvents)).toEqual(["h0", "h1"]);
    const rpact = sequentialCases()[2].rpact;
    expectClose("informationRates", sequential.informationRates, rpact.informationRates, 1e-15);
    expectClose("criticalValues", sequential.efficacy.z, rpact.criticalValues, 1e-6);
    expectClose("criticalValuesEffectScale", sequential.efficacy.hr, rpact.criticalValuesEffectScale, 1e-6);
    expectClose("alphaSpent", sequential.efficacy.alphaSpent, rpact.alphaSpent, 1e-6);
    expectClose("futilityBounds", sequential.futility.z, rpact.futilityBounds as number[], 1e-6);
    expectClose("futilityBoundsEffectScale", sequential.futility.hr, rpact.futilityBoundsEffectScale as number[], 1e-6);
    expectClose("betaSpent", sequential.futility.betaSpent, rpact.betaSpent as number[], 1e-6);
    expectClose("maxNumberOfEvents", [sequential.maxEvents], [rpact.maxNumberOfEvents], 1e-6);
    expectClose("maxNumberOfSubjects", [sequential.maxN], [rpact.maxNumberOfSubjects], 1e-6);
    expectClose("expectedEvents", [sequential.expectedEvents.h0, sequential.expectedEvents.h1], [rpact.expectedEventsH0 as number, rpact.expectedEventsH1], 1e-6);
    expectClose("rejectPerStage (cumulated)", sequential.rejectionProbabilities, (rpact.rejectPerStage as number[]).map((_, k, all) => all.slice(0, k + 1).reduce((a, b) => a + b, 0)), 1e-6);
    const single = singleLookCases()[0].rpact;
    expect(Object.keys(result.analytic)).toEqual(expect.arrayContaining(["eventProbability", "events", "n", "power"]));
    expect(result.analytic.n).toBe(120);
    expectClose("analytic", [result.analytic.eventProbability, result.analytic.events, result.analytic.power], [single.eventProbability, single.events, single.power], 1e-6);
    // The simulation ran at the plan's patients (rounded up) and events.
    expect(sequential.simulated).toMatchObject({ sims: 200, n: 134, events: [49, 73, 97] });
    expect(sequential.simulated.rejectionProbabilities).toHaveLength(3);
  });
  it("power --design FILE with a sequential block (two-sided Pocock) prints the group-sequential section; flags change single fields", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pnen-power-"));
    const file = join(folder, "gsd.json");
    writeFileSync(file, JSON.stringify({ arms: [{ label: "c", median: 12 }, { label: "t", hazardRatio: 0.6 }], n: 150, sims: 100, seed: 3, sequential: { analyses: [0.5, 1], spending: "pocock", sided: 2 } }));
    const c = capture();
    expect(await main(["power", "--design", file, "--workers", "1"], c.io)).toBe(0);
    expect(c.out()).toContain("Group-sequential design: 2 analyses at 50%, 100% of the events; Pocock-type alpha spending, two-sided alpha 0.05; no futility bound");
    expect(c.out()).toMatch(/Power of 150 patients and \d+\.\d events \(HR 0\.600\): \d+\.\d%/);
    expect(c.out()).toMatch(/Simulated: 100 group-sequential trials of 150 patients/);
    const d = capture();
    expect(await main(["power", "--design", file, "--workers", "1", "--spending", "hsd", "--gamma", "-2", "--json"], d.io)).toBe(0);
    expect(JSON.parse(d.out()).sequential.design).toMatchObject({ sided: 2, alpha: 0.05, efficacy: { kind: "spending", family: "hsd", gamma: -2 } });
  });
  it("power --looks … --boundary-figure FILE writes the boundary figure with provenance", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pnen-power-"));
    const c = capture();
    const args = ["power", "--median-control", "12", "--hazard-ratio", "0.6", "--n", "120", "--looks", "0.5,1", "--sims", "20", "--workers", "1", "--boundary-figure", join(folder, "bounds")];
    expect(await main(args, c.io)).toBe(0);
    expect(c.err()).toContain("boundary figure:");
    for (const extension of ["svg", "png", "vl.json"]) expect(existsSync(join(folder, `bounds.${extension}`))).toBe(true);
    const svg = readFileSync(join(folder, "bounds.svg"), "utf8");
    expect(svg).toContain("Hazard-ratio scale");
    expect(svg).toMatch(/design hash/);
  });
  it("power with bad sequential flags exits 2 with a message naming the flag, before simulating", async () => {
    const base = ["power", "--median-control", "12", "--hazard-ratio", "0.6", "--n", "120", "--sims", "20", "--workers", "1"];
    const cases: [string[], RegExp][] = [
      [[...base, "--spending", "pocock"], /--spending needs --looks \(or a sequential block in --design\)/],
      [[...base, "--looks", "0.5,0.4,1"], /--looks \(sequential\.analyses\): expected increasing values, got \[0\.5,0\.4,1\]/],
      [[...base, "--looks", "0.5,x"], /--looks: expected numbers separated by commas/],
      [[...base, "--looks", "0.5,1", "--sided", "3"], /--sided \(sequential\.sided\): expected 1 or 2, got 3/],
      [[...base, "--looks", "0.5,1", "--sided", "2", "--futility", "obf"], /--futility \(sequential\.futility\): futility bounds need sided 1/],
      [[...base, "--looks", "0.5,0.75,1", "--futility-z", "0"], /--futility-z \(sequential\.futility\.z\): expected 2 numbers in \(-6, 6\)/],
      [[...base, "--looks", "0.5,1", "--spending", "obf", "--gamma", "-2"], /--gamma \(sequential\.gamma\): only used with spending "hsd"/],
      [[...base, "--boundary-figure", "x"], /--boundary-figure needs a group-sequential design/],
      [[...base, "--looks", "0.5,1", "--test", "rmst", "--tau", "24"], /--test rmst cannot be used with --looks/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      expect(await main(args, c.io)).toBe(2);
      expect(c.err()).toMatch(message);
      expect(c.err()).not.toMatch(/\n\s+at /);
      expect(c.out()).toBe("");
    }
    const c = capture();
    expect(await main(["power", "--design", "data/designs/three-arm-stratified.json", "--looks", "0.5,1", "--workers", "1"], c.io)).toBe(2);
    expect(c.err()).toMatch(/a group-sequential design compares two arms, got 3/);
  });
});
