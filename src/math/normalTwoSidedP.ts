import { standardNormalSurvival } from "./standardNormalCdf.js";

/**
 * The two-sided p-value of a standard normal statistic z, 2·P(Z > |z|): R's `2 * pnorm(-abs(z))`.
 * Exactly twice {@link standardNormalSurvival}, so tiny p-values keep their relative accuracy. Constant time.
 */
export function normalTwoSidedP(z: number): number {
  return 2 * standardNormalSurvival(Math.abs(z));
}
