import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arraySpec } from "../../src/cli/commands/slurm.js";
import { runShardNode } from "../../src/simulate/runShardNode.js";
import { runCli } from "./runCli.js";

// Slurm's sbatch and squeue are replaced by test/fixtures/fake-slurm (a real one-node cluster runs in CI:
// .ci/slurm-e2e.sh). n = 20,000 patients: 5 blocks of 4,096.
const folder = mkdtempSync(join(tmpdir(), "pnen-sim-slurm-"));
const log = join(folder, "sbatch.log");
const path = process.env.PATH;
beforeAll(() => {
  process.env.PATH = `${resolve("test/fixtures/fake-slurm")}:${path}`;
  process.env.FAKE_SLURM_LOG = log;
});
afterAll(() => {
  process.env.PATH = path;
  delete process.env.FAKE_SLURM_LOG;
  delete process.env.FAKE_SLURM_RUN;
  rmSync(folder, { recursive: true, force: true });
});
const sbatchCalls = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
const base = ["slurm", "--scenario", "default", "--n", "20000", "--seed", "5", "--shards", "4"];

describe("pnen-sim slurm", () => {
  it("arraySpec([1, 2, 3, 5, 7, 8]) is '1-3,5,7-8' (sbatch --array syntax)", () => {
    expect(arraySpec([1, 2, 3, 5, 7, 8])).toBe("1-3,5,7-8");
    expect(arraySpec([4])).toBe("4");
  });

  it("pnen-sim slurm --dry-run writes the job-array and merge scripts with the Slurm options and submits nothing", async () => {
    const out = join(folder, "dry");
    const r = await runCli([...base, "--partition", "short", "--time", "01:30:00", "--cpus-per-task", "2", "--mem", "4G", "--setup", "module load nodejs/20", "--out", out, "--dry-run"]);
    expect(r.code).toBe(0);
    const shards = readFileSync(join(out, "slurm", "shards.sbatch"), "utf8");
    for (const line of ["#SBATCH --array=1-4", "#SBATCH --partition=short", "#SBATCH --time=01:30:00", "#SBATCH --cpus-per-task=2", "#SBATCH --mem=4G", `#SBATCH --output=${out}/slurm/shard-%a.out`, "module load nodejs/20"]) expect(shards).toContain(line);
    expect(shards).toMatch(/simulate --scenario \S+default\.json --n 20000 --seed 5 --replicates 0 --shard "\$SLURM_ARRAY_TASK_ID\/4" --out \S+\/shards\/"\$SLURM_ARRAY_TASK_ID"/);
    const merge = readFileSync(join(out, "slurm", "merge.sbatch"), "utf8");
    expect(merge).toContain(`merge ${out}/shards/1 ${out}/shards/2 ${out}/shards/3 ${out}/shards/4 --format csv --out ${out}`);
    expect(r.out).toContain("--dependency=afterok:$ARRAY");
    expect(sbatchCalls()).toEqual([]);
  });

  it("pnen-sim slurm submits the array, then the merge with --dependency=afterok:<array id>, and prints both ids", async () => {
    rmSync(log, { force: true });
    const out = join(folder, "submit");
    const r = await runCli([...base, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Submitted array job 101 (shards 1-4 of 4)");
    expect(r.out).toContain("Submitted merge job 102 (after array job 101 succeeds)");
    expect(sbatchCalls()).toEqual([`--parsable ${out}/slurm/shards.sbatch`, `--parsable --dependency=afterok:101 --kill-on-invalid-dep=yes ${out}/slurm/merge.sbatch`]);
    expect(JSON.parse(readFileSync(join(out, "slurm", "jobs.json"), "utf8"))).toMatchObject({ array: "101", merge: "102", shards: [1, 2, 3, 4] });
  });

  it("pnen-sim slurm --resume resubmits only the shards whose folder is missing or invalid", async () => {
    rmSync(log, { force: true });
    const out = join(folder, "resume");
    for (const k of [1, 3]) runShardNode({ scenario: "default", cwd: process.cwd(), n: 20000, seed: 5, shard: k, shards: 4, out: join(out, "shards", String(k)), patients: false });
    // shard 2 of another seed: invalid for this run
    runShardNode({ scenario: "default", cwd: process.cwd(), n: 20000, seed: 6, shard: 2, shards: 4, out: join(out, "shards", "2"), patients: false });
    const r = await runCli([...base, "--out", out, "--resume"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Resume: 2 of 4 shards valid; to run again: 2 (another run: seed 6 (expected 5)); 4 (missing)");
    expect(readFileSync(join(out, "slurm", "shards.sbatch"), "utf8")).toContain("#SBATCH --array=2,4");
    expect(r.out).toContain("Submitted array job 101 (shards 2,4 of 4)");
  }, 60_000);

  it("pnen-sim slurm --wait runs to the merged summary.json (jobs run by the fake sbatch) and it equals pnen-sim simulate's", async () => {
    rmSync(log, { force: true });
    process.env.FAKE_SLURM_RUN = "1";
    try {
      const out = join(folder, "waited");
      const r = await runCli([...base, "--out", out, "--wait", "--timeout", "120"]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Merge job 102 finished: ${out}/summary.json`);
      const single = join(folder, "single");
      expect((await runCli(["simulate", "--scenario", "default", "--n", "20000", "--seed", "5", "--out", single])).code).toBe(0);
      expect(readFileSync(join(out, "summary.json"), "utf8")).toBe(readFileSync(join(single, "summary.json"), "utf8"));
      expect(readFileSync(join(out, "patients.csv"), "utf8")).toBe(readFileSync(join(single, "patients.csv"), "utf8"));
    } finally {
      delete process.env.FAKE_SLURM_RUN;
    }
  }, 180_000);

  it("pnen-sim slurm --wait exits 1 naming the failed shards and their logs when the merge job ends without output", async () => {
    rmSync(log, { force: true });
    const out = join(folder, "failed");
    const r = await runCli([...base, "--out", out, "--wait", "--timeout", "60"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`shard 1/4 failed (missing; log ${out}/slurm/shard-1.out)`);
    expect(r.err).toContain("the merge job 102 did not run. Fix and rerun with --resume.");
  }, 30_000);

  it("pnen-sim slurm refuses bad flags before submitting anything (exit 2)", async () => {
    rmSync(log, { force: true });
    const out = join(folder, "bad");
    expect((await runCli(["slurm", "--n", "20000", "--shards", "6", "--out", out])).err).toContain("only 5; use at most 5 shards");
    expect((await runCli(["slurm", "--shards", "2", "--time", "ninety", "--out", out])).err).toContain("--time: expected a Slurm time limit");
    expect((await runCli(["slurm", "--shards", "2"])).err).toContain("--out DIR is required");
    const bad = await runCli(["slurm", "--out", out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--shards N is required");
    expect(sbatchCalls()).toEqual([]);
  });
});
