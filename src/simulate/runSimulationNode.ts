import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Scenario } from "../cohort/Scenario.js";
import { ensureOutputFolderNode } from "../figures/ensureOutputFolderNode.js";
import { type OutputSet, openOutputSetNode } from "../io/outputSetNode.js";
import { InputError } from "../util/InputError.js";
import { availableMemoryNode } from "./availableMemoryNode.js";
import { estimateRunCost } from "./estimateRunCost.js";
import type { CalibrationEntry } from "./calibrationReport.js";
import { calibrateWithCacheNode, calibrationCacheFolderNode } from "./calibrateWithCacheNode.js";
import { loadScenarioNode } from "./loadScenarioNode.js";
import { loadSimulationContextNode } from "./loadSimulationContextNode.js";
import { type ReplicateSummary, replicateModel, summariseReplicates } from "./replicates.js";
import { runPlanSummaryNode } from "./runWorkersNode.js";
import { scenarioHashNode } from "./scenarioHashNode.js";
import { type SimulationResult, scenarioStrategies, simulationPlan } from "./simulate.js";
import type { SimulationPlan } from "./simulateRange.js";
import type { SummaryTables } from "./summaryTables.js";
import type { RuleThresholds, Strategy } from "../rules/index.js";
import { type SimulationSummary, summariseTables } from "./summarise.js";
import { replicateMedianDifferences, withParameterUncertainty } from "./strategyComparisons.js";
import { writePatientsCsvNode } from "./writePatientsCsvNode.js";
import { writePatientsArrowNode } from "../io/writePatientsArrowNode.js";
import { writePatientsParquetNode } from "../io/writePatientsParquetNode.js";

/** The formats of the patients file: patients.csv, patients.arrow (Arrow IPC file) or patients.parquet. */
export const PatientsFormats = ["csv", "arrow", "parquet"] as const;
export type PatientsFormat = (typeof PatientsFormats)[number];

export interface SimulationRunOptions {
  /** A scenario name in data/scenarios/ or a JSON file path (relative to `cwd`). */
  readonly scenario: string;
  readonly cwd: string;
  /** Number of patients; default the scenario's. */
  readonly n?: number;
  /** Master seed; default the scenario's. */
  readonly seed?: number;
  /** Worker threads (default 1); the result does not depend on it. */
  readonly workers?: number;
  /** PSA replicates (default 0). */
  readonly replicates?: number;
  /**
   * Output folder (or a function of the validated scenario giving it): when given, patients.csv, summary.json
   * and manifest.json are written there atomically.
   */
  readonly out?: string | ((scenario: Scenario) => string);
  /** The command line recorded in the manifest. */
  readonly command?: string;
  /** Format of the patients file (default csv): patients.csv, patients.arrow or patients.parquet. */
  readonly format?: PatientsFormat;
  /**
   * Folder of the calibration cache (src/simulate `calibrateWithCacheNode`), or null for none; default
   * `calibrationCacheFolderNode()` (`PNEN_SIM_CACHE`, else ~/.cache/pnen-sim). The result does not depend on it.
   */
  readonly calibrationCache?: string | null;
  /** Write the patients file (default true); false: summary.json and manifest.json only, the run streamed in chunks. */
  readonly patients?: boolean;
  /**
   * One-line notices about the output folder: leftovers of interrupted runs cleaned up at the start (default:
   * none shown).
   */
  readonly onNotice?: (line: string) => void;
  /**
   * Clean up and exit (130, 143) on SIGINT/SIGTERM while the output folder is locked: the CLI's behaviour;
   * default false, since a library should not end its caller's process (the staging files of a process that
   * dies anyway are removed by the next run).
   */
  readonly handleSignals?: boolean;
  /**
   * Run even when the estimated peak memory (estimateRunCost) exceeds the memory available
   * (availableMemoryNode); default false: such a run is refused before it starts (InputError).
   */
  readonly force?: boolean;
  /** Progress of the phases: "simulate", "write", "replicates". */
  readonly onProgress?: (phase: "simulate" | "write" | "replicates", done: number, total: number) => void;
  /**
   * The merge of shards (issue 15, mergeShardsNode): instead of simulating, the summary tables of each replicate
   * (0 = base case, r = 1 … R with the replicate's plan) merged over the shards, and the base case's patient columns
   * when the shards carry them (null: no patients file is written). Everything after is the same code.
   */
  readonly fromShards?: {
    readonly tables: (plan: SimulationPlan<Strategy, RuleThresholds>, replicate: number) => SummaryTables;
    readonly result: (plan: SimulationPlan<Strategy, RuleThresholds>) => SimulationResult | null;
  };
  /** Extra fields of manifest.json (e.g. the shards a merged run was made of). */
  readonly manifestFields?: Readonly<Record<string, unknown>>;
}

