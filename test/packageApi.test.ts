import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as browserApi from "../src/index.js";
import * as nodeApi from "../src/node.js";

// The public API is deliberate (issue 14): README.md's "Public API" section lists every name that "pnen-sim" and
// "pnen-sim/node" export, values and types, and nothing else.

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The names in the README table under a "### `entry`" heading: column 2 (values) and column 3 (types). */
function documented(entry: string): { values: string[]; types: string[] } {
  const start = readme.indexOf(`### \`${entry}\``);
  expect(start, `README has a "### \`${entry}\`" heading`).toBeGreaterThan(0);
  const rest = readme.slice(start + 4);
  const section = rest.slice(0, rest.search(/\n##/));
  const values: string[] = [];
  const types: string[] = [];
  for (const line of section.split("\n")) {
    if (!line.startsWith("| **")) continue;
    const cells = line.split("|");
    values.push(...[...cells[2]!.matchAll(/`([A-Za-z0-9_]+)`/g)].map((m) => m[1]!));
    types.push(...[...cells[3]!.matchAll(/`([A-Za-z0-9_]+)`/g)].map((m) => m[1]!));
  }
  return { values, types };
}

/** The names an entry file re-exports with `export type { … }`. */
function exportedTypes(file: string): string[] {
  const text = readFileSync(new URL(`../src/${file}`, import.meta.url), "utf8");
  return [...text.matchAll(/export type \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((name) => name.trim()).filter(Boolean));
}

const sorted = (names: Iterable<string>) => [...names].sort();

describe("the public API", () => {
  it("src/index.ts exports exactly the values and types README's Public API lists for pnen-sim", () => {
    const { values, types } = documented("pnen-sim");
    expect(sorted(values)).toEqual(sorted(Object.keys(browserApi)));
    expect(sorted(types)).toEqual(sorted(exportedTypes("index.ts")));
    expect(new Set(values).size).toBe(values.length);
  });

  it("src/node.ts exports exactly the values and types README's Public API lists for pnen-sim/node", () => {
    const { values, types } = documented("pnen-sim/node");
    expect(sorted(values)).toEqual(sorted(Object.keys(nodeApi)));
    expect(sorted(types)).toEqual(sorted(exportedTypes("node.ts")));
  });

  it("internals are not exported: numeric cores, scratch and hash tables stay inside", () => {
    for (const internal of ["solveLinear", "invertMatrix", "integerKeyGet", "integerKeySet", "createIntegerKeyTable", "eventTableCore", "validateSurvivalData", "codeLabels", "simulateRange", "mergeRanges", "walkPathway", "sumSurvivalCore", "ComparisonWorkspace"]) {
      expect(Object.keys(browserApi), internal).not.toContain(internal);
    }
    for (const internal of ["readInputFile", "resolveEventCoding", "describeCell", "RawEvent"]) expect(Object.keys(nodeApi), internal).not.toContain(internal);
  });

  it("simulatePatientOutcomes is public and its medians carry the order-statistic interval", () => {
    expect(typeof browserApi.simulatePatientOutcomes).toBe("function");
    expect(Object.keys(browserApi)).not.toContain("medianOrderStatisticInterval"); // the interval's core stays inside
  });

  it("JSON.stringify(kaplanMeier(...)) writes the typed-array columns as arrays; typedArraysAsArrays does it for any result", () => {
    const km = browserApi.kaplanMeier([6, 6, 6, 7, 10, 13], [1, 1, 1, 0, 1, 1]);
    const json = JSON.parse(JSON.stringify(km));
    expect(json.time).toEqual([6, 7, 10, 13]);
    expect(json.nRisk).toEqual([6, 3, 2, 1]);
    expect(json.survival[0]).toBe(0.5);
    expect(json.median).toEqual({ estimate: 8, lower: 6, upper: null }); // R: print(survfit(Surv(c(6,6,6,7,10,13), c(1,1,1,0,1,1)) ~ 1)): median 8, 0.95LCL 6, UCL NA
    const at = JSON.parse(JSON.stringify(browserApi.survivalAt(km, [8])));
    expect(at.survival).toEqual([0.5]);
    expect(JSON.parse(JSON.stringify({ a: Float64Array.of(1, NaN), b: Int32Array.of(2) }, browserApi.typedArraysAsArrays))).toEqual({ a: [1, null], b: [2] });
    expect(Object.keys(km)).not.toContain("toJSON"); // not enumerable: spreading and equality ignore it
  });
});
