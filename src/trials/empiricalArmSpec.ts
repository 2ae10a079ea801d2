import { kaplanMeier } from "../analysis/kaplanMeier.js";
import type { ArmSurvivalSpec } from "./TrialDesign.js";

/**
 * An `empirical` arm from survival data — typically the PFS or OS of a large cohort simulated under one
 * strategy by src/simulate: the Kaplan–Meier curve of (time, event), kept at its event times. A trial then
 * draws its patients' event times from that curve (by inversion), so the arm carries the strategy's mixture of
 * pathways. Non-finite times are taken as censored at the largest finite time. Runs in O(n log n).
 */
export function empiricalArmSpec(time: ArrayLike<number>, event: ArrayLike<number>, source: string): ArmSurvivalSpec {
  let largest = 0;
  for (let i = 0; i < time.length; i++) if (Number.isFinite(time[i]) && time[i] > largest) largest = time[i];
  const finiteTime = Float64Array.from({ length: time.length }, (_, i) => (Number.isFinite(time[i]) ? time[i] : largest));
  const finiteEvent = Uint8Array.from({ length: time.length }, (_, i) => (Number.isFinite(time[i]) && event[i] === 1 ? 1 : 0));
  const km = kaplanMeier(finiteTime, finiteEvent);
  const times: number[] = [];
  const survival: number[] = [];
  for (let row = 0; row < km.time.length; row++) {
    if (km.nEvent[row] === 0) continue;
    times.push(km.time[row]);
    survival.push(km.survival[row]);
  }
  if (times.length === 0) throw new Error(`empiricalArmSpec: ${source} has no events`);
  return { kind: "empirical", source, time: times, survival };
}
