import { coxPh, kaplanMeier, logRank, rmstFromKaplanMeier, type CoxResult, type KaplanMeierResult, type LogRankResult, type RmstResult } from "../engine/analysis/index.js";
import type { HazardRatioAnnotation, KmCurveInput, SurvivalEndpoint as Endpoint } from "../engine/figures/index.js";
import type { SimulationResult } from "../engine/simulate/index.js";

/** One strategy's row of the comparison table. */
export interface ComparisonRow {
  readonly strategy: string;
  readonly name: string;
  readonly n: number;
  readonly events: number;
  readonly median: number | null;
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
  /** Cox hazard ratio against the reference strategy (null for the reference itself). */
  readonly hazardRatio: number | null;
  readonly hazardRatioLower: number | null;
  readonly hazardRatioUpper: number | null;
  readonly rmst: number | null;
  readonly rmstLower: number | null;
  readonly rmstUpper: number | null;
}

/** Everything the Compare page shows for one endpoint. */
export interface EndpointComparison {
  readonly endpoint: Endpoint;
  readonly reference: string;
  readonly curves: readonly KmCurveInput[];
  readonly km: readonly KaplanMeierResult[];
  readonly logRank: LogRankResult | null;
  readonly cox: CoxResult | null;
  readonly rmst: readonly (RmstResult | null)[];
  readonly hazardRatios: readonly HazardRatioAnnotation[];
  readonly rows: readonly ComparisonRow[];
}

/** The time and event columns of one strategy for one endpoint. */
export function endpointColumns(result: SimulationResult, strategyIndex: number, endpoint: Endpoint): { time: Float64Array; event: Uint8Array } {
  const columns = result.outcomes[strategyIndex]!;
  return endpoint === "pfs" ? { time: columns.pfsMonths, event: columns.pfsEvent } : { time: columns.osMonths, event: columns.osEvent };
}

/**
 * Compares the strategies of a simulation on one endpoint with the library's survival analysis (src/analysis):
 * a Kaplan–Meier curve per strategy, the k-group log-rank test, a Cox model with the strategy as a factor
 * (reference level first, so its hazard ratios are each strategy against the reference), and the RMST at
 * `tau`. No statistics are computed here; this only stacks the columns the functions take.
 *
 * `withCox` is off on the Cohort page, whose redraw budget is 200 ms. Cost O(k n log n) plus the Cox fit.
 */
export function compareEndpoint(
  result: SimulationResult,
  endpoint: Endpoint,
  options: { readonly names?: ReadonlyMap<string, string>; readonly tau?: number; readonly withCox?: boolean; readonly withLogRank?: boolean } = {},
): EndpointComparison {
  const ids = result.strategies;
  const reference = result.referenceStrategy;
  const name = (id: string) => options.names?.get(id) ?? id;
  const columns = ids.map((_, s) => endpointColumns(result, s, endpoint));
  const km = columns.map(({ time, event }) => kaplanMeier(time, event));
  const rmst = km.map((k) => (options.tau !== undefined && k.n > 0 ? rmstFromKaplanMeier(k, options.tau) : null));

  let logRankResult: LogRankResult | null = null;
  let cox: CoxResult | null = null;
  if (ids.length > 1 && (options.withLogRank !== false || options.withCox === true)) {
    const n = result.n;
    const time = new Float64Array(n * ids.length);
    const event = new Uint8Array(n * ids.length);
    const group: string[] = new Array(n * ids.length);
    columns.forEach((c, s) => {
      time.set(c.time, s * n);
      event.set(c.event, s * n);
      group.fill(ids[s]!, s * n, (s + 1) * n);
    });
    const levels = [reference, ...ids.filter((id) => id !== reference)];
    if (options.withLogRank !== false) logRankResult = logRank(time, event, group, { groupLevels: levels });
    if (options.withCox === true) cox = coxPh(time, event, { group, groupLevels: levels });
  }

  const hazardRatioOf = (id: string) => {
    if (cox === null || id === reference) return null;
    const k = cox.terms.indexOf(`group=${id}`);
    return k < 0 ? null : { estimate: cox.hazardRatios[k]!, lower: cox.lower[k]!, upper: cox.upper[k]! };
  };
  const rows = ids.map((id, s): ComparisonRow => {
    const hr = hazardRatioOf(id);
    const r = rmst[s];
    return {
      strategy: id,
      name: name(id),
      n: km[s]!.n,
      events: km[s]!.events,
      median: km[s]!.median.estimate,
      medianLower: km[s]!.median.lower,
      medianUpper: km[s]!.median.upper,
      hazardRatio: hr?.estimate ?? null,
      hazardRatioLower: hr?.lower ?? null,
      hazardRatioUpper: hr?.upper ?? null,
      rmst: r?.estimate ?? null,
      rmstLower: r?.lower ?? null,
      rmstUpper: r?.upper ?? null,
    };
  });
  const hazardRatios = rows
    .filter((row) => row.hazardRatio !== null)
    .map((row) => ({ comparison: `${row.name} vs ${name(reference)}`, estimate: row.hazardRatio!, lower: row.hazardRatioLower!, upper: row.hazardRatioUpper! }));
  const curves = ids.map((id, s) => ({ label: name(id), km: km[s]! }));
  return { endpoint, reference, curves, km, logRank: logRankResult, cox, rmst, hazardRatios, rows };
}
