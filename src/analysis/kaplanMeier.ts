import { codeLabels, eventTableCore, validateSurvivalData, type EventTable, type Label } from "./eventTable.js";
import type { ConfType, KaplanMeierResult, QuantileEstimate } from "./KaplanMeierResult.js";
import { isConfType } from "./KaplanMeierResult.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { withArrayJson } from "../util/typedArraysAsArrays.js";

export interface KaplanMeierOptions {
  /** Transformation for the pointwise limits: "log" (R's default), "log-log" or "plain". */
  readonly confType?: ConfType;
  /** Coverage of the pointwise limits, in (0, 1); default 0.95. */
  readonly confLevel?: number;
  /** Treat times closer than sqrt(machine epsilon) as tied, as R's survival does by default (`timefix = TRUE`, `aeqSurv`); default true. */
  readonly timefix?: boolean;
}

/** A Kaplan–Meier curve with the label of the group it belongs to. */
export interface GroupKaplanMeier {
  readonly group: string;
  readonly km: KaplanMeierResult;
}

/**
 * The Kaplan–Meier (product-limit) estimate of the survival function, as R's
 * `survfit(Surv(time, event) ~ 1, conf.type = confType, conf.int = confLevel)` summarised with
 * `summary(fit, censored = TRUE)`: one row per distinct time with the number at risk, events and
 * censorings, the survival just after the time, its Greenwood standard error, and pointwise limits.
 *
 * S(t) = Π_{tᵢ ≤ t} (1 − dᵢ / nᵢ); the Greenwood variance of log S(t) is Σ dᵢ / (nᵢ (nᵢ − dᵢ)), and the
 * standard error of S(t) is S(t) times its square root (Kaplan & Meier 1958; Greenwood 1926).
 * The median and its limits follow `print(fit)`; see {@link survivalQuantile} for `quantile(fit)`.
 * Empty input gives an empty curve with a null median (R refuses; we do not crash).
 * Runs in O(n log n).
 */
export function kaplanMeier(time: ArrayLike<number>, event: ArrayLike<number | boolean>, options: KaplanMeierOptions = {}): KaplanMeierResult {
  const status = validateSurvivalData("kaplanMeier", time, event);
  checkOptions("kaplanMeier", options);
  const none = new Int32Array(time.length);
  const table = eventTableCore(time, status, none, ["all"], none, ["all"], options.timefix ?? true);
  return kaplanMeierFromTable(table, 0, 0, options);
}

/**
 * One Kaplan–Meier curve per group, in level order, as `survfit(Surv(time, event) ~ group)` (R's timefix
 * looks at all the times together, as here).
 * With `strata`, curves are per group within stratum only if you build them with
 * {@link kaplanMeierFromTable}; here strata are not used.
 */
export function kaplanMeierByGroup(
  time: ArrayLike<number>,
  event: ArrayLike<number | boolean>,
  group: ArrayLike<Label>,
  options: KaplanMeierOptions & { readonly groupLevels?: readonly string[] } = {},
): GroupKaplanMeier[] {
  const status = validateSurvivalData("kaplanMeierByGroup", time, event);
  checkOptions("kaplanMeierByGroup", options);
  const coding = codeLabels("kaplanMeierByGroup", "group", group, time.length, options.groupLevels);
  const none = new Int32Array(time.length);
  const table = eventTableCore(time, status, coding.index, coding.levels, none, ["all"], options.timefix ?? true);
  return coding.levels.map((label, g) => ({ group: label, km: kaplanMeierFromTable(table, g, 0, options) }));
}

function checkOptions(caller: string, options: KaplanMeierOptions): void {
  if (options.confType !== undefined && !isConfType(options.confType)) {
    throw new RangeError(`${caller}: confType must be "log", "log-log" or "plain", got ${String(options.confType)}`);
  }
  const level = options.confLevel;
  if (level !== undefined && !(level > 0 && level < 1)) throw new RangeError(`${caller}: confLevel must be in (0, 1), got ${String(level)}`);
}

/**
 * The Kaplan–Meier curve of one group in one stratum of an event table: rows where that group has
 * neither events nor censorings are skipped, as in a separate `survfit` of that group. Runs in O(rows).
 */
