import { findRoot } from "../survival/findRoot.js";
import { inverseNormalCdf, upperNormalQuantile } from "../math/inverseNormalCdf.js";
import { standardNormalSurvival } from "../math/standardNormalCdf.js";
import { InputError } from "../util/InputError.js";
import { groupSequentialProbabilities, lowerLimit } from "./groupSequentialProbabilities.js";
import { isSpendingFamily, spentAt, SpendingFamilies, type SpendingFamily } from "./spendingFunction.js";

/**
 * What defines a group-sequential test of H0: θ = 0 against θ > 0 (one-sided) or θ ≠ 0 (two-sided), in
 * rpact's terms (`getDesignGroupSequential`):
 * - `informationRates`: t_1 < … < t_K = 1, the share of the maximum information (for survival: of the
 *   maximum number of events) at each look;
 * - `alpha`: the one-sided level when `sided` is 1, the total two-sided level when `sided` is 2;
 * - `beta`: 1 − the target power (used by β-spending futility bounds and by the design characteristics);
 * - `efficacy`: the rejection bound, from a Lan–DeMets spending function or classical (O'Brien & Fleming
 *   1979, Biometrics 35:549: c_k = C/√t_k; Pocock 1977, Biometrika 64:191: c_k = C);
 * - `futility`: none, non-binding β-spending bounds (one-sided only; Pampallona, Tsiatis & Kim 2001, as
 *   rpact's `typeBetaSpending`), or non-binding bounds given on the z scale (K − 1 values).
 * Non-binding: the efficacy bounds are computed as if the trial never stopped for futility, so α is kept
 * whether or not a futility stop is obeyed.
 */
export interface GroupSequentialSpec {
  readonly informationRates: readonly number[];
  readonly alpha: number;
  readonly beta: number;
  readonly sided: 1 | 2;
  readonly efficacy: EfficacyBoundSpec;
  readonly futility: FutilityBoundSpec | null;
}

export type EfficacyBoundSpec =
  | { readonly kind: "spending"; readonly family: SpendingFamily; readonly gamma: number }
  | { readonly kind: "classical"; readonly shape: "obf" | "pocock" };

export type FutilityBoundSpec =
  | { readonly kind: "spending"; readonly family: SpendingFamily; readonly gamma: number }
  | { readonly kind: "z"; readonly bounds: readonly number[] };

/** The bounds of a group-sequential design (z scale: positive favours the treatment). */
export interface GroupSequentialDesign {
  readonly spec: GroupSequentialSpec;
  readonly looks: number;
  readonly informationRates: readonly number[];
  /** Efficacy bound c_k: reject H0 at look k when Z_k ≥ c_k (two-sided: |Z_k| ≥ c_k). */
  readonly criticalValues: readonly number[];
  /** One-sided nominal p-value of each efficacy bound, 1 − Φ(c_k) (rpact's `stageLevels`). */
  readonly stageLevels: readonly number[];
  /** Cumulative type I error spent by each look (with the non-binding futility bounds ignored). */
  readonly alphaSpent: readonly number[];
  /** Futility bound f_k of looks 1 … K − 1: stop for futility when Z_k < f_k. Null without futility. */
  readonly futilityBounds: readonly number[] | null;
  /** Cumulative type II error spent by each look, β-spending futility only; null otherwise. */
  readonly betaSpent: readonly number[] | null;
}

/** Root tolerance of every bound (rpact uses 1e-8; tighter here so that only rpact's own rounding remains). */
const boundTolerance = 1e-13;

/**
 * The bounds of the group-sequential design `spec`, computed with {@link groupSequentialProbabilities} and
 * root finding ({@link findRoot}) exactly as rpact 3.3.4 defines them:
 *
 *   α-spending:  c_1 = z_{1 − α(t_1)/sided};  c_k solves  Σ_{j≤k} P(cross at j | H0) = α(t_k)
 *   classical:   c_k = C · t_k^{Δ − ½} (Δ = 0 O'Brien–Fleming, ½ Pocock), C solves  Σ_k P(cross at k | H0) = α
 *   β-spending:  for a drift δ, f_1 = z_{β(t_1)} + δ√t_1 and f_k solves Σ_{j≤k} P(Z_j < f_j, continue | δ) = β(t_k);
 *                δ solves f_K(δ) = c_K (the last futility bound meets the last efficacy bound)
 *
 * then α spent from the final bounds. Validates the spec ({@link InputError} naming the field). Cost: a few
 * hundred evaluations of the K-look probabilities: milliseconds without futility, tens of milliseconds
 * with β-spending (nested root searches).
 */
