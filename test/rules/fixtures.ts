import type { Patient } from "../../src/cohort/Patient.js";
import { loadRuleThresholds, loadStrategies } from "../../src/io/loadStrategies.js";
import { explainPathway, type Strategy } from "../../src/rules/index.js";

/** The rules' thresholds from data/ (thresholds.json and assumptions/rules.json, via the evidence registry). */
export const thresholds = loadRuleThresholds();
export const strategies = loadStrategies();
export const strategy = (id: string): Strategy => {
  const found = strategies.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no strategy ${id}`);
  return found;
};
export const review = strategy("review");

/**
 * A fit, non-functional, well-differentiated G2 NET of the pancreatic body with ENETS type I liver
 * metastases, SSTR-negative: the review's radical-resection candidate. Tests change one field at a time.
 */
export const basePatient: Patient = Object.freeze({
  age: 52,
  sex: "female",
  primarySite: "body",
  syndrome: "none",
  ki67: 5,
  mitoses: 1,
  differentiation: "well",
  enetsType: "I",
  lesionCount: 2,
  largestLesionCm: 4,
  liverInvolvementPct: 10,
  extrahepaticDisease: false,
  adequateLiverReserve: true,
  seriousComorbidity: false,
  sstrPositive: false,
  primaryResected: false,
  monthsStable: 0,
  expectedCytoreductionPct: 0,
});

export const patient = (changes: Partial<Patient> = {}): Patient => ({ ...basePatient, ...changes });

/** Treatment ids of the pathway, in order. */
export const treatments = (p: Patient, s: Strategy = review): string[] => explainPathway(p, s, thresholds).pathway.map((step) => step.treatment);
/** Did this rule fire for this patient? */
export const fired = (p: Patient, rule: string, s: Strategy = review): boolean | undefined =>
  explainPathway(p, s, thresholds).trace.find((entry) => entry.rule === rule)?.fired;
