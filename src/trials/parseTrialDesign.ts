import { InputError } from "../util/InputError.js";
import { isSpendingFamily, SpendingFamilies } from "./spendingFunction.js";
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
  type DropoutPiece,
  type SequentialFutilitySpec,
  type SequentialSpec,
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
 *
 * Piecewise forms: an arm `piecewise` [{fromMonth, ratePerMonth | median}] (piecewise-exponential hazard, the
 * first from month 0); a `hazardRatio` arm with `delayMonths` (no effect before that month); accrual
 * `piecewise` [{fromMonth, perMonth}] (patients a month, the last rate until n are in); dropout `piecewise`
 * [{fromMonth, ratePerMonth | annualProportion}]. A `sequential` block adds interim analyses: {analyses:
 * [0.5, 0.75, 1], spending: "obf" | "pocock" | "hsd", gamma (hsd, default −4), classical (false), sided (1),
 * futility: null | "obf" | {spending, gamma} | {z: [one per interim]}, targetPower (null)}; see
 * {@link parseSequential}.
 */
/**
 * The largest trial pnen-sim simulates (patients, all arms): the sample-size search's ceiling too. Larger
 * values are refused with a message instead of running out of memory or time.
 */
export const maximumTrialSize = 200_000;

/** The most simulated trials one power run may ask for (each is a whole trial; 1,000,000 already takes hours). */
export const maximumSimulations = 1_000_000;

export function parseTrialDesign(json: unknown, source = "design"): TrialDesign {
  const problems: string[] = [];
  const check = new Checker(problems);
  const root = check.object(json, "(design)");
  if (root === null) throw new InputError(`${source}: invalid trial design`, problems);
  check.knownKeys(root, "", ["description", "scenario", "arms", "n", "accrual", "followUpMonths", "targetEvents", "dropout", "strata", "test", "alpha", "multiplicity", "sims", "seed", "sequential"]);

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
  const sims = check.integer(root.sims ?? designDefaults.sims, "sims", 1, maximumSimulations);
  const seed = root.seed ?? designDefaults.seed;
  if (!(typeof seed === "string" || (typeof seed === "number" && Number.isFinite(seed)))) problems.push(`seed: expected a number or a string, got ${show(seed)}`);
  if (arms.length > 255) problems.push("arms: at most 255 arms");
  const scenario = root.scenario === undefined || root.scenario === null ? null : check.string(root.scenario, "scenario");
  if (scenario !== null && !arms.some((arm) => arm.survival.kind === "strategy")) problems.push("scenario: only used by strategy arms (none given)");
  if (targetEvents !== null && targetEvents > n) problems.push(`targetEvents: expected at most n = ${n}, got ${targetEvents}`);
  const sequential = root.sequential === undefined || root.sequential === null ? null : parseSequential(check, root.sequential, "sequential");
  if (root.sequential !== undefined && root.sequential !== null) {
    if (arms.length > 2 || (Array.isArray(root.arms) && root.arms.length > 2)) problems.push(`sequential: a group-sequential design compares two arms, got ${Array.isArray(root.arms) ? root.arms.length : arms.length}`);
    if (test?.kind === "rmst") problems.push("sequential: the bounds are for the log-rank or Cox statistic (information = events); test rmst cannot be used");
  }

  if (problems.length > 0 || accrual === null || dropout === null || test === null) throw new InputError(`${source}: invalid trial design (${problems.length} problem${problems.length === 1 ? "" : "s"})`, problems);
  const design: TrialDesign = { scenario, arms, n, accrual, followUpMonths, targetEvents, dropout, strata, test, alpha, multiplicity: multiplicity as TrialDesign["multiplicity"], sims, seed: seed as number | string };
  // Only designs with interim analyses carry the key, so that the provenance hash of the others is unchanged.
  return sequential === null ? design : { ...design, sequential };
}

/**
 * Validates a `sequential` block on its own (as the `pnen-sim power` flags build one): the {@link SequentialSpec},
 * or one {@link InputError} listing every problem with its path under `path`.
 */
export function parseSequentialSpec(value: unknown, source: string, path = "sequential"): SequentialSpec {
  const problems: string[] = [];
  const spec = parseSequential(new Checker(problems), value, path);
  if (problems.length > 0 || spec === null) throw new InputError(`${source}: invalid sequential design (${problems.length} problem${problems.length === 1 ? "" : "s"})`, problems);
  return spec;
}

