import { InputError } from "../util/InputError.js";
import {
  dropoutRateFromAnnualProportion,
  TrialEndpoints,
  isTrialEndpoint,
  isMultiplicity,
  isTestKind,
  Multiplicities,
  TestKinds,
  type AccrualSpec,
  type ArmSurvivalSpec,
  type StratumSpec,
  type TestSpec,
  type TrialArm,
  type TrialDesign,
} from "./TrialDesign.js";

/** Defaults for the optional fields of a design JSON (and of the `pnen-sim power` flags). */
export const designDefaults = {
  n: 200,
  accrualMonths: 24,
  followUpMonths: 24,
  alpha: 0.05,
  sims: 2000,
  seed: 1,
  multiplicity: "bonferroni",
} as const;

/**
 * Validates a design JSON (see data/designs/*.json) and returns a {@link TrialDesign}; every problem is
 * reported at once with its field path, e.g. `arms[1].median: expected a positive number, got -3`, in one
 * {@link InputError} whose message starts with `source`.
 *
 * Fields (months throughout): `arms` (≥ 2; the first is the control; each with `label`, optional `allocation`
 * weight (1), and exactly one of `median` (+ optional Weibull `shape`, 1 = exponential), `hazardRatio` (vs the
 * control), `mixture` [{weight, median, shape?}] or `strategy` (an id of data/strategies, with `endpoint`
 * "pfs" (default) or "os"; simulated on `scenario`, default "default", see `resolveStrategyArmsNode`)), `n`, `accrual` ({months} or {ratePerMonth}, optional
 * `rampMonths`), `followUpMonths`, optional `targetEvents` (event-driven analysis), `dropout` ({ratePerMonth}
 * or {annualProportion}), `strata` [{label, proportion, hazardMultiplier}], `test` ("logrank",
 * "stratified-logrank", "cox-wald" or {type: "rmst", tau}), `alpha`, `multiplicity`, `sims`, `seed`.
 * A top-level `description` is allowed and ignored.
 */
/**
 * The largest trial pnen-sim simulates (patients, all arms): the sample-size search's ceiling too. Larger
 * values are refused with a message instead of running out of memory or time.
 */
export const maximumTrialSize = 200_000;

export function parseTrialDesign(json: unknown, source = "design"): TrialDesign {
  const problems: string[] = [];
  const check = new Checker(problems);
  const root = check.object(json, "(design)");
  if (root === null) throw new InputError(`${source}: invalid trial design`, problems);
  check.knownKeys(root, "", ["description", "scenario", "arms", "n", "accrual", "followUpMonths", "targetEvents", "dropout", "strata", "test", "alpha", "multiplicity", "sims", "seed"]);

  const arms: TrialArm[] = [];
  if (!Array.isArray(root.arms) || root.arms.length < 2) problems.push(`arms: expected an array of at least two arms (the first is the control), got ${show(root.arms)}`);
  else root.arms.forEach((value: unknown, index: number) => {
    const arm = parseArm(check, value, `arms[${index}]`, index === 0);
    if (arm !== null) arms.push(arm);
  });
  if (arms.length >= 2) {
    const labels = new Set<string>();
    arms.forEach((arm, index) => {
      if (labels.has(arm.label)) problems.push(`arms[${index}].label: duplicate label '${arm.label}'`);
      labels.add(arm.label);
    });
  }

  const n = check.integer(root.n ?? designDefaults.n, "n", 2, maximumTrialSize);
  const accrual = parseAccrual(check, root.accrual ?? { months: designDefaults.accrualMonths });
  const followUpMonths = check.number(root.followUpMonths ?? designDefaults.followUpMonths, "followUpMonths", { min: 0 });
  const targetEvents = root.targetEvents === undefined || root.targetEvents === null ? null : check.integer(root.targetEvents, "targetEvents", 1);
  if (targetEvents === null && followUpMonths === 0 && accrual?.kind === "duration" && accrual.months === 0) {
    problems.push("followUpMonths: expected a number > 0 when accrual.months is 0 (the analysis would be at month 0, before any event)");
  }
  const dropout = parseDropout(check, root.dropout ?? { ratePerMonth: 0 });
  const strata: StratumSpec[] = [];
  if (root.strata !== undefined) {
    if (!Array.isArray(root.strata)) problems.push(`strata: expected an array, got ${show(root.strata)}`);
    else root.strata.forEach((value: unknown, index: number) => {
      const path = `strata[${index}]`;
      const stratum = check.object(value, path);
      if (stratum === null) return;
      check.knownKeys(stratum, path, ["label", "proportion", "hazardMultiplier"]);
      strata.push({
        label: check.string(stratum.label ?? `stratum ${index + 1}`, `${path}.label`),
        proportion: check.number(stratum.proportion, `${path}.proportion`, { exclusiveMin: 0 }),
        hazardMultiplier: check.number(stratum.hazardMultiplier ?? 1, `${path}.hazardMultiplier`, { exclusiveMin: 0 }),
      });
    });
    if (strata.length > 255) problems.push("strata: at most 255 strata");
  }
  const test = parseTest(check, root.test ?? "logrank");
  if (test?.kind === "stratified-logrank" && strata.length === 0) problems.push("test: stratified-logrank needs strata");
  const alpha = check.number(root.alpha ?? designDefaults.alpha, "alpha", { exclusiveMin: 0, exclusiveMax: 1 });
  const multiplicity = root.multiplicity ?? designDefaults.multiplicity;
  if (!isMultiplicity(multiplicity)) problems.push(`multiplicity: expected one of ${Multiplicities.join(", ")}, got ${show(multiplicity)}`);
  const sims = check.integer(root.sims ?? designDefaults.sims, "sims", 1);
  const seed = root.seed ?? designDefaults.seed;
  if (!(typeof seed === "string" || (typeof seed === "number" && Number.isFinite(seed)))) problems.push(`seed: expected a number or a string, got ${show(seed)}`);
  if (arms.length > 255) problems.push("arms: at most 255 arms");
  const scenario = root.scenario === undefined || root.scenario === null ? null : check.string(root.scenario, "scenario");
  if (scenario !== null && !arms.some((arm) => arm.survival.kind === "strategy")) problems.push("scenario: only used by strategy arms (none given)");
  if (targetEvents !== null && targetEvents > n) problems.push(`targetEvents: expected at most n = ${n}, got ${targetEvents}`);

  if (problems.length > 0 || accrual === null || dropout === null || test === null) throw new InputError(`${source}: invalid trial design (${problems.length} problem${problems.length === 1 ? "" : "s"})`, problems);
  return { scenario, arms, n, accrual, followUpMonths, targetEvents, dropout, strata, test, alpha, multiplicity: multiplicity as TrialDesign["multiplicity"], sims, seed: seed as number | string };
}

