import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./BenchRow.js";

/**
 * One event table over 40,000,000 distinct times (issue 20 item 5: the hashing core's slot never reached slots above
 * 2^25, so 36 M distinct times did not finish in 600 s), by the hashing core and by the summary's sorted path; each
 * in its own process, with its peak memory.
 */
export default async function eventTableBench(): Promise<BenchRow[]> {
  const helper = fileURLToPath(new URL("./eventTableLarge.ts", import.meta.url));
  const rows: BenchRow[] = [];
  for (const mode of ["hash", "sorted"] as const) {
    const child = spawnSync(process.execPath, ["--import", "tsx", helper, mode, "40000000"], { encoding: "utf8", maxBuffer: 1 << 20 });
    const name = `event table, 40,000,000 distinct times (${mode === "hash" ? "eventTableCore, hashing" : "eventTimes + eventTableFromTimes, sorted"})`;
    if (child.status !== 0) {
      rows.push({ name, value: NaN, unit: "ms", note: `failed: ${child.stderr.slice(0, 200)}` });
      continue;
    }
    const { ms, rows: distinct, maxRssMiB } = JSON.parse(child.stdout.trim().split("\n").pop()!) as { ms: number; rows: number; maxRssMiB: number };
    rows.push({ name, value: Math.round(ms), unit: "ms", note: `${distinct.toLocaleString("en-US")} rows; peak ${Math.round(maxRssMiB)} MiB; load ${loadavg()[0].toFixed(1)}` });
  }
  return rows;
}
