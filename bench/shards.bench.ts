import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./BenchRow.js";

/**
 * Sharded runs (issue 15), whole processes of the compiled CLI, default scenario (4 strategies), summary only
 * (--no-patients): a single process `pnen-sim simulate --n 4N`, its 4 shards `simulate --shard K/4` (run one after
 * another here; on a cluster they run at once) and `pnen-sim merge` of them. With PNEN_BENCH_SHARD_ROWS=1 the same
 * again with the patient rows (columns.bin in the shards, patients.csv written by the single process and the merge).
 * Wall time and peak resident memory of each process from GNU time (`/usr/bin/time -f "%e %M"`; without it, time
 * only). N = 1,000,000 patients per shard, or PNEN_BENCH_SHARD_PATIENTS. The merged summary.json is checked to equal
 * the single process's byte for byte. Temporary folders, deleted afterwards.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const perShard = Number(process.env.PNEN_BENCH_SHARD_PATIENTS ?? 1_000_000);
const shards = 4;
const gnuTime = existsSync("/usr/bin/time");

function measured(args: string[]): { seconds: number; peakMiB: number | null } {
  const start = performance.now();
  const command = gnuTime ? "/usr/bin/time" : process.execPath;
  const full = gnuTime ? ["-f", "%e %M", process.execPath, join(root, "bin/pnen-sim.js"), ...args] : [join(root, "bin/pnen-sim.js"), ...args];
  const child = spawnSync(command, full, { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`pnen-sim ${args.join(" ")} failed: ${child.stderr.slice(-300)}`);
  const seconds = (performance.now() - start) / 1000;
  const last = child.stderr.trim().split("\n").pop() ?? "";
  const match = /^([\d.]+) (\d+)$/.exec(last);
  return { seconds, peakMiB: gnuTime && match !== null ? Number(match[2]) / 1024 : null };
}

export default async function shardsBench(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), "pnen-sim-bench-shards-"));
  const n = perShard * shards;
  const load = () => `load ${loadavg()[0].toFixed(1)}`;
  const label = `${(n / 1e6).toLocaleString("en-US")} M patients`;
  const rows: BenchRow[] = [];
  const mib = (x: number | null) => (x === null ? 0 : Math.round(x));
  try {
    for (const patients of process.env.PNEN_BENCH_SHARD_ROWS === "1" ? [false, true] : [false]) {
      const kind = patients ? "with patient rows" : "--no-patients";
      const flags = patients ? [] : ["--no-patients"];
      const single = measured(["simulate", "--n", String(n), "--seed", "1", "--out", join(folder, `single-${kind}`), ...flags]);
      rows.push({ name: `single process, simulate --n ${n} ${kind}: time`, value: Number(single.seconds.toFixed(1)), unit: "s", note: load() });
      rows.push({ name: `single process, simulate --n ${n} ${kind}: peak memory`, value: mib(single.peakMiB), unit: "MiB", note: label });
      const dirs: string[] = [];
      let shardSeconds = 0;
      let shardPeak = 0;
      for (let k = 1; k <= shards; k++) {
        const dir = join(folder, `shards-${kind}`, String(k));
        dirs.push(dir);
        const m = measured(["simulate", "--n", String(n), "--seed", "1", "--shard", `${k}/${shards}`, "--out", dir, ...flags]);
        shardSeconds += m.seconds;
        shardPeak = Math.max(shardPeak, m.peakMiB ?? 0);
      }
      rows.push({ name: `4 shards of ${perShard} ${kind}: time per shard`, value: Number((shardSeconds / shards).toFixed(1)), unit: "s", note: `mean of the 4, run one after another; ${load()}` });
      rows.push({ name: `4 shards of ${perShard} ${kind}: peak memory of a shard`, value: Math.round(shardPeak), unit: "MiB", note: label });
      const out = join(folder, `merged-${kind}`);
      const merge = measured(["merge", ...dirs, "--out", out]);
      rows.push({ name: `merge of 4 shards of ${perShard} ${kind}: time`, value: Number(merge.seconds.toFixed(1)), unit: "s", note: `${patients ? "writes patients.csv" : "summary only"}; ${load()}` });
      rows.push({ name: `merge of 4 shards of ${perShard} ${kind}: peak memory`, value: mib(merge.peakMiB), unit: "MiB", note: label });
      const same = readFileSync(join(out, "summary.json"), "utf8") === readFileSync(join(folder, `single-${kind}`, "summary.json"), "utf8");
      if (!same) throw new Error(`shards bench: merged summary.json (${kind}) differs from the single process's`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}
