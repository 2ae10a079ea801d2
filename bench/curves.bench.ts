import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { digitiseKaplanMeier } from "../src/analysis/digitiseKaplanMeier.js";
import { prepareDigitisedCurve } from "../src/analysis/digitisedCurve.js";
import { eventTableCore } from "../src/analysis/eventTable.js";
import { fitParametric, fitParametricModelsFromTable } from "../src/analysis/fitParametric.js";
import { kaplanMeier } from "../src/analysis/kaplanMeier.js";
import type { FitDistribution } from "../src/analysis/ParametricFit.js";
import { reconstructIpd } from "../src/analysis/reconstructIpd.js";
import { numbersAtRisk } from "../src/analysis/survivalAt.js";
import { readSurvivalCsv } from "../src/io/readSurvivalCsv.js";
import { randomSource } from "../src/random/randomSource.js";
import { weibull } from "../src/survival/weibull.js";
import type { BenchRow } from "./BenchRow.js";

/**
 * Issue 16: parametric fits of 1,000,000 records (two arms, Weibull times, uniform censoring, times to 3
 * decimals) — whole process `pnen-sim fit --dist all` first, then each family in process (kernel: event table +
 * Newton), and R's survreg on the same CSV when Rscript is installed — and the reconstruction of a 200-point
 * digitised curve (whole process `pnen-sim reconstruct`, then prepareDigitisedCurve + reconstructIpd in process).
 */
const records = 1_000_000;
const root = fileURLToPath(new URL("..", import.meta.url));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (result.error !== undefined || result.status !== 0) throw new Error(`${command} failed: ${result.error?.message ?? result.stderr}`);
  return performance.now() - start;
}

