import { EventRowCursor } from "../analysis/eventRowCursor.js";
import { type EventTimes, eventTimes } from "../analysis/eventTimes.js";
import { kaplanMeierSummary } from "../analysis/kaplanMeierSummary.js";
import { twoGroupEfronCoxFromCounts } from "../analysis/twoGroupEfronCox.js";
import { batchMeansInterval, type MonteCarloInterval } from "./batchMeansInterval.js";
import type { ComparisonBatch } from "./comparisonBatches.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import { type ReplicateSpread, replicateSpread } from "./replicates.js";
import type { SimulationResult } from "./simulate.js";
import { type SummaryTables, comparisonTables } from "./summaryTables.js";

/**
 * A simulated difference between two strategies with the three kinds of uncertainty kept apart:
 * - `monteCarlo` — **Monte Carlo error**: how much the simulation's own randomness (which synthetic patients were
 *   drawn) could move the estimate; paired (the same patients under both strategies), by batch means; it shrinks as
 *   more patients are simulated;
 * - `parameter` — **parameter uncertainty**: the 2.5th–97.5th percentile of the estimate across the probabilistic
 *   sensitivity replicates (the published figures drawn from their ranges); it does not shrink with more patients;
 *   null when no replicates were run;
 * - the spread a real trial of a given size would see is the trial planner's (`pnen-sim power`): see
 *   {@link StrategyComparison.trialPlanner}.
 */
export interface ComparedQuantity {
  readonly estimate: number | null;
  readonly monteCarlo: MonteCarloInterval;
  readonly parameter: { readonly lower: number | null; readonly upper: number | null; readonly replicates: number } | null;
}

/** One endpoint of a comparison. */
export interface EndpointComparison {
  /** Cox hazard ratio, strategy vs reference (Efron ties); null when no patient's simulated outcome differs. */
  readonly hazardRatio: ComparedQuantity | null;
  /** Kaplan–Meier median of the strategy minus the reference's, months; null when either is not reached or nothing differs. */
  readonly medianDifference: ComparedQuantity | null;
  /** The same within the patients whose modelled pathway differs (who the strategy changes); null when there are none. */
  readonly changed: {
    readonly patients: number;
    readonly medians: { readonly reference: number | null; readonly strategy: number | null };
    readonly hazardRatio: ComparedQuantity;
  } | null;
}

/** A strategy against the reference: who it changes and what it changes, with labelled uncertainty. */
export interface StrategyComparison {
  readonly strategy: string;
  readonly reference: string;
  /** Patients whose pathway (the treatments, line by line) differs from the reference's. */
  readonly pathwayDiffers: { readonly patients: number; readonly share: number };
  /**
   * Patients whose pathway differs in a way the outcome model sees: some line follows a different PFS model. Two
   * treatments that share one model (HACE and SIRT: one transarterial figure) change the pathway but not this.
   */
  readonly modelDiffers: { readonly patients: number; readonly share: number };
  /** Treatments swapped by the strategy that share one outcome model, with the figure or assumption they share. */
  readonly sharedModels: readonly { readonly reference: string; readonly strategy: string; readonly source: string }[];
  /** In words, when the comparison cannot show a difference: no pathway differs, or only treatments sharing a model. */
  readonly note: string | null;
  readonly pfs: EndpointComparison;
  readonly os: EndpointComparison;
  /** Where to get the spread a real trial of a given size would see: the trial planner, with a design to start from. */
  readonly trialPlanner: { readonly note: string; readonly design: Readonly<Record<string, unknown>> };
}

const round = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(4)));

/**
 * Whole-data estimates of a paired comparison from the two strategies' event times: the rows of their pooled
 * two-group event table (R's timefix over both) are read twice without building the table — the rows with events,
 * at risk and events per group (4-byte counts), for the Efron Cox model (rows without events add nothing to its
 * score or information), then each group's Kaplan–Meier median.
 */
function wholeEstimates(reference: EventTimes, other: EventTimes): { logHazardRatio: number | null; medians: [number | null, number | null] } {
  if (reference.events.length + reference.censored.length === 0) return { logHazardRatio: null, medians: [null, null] };
  const capacity = reference.events.length + other.events.length;
  const nRisk = new Uint32Array(2 * capacity);
  const nEvent = new Uint32Array(2 * capacity);
  let rows = 0;
  const cursor = new EventRowCursor([reference, other]);
  while (cursor.next()) {
    if (cursor.nEvent[0]! + cursor.nEvent[1]! === 0) continue;
    nRisk[2 * rows] = cursor.nRisk[0]!;
    nRisk[2 * rows + 1] = cursor.nRisk[1]!;
    nEvent[2 * rows] = cursor.nEvent[0]!;
    nEvent[2 * rows + 1] = cursor.nEvent[1]!;
    rows++;
  }
  const fit = twoGroupEfronCoxFromCounts(rows, nRisk, nEvent);
  const median = (g: number) => kaplanMeierSummary(new EventRowCursor([reference, other]), g, []).median.estimate;
  return { logHazardRatio: fit === null ? null : fit.logHazardRatio, medians: [median(0), median(1)] };
}

