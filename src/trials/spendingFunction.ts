import { upperNormalQuantile } from "../math/inverseNormalCdf.js";
import { standardNormalSurvival } from "../math/standardNormalCdf.js";

/**
 * The spending-function families of a group-sequential design (Lan & DeMets 1983, Biometrika 70:659):
 * - `obf`: O'Brien–Fleming type, α(t) = 2 − 2Φ(z_{1−α/2} / √t) — almost nothing early, most at the end;
 * - `pocock`: Pocock type, α(t) = α · ln(1 + (e − 1) t) — spends early, bounds nearly constant;
 * - `hsd`: Hwang, Shih & DeCani (1990, Stat Med 9:1439), α(t) = α (1 − e^{−γt}) / (1 − e^{−γ}); γ = −4 is
 *   close to O'Brien–Fleming, γ = 1 to Pocock, γ = 0 is linear spending α·t.
 */
export const SpendingFamilies = ["obf", "pocock", "hsd"] as const;
export type SpendingFamily = (typeof SpendingFamilies)[number];
export const isSpendingFamily = (value: unknown): value is SpendingFamily => (SpendingFamilies as readonly unknown[]).includes(value);

/**
 * Cumulative error spent by information rate t ∈ (0, 1] for total error `total` (α for the efficacy
 * bound, β for the futility bound). For the two-sided O'Brien–Fleming-type α-spending (`sided` 2) the
 * function is 4 − 4Φ(z_{1−α/4} / √t), as in rpact's `asOF`; the β-spending O'Brien–Fleming type
 * (`bsOF`) is always 2 − 2Φ(z_{1−β/2} / √t) (pass `sided` 1). Each equals `total` at t = 1. O(1).
 */
export function spentAt(family: SpendingFamily, total: number, t: number, sided: 1 | 2, gamma: number): number {
  switch (family) {
    case "obf":
      return 2 * sided * standardNormalSurvival(upperNormalQuantile(total / (2 * sided)) / Math.sqrt(t));
    case "pocock":
      return total * Math.log(1 + (Math.E - 1) * t);
    case "hsd":
      return gamma === 0 ? total * t : (total * -Math.expm1(-gamma * t)) / -Math.expm1(-gamma);
  }
}
