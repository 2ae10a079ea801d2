import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { kaplanMeier } from "../src/analysis/kaplanMeier.js";
import { logRank } from "../src/analysis/logRank.js";
import { readSurvivalCsv } from "../src/io/readSurvivalCsv.js";
import { randomSource } from "../src/random/randomSource.js";
import type { BenchRow } from "./BenchRow.js";

/**
 * Kaplan–Meier and log-rank on 1,000,000 records: in process, and whole process from the same CSV
 * (`node bin/pnen-sim.js km` against `Rscript` running survfit + survdiff), side by side.
 * The CSV (two arms, exponential times, uniform censoring, times to 3 decimals) is written to a temporary
 * folder at bench time and deleted afterwards. R rows are skipped when Rscript is absent.
 */
const records = 1_000_000;
const root = fileURLToPath(new URL("..", import.meta.url));

function writeCsv(path: string, distinctTimes: boolean): void {
  const random = randomSource(20261127);
  const lines = new Array<string>(records + 1);
  lines[0] = "time,event,arm";
  for (let i = 1; i <= records; i++) {
    const arm = random() < 0.5 ? "A" : "B";
    const eventTime = -Math.log(1 - random()) * (arm === "A" ? 12 : 16);
    const censorTime = random() * 60;
    const time = Math.min(eventTime, censorTime);
    lines[i] = `${distinctTimes ? String(time) : time.toFixed(3)},${eventTime <= censorTime ? 1 : 0},${arm}`;
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}

function timed(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (result.error !== undefined || result.status !== 0) throw new Error(`${command} failed: ${result.error?.message ?? result.stderr}`);
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function hasRscript(): boolean {
  const probe = spawnSync("Rscript", ["-e", "library(survival)"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

export default async function analysisBench(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), "pnen-sim-bench-"));
  const rows: BenchRow[] = [];
  try {
    const csv = join(folder, "big.csv");
    writeCsv(csv, false);
    const data = readSurvivalCsv(csv, { time: "time", event: "event", group: "arm" });
    const arm = Array.from(data.group!.codes, (code) => data.group!.labels[code]!);
    const inProcess = (name: string, run: () => unknown): void => {
      run(); // warm-up
      const times = [0, 1, 2].map(() => {
        const start = performance.now();
        run();
        return performance.now() - start;
      });
      rows.push({ name, value: Math.round(median(times)), unit: "ms", note: "median of 3, in process" });
    };
    inProcess("readSurvivalCsv, 1,000,000 rows", () => readSurvivalCsv(csv, { time: "time", event: "event", group: "arm" }));
    inProcess("kaplanMeier, 1,000,000 records", () => kaplanMeier(data.time, data.event));
    inProcess("logRank, 1,000,000 records, 2 groups", () => logRank(data.time, data.event, arm));

    const distinctCsv = join(folder, "distinct.csv");
    writeCsv(distinctCsv, true);
    const distinct = readSurvivalCsv(distinctCsv, { time: "time", event: "event" });
    inProcess("kaplanMeier, 1,000,000 records, all times distinct", () => kaplanMeier(distinct.time, distinct.event));

    const ours = [0, 1, 2].map(() => timed(process.execPath, ["bin/pnen-sim.js", "km", "--input", csv, "--time", "time", "--event", "event", "--group", "arm"]));
    const oursMs = median(ours);
    rows.push({ name: "pnen-sim km (KM + log-rank + Cox), whole process, 1e6 rows", value: Math.round(oursMs), unit: "ms", note: "median of 3, CSV in" });
    if (hasRscript()) {
      const script = [
        "suppressPackageStartupMessages(library(survival))",
        `d <- read.csv("${csv}", colClasses = c("numeric", "integer", "character"))`,
        "fit <- survfit(Surv(time, event) ~ arm, data = d)",
        "print(fit)",
        "print(survdiff(Surv(time, event) ~ arm, data = d))",
      ].join("; ");
      const rMs = timed("Rscript", ["-e", script]);
      rows.push({ name: "Rscript read.csv + survfit + survdiff, whole process, 1e6 rows", value: Math.round(rMs), unit: "ms", note: "one run, same CSV" });
      rows.push({ name: "speed-up, whole process (R time / pnen-sim time)", value: Number((rMs / oursMs).toFixed(1)), unit: "×", note: "goal ≥ 10×" });
    } else {
      rows.push({ name: "Rscript comparison", value: 0, unit: "-", note: "skipped: Rscript with survival not found" });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}
