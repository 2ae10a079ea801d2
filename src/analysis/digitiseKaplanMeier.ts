import type { KaplanMeierResult } from "./KaplanMeierResult.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import type { RandomSource } from "../random/randomSource.js";

export interface DigitiseOptions {
  /** At most this many points (default 200): a digitiser does not click every step of a long curve. */
  readonly maxPoints?: number;
  /** Standard deviation of the reading error in time, as a share of the time axis (default 0.002: ~1 pixel of 500). */
  readonly timeNoise?: number;
  /** Standard deviation of the reading error in survival, 0–1 scale (default 0.002). */
  readonly survivalNoise?: number;
  /** Share of points clicked twice (default 0.02). */
  readonly duplicateShare?: number;
  /** Write survival as percentages (default false). */
  readonly percent?: boolean;
}

/** Points read off a plot, in the order clicked (shuffled: a digitiser's export is not always sorted). */
export interface DigitisedPoints {
  readonly time: number[];
  readonly survival: number[];
}

/**
 * Reads a Kaplan–Meier curve as a person with a digitiser would, for testing reconstruction and for examples:
 * the two corners of every step (before and after each drop), thinned evenly to `maxPoints`, each read with
 * normal error in time and survival, some clicked twice, in shuffled order. Errors make the points slightly
 * non-monotone, as real digitised curves are. Every draw comes from `source`. O(steps + maxPoints).
 */
export function digitiseKaplanMeier(km: KaplanMeierResult, source: RandomSource, options: DigitiseOptions = {}): DigitisedPoints {
  const maxPoints = options.maxPoints ?? 200;
  const last = km.time.length > 0 ? km.time[km.time.length - 1]! : 0;
  const timeSd = (options.timeNoise ?? 0.002) * last;
  const survivalSd = options.survivalNoise ?? 0.002;
  const corners: { time: number; survival: number }[] = [{ time: 0, survival: 1 }];
  let level = 1;
  for (let i = 0; i < km.time.length; i++) {
    if (km.nEvent[i]! === 0) continue;
    corners.push({ time: km.time[i]!, survival: level }, { time: km.time[i]!, survival: km.survival[i]! });
    level = km.survival[i]!;
  }
  corners.push({ time: last, survival: level });
  let chosen = corners;
  if (corners.length > maxPoints) {
    chosen = Array.from({ length: maxPoints }, (_, j) => corners[Math.round((j * (corners.length - 1)) / (maxPoints - 1))]!);
  }
  const noisy = (value: number, sd: number) => (sd > 0 ? value + sd * inverseNormalCdf(Math.min(1 - 1e-12, Math.max(1e-12, source()))) : value);
  const points: { time: number; survival: number }[] = [];
  for (const corner of chosen) {
    // Reflected at 0: a step just after the y-axis is read just after it, not at or before it.
    const read = { time: Math.abs(noisy(corner.time, timeSd)), survival: Math.min(1, Math.max(0, noisy(corner.survival, survivalSd))) };
    if (corner.time === 0) read.time = 0;
    points.push(read);
    if (source() < (options.duplicateShare ?? 0.02)) points.push({ ...read });
  }
  // Shuffle (Fisher–Yates).
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(source() * (i + 1));
    [points[i], points[j]] = [points[j]!, points[i]!];
  }
  const scale = options.percent ? 100 : 1;
  return { time: points.map((p) => p.time), survival: points.map((p) => p.survival * scale) };
}
