import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { patientAt } from "../../src/cohort/patientAt.js";
import { parsePatient } from "../../src/cohort/parsePatient.js";
import type { Scenario } from "../../src/cohort/Scenario.js";
import { calibrateOutcomeModel } from "../../src/simulate/calibrateOutcomeModel.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { simulate } from "../../src/simulate/simulate.js";
import { simulatePatientOutcomes } from "../../src/simulate/simulatePatientOutcomes.js";

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());
const chosen = scenario.strategies.map((id) => strategies.find((s) => s.id === id)!);
const model = simulate(scenario, strategies, { n: 1 }, context).model;

// A well-differentiated G2 patient (Ki-67 5%, 1 mitosis), ENETS type I, resectable: `pnen-sim explain --help`'s example
const patient = parsePatient({ age: 52, primarySite: "head", ki67: 5, mitoses: 1, enetsType: "I", lesionCount: 2, largestLesionCm: 4, liverInvolvementPct: 10 });

/** The default scenario with a cohort that can only be `patient` (every share 0 or 1, every range one value). */
function identicalPatientsScenario(followUp: Scenario["followUp"]): Scenario {
  const one = (x: number) => ({ min: x, max: x });
  const grades = { G1: 0, G2: 1, G3: 0, NEC: 0 };
  const { functionalShareByGrade: _a, functionalSyndromeByGrade: _b, ...cohort } = scenario.cohort;
  return {
    ...scenario,
    followUp,
    cohort: {
      ...cohort,
      ageYears: { mean: 52.5, sd: 1, min: 52, max: 52 },
      femaleShare: 1,
      primarySite: { head: 1, body: 0, tail: 0 },
      functionalShare: 0,
      grade: grades,
      ki67ByGrade: { ...scenario.cohort.ki67ByGrade, G2: one(5) },
      mitosesByGrade: { ...scenario.cohort.mitosesByGrade, G2: one(1) },
      enetsType: { I: 1, II: 0, III: 0 },
      lesionCountByType: { ...scenario.cohort.lesionCountByType, I: one(2) },
      largestLesionCmByType: { ...scenario.cohort.largestLesionCmByType, I: one(4) },
      liverInvolvementPctByType: { ...scenario.cohort.liverInvolvementPctByType, I: one(10) },
      extrahepaticDiseaseShare: 0,
      adequateLiverReserveShare: 1,
      seriousComorbidityShare: 0,
      sstrPositiveByGrade: { ...scenario.cohort.sstrPositiveByGrade, G2: 0 },
      primaryResectedShare: 0,
      primarySymptomaticShare: 0,
      monthsStable: one(0),
      expectedCytoreductionPct: one(0),
    },
  };
}

