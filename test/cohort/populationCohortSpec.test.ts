import { describe, expect, it } from "vitest";
import { Grades } from "../../src/cohort/Patient.js";
import { populationCohort, populationCohortSpec } from "../../src/cohort/populationCohortSpec.js";
import { referenceCohortSpec } from "../../src/cohort/referenceCohortSpec.js";
import { loadRegistry } from "../../src/io/loadRegistry.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";

const registry = loadRegistry();
const reference = referenceCohortSpec(registry);

describe("referenceCohortSpec", () => {
  it("referenceCohortSpec(registry) is the default scenario's cohort, built from the same labelled assumptions without a scenario", () => {
    const { scenario } = loadScenarioNode("default", process.cwd());
    // (the scenario's syndrome mix by grade only changes pathways, not outcomes: the reference keeps the overall mix)
    const { size: _a, functionalShare: _b, functionalSyndromeByGrade: _e, ...fromScenario } = scenario.cohort;
    const { size: _c, functionalShare: _d, ...fromRegistry } = reference;
    expect(fromRegistry).toEqual(fromScenario);
  });
});

describe("populationCohort", () => {
  const population = { grades: { G1: 0.4, G2: 0.6 }, line: 2, progressive: true, site: "pancreas", country: "international", ki67Max: 10, sstrPositiveShare: 1, extrahepaticDiseaseShare: 0, ageMax: 59 } as const;

  it("populationCohortSpec(population, reference) replaces the grade mix, caps Ki-67 and age, and fixes the SSTR and extrahepatic shares; the rest is the reference's", () => {
    const spec = populationCohortSpec(population, reference);
    expect(spec.grade).toEqual({ G1: 0.4, G2: 0.6, G3: 0, NEC: 0 });
    expect(spec.ki67ByGrade.G2).toEqual({ min: 3, max: 10 });
    expect(spec.ki67ByGrade.G3).toEqual({ min: 10, max: 10 });
    expect(spec.sstrPositiveByGrade).toEqual({ G1: 1, G2: 1, G3: 1, NEC: 1 });
    expect(spec.ageYears.max).toBe(59);
    expect(spec.extrahepaticDiseaseShare).toBe(0);
    expect(spec.enetsType).toEqual(reference.enetsType);
  });

  it("populationCohort(population, reference, {seed, size}) draws patients matching it (grade shares within 4 binomial SE) and the same patients for the same seed", () => {
    const n = 20_000;
    const cohort = populationCohort(population, reference, { seed: 3, size: n });
    const g1 = cohort.grade.filter((g) => g === 0).length / n;
    expect(Math.abs(g1 - 0.4)).toBeLessThan(4 * Math.sqrt((0.4 * 0.6) / n));
    expect(cohort.grade.every((g) => g <= 1)).toBe(true);
    expect(cohort.ki67.every((k) => k <= 10)).toBe(true);
    expect(cohort.age.every((a) => a <= 59)).toBe(true);
    expect(cohort.sstrPositive.every((s) => s === 1) && cohort.extrahepaticDisease.every((e) => e === 0)).toBe(true);
    expect(Array.from(populationCohort(population, reference, { seed: 3, size: 100 }).ki67)).toEqual(Array.from(cohort.ki67.subarray(0, 100)));
    expect(Grades.length).toBe(4);
  });
});
