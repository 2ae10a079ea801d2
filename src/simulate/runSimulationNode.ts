import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Scenario } from "../cohort/Scenario.js";
import { writeFileAtomic } from "../io/writeFileAtomic.js";
import { type CalibrationEntry, calibrationReport } from "./calibrationReport.js";
import { loadScenarioNode } from "./loadScenarioNode.js";
import { loadSimulationContextNode } from "./loadSimulationContextNode.js";
import { type ReplicateSummary, replicateModel, summariseReplicates } from "./replicates.js";
import { runPlanOnWorkersNode } from "./runWorkersNode.js";
import { scenarioHash } from "./scenarioHash.js";
import { type SimulationResult, simulationPlan } from "./simulate.js";
import { type SimulationSummary, summarise } from "./summarise.js";
import { writePatientsCsvNode } from "./writePatientsCsvNode.js";

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
  /** Progress of the phases: "simulate", "write", "replicates". */
  readonly onProgress?: (phase: "simulate" | "write" | "replicates", done: number, total: number) => void;
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
 */
export async function runSimulationNode(options: SimulationRunOptions): Promise<SimulationRun> {
  const started = new Date();
  const workers = options.workers ?? 1;
  const replicateCount = options.replicates ?? 0;
  const { context, strategies } = loadSimulationContextNode();
  const { scenario, path } = loadScenarioNode(options.scenario, options.cwd, strategies.map((s) => s.id));
  const seed = options.seed ?? scenario.seed;
  const out = typeof options.out === "function" ? options.out(scenario) : options.out;
  const plan = simulationPlan(scenario, strategies, { n: options.n, seed }, context);
  const result = await runPlanOnWorkersNode(plan, context.assignPathway, workers, (done, total) => options.onProgress?.("simulate", done, total));
  if (out !== undefined) writePatientsCsvNode(resolve(out, "patients.csv"), result, (done, total) => options.onProgress?.("write", done, total));
  const summary = summarise(result);
  const calibration = calibrationReport(plan.model, scenario, context.registry, seed);

  let replicates: ReplicateSummary | null = null;
  if (replicateCount > 0) {
    const summaries: SimulationSummary[] = [];
    for (let r = 1; r <= replicateCount; r++) {
      summaries.push(summarise(await runPlanOnWorkersNode({ ...plan, model: replicateModel(scenario, context, seed, r) }, context.assignPathway, workers)));
      options.onProgress?.("replicates", r, replicateCount);
    }
    replicates = summariseReplicates(summaries);
  }

  const manifest = {
    package: "pnen-sim",
    version: packageVersionNode(),
    scenario: { name: scenario.name, file: path, hash: scenarioHash(scenario) },
    seed,
    n: result.n,
    replicates: replicateCount,
    workers,
    strategies: result.strategies,
    command: options.command ?? null,
    started: started.toISOString(),
    finished: new Date().toISOString(),
    files: ["patients.csv", "summary.json", "manifest.json"],
  };
  if (out !== undefined) {
    writeFileAtomic(resolve(out, "summary.json"), `${JSON.stringify({ ...summary, calibration, ...(replicates !== null && { replicates }) }, null, 2)}\n`);
    writeFileAtomic(resolve(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return { scenario, scenarioPath: path, result, summary, calibration, replicates, manifest, out: out ?? null };
}

/** The package's version from package.json. */
function packageVersionNode(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
