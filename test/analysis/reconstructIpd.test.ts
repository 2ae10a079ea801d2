import { describe, expect, it } from "vitest";
import { coxPh } from "../../src/analysis/coxPh.js";
import { digitiseKaplanMeier } from "../../src/analysis/digitiseKaplanMeier.js";
import { prepareDigitisedCurve } from "../../src/analysis/digitisedCurve.js";
import type { KaplanMeierResult } from "../../src/analysis/KaplanMeierResult.js";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { reconstructIpd, } from "../../src/analysis/reconstructIpd.js";
import { numbersAtRisk } from "../../src/analysis/survivalAt.js";
import { subStream, type RandomSource } from "../../src/random/randomSource.js";
import { logLogistic, logNormal, weibull, withHazardRatio, type SurvivalModel } from "../../src/survival/index.js";

/** Survival just after t of a Kaplan–Meier curve (1 before its first time). */
function survivalAt(km: KaplanMeierResult, t: number): number {
  let lo = 0;
  let hi = km.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (km.time[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : km.survival[lo - 1]!;
}

describe("reconstructIpd (Guyot et al. 2012), hand-worked", () => {
  it("reconstructIpd(curve, { riskTable, totalEvents }) follows the algorithm step by step on five patients", () => {
    // Original: events at 1, 2, 4; censored at 3 and 5. KM 0.8 at 1, 0.6 at 2, 0.3 at 4. Published: n 5 at 0,
    // 2 at risk at 3.5, 3 events.
    // Interval [0, 3.5): first guess round(5 × 0.6/1 − 2) = 1 censoring, spread to 1.75 (between the points at 1
    // and 2); at 2 then 3 are at risk and d = round(3 × (1 − 0.6/0.8)) = 1, leaving 2 at 3.5 as published.
    // Interval [3.5, 5]: censoring rate of the first interval, round(1 × 1.5/2) = 1, spread to 4.25; at 4,
    // d = round(2 × (1 − 0.3/0.5333)) = 1: 3 events in total, as published. Censorings are written at the middle
    // of their gap between digitised points (Guyot): 1.5 and 4.5.
    const curve = prepareDigitisedCurve([0, 1, 1, 2, 2, 4, 4, 5], [1, 1, 0.8, 0.8, 0.6, 0.6, 0.3, 0.3]);
    const ipd = reconstructIpd(curve, { riskTable: { time: [0, 3.5], nRisk: [5, 2] }, totalEvents: 3 });
    expect(Array.from(ipd.time)).toEqual([1, 1.5, 2, 4, 4.5]);
    expect(Array.from(ipd.event)).toEqual([1, 0, 1, 1, 0]);
    expect(ipd).toMatchObject({ n: 5, events: 3, censored: 2, totalEvents: { published: 3, reconstructed: 3 }, warnings: [] });
    expect(ipd.riskTable).toEqual({ time: [0, 3.5], published: [5, 2], reconstructed: [5, 2] });
    // The censoring placed before the event at 2 makes the reconstructed curve 0.533 there instead of 0.6.
    expect(ipd.maxCurveDifference).toBeCloseTo(0.6 - 0.8 * (2 / 3), 14);
  });

  it("reconstructIpd(curve, { n }) without censoring recovers the data exactly; the rest are censored at the last time", () => {
    const curve = prepareDigitisedCurve([0, 1, 1, 2, 2, 3, 3, 8], [100, 100, 90, 90, 80, 80, 50, 50]); // percentages
    const ipd = reconstructIpd(curve, { n: 10 });
    expect(Array.from(ipd.time)).toEqual([1, 2, 3, 3, 3, 8, 8, 8, 8, 8]);
    expect(Array.from(ipd.event)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(ipd.maxCurveDifference).toBeLessThan(1e-15);
    // With the total of events, the censoring after the last risk time is chosen to give it: 4 events, not 5.
    const fewer = reconstructIpd(curve, { n: 10, totalEvents: 4 });
    expect(fewer.events).toBe(4);
  });

  it("reconstructIpd rejects risk-table times outside the curve, rising numbers at risk and inconsistent counts", () => {
    const curve = prepareDigitisedCurve([0, 2, 2, 10], [1, 1, 0.7, 0.7]);
    const row = (i: number) => `risk.csv row ${i + 1} (line ${i + 2})`;
    expect(() => reconstructIpd(curve, { riskTable: { time: [0, 6, 12], nRisk: [20, 12, 5] }, describeRiskRow: row })).toThrow(
      "risk.csv row 3 (line 4): time 12 is after the curve's last point (time 10); digitise the curve up to it, or leave this row out",
    );
    expect(() => reconstructIpd(curve, { riskTable: { time: [0, 6], nRisk: [20, 22] }, describeRiskRow: row })).toThrow(
      "risk.csv row 2 (line 3): the number at risk rises from 20 at time 0 to 22 at time 6; it can only fall",
    );
    expect(() => reconstructIpd(curve, { riskTable: { time: [0, 0], nRisk: [20, 20] } })).toThrow("risk table row 2: time 0 appears twice in the risk table");
    expect(() => reconstructIpd(curve, { riskTable: { time: [0, 6], nRisk: [20, 7.5] } })).toThrow("risk table row 2: the number at risk must be a whole number ≥ 0, got 7.5");
    expect(() => reconstructIpd(curve, {})).toThrow("reconstructIpd: the number of patients at time 0 (n) is required without a risk table");
    expect(() => reconstructIpd(curve, { riskTable: { time: [6], nRisk: [12] } })).toThrow("the risk table does not start at time 0; give the number of patients at time 0 (n)");
    expect(() => reconstructIpd(curve, { riskTable: { time: [0, 6], nRisk: [20, 12] }, n: 25 })).toThrow("risk table row 1: 20 at risk at time 0 disagrees with n = 25");
    expect(() => reconstructIpd(curve, { n: 20, totalEvents: 21 })).toThrow("the total number of events must be a whole number from 0 to 20 (the patients at time 0), got 21");
    expect(reconstructIpd(curve, { riskTable: { time: [6], nRisk: [12] }, n: 20 }).riskTable.time).toEqual([0, 6]);
  });
});

/** Right-censored data from a model: uniform accrual over 24 months, analysis at 48, 1% dropout a month. */
function simulateArm(model: SurvivalModel, n: number, source: RandomSource): { time: number[]; event: number[] } {
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = model.sample(source());
    const c = Math.min(24 + 24 * source(), -Math.log1p(-source()) / 0.01);
    time.push(Math.min(t, c));
    event.push(t <= c ? 1 : 0);
  }
  return { time, event };
}

/** KM of the data, read by a simulated digitiser, reconstructed with the numbers at risk every 6 months and the total events. */
function roundTrip(data: { time: number[]; event: number[] }, source: RandomSource, published: { risk: boolean; events: boolean } = { risk: true, events: true }) {
  const original = kaplanMeier(data.time, data.event);
  const points = digitiseKaplanMeier(original, source);
  const curve = prepareDigitisedCurve(points.time, points.survival);
  const last = curve.time[curve.time.length - 1]!;
  const times: number[] = [];
  for (let t = 0; t <= last; t += 6) times.push(t);
  const ipd = reconstructIpd(curve, {
    ...(published.risk ? { riskTable: { time: times, nRisk: Array.from(numbersAtRisk(original, times)) } } : { n: data.time.length }),
    ...(published.events ? { totalEvents: original.events } : {}),
  });
  return { original, ipd, reconstructed: kaplanMeier(ipd.time, ipd.event) };
}

/** Largest |ΔS| over a fine grid, and the band error: how far the reconstruction leaves S(t ± δ) where ≥ 10 are at risk. */
function curveErrors(original: KaplanMeierResult, reconstructed: KaplanMeierResult): { maxAbsolute: number; band: number } {
  const last = original.time[original.time.length - 1]!;
  const delta = 0.01 * last;
  let maxAbsolute = 0;
  let band = 0;
  let row = 0;
  for (let i = 0; i <= 4000; i++) {
    const t = (i / 4000) * last;
    while (row < original.time.length && original.time[row]! < t) row++;
    const value = survivalAt(reconstructed, t);
    maxAbsolute = Math.max(maxAbsolute, Math.abs(value - survivalAt(original, t)));
    if ((original.nRisk[row] ?? 0) >= 10) band = Math.max(band, survivalAt(original, t + delta) - value, value - survivalAt(original, Math.max(0, t - delta)));
  }
  return { maxAbsolute, band };
}

const hazardRatio = (a: { time: ArrayLike<number>; event: ArrayLike<number> }, b: { time: ArrayLike<number>; event: ArrayLike<number> }) =>
  coxPh([...Array.from(a.time), ...Array.from(b.time)], [...Array.from(a.event), ...Array.from(b.event)], {
    group: [...Array.from(a.time, () => "control"), ...Array.from(b.time, () => "treated")],
  }).hazardRatios[0]!;

function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(p * (sorted.length - 1))]!;
}

