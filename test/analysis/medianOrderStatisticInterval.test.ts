import { describe, expect, it } from "vitest";
import { binomialHalfQuantile, medianOrderStatisticInterval } from "../../src/analysis/medianOrderStatisticInterval.js";
import { randomSource } from "../../src/random/randomSource.js";
import { unitExponential } from "../../src/random/unitExponential.js";

describe("medianOrderStatisticInterval", () => {
  // R 4.2: for (n in c(10, 11, 100, 101, 1000, 2000, 4096, 10000)) cat(n, qbinom(0.025, n, 0.5), qbinom(0.005, n, 0.5), "\n")
  const fromR: [number, number, number][] = [
    [10, 2, 1], [11, 2, 1], [100, 40, 37], [101, 41, 38], [1000, 469, 459], [2000, 956, 942], [4096, 1985, 1966], [10000, 4902, 4871],
  ];
  it("binomialHalfQuantile(n, p) matches R's qbinom(p, n, 0.5)", () => {
    for (const [n, q95, q99] of fromR) {
      expect(binomialHalfQuantile(n, 0.025), `n = ${n}, p = 0.025`).toBe(q95);
      expect(binomialHalfQuantile(n, 0.005), `n = ${n}, p = 0.005`).toBe(q99);
    }
  });

  it("medianOrderStatisticInterval(sorted) is [X(l), X(n+1-l)] with l = qbinom(0.025, n, 0.5), and the sample median", () => {
    const odd = Float64Array.from({ length: 101 }, (_, i) => i + 1); // X(k) = k
    expect(medianOrderStatisticInterval(odd)).toEqual({ median: 51, lower: 41, upper: 61 });
    const even = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(medianOrderStatisticInterval(even)).toEqual({ median: 50.5, lower: 40, upper: 61 });
    expect(medianOrderStatisticInterval(even, 0.99)).toEqual({ median: 50.5, lower: 37, upper: 64 });
    // too few draws for 95%: the sample's range
    expect(medianOrderStatisticInterval([1, 2, 3, 4, 5])).toEqual({ median: 3, lower: 1, upper: 5 });
    expect(medianOrderStatisticInterval([]).median).toBeNaN();
  });

  it("medianOrderStatisticInterval(sorted) covers the true median at least 95% of the time (exponential samples of 101)", () => {
    // 4,000 samples of 101 unit exponentials (true median ln 2). The exact coverage is 1 − 2·pbinom(40, 101, 0.5) =
    // 0.95396 (R); the observed share has SD √(0.954·0.046/4000) = 0.0033, so 0.954 ± 0.013 (4 SD).
    const source = randomSource(20261202);
    let covered = 0;
    const sample = new Float64Array(101);
    for (let r = 0; r < 4000; r++) {
      for (let i = 0; i < sample.length; i++) sample[i] = unitExponential(source());
      sample.sort();
      const { lower, upper } = medianOrderStatisticInterval(sample);
      if (lower <= Math.LN2 && Math.LN2 <= upper) covered++;
    }
    expect(Math.abs(covered / 4000 - 0.95396)).toBeLessThan(0.013);
  });
});
