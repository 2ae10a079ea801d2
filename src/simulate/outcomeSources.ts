import { SurvivalAssumptionId } from "../survival/index.js";

/**
 * Where every number of the outcome model comes from: an evidence-figure id (the review's own figure) or an
 * assumption id in data/assumptions/simulation.json (a labelled choice where the review gives none).
 *
 * `pfsMedian` is the median progression-free survival of a line of that treatment on a cohort given only that
 * treatment; `osMedian`, where the review reports one, is the overall-survival median the post-progression
 * survival is calibrated to reach (the "sum-of-lines" structure only). `trialPfsMedian`, where there is one, is
 * the primary randomised trial's figure, which the "trials" evidence set uses instead of `pfsMedian` (scenario
 * field `evidence`): CAPTEM E2211 22.7, surufatinib SANET-p 10.9, everolimus RADIANT-3 11.0, sunitinib A6181111
 * 11.4, best supportive care RADIANT-3 placebo 4.6 months. Treatments of kind "symptom" (glucose, PPI) take no
 * time and have no entry.
 */
export const treatmentOutcomeSources: Readonly<Record<string, { readonly pfsMedian: string; readonly osMedian?: string; readonly trialPfsMedian?: string }>> = Object.freeze({
  /** §1.5, ref. 24: direct resection of metastatic pNET, median PFS 12 months. */
  radicalResection: { pfsMedian: "directResection.pfs.median" },
  stagedResection: { pfsMedian: "directResection.pfs.median" },
  debulking: { pfsMedian: "simulation.debulking.pfs.median" },
  primaryResection: { pfsMedian: "simulation.primaryResection.pfs.median" },
  liverTransplant: { pfsMedian: "simulation.liverTransplant.pfs.median" },
  ablation: { pfsMedian: "simulation.ablation.pfs.median" },
  hae: { pfsMedian: "simulation.transarterial.pfs.median" },
  hace: { pfsMedian: "simulation.transarterial.pfs.median" },
  sirt: { pfsMedian: "simulation.transarterial.pfs.median" },
  /** §1.5, ref. 24: conversion therapy then resection, median PFS 22 months (vs 12 direct). */
  conversionTherapy: { pfsMedian: "conversionThenResection.pfs.median" },
  /** §3.1, refs. 35–37: CAPTEM, median PFS 29 months. */
  captem: { pfsMedian: "captem.pfs.median", trialPfsMedian: "external.e2211.captem.pfs.median" },
  temozolomide: { pfsMedian: "simulation.temozolomide.pfs.median" },
  platinumEtoposide: { pfsMedian: "simulation.platinumEtoposide.pfs.median" },
  /** §3.2, ref. 46: everolimus, median OS 44 months (PFS not given by the review). */
  everolimus: { pfsMedian: "simulation.everolimus.pfs.median", osMedian: "everolimus.os.median", trialPfsMedian: "external.radiant3.everolimus.pfs.median" },
  /** §3.2, refs. 41–42: sunitinib, median PFS 15.3 and OS 47.5 months. */
  sunitinib: { pfsMedian: "sunitinib.pfs.median", osMedian: "sunitinib.os.median", trialPfsMedian: "external.sun1111.sunitinib.pfs.median" },
  /** §3.2, refs. 43–44: surufatinib, median PFS 9.2–10.9 months (a range: parameter uncertainty). */
  surufatinib: { pfsMedian: "surufatinib.pfs.median", trialPfsMedian: "surufatinib.pfs.median.pancreatic" },
  prrt: { pfsMedian: "simulation.prrt.pfs.median" },
  ssa: { pfsMedian: "simulation.ssa.pfs.median" },
  interferonSsa: { pfsMedian: "simulation.interferonSsa.pfs.median" },
  bestSupportiveCare: { pfsMedian: "simulation.bestSupportiveCare.pfs.median", trialPfsMedian: "external.radiant3.placebo.pfs.median" },
});

/**
 * The assumptions of the outcome model other than the per-treatment medians: shapes, the share of PFS events
 * that are deaths, the default post-progression survival, and the patient-factor hazard ratios.
 */
