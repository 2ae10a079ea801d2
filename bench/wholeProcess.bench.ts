import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./BenchRow.js";

/**
 * Whole-process figures first (issue 18): what a user waits for, `pnen-sim simulate` as a command (compiled dist/,
 * a fresh process each time, default scenario: 4 strategies), wall time and peak memory (worker threads included):
 *
 *   --n 10000 (calibration cache warm; and with PNEN_SIM_CACHE=off, calibrating)
 *   --n 1000000 with patients.csv, 1 and 2 workers;  --n 1000000 --no-patients, 2 workers
 *   --n 10000000 --no-patients, 2 workers (streamed; target ≤ 1.5 GiB)
 *
 * Each row's note carries the load average: the machine is shared, and figures scale with it.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const wrapper = fileURLToPath(new URL("./peakRss.mjs", import.meta.url));

function run(args: string[], env: Record<string, string> = {}): { ms: number; maxRssMiB: number } {
  const start = performance.now();
  const child = spawnSync(process.execPath, [wrapper, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 24 });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`pnen-sim ${args.join(" ")} failed: ${child.stderr.slice(-300)}`);
  const { maxRssMiB } = JSON.parse(child.stderr.trim().split("\n").pop()!) as { maxRssMiB: number };
  return { ms, maxRssMiB };
}

export default async function wholeProcessBench(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), "pnen-sim-bench-whole-"));
  const cache = join(folder, "cache");
  const load = () => `load ${loadavg()[0].toFixed(1)}`;
  const rows: BenchRow[] = [];
  // `extra` is read after the run (e.g. the size of the patients file it wrote)
  const row = (name: string, args: string[], env: Record<string, string> = {}, extra: () => string = () => "") => {
    const { ms, maxRssMiB } = run(args, { PNEN_SIM_CACHE: cache, ...env });
    rows.push({ name, value: Math.round(ms), unit: "ms", note: `peak ${Math.round(maxRssMiB)} MiB${extra()}; ${load()}` });
    return { ms, maxRssMiB };
  };
  try {
    const out = join(folder, "out");
    run(["simulate", "--n", "10000", "--out", out], { PNEN_SIM_CACHE: cache }); // fills the calibration cache
    const small: number[] = [];
    for (let k = 0; k < 3; k++) small.push(run(["simulate", "--n", "10000", "--out", out], { PNEN_SIM_CACHE: cache }).ms);
    rows.push({ name: "pnen-sim simulate --n 10000 (calibration cached)", value: Math.round(Math.min(...small)), unit: "ms", note: `best of 3, median ${Math.round(small.sort((a, b) => a - b)[1]!)} ms; target ≤ 1,000 ms; ${load()}` });
    row("pnen-sim simulate --n 10000 (PNEN_SIM_CACHE=off: calibrating)", ["simulate", "--n", "10000", "--out", out], { PNEN_SIM_CACHE: "off" });
    for (const workers of ["1", "2"]) {
      row(`pnen-sim simulate --n 1000000 --workers ${workers} (patients.csv)`, ["simulate", "--n", "1000000", "--workers", workers, "--out", out], {}, () => `; patients.csv ${(statSync(join(out, "patients.csv")).size / 1e6).toFixed(0)} MB; target ≤ ${workers === "1" ? "10" : "6"} s`);
    }
    row("pnen-sim simulate --n 1000000 --workers 2 --no-patients", ["simulate", "--n", "1000000", "--workers", "2", "--no-patients", "--out", out], {}, () => "; target ≤ 3 s");
    row("pnen-sim simulate --n 10000000 --workers 2 --no-patients", ["simulate", "--n", "10000000", "--workers", "2", "--no-patients", "--out", out], {}, () => "; streamed; targets ≤ 30 s, ≤ 1,536 MiB");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}
