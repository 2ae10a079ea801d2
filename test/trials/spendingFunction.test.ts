import { describe, expect, it } from "vitest";
import { isSpendingFamily, spentAt } from "../../src/trials/spendingFunction.js";

describe("spentAt(family, total, t, sided, gamma)", () => {
  it("spentAt matches the Lan-DeMets and Hwang-Shih-DeCani formulas evaluated in R", () => {
    // Rscript -e 'print(c(2*(1-pnorm(qnorm(1-0.025/2)/sqrt(0.5))), 4*(1-pnorm(qnorm(1-0.05/4)/sqrt(0.3))),
    //   0.025*log(1+(exp(1)-1)*0.4), 0.025*(1-exp(4*0.6))/(1-exp(4)), 0.2*0.7, 2*(1-pnorm(qnorm(1-0.2/2)/sqrt(0.25)))), digits=17)'
    // (the first equals rpact:::getSpendingValueCpp(0.025, 0.5, 1, "asOF", NA), the last getSpendingValueCpp(0.2, 0.25, 1, "bsOF", NA))
    expect(spentAt("obf", 0.025, 0.5, 1, 0)).toBeCloseTo(1.5253227579890005e-3, 15);
    expect(spentAt("obf", 0.05, 0.3, 2, 0)).toBeCloseTo(8.5451574889372495e-5, 15);
    expect(spentAt("pocock", 0.025, 0.4, 1, 0)).toBeCloseTo(1.3078429090289638e-2, 15);
    expect(spentAt("hsd", 0.025, 0.6, 1, -4)).toBeCloseTo(4.6751503430824707e-3, 15);
    expect(spentAt("hsd", 0.2, 0.7, 1, 0)).toBeCloseTo(0.14, 15);
    expect(spentAt("obf", 0.2, 0.25, 1, 0)).toBeCloseTo(1.0374122807339958e-2, 15);
  });
  it("spentAt spends the whole total at t = 1 and is increasing", () => {
    for (const family of ["obf", "pocock", "hsd"] as const) {
      for (const [sided, gamma] of [[1, -4], [2, 1], [1, 0]] as const) {
        expect(spentAt(family, 0.05, 1, sided, gamma)).toBeCloseTo(0.05, 14);
        const values = [0.1, 0.3, 0.5, 0.7, 0.9].map((t) => spentAt(family, 0.05, t, sided, gamma));
        values.forEach((v, i) => i > 0 && expect(v).toBeGreaterThan(values[i - 1]));
      }
    }
  });
  it("isSpendingFamily accepts obf, pocock and hsd only", () => {
    expect(["obf", "pocock", "hsd", "OF", 1].map(isSpendingFamily)).toEqual([true, true, true, false, false]);
  });
});
