/**
 * `npm run calibrate`: fits the sequencing structure's post-progression death rates to the external OS targets
 * (src/simulate fitStructure) and writes them, with the rates reaching either end of each external range as the
 * sensitivity range, into data/assumptions/structure.json. `npm run calibrate -- --dry-run` prints without writing.
 * Deterministic: the registry's calibration seed. The test test/simulate/structureCalibration.test.ts checks that
 * the stored values still reproduce the targets.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadSimulationContextNode } from "../src/simulate/loadSimulationContextNode.js";
import { resolveOutcomeParameters } from "../src/simulate/OutcomeParameters.js";
import { fitStructure } from "../src/simulate/fitStructure.js";
import { sequencingAssumptionSources } from "../src/simulate/outcomeSources.js";

const dryRun = process.argv.includes("--dry-run");
const started = performance.now();
const { context, strategies } = loadSimulationContextNode();
const parameters = resolveOutcomeParameters(context.registry);
const fits = fitStructure(parameters, context, strategies, { onStep: process.stderr.isTTY ? (m) => process.stderr.write(`${m}\n`) : undefined });
const file = fileURLToPath(new URL("../data/assumptions/structure.json", import.meta.url));
const document = JSON.parse(readFileSync(file, "utf8")) as { assumptions: { id: string; value?: number; low?: number; high?: number }[] };
const significant = (x: number) => Number(x.toPrecision(4));
for (const fit of fits) {
  const id = sequencingAssumptionSources[fit.parameter];
  const record = document.assumptions.find((a) => a.id === id);
  if (record === undefined) throw new Error(`data/assumptions/structure.json has no ${id}`);
  record.value = significant(fit.value);
  record.low = significant(fit.rateForHigh);
  record.high = significant(fit.rateForLow);
  process.stdout.write(`${fit.label}: ${id} = ${record.value} per month (range ${record.low}-${record.high}) → median OS ${fit.achieved.toFixed(2)} months; target ${fit.middle} (external range ${fit.low}-${fit.high}, ${fit.target})${fit.constrained ? "; held at the lower grade's rate (post-progression death no slower in a higher grade)" : ""}\n`);
}
if (!dryRun) writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(`${dryRun ? "not written (--dry-run)" : `written to ${file}`}; ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
