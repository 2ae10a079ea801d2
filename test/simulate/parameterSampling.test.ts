import { describe, expect, it } from "vitest";
import { standardNormalCdf } from "../../src/math/standardNormalCdf.js";
import { subStream } from "../../src/random/index.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { drawParameter, parameterSampling } from "../../src/simulate/parameterSampling.js";

const { context } = loadSimulationContextNode();
const z975 = 1.959963984540054; // R: qnorm(0.975)

describe("parameterSampling", () => {
  it("parameterSampling(record): a range is uniform; a median with a CI log-normal with sdlog (ln U − ln L)/(2·1.96); with events 1/√d; with n only √(2/n); otherwise fixed (closed forms)", () => {
    expect(parameterSampling({ id: "a", low: 9.2, high: 10.9, endpoint: "median PFS" })).toEqual({ kind: "uniform", low: 9.2, high: 10.9 });
    const ci = parameterSampling({ id: "b", value: 10.9, endpoint: "median PFS", ci: { lower: 7.5, upper: 13.8, level: 0.95 }, events: 50, populationSpec: { line: 2, progressive: true, site: "pancreas", country: "China", n: 113 } });
    expect(ci).toMatchObject({ kind: "logNormal", meanlog: Math.log(10.9), basis: "ci" });
    expect((ci as { sdlog: number }).sdlog).toBeCloseTo((Math.log(13.8) - Math.log(7.5)) / (2 * z975), 12);
    expect(parameterSampling({ id: "c", value: 22.7, endpoint: "median PFS", events: 49 })).toEqual({ kind: "logNormal", meanlog: Math.log(22.7), sdlog: 1 / 7, basis: "events" });
    expect(parameterSampling({ id: "d", value: 22.7, endpoint: "median PFS", populationSpec: { line: 2, progressive: true, site: "pancreas", country: "USA", n: 72 } })).toEqual({ kind: "logNormal", meanlog: Math.log(22.7), sdlog: Math.sqrt(2 / 72), basis: "n" });
    expect(parameterSampling({ id: "e", value: 29, endpoint: "median PFS" })).toEqual({ kind: "fixed", value: 29 });
    // a proportion with a CI is not log-normal: it stays fixed
    expect(parameterSampling({ id: "f", value: 38, unit: "%", endpoint: "ORR", ci: { lower: 30, upper: 46, level: 0.95 } })).toEqual({ kind: "fixed", value: 38 });
    // a 90% CI: z = 1.645
    expect((parameterSampling({ id: "g", value: 10, endpoint: "median OS", ci: { lower: 8, upper: 12.5, level: 0.9 } }) as { sdlog: number }).sdlog).toBeCloseTo(Math.log(12.5 / 8) / (2 * 1.6448536269514722), 12);
  });

  it("drawParameter(log-normal on a 95% CI) over 20,000 uniforms: the log has mean ln(value) and SD sdlog within 4 SE, and the share inside the CI is the normal coverage of its asymmetric ends (4 binomial SE)", () => {
    const sampling = parameterSampling({ id: "b", value: 10.9, endpoint: "median PFS", ci: { lower: 7.5, upper: 13.8, level: 0.95 } })!;
    const source = subStream("psa", "check");
    const n = 20_000;
    const logs = Array.from({ length: n }, () => Math.log(drawParameter(sampling, source())));
    const mean = logs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const sdlog = (sampling as { sdlog: number }).sdlog;
    expect(Math.abs(mean - Math.log(10.9))).toBeLessThan(4 * sdlog / Math.sqrt(n));
    // SE of a sample SD of normal data: σ/√(2(n − 1))
    expect(Math.abs(sd - sdlog)).toBeLessThan(4 * sdlog / Math.sqrt(2 * (n - 1)));
    // the CI is asymmetric on the log scale around 10.9 (ln 10.9 is not its midpoint): the log-normal centred on the
    // estimate with the CI's width covers it with probability Φ((ln 13.8 − ln 10.9)/σ) − Φ((ln 7.5 − ln 10.9)/σ) ≈ 0.928
    const coverage = standardNormalCdf((Math.log(13.8) - Math.log(10.9)) / sdlog) - standardNormalCdf((Math.log(7.5) - Math.log(10.9)) / sdlog);
    const inside = logs.filter((x) => x >= Math.log(7.5) && x <= Math.log(13.8)).length / n;
    expect(Math.abs(inside - coverage)).toBeLessThan(4 * Math.sqrt(coverage * (1 - coverage) / n));
  });
});

