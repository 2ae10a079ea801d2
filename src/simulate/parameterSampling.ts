import type { ConfidenceInterval } from "../evidence/EvidenceFigure.js";
import type { PopulationSpec } from "../evidence/PopulationSpec.js";
import { inverseNormalCdf, upperNormalQuantile } from "../math/inverseNormalCdf.js";

/** A figure or assumption as far as its draw in a probabilistic sensitivity analysis is concerned. */
export interface SampledRecord {
  readonly id: string;
  readonly value?: number;
  readonly low?: number;
  readonly high?: number;
  readonly unit?: string;
  readonly endpoint?: string;
  readonly ci?: ConfidenceInterval;
  readonly events?: number;
  readonly populationSpec?: PopulationSpec;
}

/**
 * How a number of the registry is drawn in a replicate of a probabilistic sensitivity analysis (PSA):
 * - "uniform" on [low, high]: a range (the review's 9.2–10.9 months for surufatinib, every assumption's range). When
 *   the record also has a base `value` (`mode`), the draw is uniform on [low, value] with probability ½ and on
 *   [value, high] with probability ½, so that the base case is the median of the draws (a range that is symmetric
 *   about its value is exactly uniform; many are not: a hazard ratio 1.5 in 1.2–2.0, symmetric on the log scale,
 *   drawn plainly uniformly would centre the replicates on 1.6 and shift every replicate's outcome the same way); a
 *   value at an end of its range (a bound by design) keeps the plain uniform;
 * - "logNormal": a median (or a hazard ratio) the source reports with its sampling uncertainty: log X ~
 *   N(meanlog, sdlog²), meanlog = ln(value), and sdlog from (`basis`)
 *   · "ci": the reported confidence interval, (ln upper − ln lower)/(2·z), z = Φ⁻¹((1 + level)/2) (1.96 for 95%);
 *   · "events": d events behind a median: 1/√d, the standard error of a log median under an exponential model
 *     (λ̂ = d/exposure, var(ln λ̂) = 1/d; Machin, Cheung & Parmar, Survival Analysis: A Practical Approach, 2nd ed.,
 *     Wiley 2006, pp. 67–68);
 *   · "n": only the number of patients: d taken as n/2 (the events a median needs when no one is censored
 *     before it), so sdlog = √(2/n) — within 2% of the asymptotic SE of the log of a sample median of exponential
 *     times, 1/(ln 2·√n) (var(median) = 1/(4n·f(m)²), f(m) = ln 2/(2m); Brookmeyer & Crowley 1982,
 *     doi:10.2307/2530286, for the censored case);
 * - "fixed": a single value without a range, CI, events or n (it contributes no parameter uncertainty).
 *
 * Precedence: a range, then a CI, then events, then n. Only medians (endpoint "median …") and hazard ratios are
 * drawn from a CI, events or n: a proportion with a CI stays fixed (its spread is not log-normal). The model's
 * whole curves are drawn from their fit's covariance instead (see resolveOutcomeParameters). Pure; O(1).
 */
export type ParameterSampling =
  | { readonly kind: "fixed"; readonly value: number }
  | { readonly kind: "uniform"; readonly low: number; readonly high: number; readonly mode?: number }
  | { readonly kind: "logNormal"; readonly meanlog: number; readonly sdlog: number; readonly basis: "ci" | "events" | "n" };

/** See {@link ParameterSampling}. */
export function parameterSampling(record: SampledRecord): ParameterSampling | null {
  if (record.low !== undefined && record.high !== undefined) {
    const mode = record.value;
    return mode === undefined || mode === (record.low + record.high) / 2 || !(mode > record.low && mode < record.high)
      ? { kind: "uniform", low: record.low, high: record.high }
      : { kind: "uniform", low: record.low, high: record.high, mode };
  }
  const value = record.value;
  if (value === undefined) return null;
  const logScale = value > 0 && /^median\b|hazard ratio/i.test(record.endpoint ?? "");
  if (logScale && record.ci !== undefined) {
    const z = upperNormalQuantile((1 - record.ci.level) / 2);
    return { kind: "logNormal", meanlog: Math.log(value), sdlog: (Math.log(record.ci.upper) - Math.log(record.ci.lower)) / (2 * z), basis: "ci" };
  }
  const median = logScale && /^median\b/i.test(record.endpoint ?? "");
  if (median && record.events !== undefined) return { kind: "logNormal", meanlog: Math.log(value), sdlog: 1 / Math.sqrt(record.events), basis: "events" };
  const n = record.populationSpec?.n;
  if (median && n !== undefined) return { kind: "logNormal", meanlog: Math.log(value), sdlog: Math.sqrt(2 / n), basis: "n" };
  return { kind: "fixed", value };
}