function parseArm(check: Checker, value: unknown, path: string, isControl: boolean): TrialArm | null {
  const arm = check.object(value, path);
  if (arm === null) return null;
  check.knownKeys(arm, path, ["label", "allocation", "median", "shape", "hazardRatio", "mixture", "strategy", "endpoint", "treatment"]);
  const label = check.string(arm.label, `${path}.label`);
  const allocation = check.number(arm.allocation ?? 1, `${path}.allocation`, { exclusiveMin: 0 });
  const given = ["median", "hazardRatio", "mixture", "strategy", "treatment"].filter((key) => arm[key] !== undefined);
  if (given.length !== 1) {
    check.problems.push(`${path}: expected exactly one of median, hazardRatio, mixture, strategy${given.length > 1 ? `, got ${given.join(" and ")}` : ""}`);
    return null;
  }
  let survival: ArmSurvivalSpec | null = null;
  switch (given[0]) {
    case "median":
      survival = { kind: "weibull", median: check.number(arm.median, `${path}.median`, { exclusiveMin: 0 }), shape: check.number(arm.shape ?? 1, `${path}.shape`, { exclusiveMin: 0 }) };
      break;
    case "hazardRatio":
      if (isControl) check.problems.push(`${path}.hazardRatio: the control arm (arms[0]) needs a median or a mixture, not a hazard ratio`);
      survival = { kind: "hazardRatio", hazardRatio: check.number(arm.hazardRatio, `${path}.hazardRatio`, { exclusiveMin: 0 }) };
      break;
    case "mixture": {
      if (!Array.isArray(arm.mixture) || arm.mixture.length === 0) {
        check.problems.push(`${path}.mixture: expected a non-empty array of {weight, median, shape?}, got ${show(arm.mixture)}`);
        return null;
      }
      const components = arm.mixture.map((item: unknown, index: number) => {
        const componentPath = `${path}.mixture[${index}]`;
        const component = check.object(item, componentPath) ?? {};
        check.knownKeys(component, componentPath, ["weight", "median", "shape", "label"]);
        return {
          weight: check.number(component.weight, `${componentPath}.weight`, { exclusiveMin: 0 }),
          median: check.number(component.median, `${componentPath}.median`, { exclusiveMin: 0 }),
          shape: check.number(component.shape ?? 1, `${componentPath}.shape`, { exclusiveMin: 0 }),
        };
      });
      survival = { kind: "mixture", components };
      break;
    }
    case "strategy": {
      const endpoint = arm.endpoint ?? "pfs";
      if (!isTrialEndpoint(endpoint)) check.problems.push(`${path}.endpoint: expected one of ${TrialEndpoints.join(", ")}, got ${show(endpoint)}`);
      survival = { kind: "strategy", strategy: check.string(arm.strategy, `${path}.strategy`), endpoint: isTrialEndpoint(endpoint) ? endpoint : "pfs" };
      break;
    }
    default:
      check.problems.push(`${path}.treatment: a single treatment has no pathway of its own in the engine; give the strategy (data/strategies) that uses it, or a median, hazardRatio or mixture`);
      return null;
  }
  if (arm.endpoint !== undefined && given[0] !== "strategy") check.problems.push(`${path}.endpoint: only allowed with strategy`);
  if (arm.shape !== undefined && given[0] !== "median") check.problems.push(`${path}.shape: only allowed with median`);
  return { label, allocation, survival };
}