/** A hazard ratio and its Monte Carlo interval from the whole-data log HR and the batches. */
function hazardRatioQuantity(logHazardRatio: number | null, batches: readonly ComparisonBatch[]): ComparedQuantity {
  const mc = batchMeansInterval(logHazardRatio, batches.map((b) => ({ patients: b.patients, value: b.logHazardRatio })), { transform: Math.exp });
  return { estimate: round(logHazardRatio === null ? null : Math.exp(logHazardRatio)), monteCarlo: { ...mc, lower: round(mc.lower), upper: round(mc.upper), standardError: round(mc.standardError) }, parameter: null };
}

/**
 * Every strategy of a run against the reference (issue 12): who the strategy changes — the share of patients whose
 * pathway differs, and whose pathway differs in a way the outcome model sees — and, per endpoint, the hazard ratio
 * and the difference in median survival over all patients and within those it changes, each with its Monte Carlo
 * error (paired batch means over the 4,096-patient blocks, see {@link comparisonBatches} and
 * {@link batchMeansInterval}). Parameter uncertainty is added from the PSA replicates by
 * {@link withParameterUncertainty}. A comparison in which nothing the model sees differs says so (`note`) and has no
 * hazard ratio, instead of an HR of 1.000.
 *
 *   pathway codes ─► pathway / model differs (signature of each compiled pathway) ─► masks
 *   per endpoint:  whole data ─ Efron Cox, KM medians          ─► estimates
 *                  batches of 512 within blocks ─ same, paired ─► batch means ─► Monte Carlo intervals
 *
 * Browser-safe. O(strategies × n log n).
 */
export function strategyComparisons(result: SimulationResult): StrategyComparison[] {
  const referenceIndex = result.strategies.indexOf(result.referenceStrategy);
  const range = { first: 0, count: result.n, grade: result.cohort.grade, outcomes: result.outcomes, pathwayLabels: result.pathwayLabels };
  const comparisons = result.strategies.map((_, s) => (s === referenceIndex ? null : comparisonTables(range, referenceIndex, s, result.model)));
  const perStrategy = result.outcomes.map((o) => ({ pfs: eventTimes(o.pfsMonths, o.pfsEvent, 0, result.n), os: eventTimes(o.osMonths, o.osEvent, 0, result.n) }));
  return comparisonsFromTables({ n: result.n, strategies: result.strategies, referenceStrategy: result.referenceStrategy, perStrategy, comparisons }, result.model, result.scenario.name);
}

/**
 * {@link strategyComparisons} from a run's summary tables (src/simulate `summaryTables`, merged over workers or
 * shards): the same numbers, byte for byte. Of `perStrategy` only the event times are read. O(strategies × distinct
 * times + batches).
 */
export function comparisonsFromTables(
  tables: Pick<SummaryTables, "n" | "strategies" | "referenceStrategy" | "comparisons"> & { readonly perStrategy: readonly { readonly pfs: EventTimes; readonly os: EventTimes }[] },
  model: OutcomeModel,
  scenarioName: string,
): StrategyComparison[] {
  const n = tables.n;
  const referenceIndex = tables.strategies.indexOf(tables.referenceStrategy);
  return tables.strategies.flatMap((strategy, s): StrategyComparison[] => {
    const c = tables.comparisons[s];
    if (c === null || c === undefined) return [];
    const pathwayCount = c.pathwayDiffers;
    const modelCount = c.modelDiffers;
    const swapped = new Map<string, { reference: string; strategy: string }>();
    for (const keys of c.swaps) {
      if (swapped.size >= 20) break;
      for (const key of keys) {
        const [reference, strategy] = key.split("|");
        swapped.set(key, { reference: reference!, strategy: strategy! });
      }
    }
    const sharedModels = [...swapped.values()]
      .filter((pair) => model.parameters.treatments[pair.reference] !== undefined && model.parameters.treatments[pair.strategy] !== undefined && model.parameters.treatments[pair.reference].pfsSource === model.parameters.treatments[pair.strategy].pfsSource)
      .map((pair) => ({ ...pair, source: model.parameters.treatments[pair.reference].pfsSource }));
    const percent = (count: number) => `${Number(((100 * count) / n).toPrecision(3))}%`;
    const note = pathwayCount === 0
      ? `No patient's pathway differs from the reference's: the two strategies are the same for this cohort, so there is no difference to estimate.`
      : modelCount === 0
        ? `The pathway differs for ${percent(pathwayCount)} of patients, but only by treatments that share one outcome model (${sharedModels.map((m) => `${m.reference} and ${m.strategy}: ${m.source}`).join("; ") || "the same PFS model"}), so the simulated outcomes are identical: the model cannot tell these strategies apart.`
        : null;
    const endpoint = (which: "pfs" | "os"): EndpointComparison => {
      if (modelCount === 0) return { hazardRatio: null, medianDifference: null, changed: null };
      const e = c[which];
      const whole = wholeEstimates(tables.perStrategy[referenceIndex]![which], tables.perStrategy[s]![which]);
      const batches = e.batches;
      const difference = whole.medians[0] === null || whole.medians[1] === null ? null : whole.medians[1] - whole.medians[0];
      const mcDifference = batchMeansInterval(difference, batches.map((b) => ({ patients: b.patients, value: b.medianDifference })));
      const sub = wholeEstimates(e.changedReference, e.changedStrategy);
      return {
        hazardRatio: hazardRatioQuantity(whole.logHazardRatio, batches),
        medianDifference: difference === null ? null : { estimate: round(difference), monteCarlo: { ...mcDifference, lower: round(mcDifference.lower), upper: round(mcDifference.upper), standardError: round(mcDifference.standardError) }, parameter: null },
        changed: { patients: modelCount, medians: { reference: round(sub.medians[0]), strategy: round(sub.medians[1]) }, hazardRatio: hazardRatioQuantity(sub.logHazardRatio, e.changedBatches) },
      };
    };
    const endpointName = "pfs";
    return [{
      strategy,
      reference: tables.referenceStrategy,
      pathwayDiffers: { patients: pathwayCount, share: round(pathwayCount / n)! },
      modelDiffers: { patients: modelCount, share: round(modelCount / n)! },
      sharedModels,
      note,
      pfs: endpoint("pfs"),
      os: endpoint("os"),
      trialPlanner: {
        note: `The spread of hazard ratios a real trial of a given size would see (its confidence interval, its power) is the trial planner's: save the design below as a file and run 'pnen-sim power --design FILE' (the strategies become the arms, simulated by the engine), or '--target-power 0.8' for the sample size.`,
        design: {
          description: `${strategy} vs ${tables.referenceStrategy} as a two-arm trial, ${endpointName.toUpperCase()} (scenario ${scenarioName}); accrual, follow-up and n are placeholders to adapt`,
          scenario: scenarioName,
          arms: [
            { label: tables.referenceStrategy, strategy: tables.referenceStrategy, endpoint: endpointName },
            { label: strategy, strategy, endpoint: endpointName },
          ],
          n: 300,
          accrual: { months: 24 },
          followUpMonths: 24,
          test: "logrank",
          alpha: 0.05,
          sims: 1000,
          seed: 1,
        },
      },
    }];
  });
}

