import type { EventRowCursor } from "./eventRowCursor.js";
import type { ConfType, QuantileEstimate } from "./KaplanMeierResult.js";
import { confidenceLimits } from "./kaplanMeier.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";

/** What a run's summary reads off a Kaplan–Meier curve: events, the median with its limits, survival at landmarks. */
export interface KaplanMeierSummary {
  readonly events: number;
  /** As `print(survfit)` (see {@link kaplanMeier}'s median). */
  readonly median: QuantileEstimate;
  /** The landmarks not after the last time, ascending, with survival and pointwise limits there (as {@link survivalAt}, extend = false). */
  readonly at: { readonly time: number[]; readonly survival: number[]; readonly lower: number[]; readonly upper: number[] };
}

const tolerance = Math.sqrt(2.220446049250313e-16);

/** The print(survfit) rule on one curve, fed row by row: the first value below ½ (within √ε); at exactly ½, the midpoint to the next drop. */
class FirstBelowHalf {
  private state: "searching" | "atHalf" | "done" = "searching";
  private firstTime = NaN;
  private firstValue = NaN;
  result: number | null = null;

  add(time: number, y: number): void {
    if (this.state === "done" || Number.isNaN(y)) return;
    if (this.state === "searching") {
      if (!(y < 0.5 + tolerance)) return;
      this.firstTime = time;
      this.firstValue = y;
      this.result = time;
      this.state = Math.abs(y - 0.5) < tolerance ? "atHalf" : "done";
      return;
    }
    if (y < this.firstValue) {
      this.result = (this.firstTime + time) / 2;
      this.state = "done";
    }
  }
}

/**
 * The Kaplan–Meier summary of one group of an event table read row by row ({@link EventRowCursor}): the same numbers,
 * bit for bit, as {@link kaplanMeierFromTable} followed by its median and {@link survivalAt}(curve, landmarks,
 * { extend: false }) — the product-limit estimate, Greenwood's variance of log S and the pointwise limits are
 * accumulated in the same order — without the curve's columns, so that it runs in O(1) memory on 10 M rows.
 * Rows where the group has neither events nor censorings are skipped, as in a separate `survfit` of the group.
 * Consumes the cursor. O(rows × groups).
 */
export function kaplanMeierSummary(rows: EventRowCursor, group: number, landmarks: readonly number[], options: { readonly confType?: ConfType; readonly confLevel?: number } = {}): KaplanMeierSummary {
  const confType = options.confType ?? "log";
  const z = inverseNormalCdf(1 - (1 - (options.confLevel ?? 0.95)) / 2);
  const wanted = landmarks.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  const atValue = wanted.map(() => ({ survival: 1, lower: 1, upper: 1 }));
  const medians = [new FirstBelowHalf(), new FirstBelowHalf(), new FirstBelowHalf()];
  let surv = 1;
  let hazardVariance = 0;
  let events = 0;
  let last = -Infinity;
  while (rows.next()) {
    const d = rows.nEvent[group]!;
    const c = rows.nCensor[group]!;
    if (d + c === 0) continue;
    const atRisk = rows.nRisk[group]!;
    if (d > 0) {
      surv *= (atRisk - d) / atRisk;
      hazardVariance += atRisk === d ? Infinity : d / (atRisk * (atRisk - d));
      events += d;
    }
    const time = rows.time;
    const [lower, upper] = confidenceLimits(surv, Math.sqrt(hazardVariance), z, confType);
    medians[0]!.add(time, surv);
    medians[1]!.add(time, lower);
    medians[2]!.add(time, upper);
    for (let j = 0; j < wanted.length; j++) {
      if (time <= wanted[j]!) {
        const v = atValue[j]!;
        v.survival = surv;
        v.lower = lower;
        v.upper = upper;
      }
    }
    last = time;
  }
  const at = { time: [] as number[], survival: [] as number[], lower: [] as number[], upper: [] as number[] };
  wanted.forEach((t, j) => {
    if (t > last) return;
    at.time.push(t);
    at.survival.push(atValue[j]!.survival);
    at.lower.push(atValue[j]!.lower);
    at.upper.push(atValue[j]!.upper);
  });
  return { events, median: { estimate: medians[0]!.result, lower: medians[1]!.result, upper: medians[2]!.result }, at };
}
