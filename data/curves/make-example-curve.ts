/**
 * Writes data/curves/example-captem-pfs/{curve.csv, risk-table.csv, source.json} from design.json:
 *
 *   design.json + registry (captem.pfs.median, logLogisticShapeWhenOnlyMedian)
 *     ─▶ log-logistic PFS for `patients` synthetic patients, uniform accrual, administrative censoring at
 *        `analysisMonth`, exponential dropout ─▶ Kaplan–Meier ─▶ read by the simulated digitiser
 *        (digitiseKaplanMeier, seeded) ─▶ curve.csv (time, survival %), risk-table.csv (time, nRisk),
 *        source.json (provenance: what this is and is not, the registry ids, the design, total events)
 *
 *   npx tsx data/curves/make-example-curve.ts        (from the repository root; the output is byte-identical)
 *
 * test/data/exampleCurve.test.ts regenerates the files in memory and checks they equal the committed ones.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { digitiseKaplanMeier } from "../../src/analysis/digitiseKaplanMeier.js";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { numbersAtRisk } from "../../src/analysis/survivalAt.js";
import { loadRegistry } from "../../src/io/loadRegistry.js";
import { subStream } from "../../src/random/randomSource.js";
import { logLogisticFromMedian } from "../../src/survival/logLogistic.js";

const folder = new URL("./example-captem-pfs/", import.meta.url);

interface Design {
  readonly anchor: { readonly medianFigure: string; readonly shapeAssumption: string };
  readonly design: { readonly patients: number; readonly accrualMonths: number; readonly analysisMonth: number; readonly monthlyDropout: number };
  readonly digitiser: { readonly maxPoints: number; readonly timeNoise: number; readonly survivalNoise: number; readonly duplicateShare: number; readonly percent: boolean; readonly riskTableEveryMonths: number };
  readonly seed: string;
}

/** The three files of the example, as text, from its design and the registry. */
export function makeExampleCurve(): { curveCsv: string; riskTableCsv: string; sourceJson: string } {
  const design = JSON.parse(readFileSync(new URL("design.json", folder), "utf8")) as Design;
  const registry = loadRegistry();
  const median = registry.figure(design.anchor.medianFigure);
  const shape = registry.assumption(design.anchor.shapeAssumption);
  const model = logLogisticFromMedian(median.value as number, { shape: shape.value as number });
  const cohort = subStream(design.seed, "cohort");
  const time: number[] = [];
  const event: number[] = [];
  const { patients, accrualMonths, analysisMonth, monthlyDropout } = design.design;
  for (let i = 0; i < patients; i++) {
    const pfs = model.sample(cohort());
    const entry = accrualMonths * cohort();
    const dropout = -Math.log1p(-cohort()) / monthlyDropout;
    const censor = Math.min(analysisMonth - entry, dropout);
    time.push(Math.round(Math.min(pfs, censor) * 100) / 100 || 0.01);
    event.push(pfs <= censor ? 1 : 0);
  }
  const km = kaplanMeier(time, event);
  const { riskTableEveryMonths, ...digitiser } = design.digitiser;
  const points = digitiseKaplanMeier(km, subStream(design.seed, "digitiser"), digitiser);
  const curveCsv = `time,survival\n${points.time.map((t, i) => `${t.toFixed(3)},${points.survival[i]!.toFixed(2)}`).join("\n")}\n`;
  const lastTime = Math.max(...points.time);
  const riskTimes: number[] = [];
  for (let t = 0; t <= lastTime; t += riskTableEveryMonths) riskTimes.push(t);
  const nRisk = numbersAtRisk(km, riskTimes);
  const riskTableCsv = `time,nRisk\n${riskTimes.map((t, i) => `${t},${nRisk[i]}`).join("\n")}\n`;
  const source = {
    title: "Example digitised curve: PFS on CAPTEM in pancreatic NET (illustrative, not a published curve)",
    kind: "illustrative example: NOT digitised from a publication, NOT evidence",
    files: { curve: "curve.csv (time in months, survival in %)", riskTable: "risk-table.csv (time in months, number at risk)" },
    totalEvents: km.events,
    patients,
    truth: {
      model: `logLogistic(shape ${shape.value}, scale = median ${median.value} months)`,
      median: { figure: median.id, value: median.value, unit: median.unit, refs: median.refs, dois: median.dois, population: median.population },
      shape: { assumption: shape.id, value: shape.value, rationale: shape.rationale },
    },
    sampleKaplanMeierMedian: km.median.estimate,
    design: "design.json (cohort, follow-up, digitiser settings, seed)",
    howMade: "npx tsx data/curves/make-example-curve.ts: the synthetic cohort's Kaplan-Meier curve read by the simulated digitiser src/analysis/digitiseKaplanMeier.ts (corners of the steps, normal reading errors, some points clicked twice, shuffled), numbers at risk from the same Kaplan-Meier curve",
    use: "npx pnen-sim reconstruct --curve data/curves/example-captem-pfs/curve.csv --risk-table data/curves/example-captem-pfs/risk-table.csv --events " + km.events + " --out reports/curves/captem-ipd.csv",
  };
  return { curveCsv, riskTableCsv, sourceJson: `${JSON.stringify(source, null, 2)}\n` };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = makeExampleCurve();
  writeFileSync(new URL("curve.csv", folder), files.curveCsv);
  writeFileSync(new URL("risk-table.csv", folder), files.riskTableCsv);
  writeFileSync(new URL("source.json", folder), files.sourceJson);
  console.log(`wrote ${fileURLToPath(folder)}{curve.csv, risk-table.csv, source.json}`);
}
