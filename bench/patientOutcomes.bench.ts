import { loadavg } from "node:os";
import type { BenchRow } from "./BenchRow.js";
import { parsePatient } from "../src/cohort/parsePatient.js";
import { loadScenarioNode } from "../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../src/simulate/loadSimulationContextNode.js";
import { scenarioStrategies, simulationPlan } from "../src/simulate/simulate.js";
import { simulatePatientOutcomes } from "../src/simulate/simulatePatientOutcomes.js";

/**
 * One patient's predicted outcomes (simulatePatientOutcomes), as the Patient explorer re-runs it on every change
 * of the patient: the model given (calibrated once per page), 4,000 draws under the scenario's 4 strategies and
 * under all 11; best of 5, one thread.
 */
export default async function patientOutcomesBench(): Promise<BenchRow[]> {
  const loadBefore = loadavg()[0].toFixed(1);
  const { context, strategies } = loadSimulationContextNode();
  const { scenario } = loadScenarioNode("default", process.cwd());
  const model = simulationPlan(scenario, strategies, { n: 1 }, context).model;
  const patient = parsePatient({ age: 52, primarySite: "head", ki67: 5, mitoses: 1, enetsType: "I", lesionCount: 2, largestLesionCm: 4, liverInvolvementPct: 10 });
  const rows: BenchRow[] = [];
  for (const [label, chosen, draws] of [["4 strategies", scenarioStrategies(scenario, strategies), 4000], [`${strategies.length} strategies`, strategies, 4000], ["4 strategies", scenarioStrategies(scenario, strategies), 100_000]] as const) {
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      simulatePatientOutcomes(scenario, patient, chosen, { draws, model }, context);
      times.push(performance.now() - start);
    }
    rows.push({ name: `simulatePatientOutcomes, ${draws.toLocaleString("en-US")} draws x ${label}, model given`, value: Math.min(...times), unit: "ms", note: "best of 5, 1 thread" });
  }
  const load = `load average ${loadBefore} → ${loadavg()[0].toFixed(1)}`;
  return rows.map((row) => ({ ...row, note: `${row.note ?? ""}; ${load}` }));
}
