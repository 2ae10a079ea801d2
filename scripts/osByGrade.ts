/**
 * Median OS (and PFS, 3- and 5-year OS, lines started) by WHO grade for one strategy of a scenario, without
 * censoring — the table of the README's "Outcome model" section:
 *
 *   npx tsx scripts/osByGrade.ts [--scenario default] [--strategy review] [--n 40000] [--structure sequencing|sum-of-lines]
 */
import { parseArgs } from "node:util";
import { kaplanMeier, survivalAt } from "../src/analysis/index.js";
import { Grades } from "../src/cohort/Patient.js";
import { loadScenarioNode } from "../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../src/simulate/loadSimulationContextNode.js";
import { simulate } from "../src/simulate/simulate.js";

const { values } = parseArgs({ options: { scenario: { type: "string", default: "default" }, strategy: { type: "string", default: "review" }, n: { type: "string", default: "40000" }, structure: { type: "string" } } });
const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode(values.scenario!, process.cwd());
const structure = (values.structure ?? scenario.structure ?? "sequencing") as "sequencing" | "sum-of-lines";
const n = Number(values.n);
const run = { ...scenario, structure, strategies: [values.strategy!], referenceStrategy: values.strategy!, followUp: { accrualMonths: 0, lossToFollowUpPerYear: 0 } };
const result = simulate(run, strategies, { n }, context);
const o = result.outcomes[0];
const groups: [string, (g: number) => boolean][] = [["all", () => true], ...Grades.map((g, k): [string, (x: number) => boolean] => [g, (x) => x === k]), ["G1/G2", (x) => x <= 1]];
process.stdout.write(`scenario ${scenario.name}, strategy ${values.strategy}, structure ${structure}, ${n} patients, seed ${scenario.seed}, no censoring\n`);
process.stdout.write("group   patients  median OS  OS 3 y  OS 5 y  median PFS  started line 1/2/3/4\n");
for (const [label, test] of groups) {
  const index = Array.from({ length: n }, (_, i) => i).filter((i) => test(result.cohort.grade[i]));
  const pick = (column: ArrayLike<number>) => Float64Array.from(index, (i) => column[i]);
  const os = kaplanMeier(pick(o.osMonths), Uint8Array.from(index, (i) => o.osEvent[i]));
  const pfs = kaplanMeier(pick(o.pfsMonths), Uint8Array.from(index, (i) => o.pfsEvent[i]));
  const at = survivalAt(os, [36, 60], { extend: false });
  const lines = [1, 2, 3, 4].map((k) => (index.filter((i) => o.linesStarted[i] >= k).length / index.length).toFixed(2)).join("/");
  process.stdout.write(`${label.padEnd(7)} ${String(index.length).padStart(8)}  ${os.median.estimate?.toFixed(1).padStart(9)}  ${at.survival[0].toFixed(3)}   ${at.survival[1].toFixed(3)}   ${pfs.median.estimate?.toFixed(1).padStart(9)}  ${lines}\n`);
}