describe("resolveOutcomeParameters draws (issue 12: per-study spread)", () => {
  const draws = (evidence: Parameters<typeof resolveOutcomeParameters>[2], count: number) =>
    Array.from({ length: count }, (_, r) => resolveOutcomeParameters(context.registry, { kind: "draw", source: subStream(7, "replicate", r + 1) }, evidence));

  it("resolveOutcomeParameters(trials set, draw): SANET-p's 10.9 is drawn on its CI, E2211's 22.7 and RADIANT-3's 11.0 on their arm sizes (log SD √(2/n)), within 4 SE over 1,000 replicates; the review's CAPTEM 29 (no n or CI) stays fixed", () => {
    const replicates = draws({ set: "trials" }, 1000);
    const logSd = (values: number[]) => {
      const logs = values.map(Math.log);
      const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
      return { mean, sd: Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1)) };
    };
    const check = (treatment: string, value: number, sdlog: number) => {
      const { mean, sd } = logSd(replicates.map((p) => p.treatments[treatment]!.pfsMedian));
      expect(Math.abs(mean - Math.log(value))).toBeLessThan(4 * sdlog / Math.sqrt(1000));
      expect(Math.abs(sd - sdlog)).toBeLessThan(4 * sdlog / Math.sqrt(2 * 999));
    };
    check("surufatinib", 10.9, (Math.log(13.8) - Math.log(7.5)) / (2 * z975));
    check("captem", 22.7, Math.sqrt(2 / 72));
    check("everolimus", 11.0, Math.sqrt(2 / 207));
    check("bestSupportiveCare", 4.6, Math.sqrt(2 / 203));
    expect(new Set(draws({}, 3).map((p) => p.treatments.captem!.pfsMedian))).toEqual(new Set([29]));
    // the same replicate of the same seed draws the same numbers
    expect(draws({ set: "trials" }, 2)[1]).toEqual(replicates[1]);
  });
});

describe("parameterSampling of a range with a base value", () => {
  it("parameterSampling({value 1.5, low 1.2, high 2}) keeps the base value as the median: uniform on [1.2, 1.5] and on [1.5, 2] with probability ½ each (closed-form quantiles); a symmetric or end-point value is plainly uniform", () => {
    const sampling = parameterSampling({ id: "simulation.hr.grade.G2", value: 1.5, low: 1.2, high: 2 })!;
    expect(sampling).toEqual({ kind: "uniform", low: 1.2, high: 2, mode: 1.5 });
    expect(drawParameter(sampling, 0.5)).toBe(1.5);
    expect(drawParameter(sampling, 0.25)).toBeCloseTo(1.35, 12);
    expect(drawParameter(sampling, 0.75)).toBeCloseTo(1.75, 12);
    expect(drawParameter(sampling, 0)).toBe(1.2);
    expect(parameterSampling({ id: "x", value: 15, low: 10, high: 20 })).toEqual({ kind: "uniform", low: 10, high: 20 });
    expect(parameterSampling({ id: "outcome.pps.rate.G3", value: 0.064, low: 0.064, high: 0.078 })).toEqual({ kind: "uniform", low: 0.064, high: 0.078 });
  });

  it("drawParameter(split uniform) over 20,000 uniforms: half the draws fall below the base value (4 binomial SE)", () => {
    const sampling = parameterSampling({ id: "h", value: 1.5, low: 1.2, high: 2 })!;
    const source = subStream("psa", "split");
    const n = 20_000;
    const below = Array.from({ length: n }, () => drawParameter(sampling, source())).filter((x) => x < 1.5).length / n;
    expect(Math.abs(below - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });
});
