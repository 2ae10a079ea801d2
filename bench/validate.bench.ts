import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchRow, BenchSuite } from "./BenchRow.js";
import { calibrateSequencingModel } from "../src/simulate/calibrateSequencingModel.js";
import { loadScenarioNode } from "../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../src/simulate/loadSimulationContextNode.js";
import { resolveOutcomeParameters } from "../src/simulate/OutcomeParameters.js";
import { simulate } from "../src/simulate/simulate.js";
import { strategyComparisons } from "../src/simulate/strategyComparisons.js";
import { summarise } from "../src/simulate/summarise.js";
import { emulateTrial } from "../src/validation/emulateTrial.js";
import type { TrialFile } from "../src/validation/parseTrialFile.js";

/**
 * Issue 12: `pnen-sim validate` on the shipped trials as a user runs it (whole process, the compiled CLI), then its
 * kernel (one trial emulated with 100,000 patients per arm), and the cost of the labelled comparisons in the summary
 * of a run (strategyComparisons: paired batch means, who changes) against the whole summary.
 */
const suite: BenchSuite = async () => {
  const rows: BenchRow[] = [];
  const root = fileURLToPath(new URL("..", import.meta.url));
  const load = `load average ${loadavg()[0].toFixed(1)}`;
  const times = [0, 1].map(() => {
    const start = performance.now();
    const result = spawnSync(process.execPath, ["bin/pnen-sim.js", "validate", "--trials", "data/validation", "--json"], { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    if (result.status !== 0) throw new Error(`pnen-sim validate failed: ${result.stderr}`);
    return performance.now() - start;
  });
  rows.push({ name: "pnen-sim validate --trials data/validation --json, whole process", value: Math.round(Math.min(...times)), unit: "ms", note: `3 trials, 100,000 patients per arm; best of 2; ${load}` });

  const { context, strategies } = loadSimulationContextNode();
  const { scenario } = loadScenarioNode("default", root);
  const model = calibrateSequencingModel(resolveOutcomeParameters(context.registry));
  const trial = JSON.parse(readFileSync(new URL("../data/validation/radiant-3.json", import.meta.url), "utf8")) as TrialFile;
  const setup = { model, baseCohort: scenario.cohort, context, strategies, seed: 1, patientsPerArm: 100_000 };
  emulateTrial(trial, { ...setup, patientsPerArm: 5000 });
  let start = performance.now();
  emulateTrial(trial, setup);
  rows.push({ name: "emulateTrial(RADIANT-3), 100,000 patients per arm (in process)", value: Math.round(performance.now() - start), unit: "ms", note: `484 trials of 410 analysed; ${load}` });

  const n = 100_000;
  const result = simulate(scenario, strategies, { n, model }, context);
  strategyComparisons(simulate(scenario, strategies, { n: 5000, model }, context));
  start = performance.now();
  strategyComparisons(result);
  const comparisons = performance.now() - start;
  start = performance.now();
  summarise(result);
  const whole = performance.now() - start;
  rows.push({ name: "strategyComparisons, 100,000 patients x 4 strategies (in process)", value: Math.round(comparisons), unit: "ms", note: `3 comparisons x 2 endpoints, all patients and those changed; ${load}` });
  rows.push({ name: "summarise (with the comparisons), 100,000 patients x 4 strategies", value: Math.round(whole), unit: "ms", note: load });
  return rows;
};
export default suite;