/** What {@link runSimulationNode} produced (summary.json is `{...summary, calibration, replicates?}`). */
export interface SimulationRun {
  readonly scenario: Scenario;
  readonly scenarioPath: string;
  /** Every patient's columns; null with `patients: false` (a summary-only run streams and keeps none). */
  readonly result: SimulationResult | null;
  readonly summary: SimulationSummary;
  readonly calibration: readonly CalibrationEntry[];
  readonly replicates: ReplicateSummary | null;
  readonly manifest: Readonly<Record<string, unknown>>;
  /** The output folder, when files were written. */
  readonly out: string | null;
}

/**
 * The whole `pnen-sim simulate` job as a function (the CLI and the report build on it): load the scenario and
 * data/, calibrate, simulate on worker threads, summarise, report the calibration, run the PSA replicates, and
 * write patients.csv, summary.json and manifest.json atomically when `out` is given. Node only.
 *
 * The three files are one set (openOutputSetNode): the folder is checked and locked before the simulation,
 * the files are written to a staging folder inside it, and only once everything has been computed is the
 * folder switched to them in one committed step (the manifest last); a failed, interrupted or killed run
 * leaves the folder as exactly the earlier run or exactly this one, and removes only files an earlier
 * manifest of `pnen-sim simulate` lists (patients.csv after a switch to --format arrow, say), never the user's.
 * Traceability: summary.json carries `provenance` (package version, scenario hash,
 * hash of the data/ records the run read, seed, n) and manifest.json the same plus the SHA-256 of patients.csv
 * and summary.json.
 */
