import { readFileSync } from "node:fs";
import type { Scenario } from "../cohort/Scenario.js";
import { calibrateOutcomeModel } from "../simulate/calibrateOutcomeModel.js";
import { loadScenarioNode } from "../simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../simulate/loadSimulationContextNode.js";
import { resolveOutcomeParameters } from "../simulate/OutcomeParameters.js";
import { scenarioHash } from "../simulate/scenarioHash.js";
import { treatmentOutcomeSources } from "../simulate/outcomeSources.js";
import { loadTrialFilesNode } from "./loadTrialFilesNode.js";
import { type ValidationResult, validateTrials } from "./validateTrials.js";

/** Options of {@link runValidationNode} (the `pnen-sim validate` flags). */
export interface ValidationRunOptions {
  /** A folder of trial files or one trial file (relative to `cwd`). */
  readonly trials: string;
  readonly cwd: string;
  /** The scenario whose cohort, evidence set, structure and life table are used (default "default"). */
  readonly scenario?: string;
  /** Master seed (default: the scenario's). */
  readonly seed?: number;
  /** Simulated patients per arm (default 100,000), in whole emulated trials of the published size. */
  readonly patientsPerArm?: number;
}

/** Where a validation run's numbers come from. */
export interface ValidationProvenance {
  readonly package: "pnen-sim";
  readonly version: string;
  readonly scenario: string;
  readonly scenarioHash: string;
  /** Hash of the data/ records the run read (figures, thresholds, treatments, assumptions, strategies) and the trial files. */
  readonly dataHash: string;
  readonly seed: number | string;
  readonly patientsPerArm: number;
  readonly structure: "sequencing" | "sum-of-lines";
  readonly evidenceSet: string;
}

/** What {@link runValidationNode} returns. */
export interface ValidationRun extends ValidationResult {
  readonly provenance: ValidationProvenance;
  readonly scenario: Scenario;
}

/** The default number of simulated patients per arm of `pnen-sim validate`. */
export const defaultValidationPatientsPerArm = 100_000;

/**
 * `pnen-sim validate` as a function (Node only): load data/ and the scenario, calibrate the outcome model as a
 * simulation of that scenario would (evidence set, structure, life table), read and check the trial files, and
 * validate (browser-safe {@link validateTrials}). The trials' cohorts narrow the scenario's cohort.
 */
export function runValidationNode(options: ValidationRunOptions): ValidationRun {
  const { context, strategies } = loadSimulationContextNode();
  const sourceIds = [...context.registry.figures.map((f) => f.id), ...context.registry.assumptions.map((a) => a.id)];
  const { scenario } = loadScenarioNode(options.scenario ?? "default", options.cwd, strategies.map((s) => s.id), sourceIds);
  const seed = options.seed ?? scenario.seed;
  const model = calibrateOutcomeModel(resolveOutcomeParameters(context.registry, { kind: "point" }, scenario.evidence), scenario, seed);
  const { trials, files } = loadTrialFilesNode(options.trials, options.cwd, { treatments: model.treatmentIds, strategies: strategies.map((s) => s.id) });
  const patientsPerArm = options.patientsPerArm ?? defaultValidationPatientsPerArm;
  const result = validateTrials(trials, { model, baseCohort: scenario.cohort, context, strategies, seed, patientsPerArm }, files);
  const { figures, thresholds, treatments, assumptions } = context.registry;
  const sets = new Set(Object.entries(model.parameters.treatments).filter(([id]) => treatmentOutcomeSources[id]?.trialPfsMedian !== undefined).map(([, t]) => t.evidence));
  return {
    ...result,
    scenario,
    provenance: {
      package: "pnen-sim",
      version: (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version,
      scenario: scenario.name,
      scenarioHash: scenarioHash(scenario),
      dataHash: scenarioHash({ figures, thresholds, treatments, assumptions, strategies, trials }),
      seed,
      patientsPerArm,
      structure: model.structure,
      evidenceSet: sets.size === 1 ? [...sets][0] : "mixed",
    },
  };
}
