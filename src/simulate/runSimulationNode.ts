import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Scenario } from "../cohort/Scenario.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import { type CalibrationEntry, calibrationReport } from "./calibrationReport.js";
import { structureCalibrationReport } from "./structureCalibration.js";
import { loadScenarioNode } from "./loadScenarioNode.js";
import { loadSimulationContextNode } from "./loadSimulationContextNode.js";
import { type ReplicateSummary, replicateModel, summariseReplicates } from "./replicates.js";
import { runPlanOnWorkersNode } from "./runWorkersNode.js";
import { scenarioHash } from "./scenarioHash.js";
import { type SimulationResult, simulationPlan } from "./simulate.js";
import type { SimulationPlan } from "./simulateRange.js";
import type { RuleThresholds, Strategy } from "../rules/index.js";
import { type SimulationSummary, summarise, summariseTables } from "./summarise.js";
import type { SummaryTables } from "./summaryTables.js";
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
  readonly result: SimulationResult;
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
export async function runSimulationNode(options: SimulationRunOptions & { readonly fromShards?: undefined }): Promise<SimulationRun>;
/** A merge of shards (`fromShards`): `result` is null when the shards carry no patient rows. */
export async function runSimulationNode(options: SimulationRunOptions): Promise<Omit<SimulationRun, "result"> & { readonly result: SimulationResult | null }>;
export async function runSimulationNode(options: SimulationRunOptions): Promise<Omit<SimulationRun, "result"> & { readonly result: SimulationResult | null }> {
  const started = new Date();
  const workers = options.workers ?? 1;
  const replicateCount = options.replicates ?? 0;
  const { context, strategies } = loadSimulationContextNode();
  const sourceIds = [...context.registry.figures.map((f) => f.id), ...context.registry.assumptions.map((a) => a.id)];
  const { scenario, path } = loadScenarioNode(options.scenario, options.cwd, strategies.map((s) => s.id), sourceIds);
  const seed = options.seed ?? scenario.seed;
  const out = typeof options.out === "function" ? options.out(scenario) : options.out;
  const plan = simulationPlan(scenario, strategies, { n: options.n, seed }, context);
  const fromShards = options.fromShards;
  const result = fromShards === undefined ? await runPlanOnWorkersNode(plan, context.assignPathway, workers, (done, total) => options.onProgress?.("simulate", done, total)) : fromShards.result(plan);
  // the summary of a replicate's plan: of its simulated columns, or of its tables merged over shards (the same bytes)
  const summariseRun = async (runPlan: typeof plan, replicate: number, simulated: SimulationResult | null): Promise<SimulationSummary> =>
    fromShards === undefined
      ? summarise(simulated ?? (await runPlanOnWorkersNode(runPlan, context.assignPathway, workers)))
      : summariseTables(fromShards.tables(runPlan, replicate), { scenario: scenario.name, seed: runPlan.seed, model: runPlan.model });
  const version = packageVersionNode();
  const hash = scenarioHash(scenario);
  // the outcome model and the pathways also depend on data/ (figures, thresholds, treatments, assumptions,
  // strategies): hashed too, so that an edited assumption file is visible in the provenance
  const { figures, thresholds, treatments, assumptions } = context.registry;
  const dataHash = scenarioHash({ figures, thresholds, treatments, assumptions, strategies });
  // --- patients file format (issue 14): csv, arrow or parquet; the file carries the provenance ---
  const format = options.format ?? "csv";
  const patientsFile = `patients.${format}`;
  const writePatients = (path: string): string | null => {
    const onProgress = (done: number, total: number) => options.onProgress?.("write", done, total);
    if (result === null) return null;
    if (format === "csv") return writePatientsCsvNode(path, result, onProgress);
    const metadata = { "pnen-sim.version": version, "pnen-sim.scenario": scenario.name, "pnen-sim.scenarioHash": hash, "pnen-sim.dataHash": dataHash, "pnen-sim.seed": String(seed), "pnen-sim.n": String(plan.size) };
    return (format === "arrow" ? writePatientsArrowNode : writePatientsParquetNode)(path, result, { metadata, onProgress });
  };
  // --- end of the format dispatch ---
  const staged = out === undefined ? undefined : join(resolve(out), `.${patientsFile}.${process.pid}.${started.getTime()}.staged`);
  try {
    const patientsSha256 = staged === undefined ? null : writePatients(staged);
    const summary = await summariseRun(plan, 0, result);
    // PFS targets (each treatment's figure on its population) and OS targets (the structure's external evidence)
    const calibration = [...calibrationReport(plan.model, scenario, context.registry, seed), ...structureCalibrationReport(plan.model, context, strategies)];

    let replicates: ReplicateSummary | null = null;
    const summaries: SimulationSummary[] = [];
    if (replicateCount > 0) {
      for (let r = 1; r <= replicateCount; r++) {
        summaries.push(await summariseRun({ ...plan, model: replicateModel(scenario, context, seed, r) }, r, null));
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
      strategies: plan.strategies.map((s) => s.id),
      ...options.manifestFields,
      command: options.command ?? null,
      started: started.toISOString(),
      finished: new Date().toISOString(),
      files: [...(result === null ? [] : [patientsFile]), "summary.json", "manifest.json"],
      sha256: { ...(result === null ? {} : { [patientsFile]: patientsSha256 }), "summary.json": createHash("sha256").update(summaryText).digest("hex") },
    };
    if (out !== undefined && staged !== undefined) {
      if (result !== null) renameSync(staged, resolve(out, patientsFile));
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
