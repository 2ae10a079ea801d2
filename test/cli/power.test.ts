import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

import { capture } from "./runCli.js";

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
    expect(c.out()).toMatch(/power \(simulated\)\s+\d+\.\d%  \(95% Wilson/);
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
    expect(c.err()).toContain("alpha: expected a number > 0 < 1, got 2");
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
    expect(d.err()).toContain("n: expected an integer <= 200000, got 500000000");
    const file = join(folder, "a-file");
    writeFileSync(file, "x");
    const e = capture();
    expect(await main(["power", "--median-control", "12", "--median-treatment", "22", "--n", "60", "--sims", "20", "--workers", "1", "--curve", join(file, "curve")], e.io)).toBe(2);
    expect(e.err()).toMatch(/^pnen-sim power: --curve: cannot write to .*a-file: EEXIST/);
    expect(e.err()).not.toMatch(/\n\s+at /);
    expect(e.out()).toBe("");
  });
});
