import { describe, expect, it } from "vitest";
import { logGamma } from "../../src/random/logGamma.js";

describe("logGamma", () => {
  it("logGamma(x) matches R's lgamma to 1e-14 relative", () => {
    // Rscript -e 'print(lgamma(c(0.1, 1.5, 10, 100.5)), digits=17)'
    const x = [0.1, 1.5, 10, 100.5];
    const r = [2.25271265173420598, -0.12078223763524518, 12.80182748008146909, 361.43554046777757094];
    x.forEach((value, i) => expect(Math.abs(logGamma(value) - r[i])).toBeLessThanOrEqual(1e-14 * Math.abs(r[i])));
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
  });
});
