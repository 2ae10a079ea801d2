import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";

/**
 * The SHA-256 of a file as lowercase hex, read in 4 MiB pieces so that a patients file of gigabytes is hashed in
 * constant memory. Used wherever a manifest or a shard records or checks a file's hash. O(file size). Node only.
 */
export function fileSha256Node(path: string): string {
  const hash = createHash("sha256");
  const buffer = new Uint8Array(1 << 22);
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
