import { describe, expect, it } from "vitest";
import { groupSequentialProbabilities } from "../../src/trials/groupSequentialProbabilities.js";
import { standardNormalCdf } from "../../src/math/standardNormalCdf.js";

describe("groupSequentialProbabilities(lower, upper, informationRates)", () => {
  it("groupSequentialProbabilities equals rpact's getGroupSequentialProbabilities to 1e-15", () => {
    // Rscript -e 'library(rpact); print(getGroupSequentialProbabilities(matrix(c(-6,-6,-6, 3.47,2.45,2.0), nrow=2, byrow=TRUE), c(0.33,0.67,1)), digits=17)'
    const first = groupSequentialProbabilities([-6, -6, -6], [3.47, 2.45, 2.0], [0.33, 0.67, 1]);
    const close = (ours: Float64Array, r: number[]) => r.forEach((value, k) => expect(Math.abs(ours[k] - value)).toBeLessThan(1e-15));
    close(first.belowLower, [9.8658764503769809e-10, 9.7663882913047519e-10, 9.3461295597954849e-10]);
    close(first.belowUpper, [9.9973977081757248e-1, 9.9274969394190715e-1, 9.7478210797288978e-1]);
    close(first.reached, [1, 9.9973976983098478e-1, 9.9274969296526827e-1]);
    // Rscript -e 'library(rpact); print(getGroupSequentialProbabilities(matrix(c(-1,0.2,0.5,1.5, 3.1,2.6,2.2,1.9), nrow=2, byrow=TRUE), c(0.2,0.45,0.7,1)), digits=17)'
    const second = groupSequentialProbabilities([-1, 0.2, 0.5, 1.5], [3.1, 2.6, 2.2, 1.9], [0.2, 0.45, 0.7, 1]);
    close(second.belowLower, [0.15865525393145705, 0.43055619512325416, 0.15626017369406334, 0.19137561855527488]);
    close(second.belowUpper, [0.99903239678678168, 0.83602875075864991, 0.39444197374999501, 0.22050210081193261]);
    close(second.reached, [1, 0.84037714285532461, 0.40547255563539575, 0.23818180005593168]);
  });
  it("groupSequentialProbabilities of two looks equals the bivariate normal with correlation √(t1/t2) (hand check by the textbook formula)", () => {
    // P(−6 < Z1 < 1.5, Z2 < 1) with corr √0.5 (bounds below −6 are integrated from −6): by conditioning,
    // ∫ φ(z1) Φ((1 − ρ z1)/√(1 − ρ²)) dz1 on (−6, 1.5), summed here by a 20,000-point midpoint rule.
    const rho = Math.SQRT1_2;
    let reference = 0;
    const steps = 20000;
    const width = 7.5 / steps;
    for (let i = 0; i < steps; i++) {
      const z = -6 + (i + 0.5) * width;
      reference += width * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * standardNormalCdf((1 - rho * z) / Math.sqrt(1 - rho * rho));
    }
    const result = groupSequentialProbabilities([-10, -10], [1.5, 1], [0.5, 1]);
    // The 91-point grid (rpact's) is accurate to about 1e-9 here; that is also rpact's own accuracy.
    expect(result.belowUpper[1]).toBeCloseTo(reference, 8);
    // The first look uses its bounds as given (only the grid starts at −6).
    expect(result.reached[1]).toBeCloseTo(standardNormalCdf(1.5) - standardNormalCdf(-10), 14);
  });
  it("groupSequentialProbabilities of one look is Φ at the bounds", () => {
    const one = groupSequentialProbabilities([-1], [1.96], [1]);
    expect(one.belowLower[0]).toBe(standardNormalCdf(-1));
    expect(one.belowUpper[0]).toBe(standardNormalCdf(1.96));
  });
});