/**
 * A draw from a sampling with one uniform u in [0, 1) (inverse transform: the same u always gives the same value,
 * so replicate r of a seed draws the same parameters). A fixed value ignores u. O(1).
 */
export function drawParameter(sampling: ParameterSampling, uniform: number): number {
  if (sampling.kind === "uniform") {
    if (sampling.mode === undefined) return sampling.low + uniform * (sampling.high - sampling.low);
    // the base value is the median: each half of the probability spread evenly over its side of the range
    return uniform < 0.5 ? sampling.low + 2 * uniform * (sampling.mode - sampling.low) : sampling.mode + (2 * uniform - 1) * (sampling.high - sampling.mode);
  }
  if (sampling.kind === "logNormal") return Math.exp(sampling.meanlog + sampling.sdlog * inverseNormalCdf(uniform > 0 ? uniform : 1.1102230246251565e-16));
  return sampling.value;
}

/** How one evidence figure behind the outcome model is drawn in a PSA replicate, for tables and the methods text. */
export interface ParameterSamplingRow {
  /** The figure id. */
  readonly id: string;
  /** The treatments it drives. */
  readonly treatments: readonly string[];
  readonly endpoint: "pfs" | "os";
  /** The base-case value (for a curve: its fitted median), months. */
  readonly value: number;
  /** "fixed", "uniform", "logNormal", or "curve" (the fit's parameters from their multivariate normal). */
  readonly distribution: "fixed" | "uniform" | "logNormal" | "curve";
  /** Where the spread comes from: "range", "ci", "events", "n", "fit covariance"; null when fixed. */
  readonly basis: "range" | "ci" | "events" | "n" | "fit covariance" | null;
  /** The 2.5% and 97.5% points of the value's draw (for a curve, of its median over 2,000 draws); null when fixed. */
  readonly low: number | null;
  readonly high: number | null;
}

/**
 * The PSA sampling of every figure that drives a treatment of `parameters` (its PFS source, and its OS source in
 * the sum-of-lines structure), one row per figure, in treatment order: see {@link parameterSampling}. A curve's
 * median interval comes from 2,000 draws of its parameters (fixed seed: the table is deterministic); `curveMedian`
 * gives the median of one draw. Pure; O(figures + 2,000 per curve).
 */
export function parameterSamplingRows(
  parameters: { readonly treatments: Readonly<Record<string, { readonly pfsSource: string; readonly osSource: string | null; readonly osMedian: number | null; readonly pfsMedian: number }>> },
  lookup: (id: string) => SampledRecord,
  curveMedianInterval: (figureId: string) => readonly [number, number] | null,
  structure: "sequencing" | "sum-of-lines",
): ParameterSamplingRow[] {
  const rows = new Map<string, { row: Omit<ParameterSamplingRow, "treatments">; treatments: string[] }>();
  for (const [treatment, outcome] of Object.entries(parameters.treatments)) {
    const sources: { id: string; endpoint: "pfs" | "os"; value: number }[] = [{ id: outcome.pfsSource, endpoint: "pfs", value: outcome.pfsMedian }];
    if (structure === "sum-of-lines" && outcome.osSource !== null && outcome.osMedian !== null) sources.push({ id: outcome.osSource, endpoint: "os", value: outcome.osMedian });
    for (const source of sources) {
      const known = rows.get(source.id);
      if (known !== undefined) {
        known.treatments.push(treatment);
        continue;
      }
      const curve = source.endpoint === "pfs" ? curveMedianInterval(source.id) : null;
      let row: Omit<ParameterSamplingRow, "treatments">;
      if (curve !== null) row = { id: source.id, endpoint: source.endpoint, value: source.value, distribution: "curve", basis: "fit covariance", low: curve[0], high: curve[1] };
      else {
        const sampling = parameterSampling(lookup(source.id));
        if (sampling === null || sampling.kind === "fixed") row = { id: source.id, endpoint: source.endpoint, value: source.value, distribution: "fixed", basis: null, low: null, high: null };
        else {
          const distribution = sampling.kind;
          row = { id: source.id, endpoint: source.endpoint, value: source.value, distribution, basis: sampling.kind === "uniform" ? "range" : sampling.basis, low: drawParameter(sampling, 0.025), high: drawParameter(sampling, 0.975) };
        }
      }
      rows.set(source.id, { row, treatments: [treatment] });
    }
  }
  return [...rows.values()].map(({ row, treatments }) => ({ ...row, treatments }));
}
