import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/runCli.js";
import { mergeShardsNode } from "../../src/simulate/mergeShardsNode.js";
import { runShardNode } from "../../src/simulate/runShardNode.js";
import { runSimulationNode } from "../../src/simulate/runSimulationNode.js";
import { shardRange } from "../../src/simulate/shardRange.js";

// 9 blocks of 4,096 patients (the last 3,232): neither 2, 4 nor 7 shards divide it, so shard sizes differ
const n = 36_000;
const seed = 11;
const folder = mkdtempSync(join(tmpdir(), "pnen-sim-shards-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const shardDirs = (shards: number) => Array.from({ length: shards }, (_, k) => join(folder, `of${shards}`, String(k + 1)));
const runShards = (shards: number, replicates = 0, dirs = shardDirs(shards)) => {
  for (let k = 1; k <= shards; k++) runShardNode({ scenario: "default", cwd: process.cwd(), n, seed, replicates, shard: k, shards, out: dirs[k - 1] });
  return dirs;
};

describe("shardRange", () => {
  it("shardRange(36000, 7, k) deals 9 blocks as 1, 1, 1, 2, 1, 1, 2 whole blocks (⌊K·9/7⌋ − ⌊(K−1)·9/7⌋) covering every patient once", () => {
    const parts = Array.from({ length: 7 }, (_, k) => shardRange(n, 7, k + 1).parts);
    expect(parts.every((p) => p.length === 1 && p[0].replicate === 0)).toBe(true);
    expect(parts.map((p) => p[0].blocks)).toEqual([1, 1, 1, 2, 1, 1, 2]);
    expect(parts.map((p) => p[0].first)).toEqual([0, 4096, 8192, 12288, 20480, 24576, 28672]);
    expect(parts.reduce((sum, p) => sum + p[0].count, 0)).toBe(n);
    expect(parts[6][0].count).toBe(4096 + 3232);
  });

  it("shardRange(20000, 4, k, 2) splits 5 blocks × 3 runs (base case, 2 replicates) = 15 units across replicates: 3, 4, 4, 4 units", () => {
    const parts = Array.from({ length: 4 }, (_, k) => shardRange(20_000, 4, k + 1, 2).parts.map((p) => [p.replicate, p.firstBlock, p.blocks]));
    expect(parts).toEqual([[[0, 0, 3]], [[0, 3, 2], [1, 0, 2]], [[1, 2, 3], [2, 0, 1]], [[2, 1, 4]]]);
    expect(shardRange(20_000, 4, 4, 2).parts[0].count).toBe(20_000 - 4096);
  });

  it("shardRange(n, N, K) refuses more shards than units and K outside 1 … N", () => {
    expect(() => shardRange(n, 10, 1)).toThrow(/only 9; use at most 9 shards/);
    expect(() => shardRange(n, 28, 1, 2)).toThrow(/× 3 runs .*only 27; use at most 27 shards/);
    expect(() => shardRange(n, 4, 5)).toThrow(/from 1 to 4, got 5/);
  });
});

describe("mergeShardsNode", () => {
  let single: { summary: string; patients: string };
  beforeAll(async () => {
    const out = join(folder, "single");
    await runSimulationNode({ scenario: "default", cwd: process.cwd(), n, seed, out });
    single = { summary: readFileSync(join(out, "summary.json"), "utf8"), patients: readFileSync(join(out, "patients.csv"), "utf8") };
  }, 120_000);

  for (const shards of [1, 2, 4, 7]) {
    it(`mergeShardsNode of ${shards} shard${shards === 1 ? "" : "s"} writes the single-process summary.json and patients.csv byte for byte`, async () => {
      const out = join(folder, `merged${shards}`);
      // given in reverse order: the merge orders them by K
      await mergeShardsNode({ shards: runShards(shards).reverse(), cwd: process.cwd(), out });
      expect(readFileSync(join(out, "summary.json"), "utf8")).toBe(single.summary);
      expect(readFileSync(join(out, "patients.csv"), "utf8")).toBe(single.patients);
      const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
      expect(manifest.shards.count).toBe(shards);
      expect(manifest.seed).toBe(seed);
    }, 120_000);
  }

  it("mergeShardsNode of 4 shards run with patients: false (tables only, no columns.bin) writes the same summary.json and no patients file", async () => {
    const dirs = Array.from({ length: 4 }, (_, k) => join(folder, "tablesOnly", String(k + 1)));
    for (let k = 1; k <= 4; k++) runShardNode({ scenario: "default", cwd: process.cwd(), n, seed, shard: k, shards: 4, out: dirs[k - 1], patients: false });
    expect(readdirSync(dirs[0]).sort()).toEqual(["shard.json", "tables.bin"]);
    const out = join(folder, "mergedTablesOnly");
    const run = await mergeShardsNode({ shards: dirs, cwd: process.cwd(), out });
    expect(run.result).toBeNull();
    expect(readFileSync(join(out, "summary.json"), "utf8")).toBe(single.summary);
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "summary.json"]);
    // a shard with rows among shards without: the patients file cannot be written, and saying so names them
    await expect(mergeShardsNode({ shards: [...dirs.slice(0, 3), shardDirs(4)[3]], cwd: process.cwd(), out, patients: true })).rejects.toThrow(/shard 1\/4 \(.*\) ran with --no-patients/);
  }, 120_000);

  it("mergeShardsNode of 4 shards with 2 PSA replicates (shards split across replicates: 27 units) equals the single-process run with --replicates 2", async () => {
    const out = join(folder, "replicates");
    await runSimulationNode({ scenario: "default", cwd: process.cwd(), n, seed, replicates: 2, out: join(out, "single") });
    const dirs = runShards(4, 2, Array.from({ length: 4 }, (_, k) => join(out, "shards", String(k + 1))));
    await mergeShardsNode({ shards: dirs, cwd: process.cwd(), out: join(out, "merged") });
    const merged = readFileSync(join(out, "merged", "summary.json"), "utf8");
    expect(merged).toBe(readFileSync(join(out, "single", "summary.json"), "utf8"));
    expect(JSON.parse(merged).replicates.replicates).toBe(2);
  }, 240_000);
});

