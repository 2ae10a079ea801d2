import { choleskyFactor } from "../math/choleskyFactor.js";
import type { FieldReader } from "./FieldReader.js";

/** The parametric families a registry curve can be fitted with (names as `pnen-sim fit --dist`). */
export const evidenceCurveDistributions = ["exponential", "weibull", "logNormal", "logLogistic", "gompertz"] as const;
export type EvidenceCurveDistribution = (typeof evidenceCurveDistributions)[number];

/**
 * The names of a one-curve fit's parameters, as `pnen-sim fit --json` (and R's survreg, for its families) gives
 * them: the survreg families are (Intercept) and Log(scale) on the log-time scale; Gompertz is shape and
 * log(rate) (flexsurv's parameterisation).
 */
export const evidenceCurveParameterNames: Readonly<Record<EvidenceCurveDistribution, readonly string[]>> = {
  exponential: ["(Intercept)"],
  weibull: ["(Intercept)", "Log(scale)"],
  logNormal: ["(Intercept)", "Log(scale)"],
  logLogistic: ["(Intercept)", "Log(scale)"],
  gompertz: ["shape", "log(rate)"],
};

/** Reconstructed (or published) individual patient data: time in months, event 1 (progression or death) or 0 (censored). */
export interface CurveData {
  readonly time: readonly number[];
  readonly event: readonly number[];
}

/** A parametric fit of the curve: the maximum-likelihood estimates and their covariance (inverse observed information). */
export interface CurveFit {
  readonly parameterNames: readonly string[];
  readonly estimates: readonly number[];
  readonly covariance: readonly (readonly number[])[];
}

/**
 * A whole survival curve carried by a registry figure (issue 16), in one of two forms (or both):
 * - `ipd`: the path (relative to data/) of individual patient data reconstructed from the published Kaplan–Meier
 *   plot (`pnen-sim reconstruct`: CSV `time,event`); the Node loader reads it into `data`;
 * - `fit`: the parameters of the chosen parametric fit and their covariance, as `pnen-sim fit --json` reports them
 *   (or as a publication gives them).
 *
 * `distribution` is the chosen family (by AIC and visual fit: NICE DSU TSD 14); with only `data`, the model fits it
 * when the registry is resolved; with both, `fit` must equal the fit of `data` (a stale fit is an error).
 * `followUpMonths` is how far the data reach: the calibration matches the curve over (0, followUpMonths] and
 * the fitted family extrapolates beyond. `source` says how the curve was obtained.
 */
export interface EvidenceCurve {
  readonly distribution: EvidenceCurveDistribution;
  readonly source: string;
  readonly followUpMonths: number;
  readonly ipd?: string;
  readonly data?: CurveData;
  readonly fit?: CurveFit;
}

/** A data/-relative path of a CSV file, without `..` (the loader reads nothing outside data/). */
export const curveIpdPattern = /^(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_][A-Za-z0-9._/-]*\.csv$/;

/**
 * Reads and checks a figure's `curve` (every problem named by its field): a known distribution, a source, a
 * positive follow-up, and at least one of `ipd` (whose data must be among `ipdFiles`, the registry's CSV files)
 * and `fit` (parameter names as the distribution has them, finite estimates, a symmetric positive-definite
 * covariance). Undefined when broken (the problems are already reported). O(records of the IPD).
 */
export function readEvidenceCurve(reader: FieldReader, ipdFiles: ReadonlyMap<string, CurveData | string>): EvidenceCurve | undefined {
  const distribution = reader.oneOf("distribution", evidenceCurveDistributions);
  const source = reader.string("source");
  const followUpMonths = reader.number("followUpMonths");
  let ok = true;
  const ipd = reader.string("ipd");
  if (reader.has("ipd") && ipd === undefined) ok = false;
  let data: CurveData | undefined;
  if (ipd !== undefined) {
    const found = ipdFiles.get(ipd);
    if (found === undefined) {
      reader.problem("ipd", `no patient data loaded for ${ipd} (the Node loader reads data/${ipd}; a bundle must carry it as a registry file with that path)`);
      ok = false;
    } else if (typeof found === "string") {
      reader.problem("ipd", found);
      ok = false;
    } else data = found;
  }
  let fit: CurveFit | undefined;
  const fitReader = reader.object("fit");
  if (fitReader !== undefined && distribution !== undefined) {
    const names = evidenceCurveParameterNames[distribution];
    const parameterNames = fitReader.stringArray("parameterNames");
    if (parameterNames !== undefined && (parameterNames.length !== names.length || parameterNames.some((n, i) => n !== names[i]))) {
      fitReader.problem("parameterNames", `expected ${JSON.stringify(names)} for a ${distribution} fit without a group (as pnen-sim fit --json gives them), got ${JSON.stringify(parameterNames)}`);
      ok = false;
    }
    const estimates = fitReader.numberArray("estimates");
    if (estimates !== undefined && estimates.length !== names.length) {
      fitReader.problem("estimates", `expected ${names.length} estimate${names.length === 1 ? "" : "s"} (${names.join(", ")}), got ${estimates.length}`);
      ok = false;
    }
    const covariance = fitReader.numberMatrix("covariance", names.length);
    if (covariance !== undefined && choleskyFactor(covariance) === null) {
      fitReader.problem("covariance", "expected a symmetric positive-definite matrix (the inverse of the observed information)");
      ok = false;
    }
    fitReader.rejectUnknownFields();
    if (parameterNames === undefined || estimates === undefined || covariance === undefined) ok = false;
    else if (ok) fit = { parameterNames, estimates, covariance };
  } else if (reader.has("fit") && fitReader === undefined) ok = false;
  if (ok && ipd === undefined && !reader.has("fit")) {
    reader.problem("fit", "a curve needs its patient data (ipd) or its fitted parameters (fit), or both");
    ok = false;
  }
  if (!ok || distribution === undefined || source === undefined || followUpMonths === undefined) return undefined;
  return { distribution, source, followUpMonths, ...(ipd !== undefined && { ipd }), ...(data !== undefined && { data }), ...(fit !== undefined && { fit }) };
}

/**
 * Checks the content of a registry CSV file of patient data (`{time, event}` columns as the Node loader reads them,
 * or `{unreadable: message}` when it could not): equal lengths, times positive and finite, events 0 or 1, at least
 * one event. Returns the data, or a message.
 */
export function checkCurveData(content: unknown): CurveData | string {
  const record = content as { time?: unknown; event?: unknown; unreadable?: unknown } | null;
  if (typeof record?.unreadable === "string") return record.unreadable;
  const time = record?.time;
  const event = record?.event;
  if (!Array.isArray(time) || !Array.isArray(event)) return "expected columns time and event";
  if (time.length !== event.length) return `expected as many events as times, got ${event.length} and ${time.length}`;
  if (time.length === 0) return "no patients";
  const badTime = time.findIndex((t) => !(typeof t === "number" && Number.isFinite(t) && t > 0));
  if (badTime >= 0) return `row ${badTime + 1}: time: expected a positive number of months, got ${JSON.stringify(time[badTime])}`;
  const badEvent = event.findIndex((e) => e !== 0 && e !== 1);
  if (badEvent >= 0) return `row ${badEvent + 1}: event: expected 0 or 1, got ${JSON.stringify(event[badEvent])}`;
  if (!event.includes(1)) return "no events: a curve cannot be fitted";
  return { time: time as number[], event: event as number[] };
}
