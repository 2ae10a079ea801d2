import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { standardNormalCdf } from "../math/standardNormalCdf.js";

/**
 * Schoenfeld's number of events for a two-sided log-rank or Cox test (Schoenfeld 1983, Biometrika 70:316):
 *
 *   D = (z_{1−α/2} + z_{1−β})² / (p (1 − p) (log HR)²)
 *
 * with p the fraction randomised to the treatment arm. Assumes proportional hazards and a small effect; it is
 * the standard figure in protocols. O(1).
 */
export function schoenfeldEvents(hazardRatio: number, alpha: number, power: number, treatmentFraction: number): number {
  const zSum = inverseNormalCdf(1 - alpha / 2) + inverseNormalCdf(power);
  const logHazardRatio = Math.log(hazardRatio);
  return (zSum * zSum) / (treatmentFraction * (1 - treatmentFraction) * logHazardRatio * logHazardRatio);
}

/**
 * Schoenfeld's power for D events: Φ(δ − z_{1−α/2}) + Φ(−δ − z_{1−α/2}) with drift δ = √(D p (1 − p)) · |log HR|
 * (both tails, so the power is exactly α at HR = 1). O(1).
 */
export function schoenfeldPower(events: number, hazardRatio: number, alpha: number, treatmentFraction: number): number {
  const critical = inverseNormalCdf(1 - alpha / 2);
  if (!(events > 0)) return alpha;
  const drift = Math.sqrt(events * treatmentFraction * (1 - treatmentFraction)) * Math.abs(Math.log(hazardRatio));
  return standardNormalCdf(drift - critical) + standardNormalCdf(-drift - critical);
}

/**
 * Schoenfeld's power of the one-sided test for a benefit of the treatment (hazard ratio below 1) at level
 * α/2: Φ(−log HR · √(D p (1 − p)) − z_{1−α/2}). For a harmful treatment (HR > 1) the drift points away from
 * the bound and the power falls below α/2 (rpact's getPowerSurvival with a one-sided one-look design and
 * directionUpper = FALSE). O(1).
 */
export function schoenfeldBenefitPower(events: number, hazardRatio: number, alpha: number, treatmentFraction: number): number {
  const critical = inverseNormalCdf(1 - alpha / 2);
  if (!(events > 0)) return alpha / 2;
  const drift = -Math.sqrt(events * treatmentFraction * (1 - treatmentFraction)) * Math.log(hazardRatio);
  return standardNormalCdf(drift - critical);
}
