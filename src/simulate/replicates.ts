import type { Scenario } from "../cohort/Scenario.js";
import { subStream } from "../random/index.js";
import { calibrateOutcomeModel } from "./calibrateOutcomeModel.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import { resolveOutcomeParameters } from "./OutcomeParameters.js";
import { type SimulateOptions, simulate } from "./simulate.js";
import type { SimulationContext, StrategyLike } from "./SimulationContext.js";
import { type SimulationSummary, summarise } from "./summarise.js";

/**
 * The outcome model of PSA replicate `replicate` (1, 2, …): every number with a range in the registry (the
 * surufatinib median 9.2–10.9, the assumed medians, hazard ratios, shapes, …) drawn uniformly from its range
 * from the sub-stream (seed, "replicate", r), then calibrated on the same calibration cohort as the base case.
 * The patients stay the same (common random numbers), so the spread across replicates is parameter
 * uncertainty only.
 */
export function replicateModel(scenario: Scenario, context: Pick<SimulationContext, "registry">, seed: number | string, replicate: number): OutcomeModel {
  const parameters = resolveOutcomeParameters(context.registry, { kind: "draw", source: subStream(seed, "replicate", replicate) }, scenario.evidence);
  return calibrateOutcomeModel(parameters, scenario, seed);
}

/** ReplicateSpread of one quantity across replicates. */
export interface ReplicateSpread {
  readonly replicates: number;
  readonly mean: number | null;
  readonly sd: number | null;
  /** 2.5th, 50th and 97.5th percentiles (type 7, as R's quantile default). */
  readonly p2_5: number | null;
  readonly p50: number | null;
  readonly p97_5: number | null;
}

const round = (x: number) => Number(x.toFixed(4));

/** The spread of values (nulls, e.g. medians not reached, are left out). O(n log n). */
export function replicateSpread(values: readonly (number | null)[]): ReplicateSpread {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return { replicates: 0, mean: null, sd: null, p2_5: null, p50: null, p97_5: null };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  const quantile = (p: number) => {
    const h = (n - 1) * p;
    const low = Math.floor(h);
    return xs[low] + (h - low) * ((xs[Math.min(low + 1, n - 1)] ?? xs[low]) - xs[low]);
  };
  return { replicates: n, mean: round(mean), sd: round(sd), p2_5: round(quantile(0.025)), p50: round(quantile(0.5)), p97_5: round(quantile(0.975)) };
}

/** Per strategy, the spread across replicates of the median PFS and OS and of the hazard ratios. */
export interface ReplicateSummary {
  readonly replicates: number;
  readonly strategies: readonly {
    readonly strategy: string;
    readonly pfsMedian: ReplicateSpread;
    readonly osMedian: ReplicateSpread;
    readonly pfsHazardRatio: ReplicateSpread | null;
    readonly osHazardRatio: ReplicateSpread | null;
  }[];
}

/** Summarises the per-replicate summaries of a probabilistic sensitivity analysis. */
export function summariseReplicates(summaries: readonly SimulationSummary[]): ReplicateSummary {
  const strategies = summaries.length === 0 ? [] : summaries[0].strategies.map((s) => s.strategy);
  return {
    replicates: summaries.length,
    strategies: strategies.map((strategy, s) => {
      const rows = summaries.map((summary) => summary.strategies[s]);
      const isReference = rows[0].pfs.hazardRatio === null;
      return {
        strategy,
        pfsMedian: replicateSpread(rows.map((r) => r.pfs.median.estimate)),
        osMedian: replicateSpread(rows.map((r) => r.os.median.estimate)),
        pfsHazardRatio: isReference ? null : replicateSpread(rows.map((r) => r.pfs.hazardRatio?.estimate ?? null)),
        osHazardRatio: isReference ? null : replicateSpread(rows.map((r) => r.os.hazardRatio?.estimate ?? null)),
      };
    }),
  };
}

/**
 * A probabilistic sensitivity analysis in this thread: `replicates` runs of the same patients, each with its
 * parameters drawn from their ranges ({@link replicateModel}), summarised per run and then across runs.
 * O(replicates × simulate).
 */
export function simulateReplicates<S extends StrategyLike, T>(
  scenario: Scenario,
  strategies: readonly S[],
  options: SimulateOptions & { readonly replicates: number },
  context: SimulationContext<S, T>,
): { readonly summaries: readonly SimulationSummary[]; readonly spread: ReplicateSummary } {
  const seed = options.seed ?? scenario.seed;
  const summaries: SimulationSummary[] = [];
  for (let r = 1; r <= options.replicates; r++) {
    summaries.push(summarise(simulate(scenario, strategies, { ...options, seed, model: replicateModel(scenario, context, seed, r) }, context)));
  }
  return { summaries, spread: summariseReplicates(summaries) };
}
