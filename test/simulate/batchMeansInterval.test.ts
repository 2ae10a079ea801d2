import { describe, expect, it } from "vitest";
import { batchMeansInterval } from "../../src/simulate/batchMeansInterval.js";

describe("batchMeansInterval(estimate, batches)", () => {
  it("batchMeansInterval(equal batches) is estimate ± t(B−1) · SD(batch values)/√B (the textbook batch-means interval)", () => {
    // 4 batches of 100 with values 1, 2, 3, 6: mean 3, SD √(14/3); SE = √(14/3)/2; t(3, 0.975) = 3.182446305284 (R qt)
    const batches = [1, 2, 3, 6].map((value) => ({ patients: 100, value }));
    const result = batchMeansInterval(3, batches);
    const se = Math.sqrt(14 / 3) / 2;
    expect(result.standardError).toBeCloseTo(se, 12);
    expect(result.lower).toBeCloseTo(3 - 3.182446305284 * se, 9);
    expect(result.upper).toBeCloseTo(3 + 3.182446305284 * se, 9);
    expect(result.batches).toBe(4);
  });

  it("batchMeansInterval(unequal batches) weights each batch by its patients; non-finite values and empty batches are left out", () => {
    // batches of 100 and 300 with values 0 and 4: weighted mean 3, s² = (100·9 + 300·1)/1 = 1200, SE = √(1200/400) = √3
    const result = batchMeansInterval(3, [{ patients: 100, value: 0 }, { patients: 300, value: 4 }, { patients: 50, value: NaN }, { patients: 0, value: 7 }], { transform: Math.exp });
    expect(result.batches).toBe(2);
    expect(result.standardError).toBeCloseTo(Math.sqrt(3), 12);
    expect(result.lower).toBeCloseTo(Math.exp(3 - 12.706204736175 * Math.sqrt(3)), 9);
  });

  it("batchMeansInterval(fewer than 2 batches, or no estimate) has no interval", () => {
    expect(batchMeansInterval(1, [{ patients: 10, value: 1 }])).toEqual({ lower: null, upper: null, standardError: null, batches: 1 });
    expect(batchMeansInterval(null, [{ patients: 10, value: 1 }, { patients: 10, value: 2 }]).lower).toBeNull();
  });
});