function parseAccrual(check: Checker, value: unknown): AccrualSpec | null {
  const accrual = check.object(value, "accrual");
  if (accrual === null) return null;
  check.knownKeys(accrual, "accrual", ["months", "ratePerMonth", "rampMonths", "shape"]);
  const shape = accrual.shape ?? (accrual.rampMonths !== undefined ? "ramped" : "uniform");
  if (shape !== "uniform" && shape !== "ramped") check.problems.push(`accrual.shape: expected uniform or ramped, got ${show(shape)}`);
  if (shape === "ramped" && accrual.rampMonths === undefined) check.problems.push("accrual.rampMonths: required when accrual.shape is ramped");
  if (shape === "uniform" && accrual.rampMonths !== undefined && accrual.rampMonths !== 0) check.problems.push("accrual.rampMonths: only allowed when accrual.shape is ramped");
  const rampMonths = shape === "ramped" ? check.number(accrual.rampMonths, "accrual.rampMonths", { min: 0 }) : 0;
  if ((accrual.months === undefined) === (accrual.ratePerMonth === undefined)) {
    check.problems.push("accrual: expected exactly one of months (duration) and ratePerMonth");
    return null;
  }
  if (accrual.months !== undefined) return { kind: "duration", months: check.number(accrual.months, "accrual.months", { min: 0 }), rampMonths };
  return { kind: "rate", perMonth: check.number(accrual.ratePerMonth, "accrual.ratePerMonth", { exclusiveMin: 0 }), rampMonths };
}

function parseDropout(check: Checker, value: unknown): TrialDesign["dropout"] | null {
  const dropout = check.object(value, "dropout");
  if (dropout === null) return null;
  check.knownKeys(dropout, "dropout", ["ratePerMonth", "annualProportion"]);
  if (dropout.ratePerMonth !== undefined && dropout.annualProportion !== undefined) check.problems.push("dropout: expected one of ratePerMonth and annualProportion, not both");
  if (dropout.annualProportion !== undefined) return { ratePerMonth: dropoutRateFromAnnualProportion(check.number(dropout.annualProportion, "dropout.annualProportion", { min: 0, exclusiveMax: 1 })) };
  return { ratePerMonth: check.number(dropout.ratePerMonth ?? 0, "dropout.ratePerMonth", { min: 0 }) };
}

function parseTest(check: Checker, value: unknown): TestSpec | null {
  const test = typeof value === "string" ? { type: value } : check.object(value, "test");
  if (test === null) return null;
  check.knownKeys(test, "test", ["type", "tau"]);
  const kind = test.type;
  if (!isTestKind(kind)) {
    check.problems.push(`test.type: expected one of ${TestKinds.join(", ")}, got ${show(kind)}`);
    return null;
  }
  if (kind === "rmst") return { kind, tau: check.number(test.tau, "test.tau", { exclusiveMin: 0 }) };
  if (test.tau !== undefined) check.problems.push("test.tau: only allowed with the rmst test");
  return { kind };
}

type Json = Record<string, any>;

/** Collects problems with their paths; returns placeholder values so that checking can go on. */
class Checker {
  constructor(readonly problems: string[]) {}
  object(value: unknown, path: string): Json | null {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Json;
    this.problems.push(`${path}: expected an object, got ${show(value)}`);
    return null;
  }
  knownKeys(value: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.problems.push(`${path ? `${path}.` : ""}${key}: unknown field (expected ${allowed.join(", ")})`);
  }
  string(value: unknown, path: string): string {
    if (typeof value === "string" && value.trim() !== "") return value;
    this.problems.push(`${path}: expected a non-empty string, got ${show(value)}`);
    return "";
  }
  number(value: unknown, path: string, bounds: { min?: number; exclusiveMin?: number; exclusiveMax?: number } = {}): number {
    const ok =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (bounds.min === undefined || value >= bounds.min) &&
      (bounds.exclusiveMin === undefined || value > bounds.exclusiveMin) &&
      (bounds.exclusiveMax === undefined || value < bounds.exclusiveMax);
    if (ok) return value as number;
    const expected = bounds.exclusiveMin === 0 && bounds.exclusiveMax === undefined ? "a positive number" : ["a number", bounds.min !== undefined ? `>= ${bounds.min}` : "", bounds.exclusiveMin !== undefined && bounds.exclusiveMin !== 0 ? `> ${bounds.exclusiveMin}` : bounds.exclusiveMin === 0 ? "> 0" : "", bounds.exclusiveMax !== undefined ? `< ${bounds.exclusiveMax}` : ""].filter(Boolean).join(" ");
    this.problems.push(`${path}: expected ${expected}, got ${show(value)}`);
    return 1;
  }
  integer(value: unknown, path: string, min: number, max = Number.POSITIVE_INFINITY): number {
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return value;
    if (typeof value === "number" && Number.isInteger(value) && value > max) this.problems.push(`${path}: expected an integer <= ${max}, got ${show(value)}`);
    else this.problems.push(`${path}: expected an integer >= ${min}, got ${show(value)}`);
    return min;
  }
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
