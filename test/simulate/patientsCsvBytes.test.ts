import { describe, expect, it } from "vitest";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { patientsCsvRows } from "../../src/simulate/patientsCsv.js";
import { patientsCsvBytes, patientsCsvRowBound } from "../../src/simulate/patientsCsvBytes.js";
import { simulate } from "../../src/simulate/simulate.js";

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());

const bytesOf = (result: Parameters<typeof patientsCsvRows>[0], start: number, end: number) => {
  const out = new Uint8Array((end - start) * result.strategies.length * patientsCsvRowBound(result));
  return Buffer.from(out.subarray(0, patientsCsvBytes(result, start, end, out))).toString("utf8");
};

describe("patientsCsvBytes(result, start, end, out)", () => {
  it("patientsCsvBytes writes exactly the bytes of patientsCsvRows (toFixed) for a simulated run", () => {
    const result = simulate(scenario, strategies, { n: 3000, seed: 5 }, context);
    expect(bytesOf(result, 0, 3000)).toBe(patientsCsvRows(result, 0, 3000));
    expect(bytesOf(result, 1234, 1300)).toBe(patientsCsvRows(result, 1234, 1300));
  });

  it("patientsCsvBytes formats ties at a half, negative and huge months as toFixed does (ECMAScript: the exact value, ties up)", () => {
    const result = simulate(scenario, strategies, { n: 20, seed: 5 }, context);
    // values on or near a rounding half (1.00005 is stored just above it), -0, negative, ≥ 1e9, ≥ 1e21
    const awkward = [1.00005, 0.00005, 2.5e-5, 1.23455, 0.99995, 12345.67895, -0, -1.5, 1e9 + 0.00005, 123456789012.34567, 1e21, 5e-324, 0.1 + 0.2, 33.33335, 4.44445];
    const months = result.outcomes[0]!.pfsMonths;
    awkward.forEach((x, i) => {
      months[i] = x;
      result.outcomes[1]!.osMonths[i] = x;
      result.cohort.ki67[i] = Math.abs(x) < 1e6 ? Math.abs(x) * 3 + 0.05 : 7.25;
    });
    expect(bytesOf(result, 0, 20)).toBe(patientsCsvRows(result, 0, 20));
    expect(patientsCsvRows(result, 0, 1)).toContain(",1.0001,"); // 1.00005 is 1.0000500000000001055… in binary: up
  });
});
