import type { KaplanMeierResult } from "../../src/analysis/KaplanMeierResult.js";

/**
 * A small textbook Kaplan–Meier (product-limit with Greenwood variance, log-transformed 95% limits, median
 * as the first time S ≤ 0.5) so the figure tests do not depend on the analysis module. O(n log n).
 */
export function kmFixture(time: readonly number[], event: readonly number[]): KaplanMeierResult {
  const order = time.map((_, i) => i).sort((a, b) => time[a] - time[b]);
  const times: number[] = [];
  const nRisk: number[] = [];
  const nEvent: number[] = [];
  const nCensor: number[] = [];
  let atRisk = time.length;
  for (let k = 0; k < order.length; ) {
    const t = time[order[k]];
    let events = 0;
    let censored = 0;
    while (k < order.length && time[order[k]] === t) {
      if (event[order[k]] === 1) events++;
      else censored++;
      k++;
    }
    times.push(t);
    nRisk.push(atRisk);
    nEvent.push(events);
    nCensor.push(censored);
    atRisk -= events + censored;
  }
  const survival: number[] = [];
  const stdErr: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  let s = 1;
  let greenwood = 0;
  for (let i = 0; i < times.length; i++) {
    s *= 1 - nEvent[i] / nRisk[i];
    if (nRisk[i] > nEvent[i]) greenwood += nEvent[i] / (nRisk[i] * (nRisk[i] - nEvent[i]));
    survival.push(s);
    stdErr.push(s * Math.sqrt(greenwood));
    const half = 1.959963984540054 * Math.sqrt(greenwood);
    lower.push(s > 0 ? s * Math.exp(-half) : Number.NaN);
    upper.push(s > 0 ? Math.min(1, s * Math.exp(half)) : Number.NaN);
  }
  const medianIndex = survival.findIndex((value) => value <= 0.5);
  return {
    n: time.length,
    events: event.reduce((a, b) => a + b, 0),
    confType: "log",
    confLevel: 0.95,
    time: Float64Array.from(times),
    nRisk: Float64Array.from(nRisk),
    nEvent: Float64Array.from(nEvent),
    nCensor: Float64Array.from(nCensor),
    survival: Float64Array.from(survival),
    stdErr: Float64Array.from(stdErr),
    lower: Float64Array.from(lower),
    upper: Float64Array.from(upper),
    median: { estimate: medianIndex < 0 ? null : times[medianIndex], lower: null, upper: null },
  };
}

/** A deterministic exponential sample (inverse CDF over an LCG, no Math.random) with administrative censoring. */
export function exponentialSample(n: number, medianMonths: number, followUp: number, seed: number): { time: number[]; event: number[] } {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const rate = Math.LN2 / medianMonths;
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = -Math.log(uniform()) / rate;
    const censorAt = followUp * (0.5 + 0.5 * uniform());
    time.push(Math.round(Math.min(t, censorAt) * 100) / 100);
    event.push(t <= censorAt ? 1 : 0);
  }
  return { time, event };
}
