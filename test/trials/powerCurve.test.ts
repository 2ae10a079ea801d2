import { describe, expect, it } from "vitest";
import { powerCurve } from "../../src/trials/powerCurve.js";
import { twoArmDesign } from "../../src/trials/twoArmDesign.js";

describe("powerCurve(design, { ns, hazardRatios, sims })", () => {
  it("powerCurve gives one series for the design and one per hazard ratio, power rising with n and with the effect", async () => {
    const points = await powerCurve(twoArmDesign({ medianControl: 12, medianTreatment: 22, sims: 2000 }), { ns: [40, 160], hazardRatios: [0.75], sims: 300 });
    expect(points.map((p) => [p.effect, p.n])).toEqual([
      ["design (HR 0.545)", 40],
      ["design (HR 0.545)", 160],
      ["HR 0.75", 40],
      ["HR 0.75", 160],
    ]);
    expect(points[1].power).toBeGreaterThan(points[0].power + 0.2);
    expect(points[1].power).toBeGreaterThan(points[3].power + 0.2);
    expect(points[2].hazardRatio).toBe(0.75);
    for (const p of points) {
      expect(p.lower).toBeLessThanOrEqual(p.power);
      expect(p.upper).toBeGreaterThanOrEqual(p.power);
      expect(Math.abs(p.power - p.schoenfeldPower)).toBeLessThan(3 * Math.sqrt(0.25 / 300) + 0.03);
    }
  });
});
