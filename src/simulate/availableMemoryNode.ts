import { readFileSync } from "node:fs";
import { freemem } from "node:os";

/**
 * The memory a run may use (bytes): `PNEN_SIM_MEMORY_LIMIT_MB` when set (for tests and shared machines), else
 * the kernel's MemAvailable (free memory plus what the page cache can give back), else the free memory. Node only.
 */
export function availableMemoryNode(environment: NodeJS.ProcessEnv = process.env): { bytes: number; source: string } {
  const limit = environment.PNEN_SIM_MEMORY_LIMIT_MB;
  if (limit !== undefined && limit.trim() !== "" && Number.isFinite(Number(limit)) && Number(limit) > 0) return { bytes: Number(limit) * 2 ** 20, source: "PNEN_SIM_MEMORY_LIMIT_MB" };
  try {
    const match = /^MemAvailable:\s+(\d+) kB/m.exec(readFileSync("/proc/meminfo", "utf8"));
    if (match !== null) return { bytes: Number(match[1]) * 1024, source: "available memory" };
  } catch {
    // not Linux: free memory
  }
  return { bytes: freemem(), source: "free memory" };
}