/** Defaults of the `sequential` block. */
export const sequentialDefaults = { spending: "obf", hsdGamma: -4, sided: 1, classical: false } as const;

/**
 * The `sequential` block of a design JSON (or of the `pnen-sim power` flags):
 * - `analyses`: information rates of the looks (shares of the maximum events), increasing, the last 1; a
 *   single [1] is a one-look design through the same machinery (handy to compare with rpact);
 * - `spending`: "obf" (default), "pocock" or "hsd" (Lan–DeMets spending functions), `gamma` for "hsd"
 *   (default −4, close to O'Brien–Fleming); `classical: true` uses the classical O'Brien–Fleming or Pocock
 *   bounds instead of the spending function;
 * - `sided`: 1 (default; efficacy for benefit only, at half the design's two-sided alpha) or 2;
 * - `futility`: null (default), "obf" | "pocock" | "hsd" or {spending, gamma} (non-binding β-spending,
 *   β = 1 − target power), or {z: [...]} (non-binding bounds on the z scale, one per interim look);
 * - `targetPower`: size the plan (maximum events and patients) for this power; null: the design's n.
 */
function parseSequential(check: Checker, value: unknown, path: string): SequentialSpec | null {
  const block = check.object(value, path);
  if (block === null) return null;
  check.knownKeys(block, path, ["analyses", "spending", "gamma", "classical", "sided", "futility", "targetPower"]);
  const before = check.problems.length;
  let informationRates: number[] = [];
  const analyses = block.analyses;
  if (!Array.isArray(analyses) || analyses.length < 1 || analyses.length > 20 || !analyses.every((t: unknown) => typeof t === "number" && Number.isFinite(t))) {
    check.problems.push(`${path}.analyses: expected 1 to 20 information rates (shares of the maximum events), e.g. [0.5, 0.75, 1], got ${show(analyses)}`);
  } else {
    informationRates = analyses as number[];
    if (!informationRates.every((t) => t > 0 && t <= 1)) check.problems.push(`${path}.analyses: expected values in (0, 1], got ${show(analyses)}`);
    else if (informationRates.some((t, k) => k > 0 && !(t > informationRates[k - 1]))) check.problems.push(`${path}.analyses: expected increasing values, got ${show(analyses)}`);
    else if (informationRates[informationRates.length - 1] !== 1) check.problems.push(`${path}.analyses: the last analysis is the final one, at 1 (all the events), got ${informationRates[informationRates.length - 1]}`);
  }
  const spending = block.spending ?? sequentialDefaults.spending;
  if (!isSpendingFamily(spending)) check.problems.push(`${path}.spending: expected one of ${SpendingFamilies.join(", ")}, got ${show(spending)}`);
  if (block.gamma !== undefined && spending !== "hsd") check.problems.push(`${path}.gamma: only used with spending "hsd"`);
  const gamma = block.gamma === undefined ? (spending === "hsd" ? sequentialDefaults.hsdGamma : 0) : check.number(block.gamma, `${path}.gamma`, { min: -10 });
  if (gamma > 5) check.problems.push(`${path}.gamma: expected a number in [-10, 5], got ${gamma}`);
  const classical = block.classical ?? sequentialDefaults.classical;
  if (typeof classical !== "boolean") check.problems.push(`${path}.classical: expected true or false, got ${show(classical)}`);
  else if (classical && spending === "hsd") check.problems.push(`${path}.classical: classical bounds are O'Brien-Fleming's or Pocock's (spending "obf" or "pocock"), not "hsd"`);
  const sided = block.sided ?? sequentialDefaults.sided;
  if (sided !== 1 && sided !== 2) check.problems.push(`${path}.sided: expected 1 or 2, got ${show(sided)}`);
  const targetPower = block.targetPower === undefined || block.targetPower === null ? null : check.number(block.targetPower, `${path}.targetPower`, { exclusiveMin: 0, exclusiveMax: 1 });
  let futility: SequentialFutilitySpec | null = null;
  if (block.futility !== undefined && block.futility !== null) {
    const given = typeof block.futility === "string" ? { spending: block.futility } : check.object(block.futility, `${path}.futility`);
    if (given !== null) {
      check.knownKeys(given, `${path}.futility`, ["spending", "gamma", "z"]);
      if ((given.spending === undefined) === (given.z === undefined)) check.problems.push(`${path}.futility: expected exactly one of spending (beta spending: "obf", "pocock" or "hsd") and z (bounds on the z scale)`);
      else if (given.z !== undefined) {
        const interims = informationRates.length - 1;
        if (!Array.isArray(given.z) || given.z.length !== interims || !given.z.every((z: unknown) => typeof z === "number" && Number.isFinite(z) && z > -6 && z < 6)) {
          check.problems.push(`${path}.futility.z: expected ${interims} number${interims === 1 ? "" : "s"} in (-6, 6), one per interim analysis, got ${show(given.z)}`);
        } else futility = { kind: "z", z: given.z as number[] };
      } else {
        if (!isSpendingFamily(given.spending)) check.problems.push(`${path}.futility.spending: expected one of ${SpendingFamilies.join(", ")}, got ${show(given.spending)}`);
        if (given.gamma !== undefined && given.spending !== "hsd") check.problems.push(`${path}.futility.gamma: only used with futility spending "hsd"`);
        const futilityGamma = given.gamma === undefined ? (given.spending === "hsd" ? sequentialDefaults.hsdGamma : 0) : check.number(given.gamma, `${path}.futility.gamma`, { min: -10 });
        if (isSpendingFamily(given.spending)) futility = { kind: "spending", spending: given.spending, gamma: futilityGamma };
      }
      if (sided === 2) check.problems.push(`${path}.futility: futility bounds need sided 1 (rpact 3.3.4 itself marks two-sided beta spending as experimental)`);
      if (informationRates.length === 1) check.problems.push(`${path}.futility: needs at least one interim analysis`);
    }
  }
  if (check.problems.length > before || !isSpendingFamily(spending)) return null;
  return { informationRates, spending, gamma, classical: classical === true, sided: sided as 1 | 2, futility, targetPower };
}