describe("reconstructIpd round trip: simulate, Kaplan–Meier, digitise with noise, reconstruct", () => {
  it("reconstructIpd on one seeded round trip (Weibull 1.3, n = 200) gives these exact values", () => {
    const data = simulateArm(weibull(1.3, 20), 200, subStream(16, "arm"));
    const { original, ipd, reconstructed } = roundTrip(data, subStream(16, "digitiser"));
    expect(original.events).toBe(162);
    expect(ipd.n).toBe(200);
    expect(ipd.riskTable).toEqual({ time: [0, 6, 12, 18, 24, 30, 36, 42], published: [200, 148, 93, 63, 40, 11, 3, 1], reconstructed: [200, 148, 93, 63, 40, 11, 3, 1] });
    // Rounding the events of 150-odd drops leaves one too many before the last risk time: Guyot's rule then puts
    // no events after it, and says so.
    expect(ipd.events).toBe(163);
    expect(ipd.warnings).toEqual(["the curve needs 163 events before time 42, more than the 162 published in total; no events after it"]);
    expect(ipd.maxCurveDifference).toBeCloseTo(0.015189441921514824, 12);
    expect(Array.from(ipd.time.slice(0, 4))).toEqual([0.0636871849202964, 0.45305288519718956, 0.48054147302461436, 0.48054147302461436]);
    expect(reconstructed.median.estimate).toBeCloseTo(13.10527000061914, 10);
    expect(original.median.estimate).toBeCloseTo(13.062656112321292, 10);
  });

  it("reconstructIpd over 120 repetitions (4 shapes, n 50–500 per arm, 2 arms): curves, medians and HR stay close to the originals", () => {
    // Digitiser: ≤ 200 points, reading errors sd 0.2% of the time axis and 0.002 in survival, 2% clicked twice,
    // shuffled. Published: numbers at risk every 6 months and the total events (Guyot's best case).
    // Tolerances: where ≥ 10 are at risk, the reconstruction stays within ε = 0.04 of the original shifted by at
    // most δ = 1% of follow-up (reading noise ≤ 0.01, plus one event's step, ≤ 0.03 with 10 at risk below S = 0.3;
    // the time shift absorbs steps read a little early or late). Medians: the time error (0.2% of the axis,
    // ~1% of a median) sets the bulk; a curve flat at 0.5 can move its median further, so the 95th percentile
    // is allowed 6%. HR: events keep their times up to reading error, so log HR moves by ~1%.
    const models = [weibull(1.3, 20), weibull(0.8, 25), logLogistic(1.6, 15), logNormal(Math.log(18), 0.9)];
    const sizes = [50, 100, 200, 350, 500];
    const medianErrors: number[] = [];
    const hazardRatioErrors: number[] = [];
    const hazardRatioErrorsUnpublished: number[] = [];
    const maxAbsolute: number[] = [];
    let worstBand = 0;
    for (let rep = 0; rep < 120; rep++) {
      const model = models[rep % models.length]!;
      const n = sizes[rep % sizes.length]!;
      const source = subStream(2016, "rep", rep);
      const control = simulateArm(model, n, source);
      const treated = simulateArm(withHazardRatio(model, 0.65), n, source);
      const a = roundTrip(control, subStream(2016, "digitiser", rep, "control"));
      const b = roundTrip(treated, subStream(2016, "digitiser", rep, "treated"));
      for (const arm of [a, b]) {
        const errors = curveErrors(arm.original, arm.reconstructed);
        maxAbsolute.push(errors.maxAbsolute);
        worstBand = Math.max(worstBand, errors.band);
        const m0 = arm.original.median.estimate;
        const m1 = arm.reconstructed.median.estimate;
        if (m0 !== null && m1 !== null) medianErrors.push(Math.abs(m1 / m0 - 1));
      }
      const original = hazardRatio(control, treated);
      hazardRatioErrors.push(Math.abs(Math.log(hazardRatio(a.ipd, b.ipd) / original)));
      if (rep < 40) {
        // Neither numbers at risk nor events published: censoring is only guessed (Guyot: HR unreliable then).
        const a0 = roundTrip(control, subStream(2016, "digitiser", rep, "control"), { risk: false, events: false });
        const b0 = roundTrip(treated, subStream(2016, "digitiser", rep, "treated"), { risk: false, events: false });
        hazardRatioErrorsUnpublished.push(Math.abs(Math.log(hazardRatio(a0.ipd, b0.ipd) / original)));
      }
    }
    expect(medianErrors.length).toBeGreaterThan(200);
    expect(worstBand).toBeLessThan(0.04);
    expect(quantile(medianErrors, 0.5)).toBeLessThan(0.01);
    expect(quantile(medianErrors, 0.95)).toBeLessThan(0.06);
    expect(quantile(hazardRatioErrors, 0.5)).toBeLessThan(0.015);
    expect(quantile(hazardRatioErrors, 0.95)).toBeLessThan(0.04);
    expect(Math.max(...hazardRatioErrors)).toBeLessThan(0.08);
    // Without the published counts the HR is markedly worse (as Guyot et al. found).
    expect(quantile(hazardRatioErrorsUnpublished, 0.5)).toBeGreaterThan(2 * quantile(hazardRatioErrors, 0.5));
    // The plain largest |ΔS| over all times, tails included, is reported, not bounded: a step read a little
    // early or late, or the last few patients, can move it by a whole step.
    console.info(
      `reconstructIpd, 120 repetitions × 2 arms: max |ΔS| median ${quantile(maxAbsolute, 0.5).toFixed(3)}, 95th percentile ${quantile(maxAbsolute, 0.95).toFixed(3)}; ` +
        `band error (≥ 10 at risk, δ = 1% of follow-up) max ${worstBand.toFixed(3)}; ` +
        `|relative median error| median ${quantile(medianErrors, 0.5).toFixed(4)}, 95th percentile ${quantile(medianErrors, 0.95).toFixed(4)}; ` +
        `|log HR ratio| median ${quantile(hazardRatioErrors, 0.5).toFixed(4)}, 95th percentile ${quantile(hazardRatioErrors, 0.95).toFixed(4)}, max ${Math.max(...hazardRatioErrors).toFixed(4)}; ` +
        `without risk table or events: median ${quantile(hazardRatioErrorsUnpublished, 0.5).toFixed(4)}`,
    );
  });
});
