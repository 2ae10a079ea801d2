import { describe, expect, it } from "vitest";
import { compilePathway } from "../../src/simulate/compilePathway.js";
import type { OutcomeModel } from "../../src/simulate/OutcomeModel.js";
import type { OutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { createPatientDraws, maximumPathwayLines, outcomeDrawsPerPatient, ppsDrawOffset, preparePatientDraws, walkPathway } from "../../src/simulate/walkPathway.js";
import { randomSource } from "../../src/random/index.js";

const parameters = {
  treatments: {},
  assumptions: { hrLaterLine: 1, hrDebulkingEffective: 0.5 },
  debulkingThreshold: 70,
  zeroDurationTreatments: ["glucoseControl", "ppi"],
} as unknown as OutcomeParameters;
// exponential lines (shape 1) with scale = median / ln 2
const model: OutcomeModel = {
  parameters,
  structure: "sum-of-lines",
  sequencing: null,
  treatmentIds: ["captem", "everolimus", "conversionTherapy", "radicalResection", "debulking", "bestSupportiveCare"],
  pfsScale: [29, 11, 22, 12, 15, 5].map((m) => m / Math.LN2),
  ppsScale: [24, 24, 24, 24, 24, 24].map((m) => m / Math.LN2),
  pfsShape: 1,
  ppsShape: 1,
  deathShare: 0,
};

describe("compilePathway", () => {
  it("compilePathway(steps) keeps one episode per line, led by conversion therapy or the first non-symptom step", () => {
    const compiled = compilePathway(
      {
        steps: [
          { treatment: "glucoseControl", intent: "symptom-control", line: 1 },
          { treatment: "conversionTherapy", intent: "conversion", line: 1 },
          { treatment: "radicalResection", intent: "curative", line: 1 },
          { treatment: "captem", intent: "systemic", line: 2 },
          { treatment: "everolimus", intent: "systemic", line: 3 },
        ],
      },
      model,
    );
    expect(compiled.label).toBe("glucoseControl+conversionTherapy+radicalResection>captem>everolimus");
    expect(Array.from(compiled.episodes)).toEqual([2, 0, 1]);
  });

  it("compilePathway(65 lines) is refused instead of walking past the per-line buffers (which would give NaN times)", () => {
    const lines = (count: number) => Array.from({ length: count }, (_, k) => ({ treatment: "captem", line: k + 1 }));
    expect(compilePathway(lines(maximumPathwayLines), model).episodes.length).toBe(64);
    expect(() => compilePathway(lines(maximumPathwayLines + 1), model)).toThrow(/65 lines of treatment, more than the 64 the outcome walk supports/);
  });

  it("compilePathway([]) is best supportive care; an unknown treatment is an error", () => {
    expect(Array.from(compilePathway([], model).episodes)).toEqual([5]);
    expect(() => compilePathway([{ treatment: "magic" }], model)).toThrow(/no outcome model for treatment 'magic'/);
  });
});

describe("walkPathway", () => {
  const walk = new Float64Array(3);
  const draws = new Float64Array(outcomeDrawsPerPatient).fill(0.5);

  it("walkPathway(one line, u = 0.5) gives PFS at the median and OS = PFS + post-progression median (exact)", () => {
    const pathway = compilePathway([{ treatment: "captem" }], model);
    walkPathway(pathway, model, preparePatientDraws(createPatientDraws(), model, draws, 0, 1, 1, 1), walk);
    expect(walk[0]).toBeCloseTo(29, 10);
    expect(walk[1]).toBeCloseTo(29 + 24, 10);
    expect(walk[2]).toBe(0);
  });

  it("walkPathway(two lines) adds the second line's PFS before post-progression survival; HR 2 halves exponential times", () => {
    const pathway = compilePathway([{ treatment: "captem", line: 1 }, { treatment: "everolimus", line: 2 }], model);
    walkPathway(pathway, model, preparePatientDraws(createPatientDraws(), model, draws, 0, 2, 1, 1), walk);
    expect(walk[0]).toBeCloseTo(14.5, 10);
    expect(walk[1]).toBeCloseTo(14.5 + 5.5 + 24, 10);
  });

  it("walkPathway(debulking, effective) applies the debulking hazard ratio to that line", () => {
    const pathway = compilePathway([{ treatment: "debulking" }], model);
    walkPathway(pathway, model, preparePatientDraws(createPatientDraws(), model, draws, 0, 1, 1, 0.5), walk);
    expect(walk[0]).toBeCloseTo(30, 10);
  });

  it("walkPathway(...) with every uniform exactly 0 (Alea can return 0) gives strictly positive, finite PFS and OS ≥ PFS", () => {
    const zeros = new Float64Array(outcomeDrawsPerPatient);
    for (const shape of [1, 0.8, 1.5]) {
      const shaped = { ...model, pfsShape: shape, ppsShape: shape };
      const pathway = compilePathway([{ treatment: "captem", line: 1 }, { treatment: "everolimus", line: 2 }], shaped);
      walkPathway(pathway, shaped, preparePatientDraws(createPatientDraws(), shaped, zeros, 0, 1, 1, 1), walk);
      expect(walk[0]).toBeGreaterThan(0);
      expect(Number.isFinite(walk[1])).toBe(true);
      expect(walk[1]).toBeGreaterThan(walk[0]);
    }
  });

  it("walkPathway(...) with deathShare 1: the first PFS event is a death and OS = PFS", () => {
    const deadly = { ...model, deathShare: 1 };
    walkPathway(compilePathway([{ treatment: "captem" }, { treatment: "everolimus" }], deadly), deadly, preparePatientDraws(createPatientDraws(), deadly, draws, 0, 1, 1, 1), walk);
    expect(walk[2]).toBe(1);
    expect(walk[1]).toBe(walk[0]);
  });

  it("walkPathway(one line) on 100,000 draws: the median PFS is within 2% of the model's median (exponential, 29 months)", () => {
    const source = randomSource(1);
    const n = 100_000;
    const times = new Float64Array(n);
    const many = new Float64Array(outcomeDrawsPerPatient);
    const scratch = createPatientDraws();
    const pathway = compilePathway([{ treatment: "captem" }], model);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < outcomeDrawsPerPatient; k++) many[k] = source();
      walkPathway(pathway, model, preparePatientDraws(scratch, model, many, 0, 1, 1, 1), walk);
      times[i] = walk[0];
    }
    times.sort();
    // standard error of a sample median ≈ 1/(2 f(m) √n) = m/(ln 2 · √n) ≈ 0.13 months: 2% (0.58) is > 4 SE
    expect(Math.abs(times[n / 2] - 29) / 29).toBeLessThan(0.02);
    expect(ppsDrawOffset).toBe(12);
  });
});