describe("simulatePatientOutcomes", () => {
  it("simulatePatientOutcomes(default, patient, strategies, {draws: 1000, seed: 42}) gives the same medians every time (seeded exact values)", () => {
    const result = simulatePatientOutcomes(scenario, patient, chosen, { draws: 1000, seed: 42, model }, context);
    expect(result.grade).toBe("G2");
    expect(result.draws).toBe(1000);
    // the pathways are the rules' (explainPathway) for this patient: resectable, so surgery first except conversion-first
    expect(result.strategies.map((s) => [s.strategy, s.pathway])).toEqual([
      ["review", "radicalResection>captem>everolimus"],
      ["conversion-first", "conversionTherapy+radicalResection>captem>everolimus"],
      ["upfront-surgery", "radicalResection>captem>everolimus"],
      ["captem-first", "radicalResection>captem>everolimus"],
    ]);
    const pinned = result.strategies.map((s) => [s.pfs.median, s.pfs.lower, s.pfs.upper, s.os.median, s.os.lower, s.os.upper]);
    const surgery = [16.063280690160607, 14.368947298153302, 17.498776609870806, 70.68041579210117, 65.37278926186876, 76.86595394436377];
    const expected = [surgery, [29.653289900477716, 26.7647815948809, 33.31986883391989, 87.0699174859034, 78.90600843736956, 91.85386257498452], surgery, surgery];
    pinned.forEach((row, s) => row.forEach((value, k) => expect(value, `strategy ${s}, value ${k}`).toBeCloseTo(expected[s]![k]!, 9)));
    // the same pathway gives the same draws (common random numbers), and each interval holds its median
    expect(result.strategies[2]!.os.sortedMonths).toEqual(result.strategies[0]!.os.sortedMonths);
    for (const s of result.strategies) for (const e of [s.pfs, s.os]) expect(e.lower < e.median && e.median < e.upper).toBe(true);
  });

  it("simulatePatientOutcomes(...) draws exactly what a cohort of identical patients draws through simulate() with the same seed (no censoring)", () => {
    const identical = identicalPatientsScenario({ accrualMonths: 0, lossToFollowUpPerYear: 0 });
    const cohortRun = simulate(identical, strategies, { n: 5000, seed: 7, model }, context);
    expect(patientAt(cohortRun.cohort, 0)).toEqual({ ...patient, primarySymptomatic: false });
    expect(patientAt(cohortRun.cohort, 4999)).toEqual(patientAt(cohortRun.cohort, 0));
    const mine = simulatePatientOutcomes(scenario, patient, chosen, { draws: 5000, seed: 7, model }, context);
    mine.strategies.forEach((s, index) => {
      const columns = cohortRun.outcomes[cohortRun.strategies.indexOf(s.strategy)];
      expect(cohortRun.pathwayLabels[columns.pathway[0]], s.strategy).toBe(s.pathway);
      expect(Array.from(columns.pfsEvent).every((e) => e === 1)).toBe(true);
      expect(Array.from(s.pfs.sortedMonths), `${s.strategy} PFS`).toEqual(Array.from(Float64Array.from(columns.pfsMonths).sort()));
      expect(Array.from(s.os.sortedMonths), `${s.strategy} OS`).toEqual(Array.from(Float64Array.from(columns.osMonths).sort()));
      expect(index).toBe(chosen.findIndex((c) => c.id === s.strategy));
    });
  });

  it("simulatePatientOutcomes(...) medians agree with the Kaplan–Meier medians of a censored cohort of identical patients (other seed, MC tolerance)", () => {
    // The cohort: the scenario's own censoring (36 months' accrual, 120 more of follow-up, 2% lost a year), seed 11;
    // the patient: 20,000 uncensored draws, seed 12. Independent estimates of the same median: their difference has
    // SD √(se₁² + se₂²), each se read off its 95% interval as width / (2 × 1.96) (Brookmeyer–Crowley for the
    // Kaplan–Meier median, order statistics for the draws); 4 SD leaves a false alarm about 1 in 16,000.
    const censored = identicalPatientsScenario(scenario.followUp);
    const n = 20_000;
    const cohortRun = simulate(censored, strategies, { n, seed: 11, model }, context);
    const mine = simulatePatientOutcomes(scenario, patient, chosen, { draws: n, seed: 12, model }, context);
    const se = (lower: number, upper: number) => (upper - lower) / (2 * 1.959964);
    for (const s of mine.strategies) {
      const columns = cohortRun.outcomes[cohortRun.strategies.indexOf(s.strategy)];
      for (const [name, time, event, mineEndpoint] of [["PFS", columns.pfsMonths, columns.pfsEvent, s.pfs], ["OS", columns.osMonths, columns.osEvent, s.os]] as const) {
        const km = kaplanMeier(time, event).median;
        expect(km.estimate, `${s.strategy} ${name}: cohort median reached`).not.toBeNull();
        const tolerance = 4 * Math.hypot(se(km.lower!, km.upper!), se(mineEndpoint.lower, mineEndpoint.upper));
        expect(Math.abs(mineEndpoint.median - km.estimate!), `${s.strategy} ${name}: ${mineEndpoint.median} vs ${km.estimate} (tolerance ${tolerance})`).toBeLessThan(tolerance);
      }
    }
  });

  it("simulatePatientOutcomes(...) median PFS is the Weibull closed form scale × (ln 2 / HR)^(1/shape) in the sum-of-lines structure", () => {
    // Sum-of-lines: PFS is line 1, scale_t × (E/HR)^(1/shape) with E a unit exponential, whatever follows; its median
    // is scale_t × (ln 2/HR)^(1/shape). HR by hand for a G1 (Ki-67 2%, 0 mitoses), ENETS I, non-functional patient
    // without extrahepatic disease: every factor 1 but Ki-67's, hrKi67Per10^(2/10). The sample median's SD is
    // 1/(2 f(m) √n) with f(m) = shape · ln 2 / (2m) the Weibull density at its median m; tolerance 4 SD.
    const sumOfLines: Scenario = { ...scenario, structure: "sum-of-lines" };
    const sumModel = calibrateOutcomeModel(resolveOutcomeParameters(context.registry, { kind: "point" }, sumOfLines.evidence), sumOfLines, sumOfLines.seed);
    expect(sumModel.structure).toBe("sum-of-lines");
    const g1 = parsePatient({ age: 60, primarySite: "tail", ki67: 2, mitoses: 0, enetsType: "I", lesionCount: 1, largestLesionCm: 3, liverInvolvementPct: 5 });
    const draws = 20_000;
    const result = simulatePatientOutcomes(sumOfLines, g1, chosen, { draws, seed: 3, model: sumModel }, context);
    const hazardRatio = Math.pow(sumModel.parameters.assumptions.hrKi67Per10, 2 / 10);
    for (const s of result.strategies) {
      const first = s.pathway.split(">")[0]!.split("+")[0]!;
      const t = sumModel.treatmentIds.indexOf(first);
      expect(t, first).toBeGreaterThanOrEqual(0);
      expect(sumModel.pfsCurves?.[t] ?? null, `${first} has no curve baseline`).toBeNull();
      const m = sumModel.pfsScale[t] * Math.pow(Math.LN2 / hazardRatio, 1 / sumModel.pfsShape);
      const sd = 1 / (2 * ((sumModel.pfsShape * Math.LN2) / (2 * m)) * Math.sqrt(draws));
      expect(Math.abs(s.pfs.median - m), `${s.strategy}: ${s.pfs.median} vs closed form ${m}`).toBeLessThan(4 * sd);
      expect(s.pfs.lower).toBeLessThan(m + 4 * sd);
      expect(s.pfs.upper).toBeGreaterThan(m - 4 * sd);
    }
  });

  it("simulatePatientOutcomes(...) refuses draws that are not a positive integer and an empty strategy list", () => {
    expect(() => simulatePatientOutcomes(scenario, patient, chosen, { draws: 0, model }, context)).toThrow("simulatePatientOutcomes: draws: expected an integer from 1 to 1,000,000, got 0");
    expect(() => simulatePatientOutcomes(scenario, patient, chosen, { draws: 2.5, model }, context)).toThrow("got 2.5");
    expect(() => simulatePatientOutcomes(scenario, patient, [], { model }, context)).toThrow("at least one strategy");
  });
});
