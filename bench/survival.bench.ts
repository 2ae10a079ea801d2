import type { BenchRow } from "./BenchRow.js";
import { inverseNormalCdf } from "../src/math/index.js";
import { quantileCategorical, randomSource, type RandomSource } from "../src/random/index.js";
import {
  calibratePostProgression,
  exponentialFromMedian,
  logNormalFromMedian,
  weibullFromMedian,
  withHazardRatio,
  type SurvivalModel,
} from "../src/survival/index.js";

const DRAWS = 10_000_000;

function row(name: string, seconds: number, checksum: number, note: string): BenchRow {
  return {
    name: `${name}, ${DRAWS.toLocaleString("en-US")} draws`,
    value: Math.round(DRAWS / seconds),
    unit: "draws/s",
    note: Number.isFinite(checksum) ? note : "checksum not finite: result suspect",
  };
}

/** The bare Alea source: its own loop, so the figure is the generator's alone. */
function sourceRate(): BenchRow {
  const source = randomSource(42);
  let checksum = 0;
  for (let i = 0; i < 200_000; i++) checksum += source();
  const start = performance.now();
  for (let i = 0; i < DRAWS; i++) checksum += source();
  return row("randomSource(42)() (Alea)", (performance.now() - start) / 1000, checksum, "single thread");
}

/** model.sample(source()) in a loop, the way the engine's per-strategy loop draws times. */
function modelRate(name: string, model: SurvivalModel): BenchRow {
  const sample = model.sample;
  const source = randomSource(42);
  let checksum = 0;
  for (let i = 0; i < 200_000; i++) checksum += sample(source());
  const start = performance.now();
  for (let i = 0; i < DRAWS; i++) checksum += sample(source());
  return row(name, (performance.now() - start) / 1000, checksum, "single thread, includes the source");
}

function otherRate(name: string, draw: (source: RandomSource) => number): BenchRow {
  const source = randomSource(42);
  let checksum = 0;
  for (let i = 0; i < 200_000; i++) checksum += draw(source);
  const start = performance.now();
  for (let i = 0; i < DRAWS; i++) checksum += draw(source);
  return row(name, (performance.now() - start) / 1000, checksum, "single thread, includes the source");
}

/**
 * `npm run bench -- survival`: single-thread draw rates of the random source and the survival samplers
 * (inverse transform, one uniform per draw), and the cost of one post-progression calibration.
 * Call sites shared between models become polymorphic in V8, so figures after the first model can read a
 * little low; each is the rate of a realistic loop, not a micro-optimised one.
 */
export default async function survivalBench(): Promise<readonly BenchRow[]> {
  const logNormal = logNormalFromMedian(29, { shape: 1.17 });
  const category = quantileCategorical([0.3, 0.5, 0.15, 0.05]);
  const rows: BenchRow[] = [sourceRate()];
  rows.push(modelRate("exponentialFromMedian(29).sample(source())", exponentialFromMedian(29)));
  rows.push(modelRate("weibullFromMedian(29, {shape: 1.2}).sample(source())", weibullFromMedian(29, { shape: 1.2 })));
  rows.push(modelRate("logNormalFromMedian(29, {shape: 1.17}).sample(source())", logNormal));
  rows.push(modelRate("withHazardRatio(logNormal, 0.7).sample(source())", withHazardRatio(logNormal, 0.7)));
  rows.push(otherRate("inverseNormalCdf(source())", (source) => inverseNormalCdf(source())));
  rows.push(otherRate("quantileCategorical(4 weights)(source())", (source) => category(source())));
  const start = performance.now();
  const result = calibratePostProgression(weibullFromMedian(11.4, { shape: 1.2 }), 47.5, (m) => weibullFromMedian(m, { shape: 1 }));
  rows.push({
    name: "calibratePostProgression (Weibull PFS 11.4 → OS 47.5)",
    value: performance.now() - start,
    unit: "ms",
    note: `PPS median ${result.postProgressionMedian.toFixed(3)} months`,
  });
  return rows;
}
