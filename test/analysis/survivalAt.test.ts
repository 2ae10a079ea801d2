import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { numbersAtRisk, survivalAt } from "../../src/analysis/survivalAt.js";
import { expectColumn, rFixtures, subset } from "./rFixtures.js";

describe("survivalAt", () => {
  for (const fixture of rFixtures()) {
    for (const reference of fixture.km) {
      const label = `${fixture.name}, group ${reference.group}, ${reference.confType} ${reference.confLevel}`;
      // R: summary(fit, times = times, extend = FALSE)
      it(`survivalAt(km, times) matches summary(fit, times = ) on ${label}`, () => {
        const { time, event } = subset(fixture, reference.group);
        const km = kaplanMeier(time, event, { confType: reference.confType, confLevel: reference.confLevel });
        const at = survivalAt(km, reference.at.times);
        expectColumn("time", at.time, reference.at.time);
        expectColumn("nRisk", at.nRisk, reference.at.nRisk);
        expectColumn("nEvent", at.nEvent, reference.at.nEvent);
        expectColumn("nCensor", at.nCensor, reference.at.nCensor);
        expectColumn("survival", at.survival, reference.at.survival);
        expectColumn("stdErr", at.stdErr, reference.at.stdErr);
        expectColumn("lower", at.lower, reference.at.lower);
        expectColumn("upper", at.upper, reference.at.upper);
      });
      // R: summary(fit, times = grid, extend = TRUE)$n.risk
      it(`numbersAtRisk(km, grid) matches summary(fit, times = grid, extend = TRUE)$n.risk on ${label}`, () => {
        const { time, event } = subset(fixture, reference.group);
        const km = kaplanMeier(time, event, { confType: reference.confType, confLevel: reference.confLevel });
        expectColumn("nRisk", numbersAtRisk(km, reference.risk.grid), reference.risk.nRisk);
      });
    }
  }

  it("survivalAt(km, times, {extend: true}) carries the last value past the end of follow-up", () => {
    const km = kaplanMeier([1, 2, 3], [1, 0, 0]);
    const at = survivalAt(km, [10], { extend: true });
    expect([...at.survival]).toEqual([2 / 3]);
    expect([...at.nRisk]).toEqual([0]);
    expect(survivalAt(km, [10]).time.length).toBe(0);
  });
});
