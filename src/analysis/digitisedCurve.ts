/** How the survival values of a digitised curve are given. */
export type SurvivalScale = "auto" | "proportion" | "percent";

export interface DigitisedCurveOptions {
  /** "proportion" (0–1), "percent" (0–100), or "auto" (default): percentages when any value exceeds 1. */
  readonly scale?: SurvivalScale;
  /**
   * The largest rise, on the 0–1 scale, taken for digitising noise (default 0.02, two percentage points, a few
   * pixels on a printed plot): a point that rises less than this above the curve so far is lowered onto it;
   * a larger rise is an error (a point of another curve, or a misread axis). The same margin lets a value read
   * slightly below 0 or above 1 (or 100%) be clamped.
   */
  readonly tolerance?: number;
  /**
   * How far back in time, as a share of the curve's last time, a point may belong (default 0.01): a point
   * read on a vertical drop can land a little after the point below it when the two are clicked at slightly
   * different x. A point that rises above the curve but fits it if moved back at most this far is kept out as
   * such jitter, not an error.
   */
  readonly timeTolerance?: number;
  /** Names point i in error messages; default `point ${i + 1}`. A CLI passes e.g. "curve.csv row 7 (line 8)". */
  readonly describePoint?: (index: number) => string;
}

/** A digitised Kaplan–Meier curve, cleaned: ascending times from (0, 1), survival non-increasing in [0, 1]. */
export interface DigitisedCurve {
  readonly time: Float64Array;
  readonly survival: Float64Array;
  /** True when the input was read as percentages. */
  readonly percent: boolean;
  /** Points given, points lowered onto the curve (noise) or set aside as time jitter, points dropped as duplicates or redundant. */
  readonly pointsGiven: number;
  readonly pointsLowered: number;
  readonly pointsJittered: number;
  readonly pointsDropped: number;
  /** The largest rise corrected as noise (0 when none). */
  readonly largestRise: number;
}

/**
 * Cleans the points of a Kaplan–Meier curve read off a published plot (with a digitiser such as
 * WebPlotDigitizer), for {@link reconstructIpd}, as Guyot et al. (2012) prescribe before their algorithm:
 *
 *   points, any order ─▶ scale (percent?) ─▶ clamp [0, 1] within tolerance ─▶ sort by time, then survival
 *   descending (a vertical drop read top to bottom) ─▶ lower small rises onto the running minimum (noise), set
 *   aside points that fit a little earlier (time jitter on a drop) ─▶
 *   keep the highest and lowest point at each time, drop repeated levels ─▶ start at (0, 1)
 *
 * A time slightly below 0 (within `timeTolerance`) is read as 0. A point at time 0 is read as survival 1, and one
 * below 1 − tolerance is an error (a Kaplan–Meier curve starts at
 * 1, and an event at time 0 would be one no parametric model of log time can fit), as are
 * negative or non-finite times, survival outside [0, 1] (or [0, 100]%) beyond the tolerance, and a rise of
 * more than the tolerance above a point more than `timeTolerance` earlier. Messages name the point, e.g.
 * `point 7 (time 12.4, survival 0.71): the curve rises by 0.09 above 0.62 at time 10.2, more than the
 * tolerance 0.02 allowed for digitising noise (is it a point of another curve?)`.
 * Runs in O(m log m) for m points.
 */
