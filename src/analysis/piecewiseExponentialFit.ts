import { maximiseLikelihood, type LikelihoodValue } from "./maximiseLikelihood.js";
import { invertMatrix } from "./solveLinear.js";
import type { SurvivalCells } from "./survivalCells.js";

/** Events and exposure (person-time) per piece and group: index `piece * groups + group`. */
export interface PieceTotals {
  readonly pieces: number;
  readonly groups: number;
  readonly events: Float64Array;
  readonly exposure: Float64Array;
}

/**
 * Events and exposure of each piece [c_{j−1}, c_j) by group. A subject followed to t spends
 * min(t, c_j) − c_{j−1} in every piece it enters; its event counts in the piece that contains t, an event
 * exactly at a cut point in the piece that ends there (as R's `survSplit`, whose intervals are (start, stop]).
 * Cells are in time order, so one pass with a moving piece index: O(cells + pieces).
 */
export function pieceTotals(cells: SurvivalCells, cutpoints: readonly number[]): PieceTotals {
  const pieces = cutpoints.length + 1;
  const k = cells.groupCount;
  const events = new Float64Array(pieces * k);
  const exposure = new Float64Array(pieces * k);
  // Exposure of the pieces a subject passes through entirely: accumulate per group the number of subjects
  // whose time is beyond each cut, then add full piece lengths at the end.
  const beyond = new Float64Array(pieces * k);
  let piece = 0;
  for (let c = 0; c < cells.time.length; c++) {
    const t = cells.time[c]!;
    while (piece < cutpoints.length && t > cutpoints[piece]!) piece++;
    const g = cells.group[c]!;
    const n = cells.events[c]! + cells.censored[c]!;
    const start = piece === 0 ? 0 : cutpoints[piece - 1]!;
    exposure[piece * k + g]! += n * (t - start);
    events[piece * k + g]! += cells.events[c]!;
    beyond[piece * k + g]! += n; // these subjects also fill pieces 0..piece − 1 completely
  }
  for (let g = 0; g < k; g++) {
    let later = 0;
    for (let j = pieces - 1; j >= 0; j--) {
      if (j < pieces - 1) exposure[j * k + g]! += later * (cutpoints[j]! - (j === 0 ? 0 : cutpoints[j - 1]!));
      later += beyond[j * k + g]!;
    }
  }
  return { pieces, groups: k, events, exposure };
}

/** The bare result of {@link piecewiseExponentialFit}: θ = (log rate of each piece, log hazard ratio of each non-reference group). */
export interface PiecewiseExponentialFitCore {
  readonly estimates: Float64Array;
  readonly logLikelihood: number;
  readonly covariance: number[][];
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Maximum likelihood for the piecewise-exponential model with hazard λ_j·HR_g in piece j (cut points given),
 * the bare numeric core: every piece has events and exposure (checked by the caller).
 *
 * The log-likelihood Σ_j Σ_g D_jg(log λ_j + log HR_g) − λ_j·HR_g·E_jg depends on the data only through the
 * events D and exposures E of the pieces: the likelihood of a Poisson regression of D on piece and group with
 * offset log E (Holford 1980; Laird & Olivier 1981). Without a group it is closed form: λ_j = D_j/E_j,
 * Var(log λ_j) = 1/D_j, ℓ = Σ D_j(log λ_j − 1). With a group, Newton–Raphson on the concave Poisson
 * log-likelihood from the pooled rates, O(pieces × groups) per step.
 */
export function piecewiseExponentialFit(totals: PieceTotals, maxIterations = 100): PiecewiseExponentialFitCore {
  const { pieces, groups: k, events, exposure } = totals;
  const pieceEvents = new Float64Array(pieces);
  const pieceExposure = new Float64Array(pieces);
  for (let j = 0; j < pieces; j++) {
    for (let g = 0; g < k; g++) {
      pieceEvents[j]! += events[j * k + g]!;
      pieceExposure[j]! += exposure[j * k + g]!;
    }
  }
  if (k === 1) {
    const estimates = Float64Array.from(pieceEvents, (d, j) => Math.log(d / pieceExposure[j]!));
    let logLikelihood = 0;
    for (let j = 0; j < pieces; j++) logLikelihood += pieceEvents[j]! * (estimates[j]! - 1);
    const covariance = Array.from({ length: pieces }, (_, i) => Array.from({ length: pieces }, (_, j) => (i === j ? 1 / pieceEvents[i]! : 0)));
    return { estimates, logLikelihood, covariance, iterations: 0, converged: true };
  }
  const p = pieces + k - 1;
  const start = new Float64Array(p);
  for (let j = 0; j < pieces; j++) start[j] = Math.log(pieceEvents[j]! / pieceExposure[j]!);
  const evaluate = (theta: Float64Array, derivatives: boolean): LikelihoodValue => {
    let logLikelihood = 0;
    const gradient = new Float64Array(p);
    const hessian = new Float64Array(p * p);
    for (let j = 0; j < pieces; j++) {
      for (let g = 0; g < k; g++) {
        const cell = j * k + g;
        const linear = theta[j]! + (g > 0 ? theta[pieces + g - 1]! : 0);
        const expected = Math.exp(linear) * exposure[cell]!;
        logLikelihood += events[cell]! * linear - expected;
        if (!derivatives) continue;
        const residual = events[cell]! - expected;
        gradient[j]! += residual;
        hessian[j * p + j]! -= expected;
        if (g > 0) {
          const b = pieces + g - 1;
          gradient[b]! += residual;
          hessian[b * p + b]! -= expected;
          hessian[j * p + b]! -= expected;
          hessian[b * p + j]! -= expected;
        }
      }
    }
    return { logLikelihood, gradient, hessian };
  };
  const result = maximiseLikelihood(evaluate, start, { maxIterations });
  const information = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => -result.value.hessian[i * p + j]!));
  const covariance = invertMatrix(information) ?? information.map((row) => row.map(() => NaN));
  return { estimates: result.estimate, logLikelihood: result.value.logLikelihood, covariance, iterations: result.iterations, converged: result.converged };
}
