import { describeValue, type FieldSpec, fieldExpectation, maximumEcho, keyProblems, type ObjectField, validateField } from "../cohort/fieldSpec.js";
import { InputError } from "../util/InputError.js";
import { maximumSimulations, maximumTrialSize, sequentialSpec, trialDesignSpec } from "./trialDesignSpec.js";
import { isSpendingFamily, type SpendingFamily } from "./spendingFunction.js";
import {
  dropoutRateFromAnnualProportion,
  type AccrualSpec,
  type ArmSurvivalSpec,
  type DropoutPiece,
  type SequentialFutilitySpec,
  type SequentialSpec,
  type StratumSpec,
  type TestSpec,
  type TrialArm,
  type TrialDesign,
  type TrialEndpoint,
  type TestKind,
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
export { maximumSimulations, maximumTrialSize };

const fields = trialDesignSpec.fields;
const armFields = fields.arms.items.fields;
const sequentialFields = sequentialSpec.fields;

/** Largest ratio between two arms' allocation weights (a 1000 : 1 trial is already far beyond any real one). */
export const maximumAllocationRatio = 1000;

export function parseTrialDesign(json: unknown, source = "design"): TrialDesign {
  const problems: string[] = [];
  const check = new Checker(problems);
  const root = check.object(json, "(design)", trialDesignSpec);
  if (root === null) throw new InputError(`${source}: invalid trial design`, problems);
  check.knownKeys(root, "", trialDesignSpec);

  const arms: TrialArm[] = [];
  if (!Array.isArray(root.arms) || root.arms.length < 2) problems.push(`arms: expected ${fields.arms.expected}, got ${show(root.arms)}`);
  else root.arms.forEach((value: unknown, index: number) => {
    const arm = parseArm(check, value, `arms[${index}]`, index === 0);
    if (arm !== null) arms.push(arm);
  });
  if (arms.length >= 2) {
    // allocation weights far apart leave an arm without patients (1e308 : 1 gave power 0% without a word)
    const weights = arms.map((arm) => arm.allocation);
    if (Math.max(...weights) / Math.min(...weights) > maximumAllocationRatio) {
      const index = weights.indexOf(Math.max(...weights));
      problems.push(`arms[${index}].allocation: expected allocation weights within a factor of ${maximumAllocationRatio} of each other, got ${weights.join(" : ")}`);
    }
    const labels = new Set<string>();
    arms.forEach((arm, index) => {
      if (labels.has(arm.label)) problems.push(`arms[${index}].label: duplicate label '${arm.label}'`);
      labels.add(arm.label);
    });
  }

  const n = check.read(fields.n, root.n ?? designDefaults.n, "n", 2);
  const accrual = parseAccrual(check, root.accrual ?? { months: designDefaults.accrualMonths });
  const followUpMonths = check.read(fields.followUpMonths, root.followUpMonths ?? designDefaults.followUpMonths, "followUpMonths", 1);
  const targetEvents = root.targetEvents === undefined || root.targetEvents === null ? null : check.read(fields.targetEvents, root.targetEvents, "targetEvents", 1);
  if (targetEvents === null && followUpMonths === 0 && accrual?.kind === "duration" && accrual.months === 0) {
    problems.push("followUpMonths: expected a number > 0 when accrual.months is 0 (the analysis would be at month 0, before any event)");
  }
  const dropout = parseDropout(check, root.dropout ?? { ratePerMonth: 0 });
  const strata: StratumSpec[] = [];
  if (root.strata !== undefined) {
    if (!Array.isArray(root.strata)) problems.push(`strata: expected ${fieldExpectation(fields.strata)}, got ${show(root.strata)}`);
    else root.strata.forEach((value: unknown, index: number) => {
      const path = `strata[${index}]`;
      const stratumSpec = fields.strata.items;
      const stratum = check.object(value, path, stratumSpec);
      if (stratum === null) return;
      check.knownKeys(stratum, path, stratumSpec);
      strata.push({
        label: check.read(stratumSpec.fields.label, stratum.label ?? `stratum ${index + 1}`, `${path}.label`, ""),
        proportion: check.read(stratumSpec.fields.proportion, stratum.proportion, `${path}.proportion`, 1),
        hazardMultiplier: check.read(stratumSpec.fields.hazardMultiplier, stratum.hazardMultiplier ?? 1, `${path}.hazardMultiplier`, 1),
      });
    });
    if (strata.length > 255) problems.push("strata: at most 255 strata");
  }
  const test = parseTest(check, root.test ?? "logrank");
  if (test?.kind === "stratified-logrank" && strata.length === 0) problems.push("test: stratified-logrank needs strata");
  const alpha = check.read(fields.alpha, root.alpha ?? designDefaults.alpha, "alpha", 0.05);
  const multiplicity = check.read<TrialDesign["multiplicity"]>(fields.multiplicity, root.multiplicity ?? designDefaults.multiplicity, "multiplicity", designDefaults.multiplicity);
  const sims = check.read(fields.sims, root.sims ?? designDefaults.sims, "sims", 1);
  const seed = check.read<number | string>(fields.seed, root.seed ?? designDefaults.seed, "seed", designDefaults.seed);
  if (arms.length > 255) problems.push("arms: at most 255 arms");
  const scenario = root.scenario === undefined || root.scenario === null ? null : check.read(fields.scenario, root.scenario, "scenario", "");
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
  const block = check.object(value, path, sequentialSpec);
  if (block === null) return null;
  check.knownKeys(block, path, sequentialSpec);
  const before = check.problems.length;
  let informationRates: number[] = [];
  const analyses = block.analyses;
  if (!Array.isArray(analyses) || analyses.length < 1 || analyses.length > 20 || !analyses.every((t: unknown) => typeof t === "number" && Number.isFinite(t))) {
    check.problems.push(`${path}.analyses: expected ${sequentialFields.analyses.expected}, got ${show(analyses)}`);
  } else {
    informationRates = analyses as number[];
    if (!informationRates.every((t) => t > 0 && t <= 1)) check.problems.push(`${path}.analyses: expected ${sequentialFields.analyses.items.expected}, got ${show(analyses)}`);
    else if (informationRates.some((t, k) => k > 0 && !(t > informationRates[k - 1]))) check.problems.push(`${path}.analyses: expected increasing values, got ${show(analyses)}`);
    else if (informationRates[informationRates.length - 1] !== 1) check.problems.push(`${path}.analyses: the last analysis is the final one, at 1 (all the events), got ${informationRates[informationRates.length - 1]}`);
  }
  const spending = check.read<SpendingFamily | null>(sequentialFields.spending, block.spending ?? sequentialDefaults.spending, `${path}.spending`, null);
  if (block.gamma !== undefined && spending !== "hsd") check.problems.push(`${path}.gamma: only used with spending "hsd"`);
  const gamma = block.gamma === undefined ? (spending === "hsd" ? sequentialDefaults.hsdGamma : 0) : check.read(sequentialFields.gamma, block.gamma, `${path}.gamma`, 0);
  const classical = check.read(sequentialFields.classical, block.classical ?? sequentialDefaults.classical, `${path}.classical`, false);
  if (classical && spending === "hsd") check.problems.push(`${path}.classical: classical bounds are O'Brien-Fleming's or Pocock's (spending "obf" or "pocock"), not "hsd"`);
  const sided = check.read(sequentialFields.sided, block.sided ?? sequentialDefaults.sided, `${path}.sided`, 1);
  const targetPower = block.targetPower === undefined || block.targetPower === null ? null : check.read(sequentialFields.targetPower, block.targetPower, `${path}.targetPower`, 0.5);
  let futility: SequentialFutilitySpec | null = null;
  if (block.futility !== undefined && block.futility !== null) {
    const futilityObject = sequentialFields.futility.options[1];
    const given = typeof block.futility === "string" ? { spending: block.futility } : check.object(block.futility, `${path}.futility`, futilityObject);
    if (given !== null) {
      check.knownKeys(given, `${path}.futility`, futilityObject);
      if ((given.spending === undefined) === (given.z === undefined)) check.problems.push(`${path}.futility: expected exactly one of spending (beta spending: "obf", "pocock" or "hsd") and z (bounds on the z scale)`);
      else if (given.z !== undefined) {
        const interims = informationRates.length - 1;
        if (!Array.isArray(given.z) || given.z.length !== interims || !given.z.every((z: unknown) => typeof z === "number" && Number.isFinite(z) && z > -6 && z < 6)) {
          check.problems.push(`${path}.futility.z: expected ${interims} number${interims === 1 ? "" : "s"} in (-6, 6), one per interim analysis, got ${show(given.z)}`);
        } else futility = { kind: "z", z: given.z as number[] };
      } else {
        check.read(futilityObject.fields.spending, given.spending, `${path}.futility.spending`, null);
        if (given.gamma !== undefined && given.spending !== "hsd") check.problems.push(`${path}.futility.gamma: only used with futility spending "hsd"`);
        const futilityGamma = given.gamma === undefined ? (given.spending === "hsd" ? sequentialDefaults.hsdGamma : 0) : check.read(futilityObject.fields.gamma, given.gamma, `${path}.futility.gamma`, 0);
        if (isSpendingFamily(given.spending)) futility = { kind: "spending", spending: given.spending, gamma: futilityGamma };
      }
      if (sided === 2) check.problems.push(`${path}.futility: futility bounds need sided 1 (rpact 3.3.4 itself marks two-sided beta spending as experimental)`);
      if (informationRates.length === 1) check.problems.push(`${path}.futility: needs at least one interim analysis`);
    }
  }
  if (check.problems.length > before || spending === null) return null;
  return { informationRates, spending, gamma, classical, sided: sided as 1 | 2, futility, targetPower };
}

function parseArm(check: Checker, value: unknown, path: string, isControl: boolean): TrialArm | null {
  const armSpec = fields.arms.items;
  const arm = check.object(value, path, armSpec);
  if (arm === null) return null;
  check.knownKeys(arm, path, armSpec);
  const label = check.read(armFields.label, arm.label, `${path}.label`, "");
  const allocation = check.read(armFields.allocation, arm.allocation ?? 1, `${path}.allocation`, 1);
  const given = ["median", "hazardRatio", "piecewise", "mixture", "strategy", "treatment"].filter((key) => arm[key] !== undefined);
  if (given.length !== 1) {
    check.problems.push(`${path}: expected exactly one of median, hazardRatio, piecewise, mixture, strategy${given.length > 1 ? `, got ${given.join(" and ")}` : ""}`);
    return null;
  }
  if (arm.delayMonths !== undefined && given[0] !== "hazardRatio") check.problems.push(`${path}.delayMonths: only allowed with hazardRatio (a delayed effect)`);
  let survival: ArmSurvivalSpec | null = null;
  switch (given[0]) {
    case "median":
      survival = { kind: "weibull", median: check.read(armFields.median, arm.median, `${path}.median`, 1), shape: check.read(armFields.shape, arm.shape ?? 1, `${path}.shape`, 1) };
      break;
    case "hazardRatio": {
      if (isControl) check.problems.push(`${path}.hazardRatio: the control arm (arms[0]) needs a median or a mixture, not a hazard ratio`);
      const hazardRatio = check.read(armFields.hazardRatio, arm.hazardRatio, `${path}.hazardRatio`, 1);
      survival = arm.delayMonths === undefined ? { kind: "hazardRatio", hazardRatio } : { kind: "hazardRatio", hazardRatio, delayMonths: check.read(armFields.delayMonths, arm.delayMonths, `${path}.delayMonths`, 0) };
      break;
    }
    case "piecewise": {
      const pieceFields = armFields.piecewise.items.fields;
      const pieces = parsePieces(check, arm.piecewise, `${path}.piecewise`, armFields.piecewise, (piece, piecePath) => {
        if ((piece.ratePerMonth === undefined) === (piece.median === undefined)) {
          check.problems.push(`${piecePath}: expected exactly one of ratePerMonth and median (of an exponential with that hazard)`);
          return 1;
        }
        return piece.ratePerMonth !== undefined ? check.read(pieceFields.ratePerMonth, piece.ratePerMonth, `${piecePath}.ratePerMonth`, 1) : Math.LN2 / check.read(pieceFields.median, piece.median, `${piecePath}.median`, 1);
      });
      if (pieces === null) return null;
      survival = { kind: "piecewise", startMonths: pieces.map((piece) => piece.fromMonth), ratesPerMonth: pieces.map((piece) => piece.value) };
      break;
    }
    case "mixture": {
      if (!Array.isArray(arm.mixture) || arm.mixture.length === 0) {
        check.problems.push(`${path}.mixture: expected ${armFields.mixture.expected}, got ${show(arm.mixture)}`);
        return null;
      }
      const components = arm.mixture.map((item: unknown, index: number) => {
        const componentPath = `${path}.mixture[${index}]`;
        const componentSpec = armFields.mixture.items;
        const component = check.object(item, componentPath, componentSpec) ?? {};
        check.knownKeys(component, componentPath, componentSpec);
        return {
          weight: check.read(componentSpec.fields.weight, component.weight, `${componentPath}.weight`, 1),
          median: check.read(componentSpec.fields.median, component.median, `${componentPath}.median`, 1),
          shape: check.read(componentSpec.fields.shape, component.shape ?? 1, `${componentPath}.shape`, 1),
        };
      });
      // the weights are normalised by their sum: a sum that overflows (1e308 + 1e308) would make every share NaN
      const weightSum = components.reduce((sum: number, c: { weight: number }) => sum + c.weight, 0);
      if (components.every((c: { weight: number }) => Number.isFinite(c.weight)) && !Number.isFinite(weightSum)) {
        check.problems.push(`${path}.mixture: the weights' sum overflows a double (${components.map((c: { weight: number }) => c.weight).join(" + ")}); give the weights as shares, e.g. 0.3 and 0.7`);
      }
      survival = { kind: "mixture", components };
      break;
    }
    case "strategy": {
      const endpoint = check.read<TrialEndpoint>(armFields.endpoint, arm.endpoint ?? "pfs", `${path}.endpoint`, "pfs");
      survival = { kind: "strategy", strategy: check.read(armFields.strategy, arm.strategy, `${path}.strategy`, ""), endpoint };
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
function parsePieces(check: Checker, value: unknown, path: string, spec: PiecesSpec, read: (piece: Json, piecePath: string) => number): { fromMonth: number; value: number }[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
    check.problems.push(`${path}: expected ${spec.expected}, got ${show(value)}`);
    return null;
  }
  const pieces: { fromMonth: number; value: number }[] = [];
  value.forEach((item: unknown, index: number) => {
    const piecePath = `${path}[${index}]`;
    const piece = check.object(item, piecePath, spec.items);
    if (piece === null) return;
    check.knownKeys(piece, piecePath, spec.items);
    const fromMonth = index === 0 && piece.fromMonth === undefined ? 0 : check.read(spec.items.fields.fromMonth as FieldSpec, piece.fromMonth, `${piecePath}.fromMonth`, 0);
    if (index === 0 && fromMonth !== 0) check.problems.push(`${piecePath}.fromMonth: the first piece starts at month 0, got ${fromMonth}`);
    if (index > 0 && pieces.length === index && !(fromMonth > pieces[index - 1].fromMonth)) check.problems.push(`${piecePath}.fromMonth: expected a month after the previous piece's (${pieces[index - 1].fromMonth}), got ${fromMonth}`);
    pieces.push({ fromMonth, value: read(piece, piecePath) });
  });
  return pieces.length === value.length ? pieces : null;
}

function parseAccrual(check: Checker, value: unknown): AccrualSpec | null {
  const accrualSpec = fields.accrual;
  const accrual = check.object(value, "accrual", accrualSpec);
  if (accrual === null) return null;
  if (accrual.piecewise !== undefined) {
    check.onlyKeys(accrual, "accrual", ["piecewise"]);
    const piecesSpec = accrualSpec.fields.piecewise;
    const pieces = parsePieces(check, accrual.piecewise, "accrual.piecewise", piecesSpec, (piece, piecePath) => check.read(piecesSpec.items.fields.perMonth, piece.perMonth, `${piecePath}.perMonth`, 1));
    if (pieces === null) return null;
    return { kind: "piecewise", startMonths: pieces.map((piece) => piece.fromMonth), perMonth: pieces.map((piece) => piece.value), rampMonths: 0 };
  }
  check.knownKeys(accrual, "accrual", accrualSpec);
  const shape = check.read(accrualSpec.fields.shape, accrual.shape ?? (accrual.rampMonths !== undefined ? "ramped" : "uniform"), "accrual.shape", "uniform");
  if (shape === "ramped" && accrual.rampMonths === undefined) check.problems.push("accrual.rampMonths: required when accrual.shape is ramped");
  if (shape === "uniform" && accrual.rampMonths !== undefined && accrual.rampMonths !== 0) check.problems.push("accrual.rampMonths: only allowed when accrual.shape is ramped");
  const rampMonths = shape === "ramped" ? check.read(accrualSpec.fields.rampMonths, accrual.rampMonths, "accrual.rampMonths", 0) : 0;
  if ((accrual.months === undefined) === (accrual.ratePerMonth === undefined)) {
    check.problems.push("accrual: expected exactly one of months (duration) and ratePerMonth");
    return null;
  }
  if (accrual.months !== undefined) return { kind: "duration", months: check.read(accrualSpec.fields.months, accrual.months, "accrual.months", 1), rampMonths };
  return { kind: "rate", perMonth: check.read(accrualSpec.fields.ratePerMonth, accrual.ratePerMonth, "accrual.ratePerMonth", 1), rampMonths };
}

function parseDropout(check: Checker, value: unknown): TrialDesign["dropout"] | null {
  const dropoutSpec = fields.dropout;
  const dropout = check.object(value, "dropout", dropoutSpec);
  if (dropout === null) return null;
  if (dropout.piecewise !== undefined) {
    check.onlyKeys(dropout, "dropout", ["piecewise"]);
    const piecesSpec = dropoutSpec.fields.piecewise;
    const pieceFields = piecesSpec.items.fields;
    const pieces = parsePieces(check, dropout.piecewise, "dropout.piecewise", piecesSpec, (piece, piecePath) => {
      if ((piece.ratePerMonth === undefined) === (piece.annualProportion === undefined)) {
        check.problems.push(`${piecePath}: expected exactly one of ratePerMonth and annualProportion`);
        return 0;
      }
      return piece.ratePerMonth !== undefined
        ? check.read(pieceFields.ratePerMonth, piece.ratePerMonth, `${piecePath}.ratePerMonth`, 0)
        : dropoutRateFromAnnualProportion(check.read(pieceFields.annualProportion, piece.annualProportion, `${piecePath}.annualProportion`, 0));
    });
    if (pieces === null) return null;
    const asPieces: DropoutPiece[] = pieces.map((piece) => ({ fromMonth: piece.fromMonth, ratePerMonth: piece.value }));
    return asPieces.length === 1 ? { ratePerMonth: asPieces[0].ratePerMonth } : { ratePerMonth: asPieces[0].ratePerMonth, pieces: asPieces };
  }
  check.knownKeys(dropout, "dropout", dropoutSpec);
  if (dropout.ratePerMonth !== undefined && dropout.annualProportion !== undefined) check.problems.push("dropout: expected one of ratePerMonth and annualProportion, not both");
  if (dropout.annualProportion !== undefined) return { ratePerMonth: dropoutRateFromAnnualProportion(check.read(dropoutSpec.fields.annualProportion, dropout.annualProportion, "dropout.annualProportion", 0)) };
  return { ratePerMonth: check.read(dropoutSpec.fields.ratePerMonth, dropout.ratePerMonth ?? 0, "dropout.ratePerMonth", 0) };
}

function parseTest(check: Checker, value: unknown): TestSpec | null {
  const testObject = fields.test.options[1];
  const test = typeof value === "string" ? { type: value } : check.object(value, "test", testObject);
  if (test === null) return null;
  check.knownKeys(test, "test", testObject);
  const kind = check.read<TestKind | null>(testObject.fields.type, test.type, "test.type", null);
  if (kind === null) return null;
  if (kind === "rmst") return { kind, tau: check.read(testObject.fields.tau, test.tau, "test.tau", 1) };
  if (test.tau !== undefined) check.problems.push("test.tau: only allowed with the rmst test");
  return { kind };
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON object whose fields are read through the table (check.read) before use
type Json = Record<string, any>;
type PiecesSpec = { readonly expected?: string; readonly items: ObjectField<Readonly<Record<string, FieldSpec>>> };

/**
 * Reads a design's values through the entries of {@link trialDesignSpec}: each check is `validateField` on the
 * table's entry, so the bounds, the keys and the wording live in one place (with the JSON Schema); on a
 * problem it returns a placeholder so that checking can go on and every problem is reported at once.
 */
class Checker {
  constructor(readonly problems: string[]) {}
  object(value: unknown, path: string, spec: FieldSpec): Json | null {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Json;
    this.problems.push(`${path}: expected ${fieldExpectation(spec.kind === "object" ? { ...spec, expected: spec.expected ?? "an object" } : spec)}, got ${describeValue(value)}`);
    return null;
  }
  knownKeys(value: Json, path: string, spec: ObjectField<Readonly<Record<string, FieldSpec>>>): void {
    keyProblems(spec, value, path, this.problems);
  }
  /** For the piecewise form, which takes no other key. */
  onlyKeys(value: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.problems.push(`${path}.${key}: not allowed with ${allowed.join(", ")}`);
  }
  /** The value if it satisfies `spec` (its type is the spec's), otherwise `placeholder` after recording the problem. */
  read(spec: FieldSpec, value: unknown, path: string, placeholder: number): number;
  read(spec: FieldSpec, value: unknown, path: string, placeholder: string): string;
  read(spec: FieldSpec, value: unknown, path: string, placeholder: boolean): boolean;
  read<T>(spec: FieldSpec, value: unknown, path: string, placeholder: T): T;
  read<T>(spec: FieldSpec, value: unknown, path: string, placeholder: T): T {
    const before = this.problems.length;
    validateField(spec, value, path, this.problems);
    return this.problems.length === before ? (value as T) : placeholder;
  }
}

/**
 * A value in a message: a flat array of scalars as JSON (`[0,1]`), anything else as {@link describeValue} says it
 * (never stringifying a nested value, which could be thousands deep), cut to `maximumEcho` characters.
 */
function show(value: unknown): string {
  if (!Array.isArray(value) || value.some((item) => typeof item === "object" && item !== null)) return describeValue(value);
  const text = JSON.stringify(value);
  return text.length > maximumEcho ? `${text.slice(0, maximumEcho - 1)}…` : text;
}
