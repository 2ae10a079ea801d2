import type { EvidenceRegistry } from "../evidence/EvidenceRegistry.js";
import { InputError } from "../util/InputError.js";
import type { CohortSpec } from "./Scenario.js";

const grades = ["G1", "G2", "G3", "NEC"] as const;
const types = ["I", "II", "III"] as const;

/**
 * The registry's reference cohort: every patient characteristic drawn from the labelled assumptions of
 * data/assumptions/cohort.json (the numbers data/scenarios/default.json also names in its `sources`), with no
 * scenario involved. It is the base that {@link populationCohortSpec} narrows to a figure's population when a
 * treatment is calibrated, so that calibration is a property of the registry and never of the scenario being
 * simulated. Functional status by grade comes from `cohort.functional.<grade>.share`. Throws an InputError
 * listing every missing assumption. O(fields).
 */
export function referenceCohortSpec(registry: EvidenceRegistry, size = 20_000): CohortSpec {
  const problems: string[] = [];
  const value = (id: string): number => {
    try {
      const a = registry.assumption(id);
      if (a.value !== undefined) return a.value;
      if (a.low !== undefined && a.high !== undefined) return (a.low + a.high) / 2;
      problems.push(`${id}: no value`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    return NaN;
  };
  const range = (id: string): { min: number; max: number } => {
    try {
      const a = registry.assumption(id);
      if (a.low !== undefined && a.high !== undefined) return { min: a.low, max: a.high };
      problems.push(`${id}: expected a low-high range`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    return { min: NaN, max: NaN };
  };
  const byGrade = <T>(f: (g: (typeof grades)[number]) => T) => Object.fromEntries(grades.map((g) => [g, f(g)])) as Record<(typeof grades)[number], T>;
  const byType = <T>(f: (t: (typeof types)[number]) => T) => Object.fromEntries(types.map((t) => [t, f(t)])) as Record<(typeof types)[number], T>;
  const syndrome = { insulinoma: value("cohort.syndrome.insulinoma.share"), gastrinoma: value("cohort.syndrome.gastrinoma.share"), other: value("cohort.syndrome.other.share") };
  const spec: CohortSpec = {
    size,
    ageYears: { mean: value("cohort.age.mean"), sd: value("cohort.age.sd"), min: value("cohort.age.min"), max: value("cohort.age.max") },
    femaleShare: value("cohort.female.share"),
    primarySite: { head: value("cohort.primarySite.head.share"), body: value("cohort.primarySite.body.share"), tail: value("cohort.primarySite.tail.share") },
    functionalShare: value("cohort.functional.G2.share"),
    functionalSyndrome: syndrome,
    functionalShareByGrade: byGrade((g) => value(`cohort.functional.${g}.share`)),
    grade: byGrade((g) => value(`cohort.grade.${g}.share`)),
    ki67ByGrade: byGrade((g) => range(`cohort.ki67.${g}`)),
    mitosesByGrade: byGrade((g) => range(`cohort.mitoses.${g}`)),
    enetsType: byType((t) => value(`cohort.enets.${t}.share`)),
    lesionCountByType: byType((t) => range(`cohort.lesionCount.${t}`)),
    largestLesionCmByType: byType((t) => range(`cohort.largestLesion.${t}`)),
    liverInvolvementPctByType: byType((t) => range(`cohort.involvement.${t}`)),
    extrahepaticDiseaseShare: value("cohort.extrahepatic.share"),
    adequateLiverReserveShare: value("cohort.liverReserve.adequate.share"),
    seriousComorbidityShare: value("cohort.comorbidity.serious.share"),
    sstrPositiveByGrade: byGrade((g) => value(`cohort.sstr.${g}.share`)),
    primaryResectedShare: value("cohort.primaryResected.share"),
    primarySymptomaticShare: value("cohort.primarySymptomatic.share"),
    monthsStable: range("cohort.monthsStable"),
    expectedCytoreductionPct: range("cohort.expectedCytoreduction"),
  };
  if (problems.length > 0) throw new InputError(`reference cohort: ${problems.length} assumption${problems.length === 1 ? "" : "s"} missing from data/assumptions/cohort.json`, problems);
  return spec;
}
