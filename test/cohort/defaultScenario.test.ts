import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/cohort/parseScenario.js";
import { loadRegistry } from "../../src/io/loadRegistry.js";

const scenario = parseScenario(JSON.parse(readFileSync(new URL("../../data/scenarios/default.json", import.meta.url), "utf8")), "default.json");
const registry = loadRegistry();

/** Every numeric leaf of a value, by dotted path. */
function numericLeaves(value: unknown, path: string, out: Map<string, number>): Map<string, number> {
  if (typeof value === "number") out.set(path, value);
  else if (value !== null && typeof value === "object" && !Array.isArray(value)) for (const [key, child] of Object.entries(value)) numericLeaves(child, path === "" ? key : `${path}.${key}`, out);
  return out;
}

describe("data/scenarios/default.json", () => {
  const sources = scenario.sources ?? {};
  const leaves = numericLeaves({ cohort: scenario.cohort, followUp: scenario.followUp }, "", new Map());

  it("every default number of the cohort and follow-up names its provenance in `sources` (except the cohort size)", () => {
    const covered = (path: string) => Object.keys(sources).some((source) => path === source || path.startsWith(`${source}.`));
    const missing = [...leaves.keys()].filter((path) => path !== "cohort.size" && !covered(path));
    expect(missing).toEqual([]);
  });

  it("every source is an evidence figure or labelled assumption whose value is the scenario's (percent as a share; a {min, max} as low-high)", () => {
    const problems: string[] = [];
    for (const [path, id] of Object.entries(sources)) {
      const record = registry.figures.find((f) => f.id === id) ?? registry.assumption(id);
      const scale = record.unit === "%" && (leaves.get(path) ?? 2) <= 1 ? 100 : 1;
      if (leaves.has(path)) {
        if (Math.abs(leaves.get(path)! * scale - record.value!) > 1e-9) problems.push(`${path} = ${leaves.get(path)} but ${id} = ${record.value}`);
      } else {
        const min = leaves.get(`${path}.min`);
        const max = leaves.get(`${path}.max`);
        if (min !== record.low || max !== record.high) problems.push(`${path} = [${min}, ${max}] but ${id} = [${record.low}, ${record.high}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("cohort.functionalShare is the review's 57.1% (functional.share.china)", () => {
    expect(sources["cohort.functionalShare"]).toBe("functional.share.china");
    expect(registry.figure("functional.share.china").value).toBe(57.1);
  });
});
