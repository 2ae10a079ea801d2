import { fileSha256Node } from "../io/fileSha256Node.js";
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../util/InputError.js";
import { type ShardManifest, shardColumnsFile, shardFormat, shardManifestFile, shardTablesFile } from "./ShardManifest.js";
import { shardRange } from "./shardRange.js";
import type { SummaryTables } from "./summaryTables.js";
import { decodeTypedJson } from "./typedJson.js";


/**
 * Reads and checks a shard folder (src/simulate runShardNode): shard.json present, of this format and consistent
 * (K within 1 … N; its parts those shard K of N of the run simulates (src/simulate shardRange); one tables record
 * per part, back to back; the patient chunks, when present, tiling its base-case patients in order), tables.bin and columns.bin present with the sizes and, when `verify` (default), the SHA-256
 * that shard.json records. Anything else is an InputError naming the folder and what is wrong (an interrupted or
 * damaged shard: run it again). Node only. O(size of the files) with `verify`.
 */
export function readShardNode(dir: string, options: { readonly verify?: boolean } = {}): ShardManifest {
  const manifestPath = join(dir, shardManifestFile);
  if (!existsSync(dir)) throw new InputError(`shard ${dir}: folder not found`);
  if (!existsSync(manifestPath)) throw new InputError(`shard ${dir}: no ${shardManifestFile} (not a shard folder, or the shard did not finish: run it again)`);
  let m: ShardManifest;
  try {
    m = JSON.parse(readFileSync(manifestPath, "utf8")) as ShardManifest;
  } catch (error) {
    throw new InputError(`shard ${dir}: ${shardManifestFile} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (m === null || typeof m !== "object" || m.format !== shardFormat) throw new InputError(`shard ${dir}: ${shardManifestFile}: format: expected '${shardFormat}', got ${JSON.stringify((m as { format?: unknown } | null)?.format ?? null)}`);
  const problems: string[] = [];
  const integer = (x: unknown) => typeof x === "number" && Number.isInteger(x) && x >= 0;
  if (!integer(m.shards) || m.shards < 1 || !integer(m.shard) || m.shard < 1 || m.shard > m.shards) problems.push(`shard/shards: expected 1 <= K <= N, got ${m.shard}/${m.shards}`);
  if (!integer(m.n) || m.n < 1 || !integer(m.replicates)) problems.push(`n, replicates: expected integers, n >= 1`);
  if (!Array.isArray(m.strategies) || !Array.isArray(m.parts) || !Array.isArray(m.tables?.records) || (m.columns !== null && !Array.isArray(m.columns?.chunks))) problems.push(`strategies, parts, tables.records, columns.chunks: expected lists`);
  if (m.littleEndian !== true) problems.push(`littleEndian: this machine reads little-endian files only`);
  if (problems.length === 0) {
    // the parts are those shard K of N of this run simulates, and nothing else
    let expected: string | null = null;
    try {
      expected = JSON.stringify(shardRange(m.n, m.shards, m.shard, m.replicates).parts);
    } catch (error) {
      problems.push(`shard ${m.shard}/${m.shards} of ${m.n} patients and ${m.replicates} replicates is not a possible shard: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (expected !== null && JSON.stringify(m.parts) !== expected) problems.push(`parts: not those of shard ${m.shard}/${m.shards} (${expected})`);
    let offset = 0;
    m.tables.records.forEach((record, k) => {
      if (record.offset !== offset) problems.push(`tables.records[${k}]: expected at byte ${offset}`);
      offset += record.bytes;
    });
    if (m.tables.records.length !== m.parts.length) problems.push(`tables.records: ${m.tables.records.length} records, expected one per part (${m.parts.length})`);
    if (offset !== m.tables.bytes) problems.push(`tables.bytes: ${m.tables.bytes}, but the records add up to ${offset}`);
    if (m.columns !== null) {
      const base = m.parts.find((p) => p.replicate === 0);
      let next = base?.first ?? 0;
      let at = 0;
      for (const chunk of m.columns.chunks) {
        if (chunk.first !== next || chunk.offset !== at) problems.push(`columns.chunks: do not tile the base case's patients in order`);
        next = chunk.first + chunk.count;
        at += chunk.bytes;
      }
      if (base !== undefined && next !== base.first + base.count) problems.push(`columns.chunks: cover patients up to ${next - 1}, expected up to ${base.first + base.count - 1}`);
      if (base === undefined && m.columns.chunks.length > 0) problems.push(`columns.chunks: patient rows without a base-case part`);
      if (at !== m.columns.bytes) problems.push(`columns.bytes: ${m.columns.bytes}, but the chunks add up to ${at}`);
    }
  }
  if (problems.length > 0) throw new InputError(`shard ${dir}: ${shardManifestFile} is inconsistent`, problems);
  for (const entry of [m.tables, m.columns]) {
    if (entry === null) continue;
    const path = join(dir, entry.file);
    const again = `run shard ${m.shard}/${m.shards} again`;
    if (!existsSync(path)) throw new InputError(`shard ${dir}: ${entry.file} missing (${again})`);
    const size = statSync(path).size;
    if (size !== entry.bytes) throw new InputError(`shard ${dir}: ${entry.file} has ${size} bytes, ${shardManifestFile} says ${entry.bytes} (damaged or incomplete: ${again})`);
    if ((options.verify ?? true) && fileSha256Node(path) !== entry.sha256) throw new InputError(`shard ${dir}: ${entry.file}: SHA-256 differs from ${shardManifestFile} (damaged: ${again})`);
  }
  return m;
}

/** Bytes [offset, offset + length) of a file. */
function readBytes(path: string, offset: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const fd = openSync(path, "r");
  try {
    for (let read = 0; read < length; ) {
      const n = readSync(fd, bytes, read, length - read, offset + read);
      if (n === 0) throw new InputError(`${path}: ends early`);
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The summary tables of part `index` of a shard checked by {@link readShardNode} (`manifest.parts[index]`). */
export function readShardTablesNode(dir: string, manifest: ShardManifest, index: number): SummaryTables {
  const record = manifest.tables.records[index]!;
  try {
    return decodeTypedJson(readBytes(join(dir, shardTablesFile), record.offset, record.bytes)) as SummaryTables;
  } catch (error) {
    throw new InputError(`shard ${dir}: ${shardTablesFile}: part ${index} (replicate ${manifest.parts[index]?.replicate}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Chunk `index` of a shard's columns.bin (checked by {@link readShardNode}), in a fresh 8-byte-aligned buffer. */
export function readShardChunkNode(dir: string, manifest: ShardManifest, index: number): Uint8Array {
  const chunk = manifest.columns!.chunks[index]!;
  return readBytes(join(dir, shardColumnsFile), chunk.offset, chunk.bytes);
}
