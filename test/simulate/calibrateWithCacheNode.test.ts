import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { calibrateOutcomeModel } from "../../src/simulate/calibrateOutcomeModel.js";
import { calibrateWithCacheNode, calibrationCacheFolderNode } from "../../src/simulate/calibrateWithCacheNode.js";
import { calibrationReport } from "../../src/simulate/calibrationReport.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { scenarioHash } from "../../src/simulate/scenarioHash.js";
import { scenarioHashNode } from "../../src/simulate/scenarioHashNode.js";
import { structureCalibrationReport } from "../../src/simulate/structureCalibration.js";

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());
const folder = mkdtempSync(join(tmpdir(), "pnen-sim-cache-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const dataHash = scenarioHashNode({ ...context.registry, strategies });

describe("calibrateWithCacheNode(scenario, seed, context, strategies, dataHash, folder)", () => {
  it("a miss calibrates and writes the entry; a hit gives the same model numbers and report as calibrating afresh", () => {
    const first = calibrateWithCacheNode(scenario, 1, context, strategies, dataHash, folder);
    expect(first.cache).toBe("miss");
    expect(readdirSync(folder).filter((f) => f.startsWith("calibration-"))).toHaveLength(1);
    const second = calibrateWithCacheNode(scenario, 2, context, strategies, dataHash, folder);
    expect(second.cache).toBe("hit");
    // the truth: the calibration itself, without any cache
    const parameters = resolveOutcomeParameters(context.registry, { kind: "point" }, scenario.evidence);
    const fresh = calibrateOutcomeModel(parameters, scenario, 2);
    expect(second.model.pfsScale).toEqual(fresh.pfsScale);
    expect(second.model.pfsCurves).toEqual(fresh.pfsCurves);
    expect(JSON.stringify(second.model)).toBe(JSON.stringify(fresh));
    expect(JSON.stringify(second.calibration)).toBe(JSON.stringify([...calibrationReport(fresh, scenario, context.registry, 2), ...structureCalibrationReport(fresh, context, strategies)]));
  });

  it("an entry that does not parse is recalibrated and rewritten; a different data hash misses", () => {
    const file = readdirSync(folder).find((f) => f.startsWith("calibration-"))!;
    writeFileSync(join(folder, file), "{ not json");
    expect(calibrateWithCacheNode(scenario, 1, context, strategies, dataHash, folder).cache).toBe("miss");
    expect(calibrateWithCacheNode(scenario, 1, context, strategies, dataHash, folder).cache).toBe("hit");
    expect(calibrateWithCacheNode(scenario, 1, context, strategies, "sha256:edited", folder).cache).toBe("miss");
  });

  it("calibrationCacheFolderNode reads PNEN_SIM_CACHE, then XDG_CACHE_HOME; 'off' disables the cache", () => {
    expect(calibrationCacheFolderNode({ PNEN_SIM_CACHE: "off" })).toBeNull();
    expect(calibrationCacheFolderNode({ PNEN_SIM_CACHE: "/x/y" })).toBe("/x/y");
    expect(calibrationCacheFolderNode({ XDG_CACHE_HOME: "/c" })).toBe(join("/c", "pnen-sim"));
    expect(calibrateWithCacheNode(scenario, 1, context, strategies, dataHash, null).cache).toBe("off");
  });
});

describe("scenarioHashNode(value)", () => {
  it("scenarioHashNode equals the browser's scenarioHash (non-ASCII text included)", () => {
    expect(scenarioHashNode(scenario)).toBe(scenarioHash(scenario));
    expect(scenarioHashNode({ b: "Gruppe Ä – ü", a: [1, 2.5, null] })).toBe(scenarioHash({ b: "Gruppe Ä – ü", a: [1, 2.5, null] }));
  });
});
