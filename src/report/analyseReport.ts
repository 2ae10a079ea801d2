import { coxPh } from "../analysis/coxPh.js";
import { kaplanMeier } from "../analysis/kaplanMeier.js";
import type { KaplanMeierResult } from "../analysis/KaplanMeierResult.js";
import { logRank } from "../analysis/logRank.js";
import { rmstDifference, rmstFromKaplanMeier, type RmstResult } from "../analysis/rmst.js";
import { numbersAtRisk, survivalAt } from "../analysis/survivalAt.js";
import { niceTimeTicks } from "../figures/niceTimeStep.js";
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

export interface HazardRatioEstimate {
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Wald p-value. */
  readonly p: number | null;
  readonly n: number;
  readonly events: number;
}

export interface EndpointAnalysis {
  readonly km: KaplanMeierResult;
  readonly landmarks: readonly { readonly time: number; readonly survival: number | null; readonly lower: number | null; readonly upper: number | null }[];
  readonly rmst: RmstResult;
  /** Against the reference strategy; null for the reference itself. */
  readonly hazardRatio: HazardRatioEstimate | null;
  readonly rmstDifference: { readonly estimate: number; readonly lower: number; readonly upper: number; readonly p: number } | null;
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
 *   per strategy vs reference: Cox HR (Efron) with Wald CI and p; RMST difference
 *   all strategies: k-group log-rank
 *   primary comparison within each subgroup level: Cox HR
 *
 * The same synthetic patients go through every strategy, so the two arms of a comparison are not
 * independent; the intervals treat them as independent and are therefore conservative for the difference.
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
        hazardRatio: isReference ? null : hazardRatio(reference[which], data, null),
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
          subgroupHazardRatios.push({ subgroup: subgroup.name, level, endpoint, hazardRatio: hazardRatio(reference[endpoint], primaryComparison.strategy[endpoint], keep) });
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

/** Cox hazard ratio of `comparison` against `reference` (Efron ties), over the patients `keep` selects. */
function hazardRatio(reference: ReportEndpointData, comparison: ReportEndpointData, keep: ((i: number) => boolean) | null): HazardRatioEstimate {
  const data = stack([reference, comparison], keep);
  const events = data.event.reduce((sum, e) => sum + e, 0);
  const none = { estimate: null, lower: null, upper: null, p: null, n: data.time.length / 2, events };
  const groups = new Set(data.group);
  if (groups.size < 2 || events === 0) return none;
  const fit = coxPh(data.time, data.event, { group: data.group, groupLevels: ["0", "1"] });
  if (!fit.converged || !Number.isFinite(fit.hazardRatios[0]) || !Number.isFinite(fit.standardErrors[0])) return none;
  return { estimate: fit.hazardRatios[0], lower: fit.lower[0], upper: fit.upper[0], p: fit.p[0], n: data.time.length / 2, events };
}

function rmstAgainst(reference: ReportEndpointData, comparison: ReportEndpointData, tau: number) {
  const data = stack([reference, comparison]);
  const result = rmstDifference(data.time, data.event, data.group, tau, { groupLevels: ["0", "1"] });
  return result.difference;
}