describe("compilePathway (issue 11 rules)", () => {
  const withTransarterial = { ...model, treatmentIds: [...model.treatmentIds, "primaryResection", "hace"], pfsScale: [...model.pfsScale, 10 / Math.LN2, 18 / Math.LN2] };
  it("compilePathway(primary resection + HACE in one line) takes the step with the longest PFS model (HACE 18 > resection 10), not the first", () => {
    const compiled = compilePathway({ steps: [{ treatment: "primaryResection", intent: "palliative", line: 1 }, { treatment: "hace", intent: "palliative", line: 1 }, { treatment: "captem", intent: "systemic", line: 2 }] }, withTransarterial);
    expect(Array.from(compiled.episodes)).toEqual([withTransarterial.treatmentIds.indexOf("hace"), 0]);
  });
  it("compilePathway(conversion therapy + debulking) leaves the debulking hazard ratio off the line: the conversion figure already includes the resection", () => {
    const compiled = compilePathway({ steps: [{ treatment: "conversionTherapy", intent: "conversion", line: 1 }, { treatment: "debulking", intent: "cytoreductive", line: 1 }] }, model);
    expect(Array.from(compiled.episodes)).toEqual([2]);
    expect(Array.from(compiled.debulking)).toEqual([0]);
    const upfront = compilePathway({ steps: [{ treatment: "debulking", intent: "cytoreductive", line: 1 }] }, model);
    expect(Array.from(upfront.debulking)).toEqual([1]);
  });
});
