import { coxPh } from "../analysis/coxPh.js";
import { kaplanMeier } from "../analysis/kaplanMeier.js";
import type { KaplanMeierResult } from "../analysis/KaplanMeierResult.js";
import { logRank } from "../analysis/logRank.js";
import { rmstDifference, rmstFromKaplanMeier, type RmstResult } from "../analysis/rmst.js";
import { numbersAtRisk, survivalAt } from "../analysis/survivalAt.js";
import { niceTimeTicks } from "../figures/niceTimeStep.js";
import { batchMeansInterval } from "../simulate/batchMeansInterval.js";
import { comparisonBatches } from "../simulate/comparisonBatches.js";
import type { ReportEndpointData, ReportInput, ReportStrategy } from "./ReportInput.js";

export const ReportEndpoints = ["pfs", "os"] as const;
export type ReportEndpoint = (typeof ReportEndpoints)[number];

export interface ReportOptions {
  /** Landmark times for survival, months. Default 12, 24, 60. */
  readonly landmarks?: readonly number[];
  /** RMST horizon, months. Default 60. */
  readonly tau?: number;
  /** Times of the numbers-at-risk table. Default: round steps to the end of follow-up. */
  readonly atRiskTimes?: readonly number[];
}

/**
 * A hazard ratio of a strategy against the reference (Cox, Efron ties) with its 95% Monte Carlo interval: the
 * simulation's own randomness, paired (the same patients under both strategies), by batch means over the
 * 4,096-patient blocks (src/simulate comparisonBatches) — not a confidence interval of a trial.
 */
export interface HazardRatioEstimate {
  readonly estimate: number | null;
  /** 95% Monte Carlo interval. */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Monte Carlo standard error of log HR. */
  readonly standardError: number | null;
  readonly n: number;
  readonly events: number;
  /** Patients (of those compared) whose pathway differs between the two strategies; 0: no hazard ratio (nothing differs). */
  readonly pathwayDiffers: number;
}

export interface EndpointAnalysis {
  readonly km: KaplanMeierResult;
  readonly landmarks: readonly { readonly time: number; readonly survival: number | null; readonly lower: number | null; readonly upper: number | null }[];
  readonly rmst: RmstResult;
  /** Against the reference strategy; null for the reference itself. */
  readonly hazardRatio: HazardRatioEstimate | null;
  /** RMST of the strategy minus the reference's, with its 95% Monte Carlo interval (paired batch means). */
  readonly rmstDifference: { readonly estimate: number; readonly lower: number | null; readonly upper: number | null } | null;
  readonly atRisk: readonly number[];
}

export interface StrategyAnalysis {
  readonly strategy: ReportStrategy;
  readonly pfs: EndpointAnalysis;
  readonly os: EndpointAnalysis;
}

export interface SubgroupHazardRatio {
  readonly subgroup: string;
  readonly level: string;
  readonly endpoint: ReportEndpoint;
  readonly hazardRatio: HazardRatioEstimate;
}

