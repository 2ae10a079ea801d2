import { standardNormalCdf } from "../math/standardNormalCdf.js";

/**
 * Boundary crossing probabilities of a group-sequential test, by the recursive numerical integration of
 * Armitage, McPherson and Rowe (1969, J R Stat Soc A 132:235), in the form used by R's rpact and gsDesign
 * (Jennison & Turnbull, "Group Sequential Methods", 2000, chapter 19).
 *
 * The standardised statistics Z_1 … Z_K at information rates t_1 < … < t_K (t_K = 1 for the maximum
 * information) are jointly normal with Cov(Z_j, Z_k) = √(t_j / t_k): Z_k √t_k is a Brownian motion at t_k.
 * The trial continues past look k while lower_k ≤ Z_k < upper_k. With f_k the sub-density of Z_k on the
 * trials still running at look k,
 *
 *   f_1(x) = φ(x)
 *   f_k(x) = ∫_{lower_{k−1}}^{upper_{k−1}} f_{k−1}(y) · √(t_k/ε_k) · φ((x √t_k − y √t_{k−1}) / √ε_k) dy,   ε_k = t_k − t_{k−1}
 *   P(continue to k, Z_k < b) = ∫ f_{k−1}(y) · Φ((b √t_k − y √t_{k−1}) / √ε_k) dy
 *
 * Each integral runs over the continuation interval of the previous look on a grid of {@link gridPoints}
 * points with the composite seven-point closed Newton–Cotes rule (weights 41, 216, 27, 272, 27, 216, 41 /140),
 * the grid and rule of rpact 3.3.4 (`getGroupSequentialProbabilitiesCpp`): with the same grid the results
 * agree with rpact to rounding, and the rule is exact for polynomials of degree 7 on each panel. As there,
 * bounds at or above {@link upperLimit} are taken as 8 and bounds at or below {@link lowerLimit} as −6
 * (beyond ±6 the omitted mass is below 1e-9). Under an alternative with drift θ (E[Z_k] = θ √t_k) shift the
 * bounds: pass lower_k − θ√t_k and upper_k − θ√t_k.
 *
 * Cost: O(K · gridPoints²) normal densities and distribution values (about 25,000 for three looks, well
 * under a millisecond); allocates O(gridPoints).
 */
export interface GroupSequentialProbabilities {
  /** P(the trial reaches look k and Z_k < lower_k), per look. */
  readonly belowLower: Float64Array;
  /** P(the trial reaches look k and Z_k < upper_k), per look. */
  readonly belowUpper: Float64Array;
  /** P(the trial reaches look k): 1 at the first look. */
  readonly reached: Float64Array;
}

/** Newton–Cotes panels per continuation interval (rpact: 15). */
export const gridPanels = 15;
/** Grid points per continuation interval: 6 · panels + 1. */
export const gridPoints = 6 * gridPanels + 1;
/** Bounds at or above this are integrated as this value (rpact's C_UPPER_BOUNDS_DEFAULT). */
export const upperLimit = 8;
/** Bounds at or below this are integrated as this value (rpact's C_FUTILITY_BOUNDS_DEFAULT). */
export const lowerLimit = -6;

const panelWeights = [41, 216, 27, 272, 27, 216] as const;
const oneOverRootTwoPi = 0.3989422804014327;

/**
 * The crossing probabilities for continuation regions [lower_k, upper_k) at `informationRates` (increasing,
 * in (0, 1]). `limitUpper: false` leaves upper bounds above 8 as they are when they delimit the integration
 * grid (rpact's faster lower-row-only variant, used when futility bounds are searched); the probabilities
 * themselves are unchanged to ~1e-15. Numeric core: no validation.
 */
export function groupSequentialProbabilities(lower: ArrayLike<number>, upper: ArrayLike<number>, informationRates: ArrayLike<number>, limitUpper = true): GroupSequentialProbabilities {
  const looks = informationRates.length;
  const belowLower = new Float64Array(looks);
  const belowUpper = new Float64Array(looks);
  const reached = new Float64Array(looks);
  const low = new Float64Array(looks);
  const high = new Float64Array(looks);
  for (let k = 0; k < looks; k++) {
    low[k] = lower[k] >= upperLimit ? upperLimit : lower[k];
    high[k] = limitUpper && upper[k] >= upperLimit ? upperLimit : upper[k];
  }
  // The first look uses the bounds as given (only those above 8 are limited), the grids the limited ones.
  belowLower[0] = standardNormalCdf(low[0]);
  belowUpper[0] = standardNormalCdf(Math.min(upper[0], upperLimit));
  reached[0] = 1;
  if (looks === 1) return { belowLower, belowUpper, reached };
  for (let k = 0; k < looks; k++) {
    if (low[k] <= lowerLimit) low[k] = lowerLimit;
    if (high[k] <= lowerLimit) high[k] = lowerLimit;
  }
  let previousGrid = new Float64Array(gridPoints);
  let previousMass = new Float64Array(gridPoints);
  let grid = new Float64Array(gridPoints);
  let mass = new Float64Array(gridPoints);
  for (let k = 1; k < looks; k++) {
    // Grid over the continuation interval of look k − 1 (0-based), with the weighted sub-density there.
    const from = low[k - 1];
    const step = (high[k - 1] - from) / (gridPoints - 1);
    const weightScale = step / 840;
    for (let i = 0; i < gridPoints; i++) grid[i] = from + i * step;
    if (k === 1) {
      for (let i = 0; i < gridPoints; i++) mass[i] = weightAt(i) * weightScale * oneOverRootTwoPi * Math.exp(-0.5 * grid[i] * grid[i]);
    } else {
      const rate = informationRates[k - 1];
      const increment = rate - informationRates[k - 2];
      const scale = Math.sqrt(rate / increment);
      const rootRate = Math.sqrt(rate);
      const rootPrevious = Math.sqrt(informationRates[k - 2]);
      const rootIncrement = Math.sqrt(increment);
      for (let i = 0; i < gridPoints; i++) {
        const scaled = grid[i] * rootRate;
        let density = 0;
        for (let j = 0; j < gridPoints; j++) {
          const a = (scaled - previousGrid[j] * rootPrevious) / rootIncrement;
          density += scale * oneOverRootTwoPi * Math.exp(-0.5 * a * a) * previousMass[j];
        }
        mass[i] = weightAt(i) * weightScale * density;
      }
    }
    const rootRate = Math.sqrt(informationRates[k]);
    const rootPrevious = Math.sqrt(informationRates[k - 1]);
    const rootIncrement = Math.sqrt(informationRates[k] - informationRates[k - 1]);
    let sumLower = 0;
    let sumUpper = 0;
    for (let i = 0; i < gridPoints; i++) {
      const offset = grid[i] * rootPrevious;
      sumLower += standardNormalCdf((low[k] * rootRate - offset) / rootIncrement) * mass[i];
      sumUpper += standardNormalCdf((high[k] * rootRate - offset) / rootIncrement) * mass[i];
    }
    belowLower[k] = sumLower;
    belowUpper[k] = sumUpper;
    reached[k] = belowUpper[k - 1] - belowLower[k - 1];
    [previousGrid, grid] = [grid, previousGrid];
    [previousMass, mass] = [mass, previousMass];
  }
  return { belowLower, belowUpper, reached };
}

/** Weight (× 840 / step) of grid point i: 246 at the ends, 492 at panel joints, the panel pattern inside. */
function weightAt(i: number): number {
  if (i === 0 || i === gridPoints - 1) return 246;
  const position = i % 6;
  return position === 0 ? 492 : 6 * panelWeights[position];
}
