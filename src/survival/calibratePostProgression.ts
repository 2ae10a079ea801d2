import { findRoot } from "./findRoot.js";
import { sumMedian } from "./sumSurvival.js";
import type { SurvivalModel } from "./SurvivalModel.js";
import { requirePositiveParameter } from "./requireModelParameter.js";

/** Options of {@link calibratePostProgression}. */
export interface PostProgressionOptions {
  /**
   * Share of PFS events that are deaths without progression (default 0: every PFS event is a progression
   * followed by post-progression survival). Constant over time — a deliberate simplification; the default
   * to use is the labelled assumption `deathShareOfPfsEvents` in data/assumptions/survival.json.
   */
  readonly deathShareOfPfsEvents?: number;
  /** Quadrature intervals of the convolution (default 2,000; see `sumSurvival`). */
  readonly intervals?: number;
}

/** The result of {@link calibratePostProgression}: plain and frozen. */
export interface PostProgressionCalibration {
  /** The post-progression survival (PPS) model, of the family `postProgressionFromMedian` builds. */
  readonly postProgression: SurvivalModel;
  readonly postProgressionMedian: number;
  /** The OS median that PFS + PPS reaches (equal to the target within about 1e-8 relative). */
  readonly overallSurvivalMedian: number;
  readonly targetOverallSurvivalMedian: number;
  readonly deathShareOfPfsEvents: number;
}

/**
 * Finds the post-progression survival model whose median makes the OS median hit a reported target, e.g.
 * sunitinib's OS 47.5 months given its PFS model. OS = PFS + PPS (PPS independent of PFS), except that a
 * share π of PFS events are deaths, after which there is no PPS:
 *
 *   S_OS(t) = S_PFS(t) + (1 − π)·∫₀ᵗ S_PPS(t − s) dF_PFS(s)          (numeric convolution, `sumSurvival`)
 *
 * The OS median increases with the PPS median m (PPS is a scale family in m for a fixed shape), from the PFS
 * median (m → 0) to the t where π·F_PFS(t) = 1/2 (m → ∞; infinite when π < 1/2), so the solution is unique:
 * Illinois root finding on ln m, each step computing the OS median by root finding on S_OS.
 * Deterministic; costs roughly 30 × 50 × 4,000 survival evaluations (tens of milliseconds).
 *
 * Impossible, and rejected with a RangeError: a target at or below the PFS median (OS ≥ PFS for every
 * patient), and, when π ≥ 1/2, a target at or beyond F_PFS⁻¹(1/(2π)).
 *
 * `postProgressionFromMedian` builds the PPS model from a median, e.g.
 * `(m) => weibullFromMedian(m, { shape: 1 })`.
 */
export function calibratePostProgression(
  progressionFree: SurvivalModel,
  targetOverallSurvivalMedian: number,
  postProgressionFromMedian: (median: number) => SurvivalModel,
  options: PostProgressionOptions = {},
): PostProgressionCalibration {
  requirePositiveParameter("calibratePostProgression", "target OS median", targetOverallSurvivalMedian);
  const deathShare = options.deathShareOfPfsEvents ?? 0;
  if (!(deathShare >= 0 && deathShare < 1)) throw new RangeError(`calibratePostProgression requires a death share of PFS events in [0, 1), got ${deathShare}`);
  const pfsMedian = progressionFree.median;
  if (!(targetOverallSurvivalMedian > pfsMedian)) {
    throw new RangeError(
      `calibratePostProgression cannot reach an OS median of ${targetOverallSurvivalMedian} months: it must exceed the PFS median (${roundForMessage(pfsMedian)} months), because OS = PFS + post-progression survival`,
    );
  }
  if (deathShare >= 0.5) {
    const ceiling = progressionFree.quantile(0.5 / deathShare);
    if (!(targetOverallSurvivalMedian < ceiling)) {
      throw new RangeError(
        `calibratePostProgression cannot reach an OS median of ${targetOverallSurvivalMedian} months: with ${deathShare} of PFS events being deaths, the OS median stays below ${roundForMessage(ceiling)} months however long post-progression survival is`,
      );
    }
  }
  const sumOptions = { continuingShare: 1 - deathShare, intervals: options.intervals ?? 2000 };
  const overallMedian = (ppsMedian: number) => sumMedian(progressionFree, postProgressionFromMedian(ppsMedian), sumOptions);
  const gap = (logMedian: number) => overallMedian(Math.exp(logMedian)) - targetOverallSurvivalMedian;

  let low = Math.log(targetOverallSurvivalMedian - pfsMedian);
  for (let i = 0; gap(low) >= 0; i++) {
    if (i === 60) throw new RangeError(`calibratePostProgression found no post-progression median short enough for an OS median of ${targetOverallSurvivalMedian} months`);
    low -= Math.LN2 * 2;
  }
  let high = Math.log(targetOverallSurvivalMedian);
  for (let i = 0; gap(high) <= 0; i++) {
    if (i === 60) throw new RangeError(`calibratePostProgression found no post-progression median long enough for an OS median of ${targetOverallSurvivalMedian} months`);
    low = high;
    high += Math.LN2;
  }
  const logMedian = findRoot(gap, low, high, 1e-10);
  const postProgressionMedian = Math.exp(logMedian);
  const postProgression = postProgressionFromMedian(postProgressionMedian);
  return Object.freeze({
    postProgression,
    postProgressionMedian,
    overallSurvivalMedian: sumMedian(progressionFree, postProgression, sumOptions),
    targetOverallSurvivalMedian,
    deathShareOfPfsEvents: deathShare,
  });
}

/** A number as a message shows it: 6 significant digits, so 28.999999999999996 reads 29. */
function roundForMessage(value: number): number {
  return Number(value.toPrecision(6));
}
