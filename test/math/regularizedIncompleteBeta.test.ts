import { describe, expect, it } from "vitest";
import { regularizedIncompleteBeta } from "../../src/math/index.js";
import { expectNumber } from "../analysis/rFixtures.js";

describe("regularizedIncompleteBeta", () => {
  it("regularizedIncompleteBeta(x, 2.5, 1.3) matches R's pbeta", () => {
    // Rscript -e 'print(pbeta(c(0.1, 0.5, 0.9), 2.5, 1.3), digits=17)'
    [0.0048672487463646162, 0.2430102646083517337, 0.8609428535593256493].forEach((r, i) =>
      expect(regularizedIncompleteBeta([0.1, 0.5, 0.9][i]!, 2.5, 1.3)).toBeCloseTo(r, 13),
    );
  });

  it("regularizedIncompleteBeta(x, a, b) matches R's pbeta to 1e-10 relative over both branches", () => {
    // Rscript -e 'print(pbeta(c(0.001, 0.3, 0.7, 0.999), c(0.5, 10, 57.1, 2), c(0.5, 42.9, 3, 150)), digits=17)'
    const x = [0.001, 0.3, 0.7, 0.999];
    const a = [0.5, 10, 57.1, 2];
    const b = [0.5, 42.9, 3, 150];
    const r = [2.0135041633377489e-2, 9.7144660531783789e-1, 2.3927653147630756e-7, 1];
    x.forEach((value, i) => expectNumber(`pbeta(${value}, ${a[i]}, ${b[i]})`, regularizedIncompleteBeta(value, a[i]!, b[i]!), r[i]!));
  });

  it("regularizedIncompleteBeta(x, a, b) is 0 at x ≤ 0 and 1 at x ≥ 1", () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(-1, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});