/**
 * Adds parameter uncertainty to comparisons from the probabilistic sensitivity replicates' spread (src/simulate
 * `summariseReplicates`): the 2.5th–97.5th percentile of each strategy's hazard ratio, and of its median difference
 * from the reference (from the replicates' own summaries). Pure; O(strategies × replicates).
 */
export function withParameterUncertainty(
  comparisons: readonly StrategyComparison[],
  replicates: { readonly strategies: readonly { readonly strategy: string; readonly pfsHazardRatio: ReplicateSpread | null; readonly osHazardRatio: ReplicateSpread | null }[] },
  medianDifferences: Readonly<Record<string, Readonly<Record<"pfs" | "os", ReplicateSpread>>>> = {},
): StrategyComparison[] {
  return comparisons.map((c) => {
    const spread = replicates.strategies.find((s) => s.strategy === c.strategy);
    const add = (which: "pfs" | "os"): EndpointComparison => {
      const e = c[which];
      const hr = which === "pfs" ? spread?.pfsHazardRatio : spread?.osHazardRatio;
      const difference = medianDifferences[c.strategy]?.[which];
      return {
        ...e,
        hazardRatio: e.hazardRatio === null ? null : { ...e.hazardRatio, parameter: hr === null || hr === undefined ? null : { lower: hr.p2_5, upper: hr.p97_5, replicates: hr.replicates } },
        medianDifference: e.medianDifference === null ? null : { ...e.medianDifference, parameter: difference === undefined ? null : { lower: difference.p2_5, upper: difference.p97_5, replicates: difference.replicates } },
      };
    };
    return { ...c, pfs: add("pfs"), os: add("os") };
  });
}

/**
 * Per strategy and endpoint, the spread across PSA replicates of its median minus the reference's median (each
 * replicate's own summary), for {@link withParameterUncertainty}. Replicates where either median is not reached are
 * left out. O(strategies × replicates log replicates).
 */
export function replicateMedianDifferences(summaries: readonly { readonly referenceStrategy: string; readonly strategies: readonly { readonly strategy: string; readonly pfs: { readonly median: { readonly estimate: number | null } }; readonly os: { readonly median: { readonly estimate: number | null } } }[] }[]): Record<string, Record<"pfs" | "os", ReplicateSpread>> {
  const out: Record<string, Record<"pfs" | "os", ReplicateSpread>> = {};
  if (summaries.length === 0) return out;
  for (const { strategy } of summaries[0].strategies) {
    if (strategy === summaries[0].referenceStrategy) continue;
    const differences = (which: "pfs" | "os") =>
      summaries.map((summary) => {
        const mine = summary.strategies.find((s) => s.strategy === strategy)?.[which].median.estimate ?? null;
        const reference = summary.strategies.find((s) => s.strategy === summary.referenceStrategy)?.[which].median.estimate ?? null;
        return mine === null || reference === null ? null : mine - reference;
      });
    out[strategy] = { pfs: replicateSpread(differences("pfs")), os: replicateSpread(differences("os")) };
  }
  return out;
}
