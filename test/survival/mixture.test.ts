import { describe, expect, it } from "vitest";
import { randomSource } from "../../src/random/index.js";
import { exponential, logLogistic, mixture, mixtureMedian, weibull } from "../../src/survival/index.js";
import { medianStandardError, sampleMedian } from "../random/drawMany.js";

describe("mixture", () => {
  it("mixtureMedian of two exponentials solves ½e^(−at) + ½e^(−bt) = ½ (textbook closed form for b = 2a)", () => {
    // With x = e^(−at): x + x² = 1 ⇒ x = (√5 − 1)/2, t = −ln x / a.
    const a = 0.05;
    const median = mixtureMedian([{ weight: 1, model: exponential(a) }, { weight: 1, model: exponential(2 * a) }]);
    expect(median).toBeCloseTo(-Math.log((Math.sqrt(5) - 1) / 2) / a, 10);
  });

  it("mixtureMedian(components) agrees with 200,000 Monte Carlo draws (group first, then its model) within 4 SE", () => {
    const components = [
      { weight: 0.571, model: weibull(1.2, 40) },
      { weight: 0.429, model: logLogistic(1.4, 20) },
    ];
    const model = mixture(components);
    const n = 200_000;
    const source = randomSource(11);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = (source() < 0.571 ? components[0] : components[1]).model.sample(source());
    expect(Math.abs(sampleMedian(values) - model.median)).toBeLessThan(4 * medianStandardError(model.density(model.median), n));
    expect(model.mean).toBeCloseTo(0.571 * components[0].model.mean! + 0.429 * components[1].model.mean!, 12);
  });

  it("mixture rejects an empty or weightless list", () => {
    expect(() => mixture([])).toThrow("mixture requires at least one component");
    expect(() => mixture([{ weight: 0, model: exponential(1) }])).toThrow("mixture requires a positive total weight");
  });
});