function hasRscript(): boolean {
  const probe = spawnSync("Rscript", ["-e", "library(survival)"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

function writeBigCsv(path: string): void {
  const random = randomSource(20261616);
  const lines = new Array<string>(records + 1);
  lines[0] = "time,event,arm";
  const control = weibull(1.2, 18);
  const treated = weibull(1.2, 26);
  for (let i = 1; i <= records; i++) {
    const arm = random() < 0.5 ? "A" : "B";
    const eventTime = (arm === "A" ? control : treated).sample(random());
    const censorTime = 1 + random() * 59;
    const time = Math.max(0.001, Math.min(eventTime, censorTime));
    lines[i] = `${time.toFixed(3)},${eventTime <= censorTime ? 1 : 0},${arm}`;
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

export default async function curvesBench(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), "pnen-sim-bench-curves-"));
  const rows: BenchRow[] = [];
  try {
    const csv = join(folder, "big.csv");
    writeBigCsv(csv);
    const whole = [0, 1, 2].map(() =>
      timed(process.execPath, ["bin/pnen-sim.js", "fit", "--input", csv, "--time", "time", "--event", "event", "--group", "arm", "--dist", "all", "--cuts", "6,12,24"]),
    );
    rows.push({ name: "pnen-sim fit --dist all (6 families, 2 arms), whole process, 1e6 rows", value: Math.round(median(whole)), unit: "ms", note: "median of 3, CSV in" });

    const data = readSurvivalCsv(csv, { time: "time", event: "event", group: "arm" });
    const arm = Array.from(data.group!.codes, (code) => data.group!.labels[code]!);
    const inProcess = (name: string, run: () => { iterations?: number } | unknown, note = ""): void => {
      const first = run(); // warm-up
      const times = [0, 1, 2].map(() => {
        const start = performance.now();
        run();
        return performance.now() - start;
      });
      const steps = (first as { iterations?: number } | undefined)?.iterations;
      rows.push({ name, value: Math.round(median(times)), unit: "ms", note: `median of 3, in process${steps === undefined ? "" : `; ${steps} Newton steps`}${note}` });
    };
    inProcess("fitParametric weibull, 1e6 records, 2 arms (labels in: coding + event table + fit)", () => fitParametric(data.time, data.event, "weibull", { group: arm, groupName: "arm" }));
    const codes = data.group!.codes;
    const none = new Int32Array(data.rows);
    inProcess("event table of 1e6 records, exact times, 2 arms (shared by all fits)", () => eventTableCore(data.time, data.event, codes, data.group!.labels, none, ["all"], false));
    const table = eventTableCore(data.time, data.event, codes, data.group!.labels, none, ["all"], false);
    const families: [FitDistribution, string][] = [
      ["exponential", "exponential"],
      ["weibull", "weibull"],
      ["logNormal", "log-normal"],
      ["logLogistic", "log-logistic"],
      ["gompertz", "Gompertz"],
      ["piecewiseExponential", "piecewise exponential (3 cuts)"],
    ];
    for (const [distribution, label] of families) {
      inProcess(`fitParametricModelsFromTable ${label}, 1e6 records, 2 arms`, () => fitParametricModelsFromTable(table, [distribution], { groupName: "arm", cutpoints: [6, 12, 24] })[0], `; ${table.time.length.toLocaleString("en-US")} distinct times`);
    }

    if (hasRscript()) {
      const script = [
        "suppressPackageStartupMessages(library(survival))",
        `d <- read.csv("${csv}", colClasses = c("numeric", "integer", "character"))`,
        'for (dist in c("exponential", "weibull", "lognormal", "loglogistic")) print(coef(survreg(Surv(time, event) ~ arm, data = d, dist = dist)))',
      ].join("; ");
      rows.push({ name: "Rscript read.csv + survreg × 4 families, whole process, 1e6 rows", value: Math.round(timed("Rscript", ["-e", script])), unit: "ms", note: "one run, same CSV" });
    } else {
      rows.push({ name: "Rscript survreg comparison", value: 0, unit: "-", note: "skipped: Rscript with survival not found" });
    }

    // A 200-point digitised curve: KM of 400 simulated patients read by the simulated digitiser.
    const source = randomSource(16200);
    const model = weibull(1.3, 20);
    const time: number[] = [];
    const event: number[] = [];
    for (let i = 0; i < 400; i++) {
      const t = model.sample(source());
      const c = 24 + 24 * source();
      time.push(Math.min(t, c));
      event.push(t <= c ? 1 : 0);
    }
    const km = kaplanMeier(time, event);
    const points = digitiseKaplanMeier(km, source, { maxPoints: 200, duplicateShare: 0 });
    const riskTimes = [0, 6, 12, 18, 24, 30, 36, 42];
    const nRisk = Array.from(numbersAtRisk(km, riskTimes));
    writeFileSync(join(folder, "curve.csv"), `time,survival\n${points.time.map((t, i) => `${t},${points.survival[i]}`).join("\n")}\n`);
    writeFileSync(join(folder, "risk.csv"), `time,nRisk\n${riskTimes.map((t, i) => `${t},${nRisk[i]}`).join("\n")}\n`);
    const wholeReconstruct = [0, 1, 2].map(() =>
      timed(process.execPath, ["bin/pnen-sim.js", "reconstruct", "--curve", join(folder, "curve.csv"), "--risk-table", join(folder, "risk.csv"), "--events", String(km.events), "--out", join(folder, "ipd.csv")]),
    );
    rows.push({ name: `pnen-sim reconstruct, ${points.time.length}-point curve, whole process`, value: Math.round(median(wholeReconstruct)), unit: "ms", note: "median of 3" });
    const reconstruct = () => reconstructIpd(prepareDigitisedCurve(points.time, points.survival), { riskTable: { time: riskTimes, nRisk }, totalEvents: km.events });
    for (let i = 0; i < 20; i++) reconstruct(); // warm-up
    const runs = 200;
    const start = performance.now();
    for (let i = 0; i < runs; i++) reconstruct();
    rows.push({ name: `prepareDigitisedCurve + reconstructIpd, ${points.time.length} points, 400 patients`, value: Number(((performance.now() - start) / runs).toFixed(3)), unit: "ms", note: `mean of ${runs}, in process` });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}