export interface ReportAnalysis {
  readonly landmarks: readonly number[];
  readonly tau: number;
  readonly atRiskTimes: readonly number[];
  readonly strategies: readonly StrategyAnalysis[];
  readonly reference: StrategyAnalysis;
  /** k-group log-rank test across all strategies, per endpoint. */
  readonly logRank: Readonly<Record<ReportEndpoint, { readonly chiSquare: number; readonly df: number; readonly p: number }>>;
  /** The comparison the subgroup hazard ratios are for: the first strategy that is not the reference. */
  readonly primaryComparison: StrategyAnalysis | null;
  readonly subgroupHazardRatios: readonly SubgroupHazardRatio[];
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The statistics of the report, all from src/analysis (R survival compatible):
 *
 *   per strategy × endpoint: Kaplan–Meier (log CI) → median, landmarks, numbers at risk, RMST(tau)
 *   per strategy vs reference: Cox HR (Efron) and RMST difference, each with its Monte Carlo interval
 *   all strategies: k-group log-rank
 *   primary comparison within each subgroup level: Cox HR with its Monte Carlo interval
 *
 * The same synthetic patients go through every strategy (common random numbers), so the two arms of a comparison
 * are paired: the intervals of differences are Monte Carlo intervals by paired batch means over the 4,096-patient
 * blocks (src/simulate comparisonBatches, batchMeansInterval), not Wald intervals that would treat the arms as
 * independent (3–9 times too wide, and narrowing with the simulated n as if it were evidence).
 * Pure. Runs in O(strategies × n log n + subgroups × n log n).
 */
export function analyseReport(input: ReportInput, options: ReportOptions = {}): ReportAnalysis {
  if (input.strategies.length === 0) throw new Error("analyseReport requires at least one strategy");
  const referenceIndex = input.strategies.findIndex((s) => s.id === input.referenceStrategy);
  if (referenceIndex < 0) throw new Error(`analyseReport: reference strategy '${input.referenceStrategy}' is not among ${input.strategies.map((s) => s.id).join(", ")}`);
  const landmarks = [...(options.landmarks ?? [12, 24, 60])];
  const tau = options.tau ?? 60;
  const longest = Math.max(...input.strategies.flatMap((s) => [maxOf(s.pfs.time), maxOf(s.os.time)]));
  const atRiskTimes = [...(options.atRiskTimes ?? niceTimeTicks(Math.min(longest, Math.max(tau, 60) * 2)))];
  const reference = input.strategies[referenceIndex];

  const analyse = (strategy: ReportStrategy): StrategyAnalysis => {
    const endpoint = (which: ReportEndpoint): EndpointAnalysis => {
      const data = strategy[which];
      const km = kaplanMeier(data.time, data.event);
      const at = survivalAt(km, landmarks, { extend: false });
      const byTime = new Map(Array.from(at.time, (t, i) => [t, i]));
      const isReference = strategy.id === reference.id;
      return {
        km,
        landmarks: landmarks.map((time) => {
          const i = byTime.get(time);
          return i === undefined ? { time, survival: null, lower: null, upper: null } : { time, survival: at.survival[i], lower: finiteOrNull(at.lower[i]), upper: finiteOrNull(at.upper[i]) };
        }),
        rmst: rmstFromKaplanMeier(km, tau),
        hazardRatio: isReference ? null : hazardRatio(reference[which], data, null, pathwaysDiffer(reference, strategy)),
        rmstDifference: isReference ? null : rmstAgainst(reference[which], data, tau),
        atRisk: Array.from(numbersAtRisk(km, atRiskTimes)),
      };
    };
    return { strategy, pfs: endpoint("pfs"), os: endpoint("os") };
  };
  const strategies = input.strategies.map(analyse);
  const logRankOf = (which: ReportEndpoint) => {
    if (input.strategies.length < 2) return { chiSquare: 0, df: 0, p: 1 };
    const stacked = stack(input.strategies.map((s) => s[which]));
    const test = logRank(stacked.time, stacked.event, stacked.group, { groupLevels: input.strategies.map((_, i) => String(i)) });
    return { chiSquare: test.chiSquare, df: test.df, p: test.p };
  };
  const primaryComparison = strategies.find((s) => s.strategy.id !== reference.id) ?? null;
  const subgroupHazardRatios: SubgroupHazardRatio[] = [];
  if (primaryComparison !== null) {
    for (const subgroup of input.subgroups) {
      subgroup.levels.forEach((level, code) => {
        for (const endpoint of ReportEndpoints) {
          const keep = (i: number) => subgroup.codes[i] === code;
          subgroupHazardRatios.push({ subgroup: subgroup.name, level, endpoint, hazardRatio: hazardRatio(reference[endpoint], primaryComparison.strategy[endpoint], keep, pathwaysDiffer(reference, primaryComparison.strategy)) });
        }
      });
    }
  }
  return {
    landmarks,
    tau,
    atRiskTimes,
    strategies,
    reference: strategies[referenceIndex],
    logRank: { pfs: logRankOf("pfs"), os: logRankOf("os") },
    primaryComparison,
    subgroupHazardRatios,
  };
}

function maxOf(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

/** Arms stacked into one data set with a group code per record (0, 1, …). */
function stack(arms: readonly ReportEndpointData[], keep: ((i: number) => boolean) | null = null): { time: Float64Array; event: Uint8Array; group: string[] } {
  const time: number[] = [];
  const event: number[] = [];
  const group: string[] = [];
  arms.forEach((arm, g) => {
    for (let i = 0; i < arm.time.length; i++) {
      if (keep !== null && !keep(i)) continue;
      time.push(arm.time[i]);
      event.push(arm.event[i]);
      group.push(String(g));
    }
  });
  return { time: Float64Array.from(time), event: Uint8Array.from(event), group };
}

/** Per patient, 1 when the two strategies' pathways differ (their labels, since the strategies may index different label lists). */
function pathwaysDiffer(a: ReportStrategy, b: ReportStrategy): Uint8Array {
  return Uint8Array.from({ length: a.pathway.length }, (_, i) => (a.pathwayLabels[a.pathway[i]] === b.pathwayLabels[b.pathway[i]] ? 0 : 1));
}

/**
 * Cox hazard ratio of `comparison` against `reference` (Efron ties), over the patients `keep` selects, with its Monte
 * Carlo interval; no estimate when no compared patient's pathway differs (the strategies are the same for them).
 */
function hazardRatio(reference: ReportEndpointData, comparison: ReportEndpointData, keep: ((i: number) => boolean) | null, differs: Uint8Array): HazardRatioEstimate {
  const data = stack([reference, comparison], keep);
  const events = data.event.reduce((sum, e) => sum + e, 0);
  let pathwayDiffers = 0;
  for (let i = 0; i < differs.length; i++) if (differs[i] === 1 && (keep === null || keep(i))) pathwayDiffers++;
  const none = { estimate: null, lower: null, upper: null, standardError: null, n: data.time.length / 2, events, pathwayDiffers };
  const groups = new Set(data.group);
  if (groups.size < 2 || events === 0 || pathwayDiffers === 0) return none;
  const fit = coxPh(data.time, data.event, { group: data.group, groupLevels: ["0", "1"] });
  if (!fit.converged || !Number.isFinite(fit.hazardRatios[0]) || !Number.isFinite(fit.standardErrors[0])) return none;
  const mask = keep === null ? null : Uint8Array.from({ length: reference.time.length }, (_, i) => (keep(i) ? 1 : 0));
  const batches = comparisonBatches(reference, comparison, 0, reference.time.length, mask);
  const mc = batchMeansInterval(fit.coefficients[0], batches.map((b) => ({ patients: b.patients, value: b.logHazardRatio })), { transform: Math.exp });
  return { estimate: fit.hazardRatios[0], lower: mc.lower, upper: mc.upper, standardError: mc.standardError, n: data.time.length / 2, events, pathwayDiffers };
}

/** RMST difference (comparison − reference) to tau with its Monte Carlo interval (paired batch means). */
function rmstAgainst(reference: ReportEndpointData, comparison: ReportEndpointData, tau: number) {
  const data = stack([reference, comparison]);
  const estimate = rmstDifference(data.time, data.event, data.group, tau, { groupLevels: ["0", "1"] }).difference.estimate;
  const batches = comparisonBatches(reference, comparison, 0, reference.time.length, null, tau);
  const mc = batchMeansInterval(estimate, batches.map((b) => ({ patients: b.patients, value: b.rmstDifference })));
  return { estimate, lower: mc.lower, upper: mc.upper };
}

