import { describe, expect, it } from "vitest";
import { subStream } from "../../src/random/randomSource.js";
import { generateTrial } from "../../src/trials/generateTrial.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { allocationBlock, resolveDesign } from "../../src/trials/resolveDesign.js";

const design = parseTrialDesign({
  arms: [{ label: "control", median: 12 }, { label: "treatment", median: 22, allocation: 2 }],
  accrual: { months: 24 },
  followUpMonths: 12,
  dropout: { ratePerMonth: 0.01 },
});

describe("generateTrial(resolved, n, accrualMonths, source)", () => {
  it("generateTrial with 2:1 allocation randomises in permuted blocks of three: exactly 40 and 80 of 120", () => {
    const trial = generateTrial(resolveDesign(design), 120, 24, subStream(1, "trial", 0));
    const treated = trial.arm.reduce((sum, arm) => sum + arm, 0);
    expect(treated).toBe(80);
    for (let block = 0; block < 40; block++) expect(trial.arm[3 * block] + trial.arm[3 * block + 1] + trial.arm[3 * block + 2]).toBe(2);
  });
  it("generateTrial entries fall in [0, accrual], follow-up ends at the analysis (accrual + follow-up)", () => {
    const trial = generateTrial(resolveDesign(design), 300, 24, subStream(2, "trial", 0));
    expect(trial.analysisTime).toBe(36);
    for (let i = 0; i < trial.n; i++) {
      expect(trial.entry[i]).toBeGreaterThanOrEqual(0);
      expect(trial.entry[i]).toBeLessThanOrEqual(24);
      expect(trial.time[i]).toBeGreaterThanOrEqual(0);
      expect(trial.time[i]).toBeLessThanOrEqual(trial.analysisTime - trial.entry[i] + 1e-9);
    }
  });
  it("generateTrial of the first n patients is a prefix of a larger trial (common random numbers across n)", () => {
    const resolved = resolveDesign(design);
    const small = generateTrial(resolved, 60, 24, subStream(3, "trial", 5));
    const smallCopy = { arm: Array.from(small.arm), time: Array.from(small.time), entry: Array.from(small.entry) };
    const large = generateTrial(resolved, 120, 24, subStream(3, "trial", 5));
    expect(Array.from(large.arm.subarray(0, 60))).toEqual(smallCopy.arm);
    expect(Array.from(large.entry.subarray(0, 60))).toEqual(smallCopy.entry);
    expect(Array.from(large.time.subarray(0, 60))).toEqual(smallCopy.time);
  });
  it("generateTrial draws exponential event times: mean follow-up of 20,000 uncensored controls within 3 SE of median / ln 2", () => {
    const uncensored = parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "t", median: 12 }], accrual: { months: 0 }, followUpMonths: 1e6 });
    const trial = generateTrial(resolveDesign(uncensored), 20_000, 0, subStream(4, "trial", 0));
    const mean = trial.time.reduce((a, b) => a + b, 0) / trial.n;
    const expected = 12 / Math.LN2; // sd = mean for the exponential
    expect(Math.abs(mean - expected)).toBeLessThan((3 * expected) / Math.sqrt(trial.n));
    expect(trial.event.every((e) => e === 1)).toBe(true);
  });
  it("generateTrial with targetEvents analyses at the target-th event: exactly that many events", () => {
    const eventDriven = parseTrialDesign({ arms: [{ label: "c", median: 12 }, { label: "t", median: 20 }], n: 200, accrual: { ratePerMonth: 10 }, targetEvents: 120 });
    const trial = generateTrial(resolveDesign(eventDriven), 200, 20, subStream(5, "trial", 0));
    expect(trial.event.reduce((a, b) => a + b, 0)).toBe(120);
  });
  it("allocationBlock([1, 2]) is [0, 1, 1]; weights 1.5 : 1 give [0, 0, 0, 1, 1]; irrational weights give null", () => {
    expect(allocationBlock([1, 2])).toEqual([0, 1, 1]);
    expect(allocationBlock([1.5, 1])).toEqual([0, 0, 0, 1, 1]);
    expect(allocationBlock([1, Math.SQRT2])).toBeNull();
  });
});
