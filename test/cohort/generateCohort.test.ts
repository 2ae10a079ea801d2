import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allocateCohortColumns, cohortColumnNames } from "../../src/cohort/CohortColumns.js";
import { cohortBlockSize, compileCohortSpec, generateCohort, generateCohortRange } from "../../src/cohort/generateCohort.js";
import { Grades } from "../../src/cohort/Patient.js";
import { patientAt } from "../../src/cohort/patientAt.js";
import type { Scenario } from "../../src/cohort/Scenario.js";
import { loadRegistry } from "../../src/io/loadRegistry.js";
import { ruleThresholds } from "../../src/rules/index.js";
import { whoGrade } from "../../src/rules/index.js";

const scenario: Scenario = JSON.parse(readFileSync(new URL("../../data/scenarios/default.json", import.meta.url), "utf8"));

describe("generateCohort", () => {
  it("generateCohort(default, {seed: 42}) gives the same first patients every time (seeded exact values)", () => {
    const cohort = generateCohort(scenario.cohort, scenario.followUp, { seed: 42, size: 3 });
    expect(patientAt(cohort, 0)).toEqual({
      age: 54, sex: "female", primarySite: "tail", syndrome: "none", ki67: 18.9, mitoses: 6, differentiation: "well", enetsType: "I",
      lesionCount: 1, largestLesionCm: 1.1, liverInvolvementPct: 8, extrahepaticDisease: false, adequateLiverReserve: true,
      seriousComorbidity: false, sstrPositive: true, primaryResected: false, monthsStable: 17, expectedCytoreductionPct: 74,
      primarySymptomatic: false,
    });
    expect(Array.from(cohort.grade, (g) => Grades[g])).toEqual(["G2", "G2", "G2"]);
    expect(Array.from(cohort.ki67)).toEqual([18.9, 5.3, 10.3]);
    expect(cohort.entryMonths[0]).toBeCloseTo(12.986194641329348, 12);
  });

  it("generateCohortRange(spec, seed, first, count) gives the same patients as the whole cohort (block sub-streams)", () => {
    const size = 3 * cohortBlockSize + 17;
    const whole = generateCohort(scenario.cohort, scenario.followUp, { seed: 7, size });
    const part = allocateCohortColumns(cohortBlockSize + 17);
    generateCohortRange(compileCohortSpec(scenario.cohort, scenario.followUp), 7, 2 * cohortBlockSize, cohortBlockSize + 17, part);
    for (const name of cohortColumnNames) expect(Array.from(part[name])).toEqual(Array.from(whole[name].subarray(2 * cohortBlockSize)));
  });

  // Distributional checks on 50,000 patients: a share p is estimated with standard error sqrt(p(1-p)/n) ≤ 0.0023,
  // so a tolerance of 0.01 is more than 4 standard errors.
  const n = 50_000;
  const cohort = generateCohort(scenario.cohort, scenario.followUp, { seed: 2025, size: n });
  const share = (column: ArrayLike<number>, predicate: (value: number) => boolean) => {
    let count = 0;
    for (let i = 0; i < n; i++) if (predicate(column[i])) count++;
    return count / n;
  };

  it("generateCohort(default) reproduces the functional share within each grade, the grade mix and the ENETS and sex mixes within 0.01-0.02", () => {
    // functional status by grade (issue 11): the share among each grade's patients; binomial SE ≤ sqrt(0.25/n_grade) ≈ 0.01 for the smallest grade
    Grades.forEach((grade, code) => {
      const inGrade = Array.from(cohort.grade).flatMap((g, i) => (g === code ? [cohort.syndrome[i]] : []));
      const functional = inGrade.filter((s) => s !== 0).length / inGrade.length;
      expect(Math.abs(functional - scenario.cohort.functionalShareByGrade![grade]), grade).toBeLessThan(0.03);
    });
    // NEC is never an insulinoma in the default scenario (share 0)
    expect(Array.from(cohort.grade).some((g, i) => g === 3 && cohort.syndrome[i] === 1)).toBe(false);
    Grades.forEach((grade, code) => expect(Math.abs(share(cohort.grade, (g) => g === code) - scenario.cohort.grade[grade])).toBeLessThan(0.01));
    expect(Math.abs(share(cohort.enetsType, (t) => t === 2) - scenario.cohort.enetsType.III)).toBeLessThan(0.01);
    expect(Math.abs(share(cohort.sex, (s) => s === 0) - scenario.cohort.femaleShare)).toBeLessThan(0.01);
  });

  it("generateCohort(default) keeps every value inside its scenario range", () => {
    const outside: number[] = [];
    for (let i = 0; i < n; i++) {
      const range = scenario.cohort.ki67ByGrade[Grades[cohort.grade[i]]];
      const inside =
        cohort.ki67[i] >= range.min &&
        cohort.ki67[i] <= range.max &&
        cohort.age[i] >= scenario.cohort.ageYears.min &&
        cohort.age[i] <= scenario.cohort.ageYears.max &&
        cohort.entryMonths[i] >= 0 &&
        cohort.entryMonths[i] < scenario.followUp.accrualMonths;
      if (!inside) outside.push(i);
    }
    expect(outside).toEqual([]);
  });

  it("generateCohort(default) mean age is within 0.3 years (5 standard errors) of the truncated normal's mean floored to whole years (≈ 54.5)", () => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += cohort.age[i];
    // mean 55, sd 12, truncated to [18, 90] and floored to whole years: mean ≈ 54.5 (floor removes 0.5 on average)
    expect(Math.abs(sum / n - 54.5)).toBeLessThan(0.3);
  });

  it("generateCohort(default) draws grades that agree with the WHO 2022 classification of their Ki-67 and mitoses (whoGrade)", () => {
    const registry = loadRegistry();
    const thresholds = ruleThresholds([...registry.thresholds, ...registry.assumptions]);
    const disagreements: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const patient = patientAt(cohort, i);
      if (whoGrade(patient.ki67, patient.mitoses, patient.differentiation, thresholds) !== Grades[cohort.grade[i]]) disagreements.push(i);
    }
    expect(disagreements).toEqual([]);
  });
});
