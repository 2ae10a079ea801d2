import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./BenchRow.js";
import { readSurvivalData } from "../src/io/readSurvivalData.js";
import { writePatientsArrowNode } from "../src/io/writePatientsArrowNode.js";
import { writePatientsParquetNode } from "../src/io/writePatientsParquetNode.js";
import { runSimulationNode } from "../src/simulate/runSimulationNode.js";
import { writePatientsCsvNode } from "../src/simulate/writePatientsCsvNode.js";

/**
 * The patients file formats (issue 14) on 1,000,000 patients × 4 strategies (4,000,000 rows), default
 * scenario: first the whole process a user runs (`pnen-sim simulate --n 1000000 --format F`, compiled dist/),
 * then the kernels in process — the writer alone (best of 3) and the file's size — and `pnen-sim km` reading
 * each file back (whole process). The files go to a temporary folder, deleted afterwards.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const n = 1_000_000;
const formats = ["csv", "arrow", "parquet"] as const;

function timed(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, [join(root, "bin/pnen-sim.js"), ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (child.status !== 0) throw new Error(`pnen-sim ${args.join(" ")} failed: ${child.stderr.slice(0, 300)}`);
  return performance.now() - start;
}

export default async function formatsBench(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), "pnen-sim-bench-formats-"));
  const load = () => `load ${loadavg()[0].toFixed(1)}`;
  const rows: BenchRow[] = [];
  try {
    for (const format of formats) {
      const ms = timed(["simulate", "--n", String(n), "--seed", "1", "--format", format, "--out", join(folder, `cli-${format}`)]);
      rows.push({ name: `pnen-sim simulate --n 1000000 --format ${format}, whole process`, value: Math.round(ms), unit: "ms", note: `4 strategies, 1 thread; ${load()}` });
    }
    const result = (await runSimulationNode({ scenario: "default", cwd: root, n, seed: 1 })).result!;
    const writers = {
      csv: (path: string) => writePatientsCsvNode(path, result),
      arrow: (path: string) => writePatientsArrowNode(path, result),
      parquet: (path: string) => writePatientsParquetNode(path, result),
    };
    for (const format of formats) {
      const path = join(folder, `patients.${format}`);
      const times: number[] = [];
      for (let k = 0; k < 3; k++) {
        const start = performance.now();
        writers[format](path);
        times.push(performance.now() - start);
      }
      rows.push({ name: `write patients.${format}, 4,000,000 rows (in process)`, value: Math.round(Math.min(...times)), unit: "ms", note: `best of 3; ${load()}` });
      rows.push({ name: `size of patients.${format}, 4,000,000 rows`, value: Math.round(statSync(path).size / 1048576), unit: "MiB" });
    }
    for (const format of formats) {
      const path = join(folder, `patients.${format}`);
      const ms = timed(["km", "--input", path, "--time", "os_months", "--event", "os_event", "--group", "strategy"]);
      rows.push({ name: `pnen-sim km --input patients.${format} (4,000,000 rows, 4 groups), whole process`, value: Math.round(ms), unit: "ms", note: load() });
      const start = performance.now();
      await readSurvivalData(path, { time: "os_months", event: "os_event", group: "strategy" });
      rows.push({ name: `readSurvivalData(patients.${format}), 4,000,000 rows (in process)`, value: Math.round(performance.now() - start), unit: "ms", note: load() });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}
