import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderSvg } from "../src/figures/renderNode.js";
import { estimateRunCost } from "../src/simulate/estimateRunCost.js";

/**
 * `npm run bench:scaling [-- 1 2 4 8 16] [--format csv|arrow|parquet] [--workers K] [--plot]`: whole-process time and
 * peak resident memory of `pnen-sim simulate --n N` (millions of patients, default scenario, 4 strategies),
 * measured with /usr/bin/time, each run after the previous one; beside each, the estimate of estimateRunCost
 * (the memory guard's model). Writes docs/bench/scaling.json and scaling.svg (time and memory against n,
 * log-log: a slope of 1 is linear, n log n is barely steeper; README, Performance). The load average is
 * printed beside every row: the machine is shared.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1]! : fallback);
const format = option("format", "csv") as "csv" | "arrow" | "parquet";
const workers = Number(option("workers", "1"));
const millions = args.filter((a, i) => /^\d+(\.\d+)?$/.test(a) && !["--format", "--workers"].includes(args[i - 1] ?? "")).map(Number);
// --plot: only redraw scaling.svg from scaling.json
const sizes = args.includes("--plot") ? [] : (millions.length > 0 ? millions : [1, 2, 4, 8, 16]).map((m) => Math.round(m * 1_000_000));
const root = fileURLToPath(new URL("..", import.meta.url));
const results = join(root, "docs", "bench");
mkdirSync(results, { recursive: true });
const file = join(results, "scaling.json");
const rows: { n: number; format: string; workers: number; seconds: number; peakMiB: number; load: number; estimateSeconds: number; estimateMiB: number }[] = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];

for (const n of sizes) {
  const out = mkdtempSync(join(tmpdir(), "pnen-scaling-"));
  const load = loadavg()[0]!;
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, join(root, "bin", "pnen-sim.js"), "simulate", "--n", String(n), "--workers", String(workers), "--format", format, "--out", out, "--force"], { encoding: "utf8", maxBuffer: 1 << 26 });
  rmSync(out, { recursive: true, force: true });
  const last = run.stderr.trim().split("\n").at(-1) ?? "";
  const [seconds, kib] = last.split(" ").map(Number);
  if (run.status !== 0 || !Number.isFinite(seconds)) {
    console.log(`n = ${n.toLocaleString("en-US")}: failed (exit ${run.status}): ${run.stderr.slice(-400)}`);
    continue;
  }
  const estimate = estimateRunCost({ n, strategies: 4, replicates: 0, workers, format });
  const row = { n, format, workers, seconds: seconds!, peakMiB: Math.round(kib! / 1024), load: Number(load.toFixed(1)), estimateSeconds: Math.round(estimate.seconds), estimateMiB: Math.round(estimate.peakBytes / 2 ** 20) };
  rows.push(row);
  console.log(`n = ${n.toLocaleString("en-US").padStart(11)}  ${format} ${workers}w  ${String(row.seconds).padStart(7)} s  ${String(row.peakMiB).padStart(6)} MiB peak   (model ${row.estimateSeconds} s, ${row.estimateMiB} MiB; load ${row.load})`);
  writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
}

const values = rows.flatMap((r) => [
  { n: r.n / 1e6, measure: "time, s", value: r.seconds, series: `${r.format}, ${r.workers} worker${r.workers === 1 ? "" : "s"}` },
  { n: r.n / 1e6, measure: "peak memory, MiB", value: r.peakMiB, series: `${r.format}, ${r.workers} worker${r.workers === 1 ? "" : "s"}` },
]);
const { svg } = await renderSvg({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: "pnen-sim simulate, whole process, default scenario (4 strategies)",
  data: { values },
  facet: { column: { field: "measure", type: "nominal", title: null } },
  spec: {
    width: 260,
    height: 200,
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "n", type: "quantitative", scale: { type: "log" }, title: "patients (millions, log scale)" },
      y: { field: "value", type: "quantitative", scale: { type: "log" }, title: "log scale" },
      color: { field: "series", type: "nominal", title: null },
    },
  },
  resolve: { scale: { y: "independent" } },
} as never);
writeFileSync(join(results, "scaling.svg"), svg);
console.log(`wrote ${join("docs", "bench", "scaling.json")} and scaling.svg`);
