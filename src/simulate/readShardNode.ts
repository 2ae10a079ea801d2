import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../util/InputError.js";
import { type ShardManifest, shardColumnsFile, shardFormat, shardManifestFile } from "./ShardManifest.js";

/**
 * Reads and checks a shard folder (src/simulate runShardNode): shard.json present, of this format, consistent
 * (K within 1 … N, chunks tiling its patients for the base case and each replicate), columns.bin present with the
 * size and, when `verify` (default), the SHA-256 that shard.json records. Anything else is an InputError naming
 * the folder and what is wrong (an interrupted or damaged shard: run it again). Node only. O(columns.bin) with
 * `verify`.
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
  if (!integer(m.n) || !integer(m.first) || !integer(m.count) || !integer(m.replicates)) problems.push(`n, first, count, replicates: expected non-negative integers`);
  if (!Array.isArray(m.chunks) || !Array.isArray(m.strategies)) problems.push(`chunks, strategies: expected lists`);
  if (m.littleEndian !== true) problems.push(`littleEndian: this machine reads little-endian columns only`);
  if (problems.length === 0) {
    let offset = 0;
    for (let replicate = 0; replicate <= m.replicates; replicate++) {
      let next = m.first;
      for (const chunk of m.chunks.filter((c) => c.replicate === replicate)) {
        if (chunk.first !== next || chunk.offset !== offset) problems.push(`chunks: replicate ${replicate} does not tile patients ${m.first}–${m.first + m.count - 1} in order`);
        next = chunk.first + chunk.count;
        offset += chunk.bytes;
      }
      if (next !== m.first + m.count) problems.push(`chunks: replicate ${replicate} covers patients up to ${next - 1}, expected up to ${m.first + m.count - 1}`);
    }
    if (offset !== m.columns?.bytes) problems.push(`columns.bytes: ${m.columns?.bytes}, but the chunks add up to ${offset}`);
  }
  if (problems.length > 0) throw new InputError(`shard ${dir}: ${shardManifestFile} is inconsistent`, problems);
  const columnsPath = join(dir, shardColumnsFile);
  if (!existsSync(columnsPath)) throw new InputError(`shard ${dir}: ${shardColumnsFile} missing (run shard ${m.shard}/${m.shards} again)`);
  const size = statSync(columnsPath).size;
  if (size !== m.columns.bytes) throw new InputError(`shard ${dir}: ${shardColumnsFile} has ${size} bytes, ${shardManifestFile} says ${m.columns.bytes} (damaged or incomplete: run shard ${m.shard}/${m.shards} again)`);
  if (options.verify ?? true) {
    const hash = createHash("sha256");
    const buffer = new Uint8Array(1 << 22);
    const fd = openSync(columnsPath, "r");
    try {
      for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, read));
    } finally {
      closeSync(fd);
    }
    if (hash.digest("hex") !== m.columns.sha256) throw new InputError(`shard ${dir}: ${shardColumnsFile}: SHA-256 differs from ${shardManifestFile} (damaged: run shard ${m.shard}/${m.shards} again)`);
  }
  return m;
}

/** Reads chunk `index` of a shard's columns.bin (already checked by {@link readShardNode}) into an 8-byte-aligned buffer. */
export function readShardChunkNode(dir: string, manifest: ShardManifest, index: number): Uint8Array {
  const chunk = manifest.chunks[index];
  const bytes = new Uint8Array(chunk.bytes);
  const fd = openSync(join(dir, shardColumnsFile), "r");
  try {
    for (let read = 0; read < chunk.bytes; ) {
      const n = readSync(fd, bytes, read, chunk.bytes - read, chunk.offset + read);
      if (n === 0) throw new InputError(`shard ${dir}: ${shardColumnsFile} ends early`);
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
