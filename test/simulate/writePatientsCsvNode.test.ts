import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { patientsCsv } from "../../src/simulate/patientsCsv.js";
import { type SimulationResult, simulate } from "../../src/simulate/simulate.js";
import { writePatientsCsvNode } from "../../src/simulate/writePatientsCsvNode.js";

const folder = mkdtempSync(join(tmpdir(), "pnen-sim-csv-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());

describe("writePatientsCsvNode", () => {
  it("writePatientsCsvNode(path, result) writes in chunks the same bytes as patientsCsv(result)", () => {
    const result = simulate(scenario, strategies, { n: 20_000 }, context);
    const path = join(folder, "ok", "patients.csv");
    writePatientsCsvNode(path, result);
    expect(readFileSync(path, "utf8") === patientsCsv(result)).toBe(true);
    expect(readdirSync(join(folder, "ok"))).toEqual(["patients.csv"]);
  });

  it("writePatientsCsvNode(path, result) that fails midway leaves neither the final file nor a temporary one", () => {
    const good = simulate(scenario, strategies, { n: 100 }, context);
    // claims 20,000 patients but has 100: the second chunk of rows throws
    const broken = { ...good, n: 20_000 } as SimulationResult;
    const path = join(folder, "broken", "patients.csv");
    expect(() => writePatientsCsvNode(path, broken)).toThrow();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(folder, "broken"))).toEqual([]);
  });
});
