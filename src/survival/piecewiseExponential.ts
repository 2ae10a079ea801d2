import type { PiecewiseExponentialModel } from "./SurvivalModel.js";
import { requireLandmark } from "./requireLandmark.js";
import { requirePositiveParameter } from "./requireModelParameter.js";

/**
 * The piecewise-exponential model: hazard `rates[j]` on [c_{j−1}, c_j), c_{−1} = 0, the last rate forever.
 * H(t) = Σ rate·(time spent in each piece); S = e^−H. The quantile inverts H piece by piece:
 * find the piece where H crosses −ln(1 − p), then t = c_j + (target − H(c_j))/rate_j. Cost O(pieces) per
 * call (linear scan; pieces are few), no allocation. A zero rate is allowed except in the last piece.
 * Mean: Σ_j e^−H(c_j)·(1 − e^−rate_j·Δ_j)/rate_j, closed form.
 */
export function piecewiseExponential(cutpoints: readonly number[], rates: readonly number[]): PiecewiseExponentialModel {
  if (rates.length === 0 || cutpoints.length !== rates.length - 1) {
    throw new RangeError(`piecewiseExponential requires one more rate than cutpoints, got ${cutpoints.length} cutpoints and ${rates.length} rates`);
  }
  for (let j = 0; j < cutpoints.length; j++) {
    if (!(Number.isFinite(cutpoints[j]) && cutpoints[j] > (j === 0 ? 0 : cutpoints[j - 1]))) {
      throw new RangeError(`piecewiseExponential requires positive, increasing, finite cutpoints, got [${cutpoints.join(", ")}]`);
    }
  }
  for (const rate of rates) {
    if (!(Number.isFinite(rate) && rate >= 0)) throw new RangeError(`piecewiseExponential requires non-negative, finite rates, got [${rates.join(", ")}]`);
  }
  requirePositiveParameter("piecewiseExponential", "last rate", rates[rates.length - 1]);
  const pieces = rates.length;
  const starts = Float64Array.from([0, ...cutpoints]);
  const rateArray = Float64Array.from(rates);
  const hazardAtStart = new Float64Array(pieces);
  for (let j = 1; j < pieces; j++) hazardAtStart[j] = hazardAtStart[j - 1] + rateArray[j - 1] * (starts[j] - starts[j - 1]);

  const pieceOf = (t: number) => {
    let j = pieces - 1;
    while (j > 0 && t < starts[j]) j--;
    return j;
  };
  const cumulativeHazard = (t: number) => {
    if (t <= 0) return 0;
    const j = pieceOf(t);
    return hazardAtStart[j] + rateArray[j] * (t - starts[j]);
  };
  const quantile = (p: number) => {
    const target = -Math.log1p(-p);
    let j = pieces - 1;
    while (j > 0 && target < hazardAtStart[j]) j--;
    return starts[j] + (target - hazardAtStart[j]) / rateArray[j];
  };
  let mean = 0;
  for (let j = 0; j < pieces; j++) {
    const atStart = Math.exp(-hazardAtStart[j]);
    if (j === pieces - 1) mean += atStart / rateArray[j];
    else if (rateArray[j] === 0) mean += atStart * (starts[j + 1] - starts[j]);
    else mean += (atStart * -Math.expm1(-rateArray[j] * (starts[j + 1] - starts[j]))) / rateArray[j];
  }
  return Object.freeze({
    family: "piecewiseExponential",
    cutpoints: Object.freeze([...cutpoints]),
    rates: Object.freeze([...rates]),
    median: quantile(0.5),
    mean,
    survival: (t: number) => Math.exp(-cumulativeHazard(t)),
    hazard: (t: number) => rateArray[pieceOf(t)],
    cumulativeHazard,
    density: (t: number) => rateArray[pieceOf(t)] * Math.exp(-cumulativeHazard(t)),
    quantile,
    sample: quantile,
  });
}

/**
 * The piecewise-exponential model with the given median whose rates keep fixed proportions
 * `relativeRates` (the "shape" of a piecewise hazard) over `cutpoints`: H is linear in a common factor c,
 * so c = ln 2/H_relative(median), closed form. Default: one piece, i.e. exponential.
 */
export function piecewiseExponentialFromMedian(
  median: number,
  options: { readonly cutpoints?: readonly number[]; readonly relativeRates?: readonly number[] } = {},
): PiecewiseExponentialModel {
  requirePositiveParameter("piecewiseExponentialFromMedian", "median", median);
  const cutpoints = options.cutpoints ?? [];
  const relative = options.relativeRates ?? [1];
  const unit = piecewiseExponential(cutpoints, relative);
  const factor = Math.LN2 / unit.cumulativeHazard(median);
  return piecewiseExponential(cutpoints, relative.map((rate) => rate * factor));
}

/**
 * The two-piece exponential model through a median m and a landmark S(t) = s, with the cut at the earlier of
 * the two times (the simplest piecewise hazard that honours both figures exactly):
 * t < m: rate₁ = −ln s/t on [0, t), then rate₂ = ln(2s)/(m − t);
 * t > m: rate₁ = ln 2/m on [0, m), then rate₂ = ln(1/(2s))/(t − m).
 */
export function piecewiseExponentialFromMedianAndLandmark(median: number, time: number, survivalAtTime: number): PiecewiseExponentialModel {
  requireLandmark("piecewiseExponentialFromMedianAndLandmark", median, time, survivalAtTime);
  if (time < median) return piecewiseExponential([time], [-Math.log(survivalAtTime) / time, Math.log(2 * survivalAtTime) / (median - time)]);
  return piecewiseExponential([median], [Math.LN2 / median, -Math.log(2 * survivalAtTime) / (time - median)]);
}