export function groupSequentialDesign(spec: GroupSequentialSpec): GroupSequentialDesign {
  validate(spec);
  const rates = spec.informationRates;
  const looks = rates.length;
  const sided = spec.sided;
  const criticalValues = spec.efficacy.kind === "classical" ? classicalBounds(spec, spec.efficacy.shape === "obf" ? 0 : 0.5) : spendingBounds(spec, spec.efficacy);
  let futilityBounds: number[] | null = null;
  let betaSpent: number[] | null = null;
  if (spec.futility?.kind === "z") {
    futilityBounds = [...spec.futility.bounds];
  } else if (spec.futility?.kind === "spending") {
    const result = betaSpendingBounds(spec, spec.futility, criticalValues);
    futilityBounds = result.futilityBounds.slice(0, looks - 1);
    betaSpent = result.betaSpent;
  }
  const probabilities = groupSequentialProbabilities(sided === 1 ? new Array(looks).fill(lowerLimit) : criticalValues.map((c) => -c), criticalValues, rates);
  const alphaSpent: number[] = [];
  let cumulative = 0;
  for (let k = 0; k < looks; k++) {
    cumulative += probabilities.reached[k] - probabilities.belowUpper[k] + (sided === 2 ? probabilities.belowLower[k] : 0);
    alphaSpent.push(cumulative);
  }
  return {
    spec,
    looks,
    informationRates: [...rates],
    criticalValues,
    stageLevels: criticalValues.map((c) => standardNormalSurvival(c)),
    alphaSpent,
    futilityBounds,
    betaSpent,
  };
}

/** Probability of crossing an efficacy bound by the last of the given looks under H0 (futility ignored). */
function crossingUnderNull(criticalValues: readonly number[], rates: readonly number[], sided: 1 | 2): number {
  const looks = criticalValues.length;
  const lower = sided === 1 ? new Array(looks).fill(lowerLimit) : criticalValues.map((c) => -c);
  const p = groupSequentialProbabilities(lower, criticalValues, rates);
  let total = 0;
  for (let k = 0; k < looks; k++) total += p.reached[k] - p.belowUpper[k] + (sided === 2 ? p.belowLower[k] : 0);
  return total;
}

function spendingBounds(spec: GroupSequentialSpec, efficacy: { readonly family: SpendingFamily; readonly gamma: number }): number[] {
  const rates = spec.informationRates;
  const bounds: number[] = [];
  for (let k = 0; k < rates.length; k++) {
    const spent = spentAt(efficacy.family, spec.alpha, rates[k], spec.sided, efficacy.gamma);
    if (k === 0) {
      bounds.push(upperNormalQuantile(spent / spec.sided));
      continue;
    }
    const partialRates = rates.slice(0, k + 1);
    const f = (c: number) => crossingUnderNull([...bounds, c], partialRates, spec.sided) - spent;
    bounds.push(monotoneRoot(f, 0, 8, false));
  }
  return bounds;
}

function classicalBounds(spec: GroupSequentialSpec, delta: number): number[] {
  const rates = spec.informationRates;
  const shape = rates.map((t) => Math.pow(t, delta - 0.5));
  const scale = monotoneRoot((c) => crossingUnderNull(shape.map((s) => c * s), rates, spec.sided) - spec.alpha, 0, 8, false);
  return shape.map((s) => scale * s);
}

/**
 * Non-binding one-sided β-spending futility bounds for the efficacy bounds `criticalValues`: the drift δ at
 * which the last futility bound meets the last efficacy bound, and the bounds at that drift.
 */
function betaSpendingBounds(spec: GroupSequentialSpec, futility: { readonly family: SpendingFamily; readonly gamma: number }, criticalValues: readonly number[]): { futilityBounds: number[]; betaSpent: number[] } {
  const rates = spec.informationRates;
  const looks = rates.length;
  const betaValues = rates.map((t) => spentAt(futility.family, spec.beta, t, 1, futility.gamma));
  const roots = rates.map(Math.sqrt);
  const boundsAt = (drift: number): number[] => {
    const bounds: number[] = [inverseNormalCdf(betaValues[0]) + roots[0] * drift];
    for (let k = 1; k < looks; k++) {
      const partialRates = rates.slice(0, k + 1);
      const upper = criticalValues.slice(0, k + 1).map((c, j) => c - roots[j] * drift);
      const g = (f: number) => {
        const lower = [...bounds, f].map((b, j) => b - roots[j] * drift);
        const p = groupSequentialProbabilities(lower, upper, partialRates, false);
        let below = 0;
        for (let j = 0; j <= k; j++) below += p.belowLower[j];
        return betaValues[k] - below;
      };
      bounds.push(monotoneRoot(g, -6, 5, false));
    }
    return bounds;
  };
  // The last futility bound rises with the drift. Bracket the drift outwards from the single-look drift
  // z_{1−α/sided} + z_{1−β} (far-off drifts put futility bounds above efficacy bounds, where the
  // continuation regions are empty and the probabilities meaningless), then solve.
  const h = (d: number) => boundsAt(d)[looks - 1] - criticalValues[looks - 1];
  let low = upperNormalQuantile(spec.alpha / spec.sided) + upperNormalQuantile(spec.beta);
  let high = low;
  while (h(low) > 0 && low > -4) low = Math.max(-4, low - 0.5);
  while (h(high) < 0 && high < 10) high = Math.min(10, high + 0.5);
  const drift = monotoneRoot(h, low, high, true);
  const futilityBounds = boundsAt(drift);
  // β spent includes the last look, where the futility bound equals the efficacy bound (accept H0 below it).
  const lower = futilityBounds.map((f, k) => f - roots[k] * drift);
  const upper = criticalValues.map((c, k) => c - roots[k] * drift);
  const p = groupSequentialProbabilities(lower, upper, rates);
  const betaSpent: number[] = [];
  let cumulative = 0;
  for (let k = 0; k < looks; k++) {
    cumulative += p.belowLower[k];
    betaSpent.push(cumulative);
  }
  return { futilityBounds, betaSpent };
}

