import type { CohortColumns } from "./CohortColumns.js";
import { Differentiations, EnetsTypes, type Patient, PrimarySites, Sexes, Syndromes } from "./Patient.js";

/** A Patient whose fields can be overwritten: the reusable view the simulation hands to the rules. */
export type PatientView = { -readonly [K in keyof Patient]: Patient[K] };

/** A fresh view to be filled by {@link loadPatient}. */
export function createPatientView(): PatientView {
  return {
    age: 0,
    sex: "female",
    primarySite: "head",
    syndrome: "none",
    ki67: 0,
    mitoses: 0,
    differentiation: "well",
    enetsType: "I",
    lesionCount: 1,
    largestLesionCm: 0,
    liverInvolvementPct: 0,
    extrahepaticDisease: false,
    adequateLiverReserve: true,
    seriousComorbidity: false,
    sstrPositive: false,
    primaryResected: false,
    monthsStable: 0,
    expectedCytoreductionPct: 0,
    primarySymptomatic: false,
  };
}

/**
 * Overwrites `view` with patient `index` of the cohort and returns it: no allocation, so the simulation's
 * inner loop can ask the rules about millions of patients through one object.
 */
export function loadPatient(columns: CohortColumns, index: number, view: PatientView): PatientView {
  view.age = columns.age[index];
  view.sex = Sexes[columns.sex[index]];
  view.primarySite = PrimarySites[columns.primarySite[index]];
  view.syndrome = Syndromes[columns.syndrome[index]];
  view.ki67 = columns.ki67[index];
  view.mitoses = columns.mitoses[index];
  view.differentiation = Differentiations[columns.differentiation[index]];
  view.enetsType = EnetsTypes[columns.enetsType[index]];
  view.lesionCount = columns.lesionCount[index];
  view.largestLesionCm = columns.largestLesionCm[index];
  view.liverInvolvementPct = columns.liverInvolvementPct[index];
  view.extrahepaticDisease = columns.extrahepaticDisease[index] === 1;
  view.adequateLiverReserve = columns.adequateLiverReserve[index] === 1;
  view.seriousComorbidity = columns.seriousComorbidity[index] === 1;
  view.sstrPositive = columns.sstrPositive[index] === 1;
  view.primaryResected = columns.primaryResected[index] === 1;
  view.monthsStable = columns.monthsStable[index];
  view.expectedCytoreductionPct = columns.expectedCytoreductionPct[index];
  view.primarySymptomatic = columns.primarySymptomatic[index] === 1;
  return view;
}

/**
 * {@link loadPatient} bound to one cohort, its columns read once (faster in a loop over many patients):
 * `const load = patientLoader(columns); load(i, view)`.
 */
export function patientLoader(columns: CohortColumns): (index: number, view: PatientView) => PatientView {
  const { age, sex, primarySite, syndrome, ki67, mitoses, differentiation, enetsType, lesionCount, largestLesionCm, liverInvolvementPct } = columns;
  const { extrahepaticDisease, adequateLiverReserve, seriousComorbidity, sstrPositive, primaryResected, monthsStable, expectedCytoreductionPct, primarySymptomatic } = columns;
  return (index, view) => {
    view.age = age[index];
    view.sex = Sexes[sex[index]];
    view.primarySite = PrimarySites[primarySite[index]];
    view.syndrome = Syndromes[syndrome[index]];
    view.ki67 = ki67[index];
    view.mitoses = mitoses[index];
    view.differentiation = Differentiations[differentiation[index]];
    view.enetsType = EnetsTypes[enetsType[index]];
    view.lesionCount = lesionCount[index];
    view.largestLesionCm = largestLesionCm[index];
    view.liverInvolvementPct = liverInvolvementPct[index];
    view.extrahepaticDisease = extrahepaticDisease[index] === 1;
    view.adequateLiverReserve = adequateLiverReserve[index] === 1;
    view.seriousComorbidity = seriousComorbidity[index] === 1;
    view.sstrPositive = sstrPositive[index] === 1;
    view.primaryResected = primaryResected[index] === 1;
    view.monthsStable = monthsStable[index];
    view.expectedCytoreductionPct = expectedCytoreductionPct[index];
    view.primarySymptomatic = primarySymptomatic[index] === 1;
    return view;
  };
}

/** Patient `index` of the cohort as a new frozen object (for display and tests; the hot path uses {@link loadPatient}). */
export function patientAt(columns: CohortColumns, index: number): Patient {
  return Object.freeze({ ...loadPatient(columns, index, createPatientView()) });
}
