import { parsePatient } from "../../cohort/parsePatient.js";
import type { Scenario } from "../../cohort/Scenario.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import { loadScenarioNode } from "../../simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../simulate/loadSimulationContextNode.js";
import { scenarioHash } from "../../simulate/scenarioHash.js";
import { scenarioStrategies } from "../../simulate/simulate.js";
import { type PatientOutcomes, simulatePatientOutcomes } from "../../simulate/simulatePatientOutcomes.js";
import type { CommandIO } from "../Command.js";
import { packageVersion } from "../main.js";
import { readPatientJson } from "../readPatientJson.js";

/** What `pnen-sim simulate --patient` prints with --json: the medians without the draws, and the provenance. */
export function patientOutcomesJson(outcomes: PatientOutcomes, scenario: Scenario, patient: unknown): Record<string, unknown> {
  return {
    version: packageVersion(),
    scenario: scenario.name,
    scenarioHash: scenarioHash(scenario),
    seed: outcomes.seed,
    draws: outcomes.draws,
    level: outcomes.level,
    grade: outcomes.grade,
    patient,
    strategies: outcomes.strategies.map((s) => ({
      strategy: s.strategy,
      pathway: s.pathway,
      pfs: { median: s.pfs.median, lower: s.pfs.lower, upper: s.pfs.upper },
      os: { median: s.os.median, lower: s.os.lower, upper: s.os.upper },
    })),
    notice: researchUseNotice,
  };
}

/** The table `pnen-sim simulate --patient` prints: per strategy the medians with their Monte Carlo interval, and the pathway. */
export function patientOutcomesText(outcomes: PatientOutcomes, scenario: Scenario): string {
  const cell = (e: { median: number; lower: number; upper: number }) => `${e.median.toFixed(1)} (${e.lower.toFixed(1)}–${e.upper.toFixed(1)})`;
  const width = Math.max(8, ...outcomes.strategies.map((s) => s.strategy.length)) + 2;
  const percent = Math.round(outcomes.level * 100);
  const lines = [
    `One patient (WHO ${outcomes.grade}), ${outcomes.draws.toLocaleString("en-US")} outcome draws per strategy, scenario ${scenario.name}:`,
    "",
    `${"strategy".padEnd(width)}${`median PFS, months (MC ${percent}%)`.padEnd(32)}${`median OS, months (MC ${percent}%)`.padEnd(32)}pathway`,
    ...outcomes.strategies.map((s) => `${s.strategy.padEnd(width)}${cell(s.pfs).padEnd(32)}${cell(s.os).padEnd(32)}${s.pathway}`),
    "",
    `MC ${percent}%: Monte Carlo error of the median (order statistics of the draws); it shrinks with more --draws. The draws are`,
    "the patient's whole simulated history (no censoring), on the scenario's calibrated outcome model; strategies giving",
    "the same pathway give the same draws. Parameter uncertainty (the published figures' ranges) is not included.",
    "",
    `pnen-sim ${packageVersion()}, scenario ${scenario.name} (hash ${scenarioHash(scenario)}), seed ${outcomes.seed}. ${researchUseNotice}`,
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * `pnen-sim simulate --patient JSON|@FILE [--draws N] [--scenario S] [--seed S] [--json]`: one patient's predicted
 * outcomes under each strategy of the scenario (simulatePatientOutcomes); prints, writes no files.
 */
export function runSimulatePatient(options: { patient: string; draws: number; scenario: string; seed: number | undefined; json: boolean }, io: CommandIO): number {
  const json = readPatientJson("simulate", options.patient, io.cwd);
  const patient = parsePatient(json);
  const { context, strategies } = loadSimulationContextNode();
  const { scenario } = loadScenarioNode(options.scenario, io.cwd, strategies.map((s) => s.id));
  const outcomes = simulatePatientOutcomes(scenario, patient, scenarioStrategies(scenario, strategies), { draws: options.draws, seed: options.seed }, context);
  io.stdout(options.json ? `${JSON.stringify(patientOutcomesJson(outcomes, scenario, patient), null, 2)}\n` : patientOutcomesText(outcomes, scenario));
  return 0;
}
