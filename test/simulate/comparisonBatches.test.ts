import { describe, expect, it } from "vitest";
import { eventTableCore } from "../../src/analysis/eventTable.js";
import { twoGroupEfronCox } from "../../src/analysis/twoGroupEfronCox.js";
import { randomSource } from "../../src/random/randomSource.js";
import { batchMeansInterval } from "../../src/simulate/batchMeansInterval.js";
import { comparisonBatches } from "../../src/simulate/comparisonBatches.js";

/**
 * Paired synthetic data: n patients, each a unit exponential E; under the reference the time is E·10, under the other
 * strategy E·14 for the 30% the strategy "changes" and E·10 for the others (identical, as common random numbers give).
 * Administrative censoring at 60 months. The data are a stand-in for a simulated comparison whose truth is known by
 * a very large sample.
 */
function pairedSample(n: number, seed: number | string) {
  const source = randomSource(seed);
  const reference = { time: new Float64Array(n), event: new Uint8Array(n) };
  const other = { time: new Float64Array(n), event: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const e = -Math.log(1 - source());
    const changed = source() < 0.3;
    const a = e * 10;
    const b = changed ? e * 14 : a;
    reference.time[i] = Math.min(a, 60);
    reference.event[i] = a <= 60 ? 1 : 0;
    other.time[i] = Math.min(b, 60);
    other.event[i] = b <= 60 ? 1 : 0;
  }
  return { reference, other };
}

function wholeLogHr(reference: { time: Float64Array; event: Uint8Array }, other: { time: Float64Array; event: Uint8Array }): number {
  const n = reference.time.length;
  const time = new Float64Array(2 * n);
  const status = new Uint8Array(2 * n);
  const group = new Int32Array(2 * n);
  time.set(reference.time);
  time.set(other.time, n);
  status.set(reference.event);
  status.set(other.event, n);
  group.fill(1, n);
  return twoGroupEfronCox(eventTableCore(time, status, group, ["0", "1"], new Int32Array(2 * n), ["all"]))!.logHazardRatio;
}

describe("comparisonBatches(reference, other, first, count, keep)", () => {
  it("comparisonBatches(10,000 patients) cuts blocks of 4,096 into batches of 512, a block's short tail joining its last batch", () => {
    const { reference, other } = pairedSample(10_000, 1);
    const batches = comparisonBatches(reference, other, 0, 10_000);
    expect(batches.map((b) => b.patients)).toEqual([...Array(16).fill(512), 512, 512, 784]);
    // a subgroup: each batch keeps only its patients
    const keep = Uint8Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    expect(comparisonBatches(reference, other, 0, 10_000, keep).map((b) => b.patients)).toEqual([...Array(16).fill(256), 256, 256, 392]);
    expect(() => comparisonBatches(reference, other, 100, 10)).toThrow("comparisonBatches: first (100) must be a multiple of 4096");
  });

  it("comparisonBatches(shards of whole blocks), concatenated in block order, give the run's batches and interval to the last bit", () => {
    const { reference, other } = pairedSample(3 * 4096 + 1000, 2);
    const n = reference.time.length;
    const whole = comparisonBatches(reference, other, 0, n);
    const shards = [...comparisonBatches(reference, other, 0, 4096), ...comparisonBatches(reference, other, 4096, 2 * 4096), ...comparisonBatches(reference, other, 3 * 4096, 1000)];
    expect(shards).toEqual(whole);
    const interval = (list: typeof whole) => JSON.stringify(batchMeansInterval(0.9, list.map((b) => ({ patients: b.patients, value: b.logHazardRatio }))));
    expect(interval(shards)).toBe(interval(whole));
  });

  it("the batch-means Monte Carlo interval of a paired log HR covers the truth in 95% of 200 seeds (tolerance 90–99%), and is far narrower than the Wald interval", () => {
    // truth: the same estimator on 1,000,000 patients (its own Monte Carlo SD is √(8,192/1,000,000) = 9% of one
    // seed's, which lowers the coverage by well under 1 point). Coverage over 200 seeds has a binomial SD of
    // √(0.95·0.05/200) = 1.5 points: 90–99% is −3.2 to +2.6 SD around 95% (the upper side is bounded by 100%).
    const big = pairedSample(1_000_000, "truth");
    const truth = wholeLogHr(big.reference, big.other);
    let covered = 0;
    let waldWidth = 0;
    let mcWidth = 0;
    const seeds = 200;
    for (let seed = 0; seed < seeds; seed++) {
      const { reference, other } = pairedSample(8192, seed);
      const estimate = wholeLogHr(reference, other);
      const batches = comparisonBatches(reference, other, 0, 8192);
      const mc = batchMeansInterval(estimate, batches.map((b) => ({ patients: b.patients, value: b.logHazardRatio })));
      if (mc.lower! <= truth && truth <= mc.upper!) covered++;
      mcWidth += mc.upper! - mc.lower!;
      waldWidth += 2 * 1.959964 * Math.sqrt(2 / (0.9975 * 8192)); // Wald SE of a log HR, as if the groups were independent (99.75% events a group)
    }
    const coverage = covered / seeds;
    expect(coverage).toBeGreaterThanOrEqual(0.9);
    expect(coverage).toBeLessThanOrEqual(0.99);
    // the unpaired Wald interval ignores the pairing: several times wider
    expect(waldWidth / mcWidth).toBeGreaterThan(3);
  });
});