export async function runSimulationNode(options: SimulationRunOptions): Promise<SimulationRun> {
  const started = new Date();
  const workers = options.workers ?? 1;
  const replicateCount = options.replicates ?? 0;
  const { context, strategies } = loadSimulationContextNode();
  const sourceIds = [...context.registry.figures.map((f) => f.id), ...context.registry.assumptions.map((a) => a.id)];
  const { scenario, path } = loadScenarioNode(options.scenario, options.cwd, strategies.map((s) => s.id), sourceIds);
  const seed = options.seed ?? scenario.seed;
  const out = typeof options.out === "function" ? options.out(scenario) : options.out;
  // Memory and time guard (issue 19.2): a run that would not fit is refused up front, naming a run that would.
  const format = options.format ?? "csv";
  const withPatients = options.patients ?? true;
  const runShape = { n: options.n ?? scenario.cohort.size, strategies: scenarioStrategies(scenario, strategies).length, replicates: options.replicates ?? 0, workers: options.workers ?? 1, format, patients: withPatients };
  const cost = estimateRunCost(runShape);
  const available = availableMemoryNode();
  if (cost.peakBytes > available.bytes && options.force !== true) {
    const perPatient = (estimateRunCost({ ...runShape, n: 1_000_000 }).peakBytes - estimateRunCost({ ...runShape, n: 0 }).peakBytes) / 1_000_000;
    const fits = Math.floor((available.bytes - estimateRunCost({ ...runShape, n: 0 }).peakBytes) / perPatient / 100_000) * 100_000;
    throw new InputError(
      `pnen-sim simulate: this run would need about ${gib(cost.peakBytes)} of memory (${runShape.n.toLocaleString("en-US")} patients × ${runShape.strategies} strategies, estimated before starting), more than the ${gib(available.bytes)} available (${available.source}): ${fits > 0 ? `${withPatients ? "leave out the patients file (--no-patients), or " : ""}run it in shards (--shard K/N, or pnen-sim slurm) or in parts of --n ${fits} or fewer with different --seed values` : "free some memory first"}, or add --force to try anyway`,
    );
  }
  if (cost.seconds > 60) options.onNotice?.(`pnen-sim simulate: estimated ${Math.round(cost.seconds / 60)} min and ${gib(cost.peakBytes)} peak memory (on an unloaded machine)`);
  // The output folder is checked and locked before any work: a bad --out fails at once, a second run into
  // the same folder is refused, and leftovers of interrupted runs are cleaned up (see openOutputSetNode).
  let set: OutputSet | undefined;
  if (out !== undefined) {
    const createdFolders = ensureOutputFolderNode(resolve(out), "pnen-sim simulate: --out");
    set = openOutputSetNode(resolve(out), { tool: "pnen-sim simulate", what: "pnen-sim simulate: --out", command: options.command, handleSignals: options.handleSignals ?? false, createdFolders });
    for (const line of set.recovered) options.onNotice?.(`pnen-sim simulate: ${line}`);
  }
  try {
    const version = packageVersionNode();
    const hash = scenarioHashNode(scenario);
    // the outcome model and the pathways also depend on data/ (figures, thresholds, treatments, assumptions,
    // strategies): hashed too, so that an edited assumption file is visible in the provenance
    const { figures, thresholds, treatments, assumptions } = context.registry;
    const dataHash = scenarioHashNode({ figures, thresholds, treatments, assumptions, strategies });
    // the calibrated model and its report: a pure function of data/, the evidence set, the life table and the code,
    // answered from the calibration cache when those were calibrated before (issue 18: small runs start fast)
    const calibrated = calibrateWithCacheNode(scenario, seed, context, strategies, dataHash, options.calibrationCache === undefined ? calibrationCacheFolderNode() : options.calibrationCache);
    const plan = simulationPlan(scenario, strategies, { n: options.n, seed, model: calibrated.model }, context);
    // chunks are simulated and summarised (summary tables) on the workers; the columns are kept only for the patients file
    // or, for a merge of shards (issue 15), the shards' merged tables and patient columns
    const fromShards = options.fromShards;
    const { result, tables } = fromShards === undefined
      ? await runPlanSummaryNode(plan, context.assignPathway, workers, { keepColumns: withPatients, onProgress: (done, total) => options.onProgress?.("simulate", done, total) })
      : { result: fromShards.result(plan), tables: fromShards.tables(plan, 0) };
    const writesPatients = result !== null;
    // --- patients file format (issue 14): csv, arrow or parquet; the file carries the provenance ---
    const patientsFile = `patients.${format}`;
    const writePatients = (path: string, result: SimulationResult): string => {
      const onProgress = (done: number, total: number) => options.onProgress?.("write", done, total);
      if (format === "csv") return writePatientsCsvNode(path, result, onProgress);
      const metadata = { "pnen-sim.version": version, "pnen-sim.scenario": scenario.name, "pnen-sim.scenarioHash": hash, "pnen-sim.dataHash": dataHash, "pnen-sim.seed": String(seed), "pnen-sim.n": String(result.n) };
      return (format === "arrow" ? writePatientsArrowNode : writePatientsParquetNode)(path, result, { metadata, onProgress });
    };
    // --- end of the format dispatch ---
    {
      const patientsSha256 = set === undefined || result === null ? null : writePatients(set.stagedPath(patientsFile), result);
      const summary = summariseTables(tables, { scenario: scenario.name, seed, model: plan.model });
      // PFS targets (each treatment's figure on its population) and OS targets (the structure's external evidence)
      const calibration = calibrated.calibration;

      let replicates: ReplicateSummary | null = null;
      const summaries: SimulationSummary[] = [];
      if (replicateCount > 0) {
        for (let r = 1; r <= replicateCount; r++) {
          const model = replicateModel(scenario, context, seed, r);
          const replicateTables = fromShards === undefined ? (await runPlanSummaryNode({ ...plan, model }, context.assignPathway, workers, { keepColumns: false })).tables : fromShards.tables({ ...plan, model }, r);
          summaries.push(summariseTables(replicateTables, { scenario: scenario.name, seed, model }));
          options.onProgress?.("replicates", r, replicateCount);
        }
        replicates = summariseReplicates(summaries);
      }
      // parameter uncertainty of each comparison, from the replicates (none without them)
      const comparisons = replicates === null ? summary.comparisons : withParameterUncertainty(summary.comparisons, replicates, replicateMedianDifferences(summaries));

      const provenance = { package: "pnen-sim", version, scenario: scenario.name, scenarioHash: hash, dataHash, seed, n: plan.size };
      const summaryText = `${JSON.stringify({ provenance, ...summary, comparisons, calibration, ...(replicates !== null && { replicates }) }, null, 2)}\n`;
      const manifest = {
        tool: "pnen-sim simulate",
        package: "pnen-sim",
        version,
        scenario: { name: scenario.name, file: path, hash },
        data: { hash: dataHash },
        seed,
        n: plan.size,
        replicates: replicateCount,
        workers,
        strategies: tables.strategies,
        ...options.manifestFields,
        command: options.command ?? null,
        started: started.toISOString(),
        finished: new Date().toISOString(),
        files: [...(writesPatients ? [patientsFile] : []), "summary.json", "manifest.json"],
        sha256: { ...(writesPatients && { [patientsFile]: patientsSha256 }), "summary.json": createHash("sha256").update(summaryText).digest("hex") },
      };
      if (set !== undefined) {
        // a SIGINT/SIGTERM that arrived during the (synchronous) writing is handled here, before the commit point
        await new Promise((resolve) => setImmediate(resolve));
        set.writeFile("summary.json", summaryText);
        set.commit([...(writesPatients ? [patientsFile] : []), "summary.json"], `${JSON.stringify(manifest, null, 2)}\n`);
      }
      return { scenario, scenarioPath: path, result, summary: { ...summary, comparisons }, calibration, replicates, manifest, out: out ?? null };
    }
  } finally {
    set?.close();
  }
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

/** The package's version from package.json. */
function packageVersionNode(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
