import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../src/trials/wilsonInterval.js";

describe("wilsonInterval(successes, trials)", () => {
  it("wilsonInterval(80, 100) is (0.7112, 0.8666), as R's prop.test(80, 100, correct = FALSE)$conf.int", () => {
    const { lower, upper } = wilsonInterval(80, 100);
    expect(lower).toBeCloseTo(0.71117, 4);
    expect(upper).toBeCloseTo(0.86664, 4);
  });
  it("wilsonInterval(0, 50) and (50, 50) stay inside [0, 1] with a non-zero width", () => {
    expect(wilsonInterval(0, 50).lower).toBe(0);
    expect(wilsonInterval(0, 50).upper).toBeGreaterThan(0.05);
    expect(wilsonInterval(50, 50).upper).toBe(1);
    expect(wilsonInterval(50, 50).lower).toBeLessThan(0.95);
  });
});
