import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { EvidenceRegistry } from "../evidence/EvidenceRegistry.js";
import type { RegistryFile } from "../evidence/RegistryFile.js";
import { curveIpdPattern } from "../evidence/EvidenceCurve.js";
import { parseRegistry } from "../evidence/parseRegistry.js";
import { InputError } from "../util/InputError.js";
import { parseJsonInput } from "./parseJsonInput.js";
import { dataDir } from "./projectRoot.js";
import { readNumberColumnsCsv } from "./readNumberColumnsCsv.js";

const cache = new Map<string, EvidenceRegistry>();

/**
 * Reads data/evidence/*.json and data/assumptions/*.json under `dir` (default: the package's data/ folder) as
 * {@link RegistryFile}s with paths relative to `dir` ("evidence/figures.json"), sorted by path, followed by the
 * patient data of every figure's `curve.ipd` (a `time,event` CSV under `dir`, as `{path, content: {time, event}}`,
 * path as the figure gives it: "curves/example-captem-pfs/ipd.csv"). A missing
 * evidence/ folder (e.g. a mistyped `--data DIR`), an empty one, and a file that cannot be read or is not valid JSON
 * are InputErrors naming the folder or file (never an empty registry, never a stack trace). Node only; a dashboard can bundle the result as JSON.
 */
export function readRegistryFiles(dir: string = dataDir()): RegistryFile[] {
  if (!existsSync(join(dir, "evidence"))) {
    throw new InputError(`evidence registry: no folder ${join(dir, "evidence")} (expected ${dir} to hold evidence/*.json and, optionally, assumptions/*.json)`);
  }
  const files: RegistryFile[] = [];
  const problems: string[] = [];
  for (const folder of ["evidence", "assumptions"]) {
    const path = join(dir, folder);
    if (!existsSync(path)) continue;
    let names: string[];
    try {
      names = readdirSync(path).filter((n) => n.endsWith(".json")).sort();
    } catch (error) {
      problems.push(`${folder}: cannot list the folder (${errorCode(error)})`);
      continue;
    }
    if (folder === "evidence" && names.length === 0) problems.push(`${folder}: no *.json files (expected figures, references, thresholds and treatments)`);
    for (const name of names) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(path, name));
      } catch (error) {
        problems.push(`${folder}/${name}: cannot read the file (${errorCode(error)})`);
        continue;
      }
      try {
        files.push({ path: `${folder}/${name}`, content: parseJsonInput(bytes, `${folder}/${name}`) });
      } catch (error) {
        problems.push(error instanceof InputError ? error.message : `${folder}/${name}: not valid JSON: ${String(error)}`);
      }
    }
  }
  files.push(...readCurveDataFiles(dir, files));
  if (problems.length > 0) throw new InputError(`evidence registry: ${problems.length} unreadable file${problems.length === 1 ? "" : "s"} in ${dir}`, problems);
  return files;
}

/** The `time,event` CSV files the figures' curves name (`curve.ipd`, a data/-relative path), once each, in path order. */
function readCurveDataFiles(dir: string, files: readonly RegistryFile[]): RegistryFile[] {
  const wanted = new Set<string>();
  for (const file of files) {
    const figures = (file.content as { figures?: unknown } | null)?.figures;
    if (!Array.isArray(figures)) continue;
    figures.forEach((figure) => {
      const ipd = (figure as { curve?: { ipd?: unknown } } | null)?.curve?.ipd;
      // a path that is not a plain data/-relative CSV path is reported by parseRegistry, never read
      if (typeof ipd === "string" && curveIpdPattern.test(ipd)) wanted.add(ipd);
    });
  }
  const out: RegistryFile[] = [];
  for (const ipd of [...wanted].sort()) {
    try {
      const csv = readNumberColumnsCsv(join(dir, ipd), ["time", "event"], ipd);
      out.push({ path: ipd, content: { time: Array.from(csv.columns.time!), event: Array.from(csv.columns.event!) } });
    } catch (error) {
      // reported by parseRegistry on the figure's curve.ipd, together with every other problem of the data
      out.push({ path: ipd, content: { unreadable: error instanceof Error ? error.message.split("\n")[0] : String(error) } });
    }
  }
  return out;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "EISDIR") return "a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Loads and validates the evidence registry from `dir` (default: the package's data/ folder), once per folder:
 * later calls with the same folder return the same frozen registry. Node only.
 */
export function loadRegistry(dir: string = dataDir()): EvidenceRegistry {
  const cached = cache.get(dir);
  if (cached !== undefined) return cached;
  const registry = parseRegistry(readRegistryFiles(dir));
  cache.set(dir, registry);
  return registry;
}