export const outcomeAssumptionSources = Object.freeze({
  /** Weibull shape of progression-free survival on every line (survival.json: a median alone does not identify it). */
  pfsShape: SurvivalAssumptionId.weibullShapeWhenOnlyMedian,
  /** Weibull shape of post-progression survival (survival.json). */
  ppsShape: SurvivalAssumptionId.postProgressionWeibullShape,
  /** Median post-progression survival after a treatment with no OS figure to calibrate to. */
  ppsMedian: "simulation.pps.median",
  /** Share of PFS events that are deaths without progression. */
  deathShare: SurvivalAssumptionId.deathShareOfPfsEvents,
  /** Hazard ratio of progression per line after the first (line k after the first: this to the power k). */
  hrLaterLine: "simulation.hr.laterLine",
  /** Hazard ratios of patient factors (on progression and on post-progression death unless noted). */
  hrGradeG2: "simulation.hr.grade.G2",
  hrGradeG3: "simulation.hr.grade.G3",
  hrGradeNec: "simulation.hr.grade.NEC",
  hrKi67Per10: "simulation.hr.ki67.per10points",
  hrFunctional: "simulation.hr.functional",
  hrEnetsII: "simulation.hr.enets.II",
  hrEnetsIII: "simulation.hr.enets.III",
  hrExtrahepatic: "simulation.hr.extrahepatic",
  /** On the PFS of a debulking line when the expected cytoreduction reaches the debulking threshold (§1.1, refs. 15–16). */
  hrDebulkingEffective: "simulation.hr.debulking.cytoreduction70",
  /** On post-progression survival only. */
  hrComorbidity: "simulation.hr.comorbidity",
  hrInadequateReserve: "simulation.hr.inadequateLiverReserve",
  hrAgePer10Years: "simulation.hr.age.per10years",
  /** The age the age hazard ratio is relative to. */
  ageReference: "simulation.hr.age.reference",
});
export type OutcomeAssumptionName = keyof typeof outcomeAssumptionSources;

/**
 * The assumptions of the sequencing structure (data/assumptions/structure.json, issue 11): post-progression death
 * rates by grade group (fitted by `npm run calibrate` to the external OS targets), the on-treatment death ratio,
 * the next-line probabilities (attrition), the gap between lines, the frailty variance, and the registry's
 * calibration seed and cohort size.
 */
export const sequencingAssumptionSources = Object.freeze({
  ppsRateLowGrade: "outcome.pps.rate.lowGrade",
  ppsRateG3: "outcome.pps.rate.G3",
  ppsRateNec: "outcome.pps.rate.NEC",
  onTreatmentDeathRatio: "outcome.onTreatmentDeathRatio",
  nextLineLowGrade: "outcome.nextLine.lowGrade",
  nextLineG3: "outcome.nextLine.G3",
  nextLineNec: "outcome.nextLine.NEC",
  nextLineDecline: "outcome.nextLine.decline",
  gapMonths: "outcome.gapMonths",
  frailtyLogVariance: "outcome.frailty.logVariance",
  calibrationSeed: "outcome.calibration.seed",
  calibrationCohortSize: "outcome.calibration.cohortSize",
});
export type SequencingAssumptionName = keyof typeof sequencingAssumptionSources;

/** The outcome-model structures (scenario field `structure`): the sequencing model (default) or the earlier sum of planned lines. */
export const OutcomeStructures = ["sequencing", "sum-of-lines"] as const;
export type OutcomeStructure = (typeof OutcomeStructures)[number];

/** The evidence sets a treatment's PFS can come from: the review's figure (default) or a primary randomised trial's. */
export const EvidenceSets = ["review", "trials"] as const;
export type EvidenceSet = (typeof EvidenceSets)[number];

/** The default life table for deaths from other causes (data/evidence/lifeTables.json). */
export const defaultLifeTable = "us-2014";

/** The debulking threshold (review §1.1): expected cytoreduction ≥ this percent. */
export const debulkingThresholdSource = "debulking.cytoreduction.min";