describe("pnen-sim merge refuses an incomplete or mixed set of shards (exit 2, naming the shard, nothing written)", () => {
  let dirs: string[];
  let foreign: string;
  beforeAll(() => {
    dirs = shardDirs(4);
    foreign = join(folder, "foreign");
    // the same K/N of another run: another seed
    runShardNode({ scenario: "default", cwd: process.cwd(), n, seed: seed + 1, shard: 2, shards: 4, out: foreign });
  }, 120_000);

  it("pnen-sim merge without shard 3/4 names the missing shard", async () => {
    const out = join(folder, "refused-missing");
    const r = await runCli(["merge", dirs[0], dirs[1], dirs[3], "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing shard 3\/4 \(given: 1, 2, 4\)/);
    expect(() => readFileSync(join(out, "summary.json"))).toThrow();
  });

  it("pnen-sim merge with shard 2/4 twice names both folders", async () => {
    const copy = join(folder, "copy-of-2");
    cpSync(dirs[1], copy, { recursive: true });
    const r = await runCli(["merge", ...dirs, copy, "--out", join(folder, "refused-duplicate")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`duplicate shard 2/4: ${dirs[1]} and ${copy}`);
  });

  it("pnen-sim merge with a shard of another run (another seed) names it as foreign and what differs", async () => {
    const r = await runCli(["merge", dirs[0], dirs[2], dirs[3], foreign, "--out", join(folder, "refused-foreign")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`foreign shard ${foreign} (shard 2/4 of scenario default): another run: seed ${seed + 1} (expected ${seed})`);
    expect(r.err).toMatch(/missing shard 2\/4/);
  });

  it("pnen-sim merge with a shard of another scenario names it as foreign by its scenario hash", async () => {
    const other = join(folder, "other-scenario");
    const scenario = JSON.parse(readFileSync("data/scenarios/default.json", "utf8"));
    const file = join(folder, "other.json");
    writeFileSync(file, JSON.stringify({ ...scenario, followUp: { ...scenario.followUp, lossToFollowUpPerYear: 0.1 } }));
    runShardNode({ scenario: file, cwd: process.cwd(), n, seed, shard: 4, shards: 4, out: other });
    const r = await runCli(["merge", dirs[0], dirs[1], dirs[2], other, "--out", join(folder, "refused-scenario")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`foreign shard ${other} \\(shard 4/4 of scenario default\\): another run: scenario hash sha256:[0-9a-f]{64} \\(expected sha256:`));
  }, 60_000);

  it("pnen-sim merge with a damaged columns.bin names the shard and says to run it again", async () => {
    const damaged = join(folder, "damaged");
    cpSync(dirs[0], damaged, { recursive: true });
    const bytes = readFileSync(join(damaged, "columns.bin"));
    bytes[100] ^= 1;
    writeFileSync(join(damaged, "columns.bin"), bytes);
    const r = await runCli(["merge", damaged, dirs[1], dirs[2], dirs[3], "--out", join(folder, "refused-damaged")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`shard ${damaged}: columns.bin: SHA-256 differs from shard.json (damaged: run shard 1/4 again)`);
  });

  it("pnen-sim merge of a folder that is not a shard names it", async () => {
    const r = await runCli(["merge", folder, "--out", join(folder, "refused-not-shard")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`shard ${folder}: no shard.json`);
  });
});
