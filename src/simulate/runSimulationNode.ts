import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Scenario } from "../cohort/Scenario.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import type { CalibrationEntry } from "./calibrationReport.js";
import { calibrateWithCacheNode, calibrationCacheFolderNode } from "./calibrateWithCacheNode.js";
import { loadScenarioNode } from "./loadScenarioNode.js";
import { loadSimulationContextNode } from "./loadSimulationContextNode.js";
import { type ReplicateSummary, replicateModel, summariseReplicates } from "./replicates.js";
import { runPlanSummaryNode } from "./runWorkersNode.js";
import { scenarioHashNode } from "./scenarioHashNode.js";
import { type SimulationResult, simulationPlan } from "./simulate.js";
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
  /** Progress of the phases: "simulate", "write", "replicates". */
  readonly onProgress?: (phase: "simulate" | "write" | "replicates", done: number, total: number) => void;
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
 * The three files are one set: patients.csv is streamed to a hidden staging name first, and only once
 * everything else has been computed are the files put under their final names (patients.csv, summary.json,
 * then manifest.json), so a failed or interrupted run never leaves a new patients.csv beside the summary and
 * manifest of an earlier run. Traceability: summary.json carries `provenance` (package version, scenario hash,
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
  const withPatients = options.patients ?? true;
  const { result, tables } = await runPlanSummaryNode(plan, context.assignPathway, workers, { keepColumns: withPatients, onProgress: (done, total) => options.onProgress?.("simulate", done, total) });
  // --- patients file format (issue 14): csv, arrow or parquet; the file carries the provenance ---
  const format = options.format ?? "csv";
  const patientsFile = `patients.${format}`;
  const writePatients = (path: string, result: SimulationResult): string => {
    const onProgress = (done: number, total: number) => options.onProgress?.("write", done, total);
    if (format === "csv") return writePatientsCsvNode(path, result, onProgress);
    const metadata = { "pnen-sim.version": version, "pnen-sim.scenario": scenario.name, "pnen-sim.scenarioHash": hash, "pnen-sim.dataHash": dataHash, "pnen-sim.seed": String(seed), "pnen-sim.n": String(result.n) };
    return (format === "arrow" ? writePatientsArrowNode : writePatientsParquetNode)(path, result, { metadata, onProgress });
  };
  // --- end of the format dispatch ---
  const staged = out === undefined || result === null ? undefined : join(resolve(out), `.${patientsFile}.${process.pid}.${started.getTime()}.staged`);
  try {
    const patientsSha256 = staged === undefined || result === null ? null : writePatients(staged, result);
    const summary = summariseTables(tables, { scenario: scenario.name, seed, model: plan.model });
    // PFS targets (each treatment's figure on its population) and OS targets (the structure's external evidence)
    const calibration = calibrated.calibration;

    let replicates: ReplicateSummary | null = null;
    const summaries: SimulationSummary[] = [];
    if (replicateCount > 0) {
      for (let r = 1; r <= replicateCount; r++) {
        const model = replicateModel(scenario, context, seed, r);
        const replicate = await runPlanSummaryNode({ ...plan, model }, context.assignPathway, workers, { keepColumns: false });
        summaries.push(summariseTables(replicate.tables, { scenario: scenario.name, seed, model }));
        options.onProgress?.("replicates", r, replicateCount);
      }
      replicates = summariseReplicates(summaries);
    }
    // parameter uncertainty of each comparison, from the replicates (none without them)
    const comparisons = replicates === null ? summary.comparisons : withParameterUncertainty(summary.comparisons, replicates, replicateMedianDifferences(summaries));

    const provenance = { package: "pnen-sim", version, scenario: scenario.name, scenarioHash: hash, dataHash, seed, n: plan.size };
    const summaryText = `${JSON.stringify({ provenance, ...summary, comparisons, calibration, ...(replicates !== null && { replicates }) }, null, 2)}\n`;
    const manifest = {
      package: "pnen-sim",
      version,
      scenario: { name: scenario.name, file: path, hash },
      data: { hash: dataHash },
      seed,
      n: plan.size,
      replicates: replicateCount,
      workers,
      strategies: tables.strategies,
      command: options.command ?? null,
      started: started.toISOString(),
      finished: new Date().toISOString(),
      files: [...(withPatients ? [patientsFile] : []), "summary.json", "manifest.json"],
      sha256: { ...(withPatients && { [patientsFile]: patientsSha256 }), "summary.json": createHash("sha256").update(summaryText).digest("hex") },
    };
    if (out !== undefined) {
      if (staged !== undefined) renameSync(staged, resolve(out, patientsFile));
      writeFileAtomic(resolve(out, "summary.json"), summaryText);
      writeFileAtomic(resolve(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    }
    return { scenario, scenarioPath: path, result, summary: { ...summary, comparisons }, calibration, replicates, manifest, out: out ?? null };
  } finally {
    if (staged !== undefined) rmSync(staged, { force: true });
  }
}

/** The package's version from package.json. */
function packageVersionNode(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