export function prepareDigitisedCurve(time: ArrayLike<number>, survival: ArrayLike<number>, options: DigitisedCurveOptions = {}): DigitisedCurve {
  const describe = options.describePoint ?? ((i: number) => `point ${i + 1}`);
  const tolerance = options.tolerance ?? 0.02;
  if (!(Number.isFinite(tolerance) && tolerance >= 0 && tolerance < 0.5)) throw new RangeError(`prepareDigitisedCurve: tolerance must be in [0, 0.5), got ${tolerance}`);
  if (time.length !== survival.length) throw new RangeError(`prepareDigitisedCurve: time and survival must have the same length, got ${time.length} and ${survival.length}`);
  const m = time.length;
  if (m === 0) throw new RangeError("prepareDigitisedCurve requires at least one point");
  let largest = -Infinity;
  let latest = 0;
  for (let i = 0; i < m; i++) latest = Math.max(latest, Number.isFinite(time[i]!) ? time[i]! : 0);
  const timeTolerance = (options.timeTolerance ?? 0.01) * latest;
  for (let i = 0; i < m; i++) {
    const t = time[i]!;
    const s = survival[i]!;
    if (!(Number.isFinite(t) && t >= -timeTolerance)) throw new RangeError(`${describe(i)}: time must be a non-negative number, got ${t}`);
    if (!Number.isFinite(s)) throw new RangeError(`${describe(i)}: survival must be a number, got ${s}`);
    largest = Math.max(largest, s);
  }
  const scale = options.scale ?? "auto";
  const percent = scale === "percent" || (scale === "auto" && largest > 1);
  const factor = percent ? 0.01 : 1;
  const unit = percent ? "%" : "";
  const points: { time: number; survival: number; index: number }[] = [];
  for (let i = 0; i < m; i++) {
    let s = survival[i]! * factor;
    if (s < -tolerance || s > 1 + tolerance) {
      throw new RangeError(`${describe(i)}: survival must be between 0 and ${percent ? "100%" : "1"}, got ${survival[i]}${unit}${scale === "auto" && !percent ? " (values read as proportions because none exceeds 1)" : ""}`);
    }
    const t = Math.max(0, time[i]!); // a point read just left of the y-axis
    if (t === 0) {
      if (s < 1 - tolerance) {
        throw new RangeError(
          `${describe(i)}: a Kaplan-Meier curve starts at survival 1 at time 0, got ${survival[i]}${unit} (a drop at time 0 would be events at time 0; if the first step is just after 0, read its time)`,
        );
      }
      s = 1;
    }
    s = Math.min(1, Math.max(0, s));
    points.push({ time: t, survival: s, index: i });
  }
  points.sort((a, b) => a.time - b.time || b.survival - a.survival || a.index - b.index);
  // Running minimum with the noise checks.
  let level = 1;
  let levelAt = { time: 0, index: -1 };
  let lowered = 0;
  let jittered = 0;
  let largestRise = 0;
  const cleaned: { time: number; survival: number }[] = [{ time: 0, survival: 1 }];
  for (const p of points) {
    if (p.survival > level) {
      const rise = p.survival - level;
      if (rise > tolerance) {
        // Time jitter on a vertical drop (with reading noise in survival): the first kept point more than the
        // tolerance below p is at most timeTolerance earlier.
        let k = cleaned.length - 1;
        while (k > 0 && cleaned[k - 1]!.survival < p.survival - tolerance) k--;
        if (p.time - cleaned[k]!.time <= timeTolerance) {
          jittered++;
          continue;
        }
        const where = levelAt.index < 0 ? "at time 0" : `at time ${levelAt.time} (${describe(levelAt.index)})`;
        throw new RangeError(
          `${describe(p.index)} (time ${p.time}, survival ${p.survival / factor}${unit}): the curve rises by ${round(rise / factor)}${unit} above ${round(level / factor)}${unit} ${where}, ` +
            `more than the tolerance ${round(tolerance / factor)}${unit} allowed for digitising noise (is it a point of another curve, or a misread axis?)`,
        );
      }
      lowered++;
      largestRise = Math.max(largestRise, rise);
    } else if (p.survival < level) {
      level = p.survival;
      levelAt = { time: p.time, index: p.index };
    }
    cleaned.push({ time: p.time, survival: level });
  }
  // Keep, at each time, the first (highest) and last (lowest) point; drop points that repeat the level of the
  // point before and after them at a later time (flat stretches need only their ends).
  const distinct = cleaned.filter((p, i) => i === 0 || p.time !== cleaned[i - 1]!.time || p.survival !== cleaned[i - 1]!.survival);
  const keptTime: number[] = [];
  const keptSurvival: number[] = [];
  for (let i = 0; i < distinct.length; i++) {
    const p = distinct[i]!;
    const previous = distinct[i - 1];
    const next = distinct[i + 1];
    if (previous !== undefined && next !== undefined) {
      const middleOfVertical = previous.time === p.time && next.time === p.time;
      const middleOfFlat = previous.survival === p.survival && next.survival === p.survival && previous.time < p.time && p.time < next.time;
      if (middleOfVertical || middleOfFlat) continue;
    }
    keptTime.push(p.time);
    keptSurvival.push(p.survival);
  }
  return {
    time: Float64Array.from(keptTime),
    survival: Float64Array.from(keptSurvival),
    percent,
    pointsGiven: m,
    pointsLowered: lowered,
    pointsJittered: jittered,
    pointsDropped: m + 1 - keptTime.length - jittered,
    largestRise,
  };
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;
