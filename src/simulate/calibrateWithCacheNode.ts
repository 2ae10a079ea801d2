import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Scenario } from "../cohort/Scenario.js";
import type { Strategy, RuleThresholds } from "../rules/index.js";
import { calibrateOutcomeModel } from "./calibrateOutcomeModel.js";
import { type SequencingCalibration, calibrateSequencingModel } from "./calibrateSequencingModel.js";
import { type CalibrationEntry, calibrationReport } from "./calibrationReport.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import { resolveOutcomeParameters } from "./OutcomeParameters.js";
import type { SimulationContext } from "./SimulationContext.js";
import { structureCalibrationReport } from "./structureCalibration.js";

/** What a cache file holds: the calibrated numbers and the calibration report they give. */
interface CacheEntry extends SequencingCalibration {
  readonly key: string;
  readonly calibration: readonly CalibrationEntry[];
}

/**
 * The folder of the calibration cache: `PNEN_SIM_CACHE` when it names a folder, none when it is `off` (or `0`),
 * else `$XDG_CACHE_HOME/pnen-sim` or `~/.cache/pnen-sim`.
 */
export function calibrationCacheFolderNode(env: NodeJS.ProcessEnv = process.env): string | null {
  const setting = env.PNEN_SIM_CACHE;
  if (setting === "off" || setting === "0") return null;
  if (setting !== undefined && setting !== "") return setting;
  const base = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(base, "pnen-sim");
}

let codeHash: string | undefined;

/**
 * SHA-256 over the package's own code (every .js or .ts file of the folder this module was loaded from, dist/ or
 * src/, by path and content): part of the cache key, so that any change to the code — the calibration or anything
 * it calls — misses the cache. About 20 ms, once per process.
 */
export function packageCodeHashNode(): string {
  if (codeHash !== undefined) return codeHash;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith(".d.ts")).sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file}\u0000`).update(readFileSync(join(root, file))).update("\u0000");
  codeHash = hash.digest("hex");
  return codeHash;
}

/**
 * The calibrated outcome model of a scenario and its calibration report (the PFS targets and the structure's OS
 * targets), from a cache when the same inputs were calibrated before. The sequencing structure's calibration is a
 * pure function of the outcome parameters (the registry's figures and assumptions, the scenario's evidence set),
 * the life table, the data/ records and the code — the scenario's cohort and seed play no part — so the key is
 * SHA-256 of exactly those (`dataHash` is the run's hash of data/, {@link packageCodeHashNode} the code's). A hit
 * rebuilds the model from the cached numbers (JSON keeps every double exactly); a miss calibrates, reports and
 * writes the entry (atomically; an unwritable cache is skipped). A cache file that does not parse or whose key
 * differs is ignored. The sum-of-lines structure (calibrated on the scenario's own cohort) is never cached.
 *
 *   key = sha256(code, data hash, life table, parameters) ─► folder/calibration-<key>.json ─► hit: assemble model
 *                                                          └► miss: calibrate + reports ─► write
 *
 * A cold calibration costs about 0.7 s (a dozen 20,000-patient cohorts, the 30,000-patient structure check); a hit
 * about 25 ms. Node only.
 */
export function calibrateWithCacheNode(
  scenario: Scenario,
  seed: number | string,
  context: SimulationContext<Strategy, RuleThresholds>,
  strategies: readonly Strategy[],
  dataHash: string,
  folder: string | null = calibrationCacheFolderNode(),
): { model: OutcomeModel; calibration: CalibrationEntry[]; cache: "hit" | "miss" | "off" } {
  const parameters = resolveOutcomeParameters(context.registry, { kind: "point" }, scenario.evidence);
  const compute = () => {
    const model = calibrateOutcomeModel(parameters, scenario, seed);
    return { model, calibration: [...calibrationReport(model, scenario, context.registry, seed), ...structureCalibrationReport(model, context, strategies)] };
  };
  if (folder === null || scenario.structure === "sum-of-lines") return { ...compute(), cache: "off" };
  const key = createHash("sha256").update(JSON.stringify({ code: packageCodeHashNode(), data: dataHash, lifeTable: scenario.lifeTable ?? null, parameters })).digest("hex");
  const file = join(folder, `calibration-${key}.json`);
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as CacheEntry;
    if (entry.key === key && Array.isArray(entry.pfsScale) && Array.isArray(entry.pfsCurves) && Array.isArray(entry.calibration)) {
      return { model: calibrateSequencingModel(parameters, { lifeTable: scenario.lifeTable, calibrated: entry }), calibration: [...entry.calibration], cache: "hit" };
    }
  } catch {
    // no entry yet, or one that does not parse: calibrate
  }
  const { model, calibration } = compute();
  try {
    mkdirSync(folder, { recursive: true });
    const entry: CacheEntry = { key, pfsScale: model.pfsScale, pfsCurves: model.pfsCurves ?? model.pfsScale.map(() => null), calibration };
    const staged = `${file}.${process.pid}.tmp`;
    writeFileSync(staged, JSON.stringify(entry));
    renameSync(staged, file);
  } catch {
    // a read-only or full cache folder only costs the next run its calibration
  }
  return { model, calibration, cache: "miss" };
}
