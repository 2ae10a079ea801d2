import type { ShardPart } from "./shardRange.js";

/** The `format` of a shard's shard.json. */
export const shardFormat = "pnen-sim shard 3";
/** The files of a shard folder. */
export const shardManifestFile = "shard.json";
export const shardColumnsFile = "columns.bin";
export const shardTablesFile = "tables.bin";

/**
 * shard.json: what a shard folder holds and which run it belongs to (src/simulate runShardNode). The run is
 * identified by {@link shardRunIdentity}; the indexes locate each record of tables.bin and chunk of columns.bin.
 */
export interface ShardManifest {
  readonly format: typeof shardFormat;
  readonly package: "pnen-sim";
  readonly version: string;
  readonly scenario: { readonly name: string; readonly file: string; readonly hash: string };
  readonly data: { readonly hash: string };
  readonly seed: number | string;
  /** Patients of the whole run. */
  readonly n: number;
  readonly replicates: number;
  readonly strategies: readonly string[];
  /** This shard, 1 … shards. */
  readonly shard: number;
  readonly shards: number;
  /** What it simulated: per replicate it touches (0 = base case), patients [first, first + count) and their blocks (src/simulate shardRange). */
  readonly parts: readonly ShardPart[];
  readonly littleEndian: boolean;
  /**
   * tables.bin: the sufficient statistics of the summary (src/simulate `summaryTables` of the shard's patients: per
   * strategy × endpoint the sorted event and censoring times, counts, per-block correlations, Monte Carlo batches),
   * one record per part (`parts[k]` at `records[k].offset`, `bytes` long; src/simulate typedJson).
   */
  readonly tables: { readonly file: string; readonly bytes: number; readonly sha256: string; readonly records: readonly { readonly offset: number; readonly bytes: number }[] };
  /** columns.bin, when the shard carries the patient rows (for the merge's patients file): the base case part's columns, chunk after chunk (none without a base-case part); else null. */
  readonly columns: { readonly file: string; readonly bytes: number; readonly sha256: string; readonly chunks: readonly { readonly first: number; readonly count: number; readonly offset: number; readonly bytes: number; readonly pathwayLabels: readonly string[] }[] } | null;
  readonly command: string | null;
  readonly started: string;
  readonly finished: string;
}

/** What makes shards parts of one run: the same version, scenario, data, seed, n, replicates, strategies and number of shards. */
export interface ShardRunIdentity {
  readonly version: string;
  readonly scenarioHash: string;
  readonly dataHash: string;
  readonly seed: number | string;
  readonly n: number;
  readonly replicates: number;
  readonly shards: number;
}

export function shardRunIdentity(m: Pick<ShardManifest, "version" | "scenario" | "data" | "seed" | "n" | "replicates" | "shards">): ShardRunIdentity {
  return { version: m.version, scenarioHash: m.scenario.hash, dataHash: m.data.hash, seed: m.seed, n: m.n, replicates: m.replicates, shards: m.shards };
}

/** The fields in which a shard's run differs from the expected one, as "field X (expected Y)"; empty when it is the same run. */
export function shardIdentityDifferences(actual: ShardRunIdentity, expected: ShardRunIdentity): string[] {
  const names: Record<keyof ShardRunIdentity, string> = { version: "version", scenarioHash: "scenario hash", dataHash: "data hash", seed: "seed", n: "n", replicates: "replicates", shards: "number of shards" };
  return (Object.keys(names) as (keyof ShardRunIdentity)[]).filter((k) => String(actual[k]) !== String(expected[k])).map((k) => `${names[k]} ${String(actual[k])} (expected ${String(expected[k])})`);
}
