import { join, resolve } from "node:path";
import { ensureOutputFolderNode } from "../figures/ensureOutputFolderNode.js";
import { loadScenarioNode } from "../simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../simulate/loadSimulationContextNode.js";
import { calibrateWithCacheNode } from "../simulate/calibrateWithCacheNode.js";
import { scenarioHashNode } from "../simulate/scenarioHashNode.js";
import type { ReportStructureRow } from "./ReportInput.js";
import { replicateModel } from "../simulate/replicates.js";
import { scenarioHash } from "../simulate/scenarioHash.js";
import { simulate, scenarioStrategies } from "../simulate/simulate.js";
import { summarise } from "../simulate/summarise.js";
import { buildReport } from "./buildReport.js";
import { reportInputFromSimulation } from "./reportInputFromSimulation.js";
import { writeReportNode, type WrittenReport } from "./writeReportNode.js";
import { loadTrialFilesNode } from "../validation/loadTrialFilesNode.js";
import { treatmentOutcomeSources } from "../simulate/outcomeSources.js";
import { defaultValidationPatientsPerArm } from "../validation/runValidationNode.js";
import { validateTrials } from "../validation/validateTrials.js";
import type { ReportValidation } from "./validationSection.js";

export interface ReportRunOptions {
  /** A scenario name (data/scenarios/NAME.json) or a file path. */
  readonly scenario: string;
  readonly n?: number;
  readonly seed?: number | string;
  readonly replicates?: number;
  /** Output folder; default reports/<scenario name> under cwd. */
  readonly out?: string;
  readonly cwd: string;
  readonly packageVersion: string;
  readonly command: string;
  /** Also simulate under the other outcome structure and tabulate both (structural uncertainty). */
  readonly compareStructures?: boolean;
  /**
   * Also emulate the published trials of this folder (or file) with the same model and seed, and add a validation
   * section (`--validate`, `--trials`): null or absent for none.
   */
  readonly validateTrials?: string | null;
  /** Simulated patients per arm of the validation (default 100,000). */
  readonly validationPatientsPerArm?: number;
  /** Progress messages (one line each). */
  readonly progress?: (message: string) => void;
}

/**
 * `pnen-sim report` as a function (Node only):
 *
 *   scenario ─ loadScenarioNode ─ calibrateWithCacheNode (model + calibration check) ─ simulate (base case)
 *            └ with compareStructures: simulate under the other structure ─ summarise
 *            └ replicates r = 1..R: replicateModel ─ simulate ─ summarise
 *            └ with validateTrials: the trial files ─ validateTrials (same model and seed) ─ validation section
 *   ─ reportInputFromSimulation ─ buildReport (pure) ─ writeReportNode (files)
 *
 * Single-threaded (the result of a seed does not depend on worker threads). Returns what was written.
 */
export async function runReportNode(options: ReportRunOptions): Promise<WrittenReport & { readonly startedAt: Date }> {
  const startedAt = new Date();
  const say = options.progress ?? (() => {});
  const { context, strategies } = loadSimulationContextNode();
  const { scenario } = loadScenarioNode(options.scenario, options.cwd, strategies.map((s) => s.id));
  const seed = options.seed ?? scenario.seed;
  const folder = resolve(options.cwd, options.out ?? join("reports", scenario.name));
  ensureOutputFolderNode(folder, "pnen-sim report: output folder (--out)");
  const chosen = scenarioStrategies(scenario, strategies);
  // trial files are read and checked before any simulation, so that a bad one fails at once (exit code 2)
  const trialFiles = options.validateTrials === undefined || options.validateTrials === null ? null : loadTrialFilesNode(options.validateTrials, options.cwd, { treatments: Object.keys(treatmentOutcomeSources), strategies: strategies.map((s) => s.id) });
  say(`simulating ${(options.n ?? scenario.cohort.size).toLocaleString("en-US")} patients × ${chosen.length} strategies (seed ${seed})`);
  // the calibrated model and its check, from the calibration cache when data/, evidence set and code were calibrated before
  const { figures, thresholds, treatments, assumptions } = context.registry;
  const calibrated = calibrateWithCacheNode(scenario, seed, context, strategies, scenarioHashNode({ figures, thresholds, treatments, assumptions, strategies }));
  const result = simulate(scenario, chosen, { seed, n: options.n, model: calibrated.model }, context);
  say("calibration check");
  const calibration = calibrated.calibration;
  let structureComparison: ReportStructureRow[] | undefined;
  if (options.compareStructures === true) {
    const other = result.model.structure === "sequencing" ? "sum-of-lines" : "sequencing";
    say(`comparing structures: simulating the same patients under "${other}"`);
    const alternative = summarise(simulate({ ...scenario, structure: other }, chosen, { seed, n: options.n }, context));
    const mine = summarise(result);
    const rows = (summary: typeof mine, structure: "sequencing" | "sum-of-lines") =>
      summary.strategies.map((s) => ({ structure, strategy: chosen.find((c) => c.id === s.strategy)?.name ?? s.strategy, pfsMedian: s.pfs.median.estimate, osMedian: s.os.median.estimate }));
    structureComparison = [...rows(mine, result.model.structure), ...rows(alternative, other)];
  }
  const replicates = [];
  for (let r = 1; r <= (options.replicates ?? 0); r++) {
    say(`replicate ${r} of ${options.replicates}`);
    const model = replicateModel(scenario, context, seed, r);
    replicates.push({ model, summary: summarise(simulate(scenario, chosen, { seed, n: options.n, model }, context)) });
  }
  let validation: ReportValidation | undefined;
  if (trialFiles !== null) {
    const patientsPerArm = options.validationPatientsPerArm ?? defaultValidationPatientsPerArm;
    say(`validation: emulating ${trialFiles.trials.length} published trial${trialFiles.trials.length === 1 ? "" : "s"} (${patientsPerArm.toLocaleString("en-US")} patients per arm)`);
    const validated = validateTrials(trialFiles.trials, { model: result.model, baseCohort: scenario.cohort, context, strategies, seed, patientsPerArm }, trialFiles.files);
    validation = { trials: validated.trials, summary: validated.summary, patientsPerArm };
  }
  const input = reportInputFromSimulation({
    result,
    registry: context.registry,
    strategies: chosen,
    calibration,
    replicates,
    scenarioHash: scenarioHash(scenario),
    packageVersion: options.packageVersion,
    command: options.command,
    ...(structureComparison !== undefined && { structureComparison }),
  });
  say("analysing and rendering figures");
  const document = buildReport(validation === undefined ? input : { ...input, validation });
  const written = await writeReportNode(document, folder, { command: options.command, startedAt });
  return { ...written, startedAt };
}
