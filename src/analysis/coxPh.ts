import { chiSquareUpperTail } from "../math/chiSquareUpperTail.js";
import { codeLabels, eventTableCore, validateSurvivalData, type EventTable, type Label } from "./eventTable.js";
import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { normalTwoSidedP } from "../math/normalTwoSidedP.js";
import { invertMatrix, solveLinear } from "./solveLinear.js";

export const CoxTies = ["efron", "breslow"] as const;
export type CoxTies = (typeof CoxTies)[number];
export const isCoxTies = (value: unknown): value is CoxTies => (CoxTies as readonly unknown[]).includes(value);

/** The terms of a Cox model: a group factor (dummy-coded against its first level) and/or numeric covariates. */
export interface CoxTerms {
  /** A group label per subject; coefficients compare each later level with the first (R's treatment contrasts). */
  readonly group?: ArrayLike<Label>;
  /** Level order of the group; the first is the reference. Default: numeric or string order, as R's factor(). */
  readonly groupLevels?: readonly string[];
  /** Numeric covariates by name, one value per subject, entered after the group. */
  readonly covariates?: Readonly<Record<string, ArrayLike<number>>>;
}

export interface CoxOptions {
  /** Handling of tied event times: "efron" (R's default) or "breslow". */
  readonly ties?: CoxTies;
  /** A stratum label per subject: separate baseline hazards, as `strata()` in coxph. */
  readonly strata?: ArrayLike<Label>;
  /** Coverage of the hazard-ratio intervals; default 0.95. */
  readonly confLevel?: number;
  /** Treat times closer than sqrt(machine epsilon) as tied, as R's survival does by default (`timefix = TRUE`, `aeqSurv`); default true. */
  readonly timefix?: boolean;
  /** Newton–Raphson limits, as `coxph.control(iter.max = 20, eps = 1e-9)`. */
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

/** A global test of the model: statistic, degrees of freedom, upper-tail chi-square p-value. */
export interface ChiSquareTest {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

/** A fitted Cox model, as `summary(coxph(...))`. Vectors follow `terms`. */
export interface CoxResult {
  /** Term names: `group=<level>` for each non-reference level, then the covariate names. */
  readonly terms: readonly string[];
  /** The reference level of the group, or null without a group. */
  readonly referenceGroup: string | null;
  readonly coefficients: readonly number[];
  readonly standardErrors: readonly number[];
  readonly hazardRatios: readonly number[];
  /** Limits of the hazard ratios at `confLevel`. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly z: readonly number[];
  /** Wald p-values of each coefficient. */
  readonly p: readonly number[];
  /** Covariance matrix of the coefficients (inverse information), row-major. */
  readonly variance: readonly (readonly number[])[];
  /** Partial log-likelihood at zero and at the estimate. */
  readonly logLikelihood: readonly [number, number];
  readonly likelihoodRatio: ChiSquareTest;
  readonly wald: ChiSquareTest;
  readonly score: ChiSquareTest;
  /** Newton–Raphson iterations, as `coxph(...)$iter`: iter.max + 1 (21) when the fit ran out of iterations. */
  readonly iterations: number;
  /** False where R warns "Ran out of iterations and did not converge" (the estimate is then the last improving iterate, as R's). */
  readonly converged: boolean;
  /**
   * Indices (into `terms`) of coefficients that may be infinite, by R's rule in `coxph.fit`: after
   * convergence, |u·V|ᵢ > eps and > sqrt(eps)·|βᵢ| (u the score at the estimate, V its variance), or uᵢ is
   * not finite; R then warns "Loglik converged before variable i; coefficient may be infinite". Empty
   * when the model did not converge (see `converged`).
   */
  readonly possiblyInfinite: readonly number[];
  readonly n: number;
  readonly events: number;
  readonly ties: CoxTies;
  readonly confLevel: number;
}

/**
 * Cox proportional-hazards regression by partial likelihood, as R's
 * `coxph(Surv(time, event) ~ factor(group) + x1 + … [+ strata(s)], ties = ties)`.
 *
 * Newton–Raphson from β = 0 with R's stopping rule (|1 − ℓ_old / ℓ_new| ≤ 1e-9) and step halving, so that
 * the iterates, and hence the estimates, match survival's `coxfit6` to rounding error. Efron's
 * approximation for ties: at a time with d events, the d terms of the risk-set sums remove the tied
 * events' contribution in steps of 1/d (Efron 1977); Breslow's keeps them all. Reports hazard ratios
 * with Wald limits, and the likelihood-ratio, Wald and score (log-rank for one factor) tests.
 *
 * Runs in O(n log n) to sort (the event table) plus O(n p²) per iteration for p terms.
 */
export function coxPh(time: ArrayLike<number>, event: ArrayLike<number | boolean>, terms: CoxTerms, options: CoxOptions = {}): CoxResult {
  const status = validateSurvivalData("coxPh", time, event);
  const n = time.length;
  // Design matrix, row-major: group dummies then covariates.
  const names: string[] = [];
  const columns: Float64Array[] = [];
  let referenceGroup: string | null = null;
  if (terms.group !== undefined) {
    const coding = codeLabels("coxPh", "group", terms.group, n, terms.groupLevels);
    referenceGroup = coding.levels[0]!;
    for (let level = 1; level < coding.levels.length; level++) {
      names.push(`group=${coding.levels[level]}`);
      columns.push(Float64Array.from(coding.index, (g) => (g === level ? 1 : 0)));
    }
  }
  for (const [name, values] of Object.entries(terms.covariates ?? {})) {
    if (values.length !== n) throw new RangeError(`coxPh: covariate ${name} must have ${n} values, got ${values.length}`);
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(`coxPh: covariate ${name}[${i}] must be a finite number, got ${String(v)}`);
      column[i] = v;
    }
    names.push(name);
    columns.push(column);
  }
  if (names.length === 0) throw new RangeError("coxPh requires at least one term (a group with two or more levels, or a covariate)");
  const strata = codeLabels("coxPh", "strata", options.strata, n);
  const fit = fitOptions(options);
  if (terms.covariates === undefined || Object.keys(terms.covariates).length === 0) {
    // A group factor only: subjects with the same group and time are interchangeable, so the model is
    // fitted on the event table's cells (row × group) instead of on subjects.
    const coding = codeLabels("coxPh", "group", terms.group!, n, terms.groupLevels);
    return coxPhFromTable(eventTableCore(time, status, coding.index, coding.levels, strata.index, strata.levels, options.timefix ?? true), options);
  }
  // Sort once through the event table: subjects ordered by (stratum, time).
  const none = new Int32Array(n);
  const table = eventTableCore(time, status, none, ["all"], strata.index, strata.levels, options.timefix ?? true);
  const rows = table.time.length;
  const rowStart = new Int32Array(rows + 1);
  for (let i = 0; i < n; i++) rowStart[table.row[i]! + 1]! += 1;
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  const order = new Int32Array(n);
  const fill = rowStart.slice(0, rows);
  for (let i = 0; i < n; i++) order[fill[table.row[i]!]!++] = i;
  const p = names.length;
  const x = new Float64Array(n * p);
  const deaths = new Float64Array(n);
  const censored = new Float64Array(n);
  const cellRow = new Int32Array(n);
  for (let c = 0; c < p; c++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += columns[c]![i]!;
    mean /= n;
    for (let k = 0; k < n; k++) x[k * p + c] = columns[c]![order[k]!]! - mean;
  }
  for (let k = 0; k < n; k++) {
    deaths[k] = status[order[k]!]!;
    censored[k] = 1 - deaths[k]!;
    cellRow[k] = table.row[order[k]!]!;
  }
  const stratumEnd = Int32Array.from({ length: strata.levels.length }, (_, s) => rowStart[table.stratumStart[s + 1]!]!);
  const data: CoxData = { n, p, x, deaths, censored, row: cellRow, stratumEnd, efron: fit.ties === "efron" };
  return fitCox(data, names, referenceGroup, fit);
}

interface CoxFitOptions {
  readonly ties: CoxTies;
  readonly confLevel: number;
  readonly maxIterations: number;
  readonly tolerance: number;
}

function fitOptions(options: CoxOptions): CoxFitOptions {
  const ties = options.ties ?? "efron";
  if (!isCoxTies(ties)) throw new RangeError(`coxPh: ties must be "efron" or "breslow", got ${String(ties)}`);
  const confLevel = options.confLevel ?? 0.95;
  if (!(confLevel > 0 && confLevel < 1)) throw new RangeError(`coxPh: confLevel must be in (0, 1), got ${String(confLevel)}`);
  return { ties, confLevel, maxIterations: options.maxIterations ?? 20, tolerance: options.tolerance ?? 1e-9 };
}

/**
 * The Cox model for the group factor of an event table (with its strata): as {@link coxPh} with
 * `{group}` only, but fitted on the cells (distinct time × group) of the table, which costs O(rows · k)
 * per iteration instead of O(n). Needs at least two groups.
 */
export function coxPhFromTable(table: EventTable, options: Omit<CoxOptions, "strata"> = {}): CoxResult {
  const fit = fitOptions(options);
  const k = table.groups.length;
  if (k < 2) throw new RangeError("coxPh requires at least one term (a group with two or more levels, or a covariate)");
  const p = k - 1;
  const counts = new Float64Array(k);
  for (let i = 0; i < table.n; i++) counts[table.groupIndex[i]!]! += 1;
  const means = Array.from({ length: p }, (_, c) => counts[c + 1]! / table.n);
  let cells = 0;
  for (let cell = 0; cell < table.nEvent.length; cell++) if (table.nEvent[cell]! + table.nCensor[cell]! > 0) cells++;
  const x = new Float64Array(cells * p);
  const deaths = new Float64Array(cells);
  const censored = new Float64Array(cells);
  const row = new Int32Array(cells);
  const stratumEnd = new Int32Array(table.strata.length);
  let at = 0;
  for (let s = 0; s < table.strata.length; s++) {
    for (let r = table.stratumStart[s]!; r < table.stratumStart[s + 1]!; r++) {
      for (let g = 0; g < k; g++) {
        const cell = r * k + g;
        if (table.nEvent[cell]! + table.nCensor[cell]! === 0) continue;
        for (let c = 0; c < p; c++) x[at * p + c] = (g === c + 1 ? 1 : 0) - means[c]!;
        deaths[at] = table.nEvent[cell]!;
        censored[at] = table.nCensor[cell]!;
        row[at] = r;
        at++;
      }
    }
    stratumEnd[s] = at;
  }
  const names = table.groups.slice(1).map((level) => `group=${level}`);
  return fitCox({ n: table.n, p, x, deaths, censored, row, stratumEnd, efron: fit.ties === "efron" }, names, table.groups[0]!, fit);
}

/**
 * The data of a Cox fit as cells: subjects sharing a time and covariate pattern, with their numbers of
 * events and censorings (one subject per cell with numeric covariates), sorted by (stratum, time).
 */
interface CoxData {
  /** Number of subjects. */
  readonly n: number;
  readonly p: number;
  /** Centred covariates of the cells, row-major cells × p. */
  readonly x: Float64Array;
  readonly deaths: Float64Array;
  readonly censored: Float64Array;
  /** Distinct-time row of each cell: equal rows are tied times. */
  readonly row: Int32Array;
  /** One past the last cell of each stratum. */
  readonly stratumEnd: Int32Array;
  readonly efron: boolean;
}

interface CoxEvaluation {
  logLikelihood: number;
  score: number[];
  information: number[][];
}

function fitCox(data: CoxData, terms: string[], referenceGroup: string | null, options: CoxFitOptions): CoxResult {
  const { ties, confLevel, maxIterations, tolerance } = options;
  const p = data.p;
  let beta = new Array<number>(p).fill(0);
  const initial = evaluate(data, beta);
  const initialStep = solveLinear(initial.information, initial.score);
  if (initialStep === null) throw new RangeError("coxPh: the information matrix is singular at zero (a term is constant or collinear)");
  const scoreStatistic = initialStep.reduce((sum, v, i) => sum + v * initial.score[i]!, 0);
  let best = initial.logLikelihood;
  let newBeta = beta.map((b, i) => b + initialStep[i]!);
  let halving = 0;
  let converged = false;
  let iterations = 0;
  let current = initial;
  for (iterations = 1; iterations <= maxIterations; iterations++) {
    current = evaluate(data, newBeta);
    const finite =
      Number.isFinite(current.logLikelihood) && current.score.every(Number.isFinite) && current.information.every((row) => row.every(Number.isFinite));
    if (finite && Math.abs(1 - best / current.logLikelihood) <= tolerance) {
      best = current.logLikelihood;
      beta = newBeta;
      converged = true;
      break;
    }
    // No early exit on the last iteration: as coxfit6, the last improving step is still taken into `beta`, so
    // that a fit that runs out of iterations returns the same (last good) estimate as R.
    if (!finite || current.logLikelihood < best) {
      halving++;
      newBeta = newBeta.map((b, i) => (b + halving * beta[i]!) / (halving + 1));
    } else {
      halving = 0;
      best = current.logLikelihood;
      const step = solveLinear(current.information, current.score);
      if (step === null) break;
      beta = newBeta;
      newBeta = newBeta.map((b, i) => b + step[i]!);
    }
  }
  if (!converged) {
    // R's loop counter ends at iter.max + 1 (`coxph(...)$iter` is 21 with the default 20); report the same.
    current = evaluate(data, beta);
    best = current.logLikelihood;
  }
  const variance = invertMatrix(current.information);
  if (variance === null) throw new RangeError("coxPh: the information matrix is singular at the estimate");
  const z = inverseNormalCdf(1 - (1 - confLevel) / 2);
  const standardErrors = variance.map((row, i) => Math.sqrt(row[i]!));
  const waldSolution = solveLinear(variance, beta) ?? beta.map(() => NaN);
  const waldStatistic = waldSolution.reduce((sum, v, i) => sum + v * beta[i]!, 0);
  const lrStatistic = 2 * (best - initial.logLikelihood);
  let events = 0;
  for (let k = 0; k < data.deaths.length; k++) events += data.deaths[k]!;
  // R's check for infinite coefficients (coxph.fit, with coxph.control's eps = 1e-9 and toler.inf = sqrt(eps)).
  const possiblyInfinite: number[] = [];
  if (converged) {
    for (let i = 0; i < p; i++) {
      let uv = 0;
      for (let j = 0; j < p; j++) uv += current.score[j]! * variance[j]![i]!;
      const size = Math.abs(uv);
      if (!Number.isFinite(current.score[i]!) || (size > tolerance && size > Math.sqrt(tolerance) * Math.abs(beta[i]!))) possiblyInfinite.push(i);
    }
  }
  return {
    terms,
    referenceGroup,
    coefficients: beta,
    standardErrors,
    hazardRatios: beta.map(Math.exp),
    lower: beta.map((b, i) => Math.exp(b - z * standardErrors[i]!)),
    upper: beta.map((b, i) => Math.exp(b + z * standardErrors[i]!)),
    z: beta.map((b, i) => b / standardErrors[i]!),
    p: beta.map((b, i) => normalTwoSidedP(b / standardErrors[i]!)),
    variance,
    logLikelihood: [initial.logLikelihood, best],
    likelihoodRatio: { statistic: lrStatistic, df: p, p: chiSquareUpperTail(lrStatistic, p) },
    wald: { statistic: waldStatistic, df: p, p: chiSquareUpperTail(waldStatistic, p) },
    score: { statistic: scoreStatistic, df: p, p: chiSquareUpperTail(scoreStatistic, p) },
    iterations,
    converged,
    possiblyInfinite,
    n: data.n,
    events,
    ties,
    confLevel,
  };
}

/**
 * Partial log-likelihood, score vector and information matrix at beta (survival's `coxfit6_iter`):
 * walk the subjects from the latest time back, growing the risk-set sums, and add each block of tied
 * events with Breslow's or Efron's rule.
 */
function evaluate(data: CoxData, beta: readonly number[]): CoxEvaluation {
  const { p, x, deaths: cellDeaths, censored, row, stratumEnd, efron } = data;
  let logLikelihood = 0;
  const score = new Float64Array(p);
  const info = new Float64Array(p * p); // upper triangle used: info[j * p + i], j ≤ i
  const sum1 = new Float64Array(p); // Σ risk · x over the risk set
  const sum2 = new Float64Array(p * p); // Σ risk · x xᵀ (lower triangle)
  const deadSum1 = new Float64Array(p);
  const deadSum2 = new Float64Array(p * p);
  const coefficients = Float64Array.from(beta);
  let stratumFirst = 0;
  for (let s = 0; s < stratumEnd.length; s++) {
    const end = stratumEnd[s]!;
    let denominator = 0;
    sum1.fill(0);
    sum2.fill(0);
    let cell = end - 1;
    while (cell >= stratumFirst) {
      const tiedRow = row[cell]!;
      let deaths = 0;
      let deadRisk = 0;
      for (let i = 0; i < p; i++) deadSum1[i] = 0;
      for (let i = 0; i < p * p; i++) deadSum2[i] = 0;
      while (cell >= stratumFirst && row[cell] === tiedRow) {
        const base = cell * p;
        let linear = 0;
        for (let i = 0; i < p; i++) linear += coefficients[i]! * x[base + i]!;
        const risk = Math.exp(linear);
        const c = censored[cell]!;
        if (c > 0) {
          const weight = c * risk;
          denominator += weight;
          for (let i = 0; i < p; i++) {
            const xi = x[base + i]!;
            sum1[i]! += weight * xi;
            for (let j = 0; j <= i; j++) sum2[i * p + j]! += weight * xi * x[base + j]!;
          }
        }
        const d = cellDeaths[cell]!;
        if (d > 0) {
          const weight = d * risk;
          deaths += d;
          deadRisk += weight;
          logLikelihood += d * linear;
          for (let i = 0; i < p; i++) {
            const xi = x[base + i]!;
            score[i]! += d * xi;
            deadSum1[i]! += weight * xi;
            for (let j = 0; j <= i; j++) deadSum2[i * p + j]! += weight * xi * x[base + j]!;
          }
        }
        cell--;
      }
      if (deaths === 0) continue;
      const steps = efron && deaths > 1 ? deaths : 1;
      const weight = deaths / steps;
      if (p === 1) {
        // One term (two groups): the same arithmetic on scalars, the hot path of large two-arm data.
        let s1 = sum1[0]!;
        let s2 = sum2[0]!;
        let u = score[0]!;
        let information = info[0]!;
        const add1 = deadSum1[0]! / steps;
        const add2 = deadSum2[0]! / steps;
        const addRisk = deadRisk / steps;
        for (let k = 0; k < steps; k++) {
          denominator += addRisk;
          logLikelihood -= weight * Math.log(denominator);
          s1 += add1;
          const mean = s1 / denominator;
          u -= weight * mean;
          s2 += add2;
          information += (weight * (s2 - mean * s1)) / denominator;
        }
        sum1[0] = s1;
        sum2[0] = s2;
        score[0] = u;
        info[0] = information;
        continue;
      }
      for (let k = 0; k < steps; k++) {
        denominator += deadRisk / steps;
        logLikelihood -= weight * Math.log(denominator);
        for (let i = 0; i < p; i++) {
          sum1[i]! += deadSum1[i]! / steps;
          const mean = sum1[i]! / denominator;
          score[i]! -= weight * mean;
          for (let j = 0; j <= i; j++) {
            sum2[i * p + j]! += deadSum2[i * p + j]! / steps;
            info[j * p + i]! += (weight * (sum2[i * p + j]! - mean * sum1[j]!)) / denominator;
          }
        }
      }
    }
    stratumFirst = end;
  }
  const information = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (j >= i ? info[i * p + j]! : info[j * p + i]!)));
  return { logLikelihood, score: Array.from(score), information };
}
