import { describe, expect, it } from "vitest";
import { compareArms, ComparisonWorkspace } from "../../src/trials/compareArms.js";
import { generateTrial } from "../../src/trials/generateTrial.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { planSequential } from "../../src/trials/planSequential.js";
import { parallelTrialRunner, workerSupport } from "../../src/trials/powerWorkersNode.js";
import { designAccrualMonths, resolveDesign } from "../../src/trials/resolveDesign.js";
import { simulationLooks } from "../../src/trials/simulationLooks.js";
import { simulateSequential } from "../../src/trials/simulateSequential.js";
import { simulateTrials } from "../../src/trials/simulateTrials.js";
import { subStream } from "../../src/random/randomSource.js";

const conversion = {
  arms: [{ label: "direct resection", median: 12 }, { label: "conversion then resection", median: 22 }],
  accrual: { months: 24 },
  followUpMonths: 24,
  dropout: { annualProportion: 0.05 },
  seed: 20251,
  sequential: { analyses: [0.5, 0.75, 1], futility: "obf", targetPower: 0.8 },
};

describe("simulateTrials(resolved, n, first, last, looks): group-sequential trials", () => {
  it("simulateTrials with looks analyses look k at the calendar month of the events_k-th event, as generateTrial with targetEvents does", () => {
    const design = parseTrialDesign({ ...conversion, sims: 40 });
    const { looks, n } = simulationLooks(planSequential(design), 1);
    const outcomes = simulateTrials(resolveDesign(design), n, 0, 40, looks);
    const sequential = outcomes.sequential!;
    const workspace = new ComparisonWorkspace(n);
    for (let trial = 0; trial < 40; trial++) {
      for (let look = 0; look < sequential.stopLook[trial]; look++) {
        // The same trial, drawn from the same sub-stream, analysed once at this look's events.
        const single = resolveDesign({ ...design, targetEvents: looks.events[look] });
        const data = generateTrial(single, n, designAccrualMonths(design, n), subStream(design.seed, "trial", trial));
        const outcome = compareArms(single, workspace.fill(data, 1));
        const at = trial * looks.events.length + look;
        expect(sequential.time[at]).toBe(data.analysisTime);
        expect(sequential.events[at]).toBe(looks.events[look]);
        expect(sequential.statistic[at]).toBe(-outcome.z);
        expect(sequential.hazardRatio[at]).toBe(outcome.hazardRatio);
      }
      // It stopped at the first look whose statistic crossed a bound.
      const stop = sequential.stopLook[trial] - 1;
      for (let look = 0; look < stop; look++) {
        const s = sequential.statistic[trial * 3 + look];
        expect(s < looks.efficacy[look] && !(s < looks.futility[look])).toBe(true);
      }
      for (let look = stop + 1; look < 3; look++) expect(sequential.statistic[trial * 3 + look]).toBeNaN();
    }
  });

  it("simulateSequential (conversion 12 vs 22 months, 3 looks, seed 20251, 300 trials) gives pinned stopping counts", async () => {
    // Exact values for a fixed seed: a change in the draws, the looks or the decisions shows here.
    const design = parseTrialDesign({ ...conversion, sims: 300 });
    const simulation = await simulateSequential(design, planSequential(design));
    expect(simulation.n).toBe(134);
    expect(simulation.looks.map((look) => look.events)).toEqual([49, 73, 97]);
    expect(simulation.looks.map((look) => Math.round(look.rejection.simulated * 300))).toEqual(PINNED.rejections);
    expect(simulation.looks.map((look) => Math.round(look.futility.simulated * 300))).toEqual(PINNED.futility);
    expect(simulation.expectedEvents.simulated).toBe(PINNED.expectedEvents);
  });
});

// Exponential proportional hazards, 1:1: the log-rank statistic at the looks is the Brownian motion the
// analytic answer integrates, so every per-look probability must agree within 3 Monte Carlo SEs (the SE at
// the analytic probability, √(p(1 − p)/10,000)). Three designs: one-sided with β-spending futility,
// two-sided Pocock, HSD(−2) with z-scale futility at a fixed n.
const agreement = [
  {
    arms: [{ label: "control", median: 12 }, { label: "treatment", hazardRatio: 0.62 }],
    accrual: { months: 24 },
    followUpMonths: 12,
    dropout: { annualProportion: 0.05 },
    sims: 10000,
    seed: 201,
    sequential: { analyses: [0.5, 0.75, 1], futility: "obf", targetPower: 0.8 },
  },
  { arms: [{ label: "control", median: 10 }, { label: "treatment", hazardRatio: 0.65 }], accrual: { months: 18 }, followUpMonths: 12, sims: 10000, seed: 202, sequential: { analyses: [0.5, 1], spending: "pocock", sided: 2, targetPower: 0.85 } },
  {
    arms: [{ label: "control", median: 10 }, { label: "treatment", hazardRatio: 0.65 }],
    n: 200,
    accrual: { ratePerMonth: 10 },
    followUpMonths: 12,
    sims: 10000,
    seed: 203,
    sequential: { analyses: [0.3, 0.6, 0.8, 1], spending: "hsd", gamma: -2, futility: { z: [-0.5, 0, 0.5] } },
  },
  // Harmful treatments. HR 1.1, one-sided: the test is for benefit, so the drift points away from the
  // bounds; rejections stay below alpha (P ≈ 0.001–0.004 a look, enough trials for the normal SE; at HR 1.5
  // they are ~1e-6 and a single rejection in 10,000 is "3.7 SE"). HR 1.5, two-sided: rejections for harm,
  // as often as the mirrored beneficial design rejects for benefit.
  {
    arms: [{ label: "control", median: 12 }, { label: "treatment", hazardRatio: 1.1 }],
    n: 160,
    accrual: { months: 18 },
    followUpMonths: 12,
    sims: 10000,
    seed: 206,
    sequential: { analyses: [0.5, 0.75, 1], futility: "obf" },
  },
  { arms: [{ label: "control", median: 10 }, { label: "treatment", hazardRatio: 1.5 }], accrual: { months: 18 }, followUpMonths: 12, sims: 10000, seed: 207, sequential: { analyses: [0.5, 1], spending: "pocock", sided: 2, targetPower: 0.85 } },
];

