import { describe, expect, it } from "vitest";
import { studentTQuantile } from "../../src/math/studentTQuantile.js";

// R 4.2: df <- c(1,2,3,4,5,7,10,19,24,30,50,100,1000); sprintf("%.12f", qt(p, df)) for p = 0.975, 0.95, 0.995
const df = [1, 2, 3, 4, 5, 7, 10, 19, 24, 30, 50, 100, 1000];
const r: Record<string, number[]> = {
  "0.975": [12.706204736175, 4.302652729749, 3.182446305284, 2.776445105198, 2.570581835636, 2.364624251593, 2.228138851986, 2.093024054408, 2.063898561628, 2.042272456301, 2.008559112101, 1.983971518524, 1.962339080826],
  "0.95": [6.313751514675, 2.919985580354, 2.353363434802, 2.131846786327, 2.015048373333, 1.89457860509, 1.812461122812, 1.729132811521, 1.710882079909, 1.697260886594, 1.675905025163, 1.660234326085, 1.646378817285],
  "0.995": [63.656741162872, 9.924843200918, 5.840909309733, 4.60409487135, 4.032142983555, 3.49948329735, 3.169272672617, 2.860934606465, 2.796939504774, 2.749995653567, 2.677793270941, 2.625890521438, 2.580754698066],
};

describe("studentTQuantile(p, df)", () => {
  it("studentTQuantile(p, df) equals R's qt(p, df) to 1e-9 for 1 to 1,000 df", () => {
    for (const [p, values] of Object.entries(r)) df.forEach((d, k) => expect(Math.abs(studentTQuantile(Number(p), d) - values[k])).toBeLessThan(1e-9 * values[k]));
  });
  it("studentTQuantile(p, df) is antisymmetric about p = 0.5 and rejects p outside (0, 1)", () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138851986, 9);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(() => studentTQuantile(1, 3)).toThrow("studentTQuantile requires 0 < p < 1, got 1");
  });
});
