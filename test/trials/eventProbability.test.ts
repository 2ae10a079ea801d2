import { describe, expect, it } from "vitest";
import { weibullModel } from "../../src/trials/armModel.js";
import { eventProbability, exponentialEventProbability } from "../../src/trials/eventProbability.js";

describe("eventProbability(arm, multiplier, dropoutRate, accrualMonths, rampMonths, calendarMonth)", () => {
  it("eventProbability of an exponential arm with uniform accrual matches the closed form to 1e-6", () => {
    for (const [median, dropout, accrual, followUp] of [
      [12, 0, 24, 24],
      [22, 0.005, 24, 24],
      [6, 0.02, 36, 6],
      [40, 0.01, 12, 0],
    ]) {
      const numeric = eventProbability(weibullModel(median, 1), 1, dropout, accrual, 0, accrual + followUp);
      expect(numeric).toBeCloseTo(exponentialEventProbability(Math.LN2 / median, dropout, accrual, accrual + followUp), 6);
    }
  });
  it("eventProbability with hazard multiplier m is that of the arm with median / m (exponential)", () => {
    expect(eventProbability(weibullModel(12, 1), 2, 0.01, 24, 6, 48)).toBeCloseTo(eventProbability(weibullModel(6, 1), 1, 0.01, 24, 6, 48), 8);
  });
  it("eventProbability without accrual or dropout is F(τ)", () => {
    expect(eventProbability(weibullModel(12, 0.7), 1, 0, 0, 0, 30)).toBeCloseTo(1 - weibullModel(12, 0.7).survival(30), 8);
  });
});
