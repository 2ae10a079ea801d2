import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { standardNormalCdf } from "../math/standardNormalCdf.js";

/**
 * Freedman's number of events for a two-sided log-rank test (Freedman 1982, Statistics in Medicine 1:121):
 *
 *   D = (z_{1−α/2} + z_{1−β})² (1 + φ·HR)² / (φ (1 − HR)²)
 *
 * with φ = n_treatment / n_control the allocation ratio. Slightly more conservative than Schoenfeld's for
 * hazard ratios far from 1. O(1).
 */
export function freedmanEvents(hazardRatio: number, alpha: number, power: number, allocationRatio: number): number {
  const zSum = inverseNormalCdf(1 - alpha / 2) + inverseNormalCdf(power);
  const spread = 1 + allocationRatio * hazardRatio;
  return (zSum * zSum * spread * spread) / (allocationRatio * (1 - hazardRatio) * (1 - hazardRatio));
}

/** Freedman's power for D events: Φ(δ − z_{1−α/2}) + Φ(−δ − z_{1−α/2}) with δ = √(D φ) · |1 − HR| / (1 + φ·HR). O(1). */
export function freedmanPower(events: number, hazardRatio: number, alpha: number, allocationRatio: number): number {
  const critical = inverseNormalCdf(1 - alpha / 2);
  if (!(events > 0)) return alpha;
  const drift = (Math.sqrt(events * allocationRatio) * Math.abs(1 - hazardRatio)) / (1 + allocationRatio * hazardRatio);
  return standardNormalCdf(drift - critical) + standardNormalCdf(-drift - critical);
}
