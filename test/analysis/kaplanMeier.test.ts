import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kaplanMeier, kaplanMeierByGroup } from "../../src/analysis/kaplanMeier.js";
import { expectColumn, expectNumber, rFixture, rFixtures, subset } from "./rFixtures.js";

// R: fit <- survfit(Surv(time, event) ~ 1, conf.type = type, conf.int = level, timefix = FALSE)
//    summary(fit, censored = TRUE)  and  print(fit) (median via survival:::survmean)
describe("kaplanMeier", () => {
  for (const fixture of rFixtures()) {
    for (const reference of fixture.km) {
      it(`kaplanMeier(time, event, {confType: "${reference.confType}", confLevel: ${reference.confLevel}}) matches survfit on ${fixture.name}, group ${reference.group}`, () => {
        const { time, event } = subset(fixture, reference.group);
        const km = kaplanMeier(time, event, { confType: reference.confType, confLevel: reference.confLevel });
        expect(km.n).toBe(reference.n);
        expect(km.events).toBe(reference.events);
        expectColumn("time", km.time, reference.time);
        expectColumn("nRisk", km.nRisk, reference.nRisk);
        expectColumn("nEvent", km.nEvent, reference.nEvent);
        expectColumn("nCensor", km.nCensor, reference.nCensor);
        expectColumn("survival", km.survival, reference.survival);
        expectColumn("stdErr", km.stdErr, reference.stdErr);
        expectColumn("lower", km.lower, reference.lower);
        expectColumn("upper", km.upper, reference.upper);
        expectNumber("median", km.median.estimate, reference.median.estimate);
        expectNumber("median lower", km.median.lower, reference.median.lower);
        expectNumber("median upper", km.median.upper, reference.median.upper);
      });
    }
  }

  it("kaplanMeier(time, event) matches the textbook 6-MP curve (Freireich; Kleinbaum & Klein table 2.1)", () => {
    // 6-MP arm: S(6) = 0.857, S(7) = 0.807, S(10) = 0.753, S(13) = 0.690, S(16) = 0.627, S(22) = 0.538, S(23) = 0.448; median 23.
    const { time, event } = subset(rFixture("freireich"), "6-MP");
    const km = kaplanMeier(time, event);
    const eventRows = [...km.time].map((t, i) => [t, km.survival[i]!] as const).filter((_, i) => km.nEvent[i]! > 0);
    expect(eventRows.map(([t, s]) => [t, Number(s.toFixed(3))])).toEqual([[6, 0.857], [7, 0.807], [10, 0.753], [13, 0.69], [16, 0.627], [22, 0.538], [23, 0.448]]);
    expect(km.median.estimate).toBe(23);
  });

  it("kaplanMeier([], []) gives an empty curve with a null median", () => {
    const km = kaplanMeier([], []);
    expect(km.n).toBe(0);
    expect(km.time.length).toBe(0);
    expect(km.median).toEqual({ estimate: null, lower: null, upper: null });
  });

  it("kaplanMeier(time, event) rejects bad input with the index", () => {
    expect(() => kaplanMeier([1, 2], [1])).toThrow("kaplanMeier: time and event must have the same length, got 2 and 1");
    expect(() => kaplanMeier([1, NaN], [1, 0])).toThrow("kaplanMeier: time[1] must be a finite number, got NaN");
    expect(() => kaplanMeier([1, 2], [1, 2])).toThrow("kaplanMeier: event[1] must be 0 or 1, got 2");
    expect(() => kaplanMeier([1], [1], { confLevel: 1.5 })).toThrow("confLevel must be in (0, 1)");
  });

  it("kaplanMeierByGroup(time, event, group) gives one curve per group in level order", () => {
    const fixture = rFixture("three-groups");
    const curves = kaplanMeierByGroup(fixture.data.time, fixture.data.event, fixture.data.group);
    expect(curves.map((c) => c.group)).toEqual(["G1", "G2", "G3"]);
    for (const { group, km } of curves) {
      const reference = fixture.km.find((r) => r.group === group && r.confType === "log" && r.confLevel === 0.95)!;
      expectColumn(`${group} survival`, km.survival, reference.survival);
      expectColumn(`${group} upper`, km.upper, reference.upper);
    }
  });

  const survivalData = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean()), { minLength: 1, maxLength: 60 })
    .map((rows) => ({ time: rows.map((r) => r[0]), event: rows.map((r) => (r[1] ? 1 : 0)) }));

  it("kaplanMeier(time, event) keeps survival in [0, 1], non-increasing, and nRisk non-increasing (property)", () => {
    fc.assert(
      fc.property(survivalData, ({ time, event }) => {
        const km = kaplanMeier(time, event);
        for (let i = 0; i < km.time.length; i++) {
          expect(km.survival[i]).toBeGreaterThanOrEqual(0);
          expect(km.survival[i]).toBeLessThanOrEqual(1);
          if (i > 0) {
            expect(km.survival[i]).toBeLessThanOrEqual(km.survival[i - 1]!);
            expect(km.nRisk[i]).toBeLessThanOrEqual(km.nRisk[i - 1]!);
            expect(km.time[i]).toBeGreaterThan(km.time[i - 1]!);
          }
        }
      }),
    );
  });

  it("kaplanMeier(time, all events, {timefix: false}) equals the empirical survival function (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 80 }), (time) => {
        const km = kaplanMeier(time, time.map(() => 1), { timefix: false });
        for (let i = 0; i < km.time.length; i++) {
          const empirical = time.filter((t) => t > km.time[i]!).length / time.length;
          expect(Math.abs(km.survival[i]! - empirical)).toBeLessThan(1e-12);
        }
      }),
    );
  });
});