/**
 * Root of f on [low, high], f increasing (or decreasing); when f does not change sign there, the end beyond
 * which the root lies (the bound is then at the edge of the integration range, where rpact's bisection
 * would leave it too).
 */
function monotoneRoot(f: (x: number) => number, low: number, high: number, increasing: boolean): number {
  const atLow = f(low);
  const atHigh = f(high);
  if (atLow === 0) return low;
  if (atHigh === 0) return high;
  if (atLow * atHigh < 0) return findRoot(f, low, high, boundTolerance);
  return (increasing ? atHigh < 0 : atHigh > 0) ? high : low;
}

function validate(spec: GroupSequentialSpec): void {
  const problems: string[] = [];
  const rates = spec.informationRates;
  if (!Array.isArray(rates) || rates.length < 1 || rates.length > 20) problems.push(`informationRates: expected 1 to 20 increasing values in (0, 1] ending at 1, got ${JSON.stringify(rates)}`);
  else {
    if (!rates.every((t) => typeof t === "number" && Number.isFinite(t) && t > 0 && t <= 1)) problems.push(`informationRates: expected values in (0, 1], got ${JSON.stringify(rates)}`);
    else if (rates.some((t, k) => k > 0 && !(t > rates[k - 1]))) problems.push(`informationRates: expected strictly increasing values, got ${JSON.stringify(rates)}`);
    else if (Math.abs(rates[rates.length - 1] - 1) > 1e-12) problems.push(`informationRates: the last look must be at information rate 1 (the maximum), got ${rates[rates.length - 1]}`);
  }
  if (spec.sided !== 1 && spec.sided !== 2) problems.push(`sided: expected 1 or 2, got ${JSON.stringify(spec.sided)}`);
  if (!(spec.alpha > 0 && spec.alpha < (spec.sided === 2 ? 1 : 0.5))) problems.push(`alpha: expected a level in (0, ${spec.sided === 2 ? 1 : 0.5}), got ${spec.alpha}`);
  if (!(spec.beta > 0 && spec.beta < 1 - spec.alpha / spec.sided)) problems.push(`beta: expected a number in (0, 1 − alpha), got ${spec.beta}`);
  const efficacy = spec.efficacy;
  if (efficacy.kind === "spending") {
    if (!isSpendingFamily(efficacy.family)) problems.push(`spending: expected one of ${SpendingFamilies.join(", ")}, got ${JSON.stringify(efficacy.family)}`);
    if (!Number.isFinite(efficacy.gamma) || efficacy.gamma < -10 || efficacy.gamma > 5) problems.push(`gamma: expected a number in [-10, 5], got ${efficacy.gamma}`);
  } else if (efficacy.shape !== "obf" && efficacy.shape !== "pocock") problems.push(`classical: expected obf or pocock, got ${JSON.stringify(efficacy.shape)}`);
  const futility = spec.futility;
  if (futility !== null) {
    if (spec.sided === 2) problems.push("futility: futility bounds are for one-sided designs (sided 1); rpact 3.3.4 itself marks two-sided beta spending as experimental");
    if (Array.isArray(rates) && rates.length < 2) problems.push("futility: needs at least one interim look");
    if (futility.kind === "spending") {
      if (!isSpendingFamily(futility.family)) problems.push(`futility.spending: expected one of ${SpendingFamilies.join(", ")}, got ${JSON.stringify(futility.family)}`);
      if (!Number.isFinite(futility.gamma) || futility.gamma < -10 || futility.gamma > 5) problems.push(`futility.gamma: expected a number in [-10, 5], got ${futility.gamma}`);
    } else if (Array.isArray(rates) && (futility.bounds.length !== rates.length - 1 || !futility.bounds.every((b) => Number.isFinite(b) && b > -6 && b < 6))) {
      problems.push(`futility.z: expected ${rates.length - 1} numbers in (-6, 6) (one per interim look), got ${JSON.stringify(futility.bounds)}`);
    }
  }
  if (problems.length > 0) throw new InputError(`groupSequentialDesign: invalid design (${problems.length} problem${problems.length === 1 ? "" : "s"})`, problems);
}
