import { describe, expect, it } from "vitest";
import { compile } from "vega-lite";
import { sequentialBoundarySpec, type SequentialBoundaryLook } from "../../src/figures/sequentialBoundarySpec.js";
import { renderSvg } from "../../src/figures/renderNode.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";
import { planSequential } from "../../src/trials/planSequential.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

const plan = planSequential(
  parseTrialDesign({
    arms: [{ label: "direct resection", median: 12 }, { label: "conversion then resection", median: 22 }],
    accrual: { months: 24 },
    followUpMonths: 24,
    dropout: { annualProportion: 0.05 },
    sequential: { analyses: [0.5, 0.75, 1], futility: "obf", targetPower: 0.8 },
  }),
);
const twoSided: SequentialBoundaryLook[] = [
  { informationRate: 0.5, events: 60, efficacyZ: 2.2, efficacyHazardRatio: 0.56, harmHazardRatio: 1.77, futilityZ: null, futilityHazardRatio: null },
  { informationRate: 1, events: 120, efficacyZ: 2.1, efficacyHazardRatio: 0.68, harmHazardRatio: 1.47, futilityZ: null, futilityHazardRatio: null },
];

function warningsOf(spec: ReturnType<typeof sequentialBoundarySpec>): string[] {
  const warnings: string[] = [];
  const logger = { level: () => logger, error: (m: unknown) => void warnings.push(String(m)), warn: (m: unknown) => void warnings.push(String(m)), info: () => logger, debug: () => logger };
  compile(spec, { logger: logger as never });
  return warnings;
}

describe("sequentialBoundarySpec(looks, options)", () => {
  it("sequentialBoundarySpec of a plan's looks compiles without warnings and validates against the Vega-Lite schema", () => {
    const spec = sequentialBoundarySpec(plan.looks, { designHazardRatio: plan.hazardRatio });
    expect(warningsOf(spec)).toEqual([]);
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
    expect(vegaLiteSchemaErrors(sequentialBoundarySpec(twoSided))).toEqual([]);
    expect((spec.usermeta as { pnenSim: { widthMm: number } }).pnenSim.widthMm).toBe(183);
  });
  it("sequentialBoundarySpec has one efficacy and one futility row per look on both scales, the planned HR as a reference", () => {
    const spec = sequentialBoundarySpec(plan.looks, { designHazardRatio: plan.hazardRatio }) as unknown as { data: { values: { bound: string; z: number; hazardRatio: number }[] }; hconcat: { layer: unknown[] }[] };
    const efficacy = spec.data.values.filter((row) => row.bound === "Efficacy");
    expect(efficacy.map((row) => row.z)).toEqual(plan.looks.map((look) => look.efficacyZ));
    expect(efficacy.map((row) => row.hazardRatio)).toEqual(plan.looks.map((look) => look.efficacyHazardRatio));
    expect(spec.data.values.filter((row) => row.bound === "Futility (non-binding)")).toHaveLength(2);
    expect(spec.hconcat[1].layer).toHaveLength(3);
  });
  it("sequentialBoundarySpec renders to an SVG with both panels, the key and percentage information ticks", async () => {
    const { svg, warnings } = await renderSvg(sequentialBoundarySpec(plan.looks, { designHazardRatio: plan.hazardRatio }));
    expect(warnings).toEqual([]);
    for (const text of ["z scale (standardised log-rank statistic)", "Hazard-ratio scale (estimated hazard ratio at the bound)", "Information (share of the maximum events)", ">50%<", "Futility (non-binding)", "Grey dashed line: the planned hazard ratio 0.545"]) expect(svg).toContain(text);
    const { svg: plain } = await renderSvg(sequentialBoundarySpec(twoSided));
    expect(plain).toContain("Other side (two-sided)");
    expect(plain).not.toMatch(/futility/i);
  });
  it("sequentialBoundarySpec([]) throws", () => {
    expect(() => sequentialBoundarySpec([])).toThrow("sequentialBoundarySpec requires at least one look");
  });
});