function parseArm(check: Checker, value: unknown, path: string, isControl: boolean): TrialArm | null {
  const arm = check.object(value, path);
  if (arm === null) return null;
  check.knownKeys(arm, path, ["label", "allocation", "median", "shape", "hazardRatio", "delayMonths", "piecewise", "mixture", "strategy", "endpoint", "treatment"]);
  const label = check.string(arm.label, `${path}.label`);
  const allocation = check.number(arm.allocation ?? 1, `${path}.allocation`, { exclusiveMin: 0 });
  const given = ["median", "hazardRatio", "piecewise", "mixture", "strategy", "treatment"].filter((key) => arm[key] !== undefined);
  if (given.length !== 1) {
    check.problems.push(`${path}: expected exactly one of median, hazardRatio, piecewise, mixture, strategy${given.length > 1 ? `, got ${given.join(" and ")}` : ""}`);
    return null;
  }
  if (arm.delayMonths !== undefined && given[0] !== "hazardRatio") check.problems.push(`${path}.delayMonths: only allowed with hazardRatio (a delayed effect)`);
  let survival: ArmSurvivalSpec | null = null;
  switch (given[0]) {
    case "median":
      survival = { kind: "weibull", median: check.number(arm.median, `${path}.median`, { exclusiveMin: 0 }), shape: check.number(arm.shape ?? 1, `${path}.shape`, { exclusiveMin: 0 }) };
      break;
    case "hazardRatio": {
      if (isControl) check.problems.push(`${path}.hazardRatio: the control arm (arms[0]) needs a median or a mixture, not a hazard ratio`);
      const hazardRatio = check.number(arm.hazardRatio, `${path}.hazardRatio`, { exclusiveMin: 0 });
      survival = arm.delayMonths === undefined ? { kind: "hazardRatio", hazardRatio } : { kind: "hazardRatio", hazardRatio, delayMonths: check.number(arm.delayMonths, `${path}.delayMonths`, { min: 0 }) };
      break;
    }
    case "piecewise": {
      const pieces = parsePieces(check, arm.piecewise, `${path}.piecewise`, ["ratePerMonth", "median"], (piece, piecePath) => {
        if ((piece.ratePerMonth === undefined) === (piece.median === undefined)) {
          check.problems.push(`${piecePath}: expected exactly one of ratePerMonth and median (of an exponential with that hazard)`);
          return 1;
        }
        return piece.ratePerMonth !== undefined ? check.number(piece.ratePerMonth, `${piecePath}.ratePerMonth`, { exclusiveMin: 0 }) : Math.LN2 / check.number(piece.median, `${piecePath}.median`, { exclusiveMin: 0 });
      });
      if (pieces === null) return null;
      survival = { kind: "piecewise", startMonths: pieces.map((piece) => piece.fromMonth), ratesPerMonth: pieces.map((piece) => piece.value) };
      break;
    }
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

/**
 * A list of pieces [{fromMonth, …}] with increasing `fromMonth`, the first 0; `read` gives each piece's value.
 */
function parsePieces(check: Checker, value: unknown, path: string, valueKeys: readonly string[], read: (piece: Json, piecePath: string) => number): { fromMonth: number; value: number }[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
    check.problems.push(`${path}: expected a non-empty array of {fromMonth, ${valueKeys.join(" | ")}} (at most 100), got ${show(value)}`);
    return null;
  }
  const pieces: { fromMonth: number; value: number }[] = [];
  value.forEach((item: unknown, index: number) => {
    const piecePath = `${path}[${index}]`;
    const piece = check.object(item, piecePath);
    if (piece === null) return;
    check.knownKeys(piece, piecePath, ["fromMonth", ...valueKeys]);
    const fromMonth = index === 0 && piece.fromMonth === undefined ? 0 : check.number(piece.fromMonth, `${piecePath}.fromMonth`, { min: 0 });
    if (index === 0 && fromMonth !== 0) check.problems.push(`${piecePath}.fromMonth: the first piece starts at month 0, got ${fromMonth}`);
    if (index > 0 && pieces.length === index && !(fromMonth > pieces[index - 1].fromMonth)) check.problems.push(`${piecePath}.fromMonth: expected a month after the previous piece's (${pieces[index - 1].fromMonth}), got ${fromMonth}`);
    pieces.push({ fromMonth, value: read(piece, piecePath) });
  });
  return pieces.length === value.length ? pieces : null;
}

function parseAccrual(check: Checker, value: unknown): AccrualSpec | null {
  const accrual = check.object(value, "accrual");
  if (accrual === null) return null;
  if (accrual.piecewise !== undefined) {
    check.knownKeys(accrual, "accrual", ["piecewise"]);
    const pieces = parsePieces(check, accrual.piecewise, "accrual.piecewise", ["perMonth"], (piece, piecePath) => check.number(piece.perMonth, `${piecePath}.perMonth`, { exclusiveMin: 0 }));
    if (pieces === null) return null;
    return { kind: "piecewise", startMonths: pieces.map((piece) => piece.fromMonth), perMonth: pieces.map((piece) => piece.value), rampMonths: 0 };
  }
  check.knownKeys(accrual, "accrual", ["months", "ratePerMonth", "rampMonths", "shape", "piecewise"]);
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
  if (dropout.piecewise !== undefined) {
    check.knownKeys(dropout, "dropout", ["piecewise"]);
    const pieces = parsePieces(check, dropout.piecewise, "dropout.piecewise", ["ratePerMonth", "annualProportion"], (piece, piecePath) => {
      if ((piece.ratePerMonth === undefined) === (piece.annualProportion === undefined)) {
        check.problems.push(`${piecePath}: expected exactly one of ratePerMonth and annualProportion`);
        return 0;
      }
      return piece.ratePerMonth !== undefined
        ? check.number(piece.ratePerMonth, `${piecePath}.ratePerMonth`, { min: 0 })
        : dropoutRateFromAnnualProportion(check.number(piece.annualProportion, `${piecePath}.annualProportion`, { min: 0, exclusiveMax: 1 }));
    });
    if (pieces === null) return null;
    const asPieces: DropoutPiece[] = pieces.map((piece) => ({ fromMonth: piece.fromMonth, ratePerMonth: piece.value }));
    return asPieces.length === 1 ? { ratePerMonth: asPieces[0].ratePerMonth } : { ratePerMonth: asPieces[0].ratePerMonth, pieces: asPieces };
  }
  check.knownKeys(dropout, "dropout", ["ratePerMonth", "annualProportion", "piecewise"]);
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
