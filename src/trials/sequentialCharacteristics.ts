import { findRoot } from "../survival/findRoot.js";
import { upperNormalQuantile } from "../math/inverseNormalCdf.js";
import { groupSequentialProbabilities, lowerLimit } from "./groupSequentialProbabilities.js";
import type { GroupSequentialDesign } from "./groupSequentialDesign.js";

/**
 * What happens to trials run under a group-sequential design when the statistic has drift δ: E[Z_k] =
 * δ √t_k, where δ = θ √I_max is the standardised effect at the maximum information (for a log-rank test
 * with D events and allocation ratio r, δ = |log HR| √(D r) / (1 + r), Schoenfeld's drift).
 */
export interface SequentialOutcomeProbabilities {
  readonly drift: number;
  /** P(stop at look k rejecting H0), per look (upper tail; two-sided designs add the lower tail when `bothTails`). */
  readonly rejection: readonly number[];
  /** Cumulative rejection probability by each look; the last is the power (or α at drift 0). */
  readonly cumulativeRejection: readonly number[];
  /** P(stop at look k for futility), looks 1 … K − 1 (zeros without futility bounds). */
  readonly futility: readonly number[];
  /** P(stop at look k for any reason), every look (the last takes the rest: 1 − Σ of the earlier). */
  readonly stopping: readonly number[];
  /** E[information at the stopping look] / I_max (rpact's average sample number per unit of maximum information). */
  readonly expectedInformationRate: number;
}

export interface OutcomeOptions {
  /** Two-sided designs: count rejections in either tail (rpact's getPowerSurvival) or only the upper (its design characteristics). */
  readonly bothTails: boolean;
  /** Use efficacy bounds above 7.5 as 7.5 (rpact's design characteristics do; its power calculation does not). */
  readonly limitBounds: boolean;
}

/**
 * Rejection, futility and stopping probabilities at drift δ by {@link groupSequentialProbabilities}:
 * futility bounds (sided 1) are obeyed (as rpact computes power under a non-binding futility rule). O(K ·
 * 91²).
 */
export function sequentialOutcomeProbabilities(design: GroupSequentialDesign, drift: number, options: OutcomeOptions): SequentialOutcomeProbabilities {
  const { looks, informationRates: rates, spec } = design;
  const critical = design.criticalValues.map((c) => (options.limitBounds && c > 7.5 ? 7.5 : c));
  const shift = rates.map((t) => drift * Math.sqrt(t));
  const futility = design.futilityBounds;
  const lower =
    spec.sided === 2
      ? critical.map((c, k) => -c - shift[k])
      : critical.map((_, k) => (k < looks - 1 && futility !== null && futility[k] > lowerLimit ? futility[k] - shift[k] : lowerLimit));
  const upper = critical.map((c, k) => c - shift[k]);
  const p = groupSequentialProbabilities(lower, upper, rates);
  const rejection: number[] = [];
  const cumulativeRejection: number[] = [];
  const futilityStops: number[] = [];
  const stopping: number[] = [];
  let cumulative = 0;
  let expected = 1;
  let earlier = 0;
  for (let k = 0; k < looks; k++) {
    const upperCrossing = p.reached[k] - p.belowUpper[k];
    const reject = upperCrossing + (spec.sided === 2 && options.bothTails ? p.belowLower[k] : 0);
    rejection.push(reject);
    cumulative += reject;
    cumulativeRejection.push(cumulative);
    if (k < looks - 1) {
      const futile = spec.sided === 1 && futility !== null && futility[k] > lowerLimit ? p.belowLower[k] : 0;
      futilityStops.push(futile);
      // rpact's average sample number counts every exit below the lower bound (≈ 0 without futility).
      const stop = upperCrossing + p.belowLower[k];
      expected -= stop * (rates[looks - 1] - rates[k]);
      stopping.push(reject + futile);
      earlier += reject + futile;
    } else {
      stopping.push(1 - earlier);
    }
  }
  return { drift, rejection, cumulativeRejection, futility: futilityStops, stopping, expectedInformationRate: expected };
}

/**
 * rpact's design characteristics (`getDesignCharacteristics`) of a group-sequential design.
 */
export interface SequentialCharacteristics {
  /** (z_{1−α/sided} + z_{1−β})²: the squared drift a single-look test needs for power 1 − β. */
  readonly fixedDriftSquared: number;
  /** The squared drift δ² at which the sequential design has power 1 − β (rpact's `shift`). */
  readonly shift: number;
  /** shift / fixedDriftSquared: how much more maximum information than a single-look trial. */
  readonly inflationFactor: number;
  /** Under the alternative (drift √shift): rejection, futility and stopping by look. */
  readonly alternative: SequentialOutcomeProbabilities;
  /** Under H0 (drift 0). */
  readonly null: SequentialOutcomeProbabilities;
  /** Expected information relative to the single-look trial, under H1 and H0 (rpact's averageSampleNumber1 / 0). */
  readonly expectedInformationH1: number;
  readonly expectedInformationH0: number;
}

/**
 * The drift for power 1 − β and the expected information under H0 and H1:
 *
 *   shift solves  P(reject | δ = √shift) = 1 − β   (upper tail; efficacy bounds above 7.5 taken as 7.5)
 *   inflation factor = shift / (z_{1−α/sided} + z_{1−β})²
 *   expected information under H = shift · (1 − Σ_{k<K} P_H(stop at k) (1 − t_k)) / (z_{1−α/sided} + z_{1−β})²
 *
 * Multiply by a single-look trial's events to get the maximum and expected events. Cost: one root search
 * (≈ 10–30 evaluations of the K-look probabilities).
 */
export function sequentialCharacteristics(design: GroupSequentialDesign): SequentialCharacteristics {
  const { spec } = design;
  const zSum = upperNormalQuantile(spec.alpha / spec.sided) + upperNormalQuantile(spec.beta);
  const fixedDriftSquared = zSum * zSum;
  const options: OutcomeOptions = { bothTails: false, limitBounds: true };
  let shift = fixedDriftSquared;
  if (design.looks > 1) {
    const f = (s: number) => sequentialOutcomeProbabilities(design, Math.sqrt(s), options).cumulativeRejection[design.looks - 1] - (1 - spec.beta);
    shift = findRoot(f, 0, 4 * fixedDriftSquared, 1e-12);
  }
  const alternative = sequentialOutcomeProbabilities(design, Math.sqrt(shift), options);
  const nullOutcome = sequentialOutcomeProbabilities(design, 0, options);
  return {
    fixedDriftSquared,
    shift,
    inflationFactor: shift / fixedDriftSquared,
    alternative,
    null: nullOutcome,
    expectedInformationH1: (shift * alternative.expectedInformationRate) / fixedDriftSquared,
    expectedInformationH0: (shift * nullOutcome.expectedInformationRate) / fixedDriftSquared,
  };
}