export function kaplanMeierFromTable(table: EventTable, group: number, stratum: number, options: KaplanMeierOptions = {}): KaplanMeierResult {
  const confType = options.confType ?? "log";
  const confLevel = options.confLevel ?? 0.95;
  const groupCount = table.groups.length;
  const start = table.stratumStart[stratum]!;
  const end = table.stratumStart[stratum + 1]!;
  let rows = 0;
  for (let r = start; r < end; r++) {
    const cell = r * groupCount + group;
    if (table.nEvent[cell]! + table.nCensor[cell]! > 0) rows++;
  }
  const time = new Float64Array(rows);
  const nRisk = new Float64Array(rows);
  const nEvent = new Float64Array(rows);
  const nCensor = new Float64Array(rows);
  const survival = new Float64Array(rows);
  const logStdErr = new Float64Array(rows);
  let surv = 1;
  let hazardVariance = 0;
  let events = 0;
  let k = 0;
  for (let r = start; r < end; r++) {
    const cell = r * groupCount + group;
    const d = table.nEvent[cell]!;
    const c = table.nCensor[cell]!;
    if (d + c === 0) continue;
    const atRisk = table.nRisk[cell]!;
    if (d > 0) {
      surv *= (atRisk - d) / atRisk;
      hazardVariance += atRisk === d ? Infinity : d / (atRisk * (atRisk - d));
      events += d;
    }
    time[k] = table.time[r]!;
    nRisk[k] = atRisk;
    nEvent[k] = d;
    nCensor[k] = c;
    survival[k] = surv;
    logStdErr[k] = Math.sqrt(hazardVariance);
    k++;
  }
  const n = rows === 0 ? 0 : nRisk[0]!;
  return kaplanMeierFromColumns({ n, events, confType, confLevel, time, nRisk, nEvent, nCensor, survival, logStdErr });
}

/** Completes a curve from its columns: standard errors, pointwise limits and the median. */
function kaplanMeierFromColumns(columns: {
  n: number;
  events: number;
  confType: ConfType;
  confLevel: number;
  time: Float64Array;
  nRisk: Float64Array;
  nEvent: Float64Array;
  nCensor: Float64Array;
  survival: Float64Array;
  logStdErr: Float64Array;
}): KaplanMeierResult {
  const { survival, logStdErr, confType, confLevel } = columns;
  const rows = survival.length;
  const stdErr = new Float64Array(rows);
  const lower = new Float64Array(rows);
  const upper = new Float64Array(rows);
  const z = inverseNormalCdf(1 - (1 - confLevel) / 2);
  for (let i = 0; i < rows; i++) {
    const p = survival[i]!;
    const se = logStdErr[i]!;
    stdErr[i] = se * p;
    const limits = confidenceLimits(p, se, z, confType);
    lower[i] = limits[0];
    upper[i] = limits[1];
  }
  const { logStdErr: _unused, ...rest } = columns;
  void _unused;
  return withArrayJson({
    ...rest,
    stdErr,
    lower,
    upper,
    median: printMedian(columns.time, survival, lower, upper),
  });
}

/**
 * Pointwise limits of a survival probability p from the standard error of log p (R's
 * `survfit_confint` with logse = TRUE and ulimit = TRUE). NaN where R gives NA.
 */
export function confidenceLimits(p: number, logSe: number, z: number, confType: ConfType): [number, number] {
  if (confType === "plain") {
    const halfWidth = logSe * p * z;
    return [Math.max(p - halfWidth, 0), Math.min(p + halfWidth, 1)];
  }
  if (confType === "log") {
    if (p === 0) return [NaN, NaN];
    const halfWidth = z * logSe;
    return [Math.exp(Math.log(p) - halfWidth), Math.min(Math.exp(Math.log(p) + halfWidth), 1)];
  }
  if (p === 0 || p === 1) return [NaN, NaN];
  const halfWidth = (z * logSe) / Math.log(p);
  return [Math.exp(-Math.exp(Math.log(-Math.log(p)) - halfWidth)), Math.exp(-Math.exp(Math.log(-Math.log(p)) + halfWidth))];
}

const tolerance = Math.sqrt(2.220446049250313e-16);

/**
 * The median as `print(survfit)` reports it (survival's `survmean`): the first time the curve is below
 * one half (within sqrt(machine epsilon)); when the curve sits exactly at one half, the midpoint between
 * that time and the time it next drops. The limits apply the same rule to the lower and upper curves.
 */
function printMedian(time: Float64Array, survival: Float64Array, lower: Float64Array, upper: Float64Array): QuantileEstimate {
  return { estimate: firstBelowHalf(time, survival), lower: firstBelowHalf(time, lower), upper: firstBelowHalf(time, upper) };
}

function firstBelowHalf(time: Float64Array, curve: Float64Array): number | null {
  const n = curve.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const y = curve[i]!;
    if (!Number.isNaN(y) && y < 0.5 + tolerance) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  const y0 = curve[first]!;
  if (Math.abs(y0 - 0.5) < tolerance) {
    for (let j = first + 1; j < n; j++) {
      const y = curve[j]!;
      if (!Number.isNaN(y) && y < y0) return (time[first]! + time[j]!) / 2;
    }
  }
  return time[first]!;
}
