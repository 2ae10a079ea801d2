import type { Reference, SourceDocument } from "../evidence/Reference.js";
import type { CalibrationEntry } from "../simulate/calibrationReport.js";
import type { ParameterSamplingRow } from "../simulate/parameterSampling.js";
import type { ReportValidation } from "./validationSection.js";
import type { StrategyComparison } from "../simulate/strategyComparisons.js";

/**
 * Everything the report needs from a simulation run, in plain columns — the contract between the engine
 * (src/simulate, adapted by `reportInputFromSimulation`) and the pure report builders. A test can make one
 * by hand.
 */
export interface ReportInput {
  readonly packageVersion: string;
  readonly scenario: ReportScenario;
  /** Id of the strategy hazard ratios and RMST differences are computed against. */
  readonly referenceStrategy: string;
  /** Every strategy, same patients in the same order (common random numbers). */
  readonly strategies: readonly ReportStrategy[];
  /** Patient subgroups for the forest plot: one code per patient, shared by all strategies. */
  readonly subgroups: readonly ReportSubgroup[];
  /** The calibration table: target figures against simulated single-treatment medians. */
  readonly calibration: readonly ReportCalibrationRow[];
  /** Per-replicate parameter draws and medians (probabilistic sensitivity analysis); empty without replicates. */
  readonly replicates: readonly ReportReplicate[];
  /** The review every figure comes from. */
  readonly source: SourceDocument | null;
  /** The references of the evidence figures the run used, with their DOIs, by review number. */
  readonly references: readonly Reference[];
  /** Outside sources (with DOIs where given) behind the labelled assumptions the run used, de-duplicated. */
  readonly assumptionSources: readonly { readonly text: string; readonly doi: string | null; readonly assumptions: readonly string[] }[];
  /** Treatment names by id ("captem" → "CAPTEM"), for pathway labels in words. */
  readonly treatmentNames: Readonly<Record<string, string>>;
  /** Treatments that only control symptoms (kind "symptom"): left out of the line-of-treatment figures. */
  readonly symptomTreatments: readonly string[];
  /** The command line that made the report, for the provenance line. */
  readonly command: string;
  /** The outcome model's structure and evidence (issue 11); absent in reports made before it. */
  readonly outcomeModel?: ReportOutcomeModel;
  /** Per strategy: share starting each line and the line-1/line-2 PFS correlation (src/simulate sequencingSummary). */
  readonly sequencing?: readonly ReportSequencingRow[];
  /** External evidence behind the model (data/evidence/external.json) used by the run: citation, DOI, figure ids. */
  readonly externalSources?: readonly { readonly text: string; readonly doi: string | null; readonly figures: readonly string[] }[];
  /** Medians under both structures, when the report was asked to compare them (`--compare-structures`). */
  readonly structureComparison?: readonly ReportStructureRow[];
  /**
   * How each figure behind the treatments used is drawn in a PSA replicate (treatments in words): uniform on a range,
   * log-normal from a CI, events or n, a curve from its fit's covariance, or fixed (src/simulate parameterSampling).
   */
  readonly parameterUncertainty?: readonly ParameterSamplingRow[];
  /** Illustrative example records (evidenceSet "example") the run used: not evidence, and the report says so. */
  readonly exampleFigures?: readonly string[];
  /**
   * Each strategy against the reference (src/simulate strategyComparisons): who it changes, and its hazard ratios with
   * parameter uncertainty from the replicates. Absent: the report shows the Monte Carlo error only, and no "who
   * changes" table.
   */
  readonly comparisons?: readonly StrategyComparison[];
  /** Emulated published trials beside their results, when the report was asked to validate (`--validate`). */
  readonly validation?: ReportValidation;
}

/** The outcome model in words for the methods section. */
export interface ReportOutcomeModel {
  readonly structure: "sequencing" | "sum-of-lines";
  /** "review", "trials" or "mixed", and the treatments on trial figures. */
  readonly evidenceSet: string;
  readonly trialTreatments: readonly string[];
  /** Labelled sequencing numbers, in words (next-line probabilities, gap, frailty, post-progression rates, life table). */
  readonly sequencingLines: readonly string[];
}

export interface ReportSequencingRow {
  readonly strategy: string;
  readonly lineShares: readonly number[];
  readonly spearmanOverall: number | null;
  readonly spearmanWithinGrade: number | null;
  readonly pairs: number;
}

export interface ReportStructureRow {
  readonly structure: "sequencing" | "sum-of-lines";
  readonly strategy: string;
  readonly pfsMedian: number | null;
  readonly osMedian: number | null;
}

export interface ReportScenario {
  readonly name: string;
  readonly description: string;
  /** Content hash of the scenario: "sha256:" and the hex SHA-256 of its canonical JSON. */
  readonly hash: string;
  readonly seed: number | string;
  readonly n: number;
  readonly replicates: number;
  /** One line per input distribution for the methods: "Functional tumours 57.1% (functional.share.china; review ref. 2)". */
  readonly distributions: readonly string[];
  /** One sentence on accrual, follow-up and censoring. */
  readonly followUp: string;
  /** One line per treatment outcome model: "CAPTEM: PFS median 29 months (captem.pfs.median; refs 35, 36), Weibull shape 1.2 (assumption …)". */
  readonly outcomeModels: readonly string[];
}

export interface ReportEndpointData {
  /** Months from the start of treatment to the event or censoring. */
  readonly time: Float64Array;
  /** 1 = event observed, 0 = censored. */
  readonly event: Uint8Array;
}

export interface ReportStrategy {
  readonly id: string;
  /** Name in words: "Review (Lu et al. 2025)". */
  readonly label: string;
  readonly description?: string;
  readonly pfs: ReportEndpointData;
  readonly os: ReportEndpointData;
  /** Pathway of each patient as an index into `pathwayLabels`; labels join lines with ">" and steps with "+". */
  readonly pathway: ArrayLike<number>;
  readonly pathwayLabels: readonly string[];
}

export interface ReportSubgroup {
  /** "WHO grade", "Functional status", "ENETS type". */
  readonly name: string;
  readonly levels: readonly string[];
  /** Index into `levels`, one per patient. */
  readonly codes: ArrayLike<number>;
}

/** A calibration target of the engine (see `calibrationReport`), as the report tables it. */
export type ReportCalibrationRow = Pick<CalibrationEntry, "id" | "treatment" | "endpoint" | "target" | "simulated" | "lower" | "upper" | "measure" | "population" | "range" | "role" | "landmarks" | "curve">;

export interface ReportReplicate {
  /** The parameter values drawn for this replicate, by name in words (e.g. "CAPTEM median PFS (months)"). */
  readonly parameters: Readonly<Record<string, number>>;
  /** Median PFS and OS of each strategy in this replicate (null when not reached), by strategy id. */
  readonly medians: Readonly<Record<string, { readonly pfs: number | null; readonly os: number | null }>>;
}
