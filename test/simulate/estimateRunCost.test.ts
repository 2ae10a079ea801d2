import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { estimateRunCost } from "../../src/simulate/estimateRunCost.js";
import { availableMemoryNode } from "../../src/simulate/availableMemoryNode.js";
import { runCli } from "../cli/runCli.js";

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
afterEach(() => {
  delete process.env.PNEN_SIM_MEMORY_LIMIT_MB;
});

describe("estimateRunCost(run)", () => {
  it("estimateRunCost grows linearly in patients × strategies and predicts the issue's 100 M-patient run past the machine's 24 GiB", () => {
    const run = { n: 1_000_000, strategies: 4, replicates: 0, workers: 2, format: "csv" as const };
    const one = estimateRunCost(run);
    const two = estimateRunCost({ ...run, n: 2_000_000 });
    const four = estimateRunCost({ ...run, n: 4_000_000 });
    expect(four.peakBytes - two.peakBytes).toBeCloseTo(2 * (two.peakBytes - one.peakBytes), 0);
    // issue 19: "At 100 M the run would pass the machine's 24 GiB and be killed by the kernel"
    expect(estimateRunCost({ ...run, n: 100_000_000 }).peakBytes).toBeGreaterThan(24 * 2 ** 30);
    // and a default run (10,000 patients) fits in well under a GiB
    expect(estimateRunCost({ ...run, n: 10_000 }).peakBytes).toBeLessThan(2 ** 30);
    // replicates cost time, not memory (each replicate's result is summarised and dropped)
    expect(estimateRunCost({ ...run, replicates: 10 }).peakBytes).toBe(one.peakBytes);
    expect(estimateRunCost({ ...run, replicates: 10 }).seconds).toBeGreaterThan(5 * one.seconds);
  });

  it("estimateRunCost of a summary-only run (patients: false) needs less memory and no writing time", () => {
    const run = { n: 10_000_000, strategies: 4, replicates: 0, workers: 2, format: "csv" as const };
    const withRows = estimateRunCost(run);
    const summaryOnly = estimateRunCost({ ...run, patients: false });
    // 10 M × 4 summary-only peaked at 1,230 MiB (bench wholeProcess): the estimate errs high but below 2 GiB
    expect(summaryOnly.peakBytes).toBeGreaterThan(1230 * 2 ** 20);
    expect(summaryOnly.peakBytes).toBeLessThan(2 * 2 ** 30);
    expect(summaryOnly.peakBytes).toBeLessThan(withRows.peakBytes / 3);
    expect(summaryOnly.seconds).toBeLessThan(withRows.seconds);
  });

  it("availableMemoryNode reads PNEN_SIM_MEMORY_LIMIT_MB, else the kernel's available memory", () => {
    expect(availableMemoryNode({ PNEN_SIM_MEMORY_LIMIT_MB: "512" })).toEqual({ bytes: 512 * 2 ** 20, source: "PNEN_SIM_MEMORY_LIMIT_MB" });
    expect(availableMemoryNode({}).bytes).toBeGreaterThan(0);
  });

  it("simulate --n 1000000 under PNEN_SIM_MEMORY_LIMIT_MB=400 is refused at once (exit 2) naming an --n that fits and --force; nothing written", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pnen-guard-"));
    folders.push(folder);
    process.env.PNEN_SIM_MEMORY_LIMIT_MB = "400";
    const started = Date.now();
    const { code, err } = await runCli(["simulate", "--n", "1000000", "--out", "out"], folder);
    expect(code).toBe(2);
    expect(err.trim()).toMatch(/^pnen-sim simulate: this run would need about \d+\.\d GiB of memory \(1,000,000 patients × 4 strategies, estimated before starting\), more than the 0\.4 GiB available \(PNEN_SIM_MEMORY_LIMIT_MB\): leave out the patients file \(--no-patients\), or run it in shards \(--shard K\/N, or pnen-sim slurm\) or in parts of --n \d+ or fewer with different --seed values, or add --force to try anyway$/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(join(folder, "out"))).toBe(false);
    // --force runs it anyway (a small run, under a limit it could never meet)
    process.env.PNEN_SIM_MEMORY_LIMIT_MB = "1";
    expect((await runCli(["simulate", "--n", "200", "--out", "out"], folder)).code).toBe(2);
    expect((await runCli(["simulate", "--n", "200", "--out", "out", "--force"], folder)).code).toBe(0);
  }, 60_000);
});