const support = workerSupport();
describe("simulateSequential(design, plan, runner) agrees with the analytic plan under exponential proportional hazards", () => {
  for (const json of agreement) {
    it(`simulateSequential (${json.sequential.analyses.length} looks, ${json.sequential.spending ?? "obf"}, sided ${json.sequential.sided ?? 1}, HR ${json.arms[1].hazardRatio}, 10,000 trials): every look's rejection and futility probability within 3 Monte Carlo SE`, async () => {
      const design = parseTrialDesign(json);
      const plan = planSequential(design);
      const runner = parallelTrialRunner({ workers: support.available ? 2 : 1 });
      try {
        const simulation = await simulateSequential(design, plan, runner.run);
        expect(simulation.sims).toBe(10000);
        for (const look of simulation.looks) {
          expect(Math.abs(look.rejection.z)).toBeLessThanOrEqual(3);
          expect(Math.abs(look.futility.z)).toBeLessThanOrEqual(3);
          expect(Math.abs(look.cumulativeRejection.z)).toBeLessThanOrEqual(3);
        }
        expect(Math.abs(simulation.earlyStopping.any.z)).toBeLessThanOrEqual(3);
        expect(simulation.agrees).toBe(true);
        expect(simulation.notes).toEqual((json.arms[1].hazardRatio ?? 0) > 1 ? [expect.stringMatching(/^The effect is reversed: the design's hazard ratio 1\.[15] is above 1/)] : []);
      } finally {
        await runner.close();
      }
    });
  }
});

describe("simulateSequential for a harmful treatment (hazard ratio above 1)", () => {
  it("simulateSequential (HR 1.5, one-sided for benefit, 2,000 trials) never rejects and stops nearly every trial for futility at the first look; two-sided, it rejects for harm", async () => {
    const harmful = { arms: [{ label: "control", median: 12 }, { label: "treatment", hazardRatio: 1.5 }], n: 160, accrual: { months: 18 }, followUpMonths: 12, sims: 2000, seed: 208 };
    const oneSided = parseTrialDesign({ ...harmful, sequential: { analyses: [0.5, 0.75, 1], futility: "obf" } });
    const plan = planSequential(oneSided);
    // Analytic: power below alpha (the drift points away from benefit), a futility stop at look 1 with P ≈ 1.
    expect(plan.power).toBeLessThan(1e-4);
    expect(plan.looks[0].futility).toBeGreaterThan(0.95);
    for (const look of plan.looks) expect(look.efficacyHazardRatio).toBeLessThan(1);
    const simulation = await simulateSequential(oneSided, plan);
    expect(simulation.looks.reduce((sum, look) => sum + look.rejection.simulated, 0)).toBe(0);
    expect(simulation.looks[0].futility.simulated).toBeGreaterThan(0.95);
    expect(simulation.notes[0]).toMatch(/^The effect is reversed: .* The one-sided test is for benefit, so its power is below alpha \(analytic [\d.e-]+\)/);
    const twoSided = parseTrialDesign({ ...harmful, sequential: { analyses: [0.5, 0.75, 1], spending: "obf", sided: 2 } });
    const outcomes = simulateTrials(resolveDesign(twoSided), 160, 0, 500, simulationLooks(planSequential(twoSided), 1).looks).sequential!;
    // Every rejection of a harmful treatment is for harm (decision 3), none for benefit (1).
    const decisions = Array.from(outcomes.decision);
    expect(decisions.filter((d) => d === 3).length).toBeGreaterThan(250);
    expect(decisions.filter((d) => d === 1).length).toBe(0);
  });
});

describe("simulateSequential under non-proportional hazards", () => {
  it("simulateSequential with a delayed effect (HR 0.55 from month 6): early looks stop far less often than the analytic plan (average HR) predicts", async () => {
    const design = parseTrialDesign({
      arms: [{ label: "control", median: 12 }, { label: "treatment", hazardRatio: 0.55, delayMonths: 6 }],
      n: 200,
      accrual: { months: 12 },
      followUpMonths: 18,
      sims: 1500,
      seed: 205,
      sequential: { analyses: [0.4, 0.7, 1], spending: "obf" },
    });
    const simulation = await simulateSequential(design, planSequential(design));
    expect(simulation.analytic.proportionalHazards).toBe(false);
    expect(simulation.looks[0].rejection.simulated).toBeLessThan(simulation.looks[0].rejection.analytic);
    expect(simulation.maxAbsZ).toBeGreaterThan(3);
    expect(simulation.notes[0]).toMatch(/^Hazards are not proportional/);
  });
});

/** simulateSequential(conversion, 300 trials, seed 20251): stops per look and the mean events at the stop. */
const PINNED = { rejections: [56, 118, 66], futility: [19, 26, 0], expectedEvents: 73.48 };
