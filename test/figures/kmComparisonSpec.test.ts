import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/analysis/kaplanMeier.js";
import { numbersAtRisk } from "../../src/analysis/survivalAt.js";
import { kmComparisonSpec, timeAxisTitle } from "../../src/figures/kmComparisonSpec.js";
import type { KmCurveInput } from "../../src/figures/KmCurveInput.js";
import { exponentialSample } from "./kmFixture.js";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema.js";

type AnyRecord = Record<string, any>;

function curves(count: number, n = 200): KmCurveInput[] {
  return Array.from({ length: count }, (_, i) => {
    const sample = exponentialSample(n, 30 - 6 * i, 60, 11 + i);
    return { label: `Strategy ${String.fromCharCode(65 + i)}`, km: kaplanMeier(sample.time, sample.event) };
  });
}

const layers = (spec: AnyRecord): AnyRecord[] => spec.vconcat[0].layer;
const lineLayer = (spec: AnyRecord) => layers(spec).find((l) => l.mark.type === "line")!;
const dataOf = (spec: AnyRecord, layer: AnyRecord): AnyRecord[] => layer.data.values ?? spec.datasets[layer.data.name];

describe("kmComparisonSpec(curves, options)", () => {
  it("kmComparisonSpec(3 curves, pfs) validates against the Vega-Lite schema", () => {
    const spec = kmComparisonSpec(curves(3), { endpoint: "pfs", hazardRatios: [{ comparison: "B vs A", estimate: 1.3, lower: 1.1, upper: 1.6 }], logRankP: 0.004 });
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
  });

  it("kmComparisonSpec(curves) draws one step curve per input, in input order", () => {
    for (const count of [1, 2, 4]) {
      const input = curves(count);
      const spec = kmComparisonSpec(input, { endpoint: "os" }) as AnyRecord;
      const line = lineLayer(spec);
      expect(line.mark.interpolate).toBe("step-after");
      const series = [...new Set(dataOf(spec, line).map((r: AnyRecord) => r.series))];
      expect(series).toEqual(input.map((c) => c.label));
      expect(line.encoding.color.scale.domain).toEqual(input.map((c) => c.label));
    }
  });

  it("kmComparisonSpec(curves with style) colours and dashes each curve by its own style, not its position", () => {
    const [a, b] = curves(2);
    const styled = [{ ...b!, style: { colour: "#882255", dash: [6, 3] } }, { ...a!, style: { colour: "#000000", dash: [] } }];
    const line = lineLayer(kmComparisonSpec(styled, { endpoint: "pfs" }) as AnyRecord);
    expect(line.encoding.color.scale).toEqual({ domain: ["Strategy B", "Strategy A"], range: ["#882255", "#000000"] });
    expect(line.encoding.strokeDash.scale.range).toEqual([[6, 3], []]);
    const alone = lineLayer(kmComparisonSpec([styled[1]!], { endpoint: "pfs" }) as AnyRecord);
    expect(alone.encoding.color.scale.range).toEqual(["#000000"]);
  });

  it("kmComparisonSpec(curves with publishedMedian, {tooltips}) marks the published median at S = 0.5 and adds hover points with time, survival and number at risk", () => {
    const [a, b] = curves(2);
    const built = kmComparisonSpec([{ ...a!, publishedMedian: { months: 21, label: "PFS 21 mo (ref 12)" } }, b!], { endpoint: "pfs", tooltips: true, atRiskTimes: [0, 12, 24, 36, 48, 60] });
    expect(vegaLiteSchemaErrors(built)).toEqual([]);
    const spec = built as AnyRecord;
    const tick = layers(spec).find((l) => l.mark.type === "tick" && l.data.values?.[0]?.label !== undefined)!;
    expect(tick.data.values).toEqual([{ series: "Strategy A", median: 21, label: "PFS 21 mo (ref 12)" }]);
    expect(tick.encoding.y.datum).toBe(0.5);
    const hover = layers(spec).find((l) => l.mark.type === "point")!;
    const first = hover.data.values.find((r: AnyRecord) => r.series === "Strategy A" && r.time > 0);
    // number at risk at t: patients with time >= t (R: summary(survfit, times)$n.risk)
    expect(first.atRisk).toBe(numbersAtRisk(a!.km, [first.time])[0]);
    expect(hover.encoding.tooltip.map((t: AnyRecord) => t.title)).toEqual(["Strategy", "Months", "Survival", "At risk"]);
  });

  it("kmComparisonSpec(curves) puts the numbers at risk of analysis numbersAtRisk under the time axis", () => {
    const input = curves(3);
    const times = [0, 12, 24, 36, 48, 60];
    const spec = kmComparisonSpec(input, { endpoint: "pfs", atRiskTimes: times }) as AnyRecord;
    const risk = spec.vconcat[1];
    expect(spec.resolve.scale.x).toBe("shared");
    expect(risk.encoding.x.scale.domain).toEqual(lineLayer(spec).encoding.x.scale.domain);
    for (const c of input) {
      const rows = risk.data.values.filter((r: AnyRecord) => r.series === c.label);
      expect(rows.map((r: AnyRecord) => r.time)).toEqual(times);
      expect(rows.map((r: AnyRecord) => r.atRisk)).toEqual(Array.from(numbersAtRisk(c.km, times)));
    }
    expect(lineLayer(spec).encoding.x.axis.values).toEqual(times);
  });

  it("kmComparisonSpec(curves, {endpoint}) titles the axes in words", () => {
    const pfs = kmComparisonSpec(curves(1), { endpoint: "pfs" }) as AnyRecord;
    const os = kmComparisonSpec(curves(1), { endpoint: "os" }) as AnyRecord;
    expect(lineLayer(pfs).encoding.x.title).toBe(timeAxisTitle);
    expect([lineLayer(pfs).encoding.y.title].flat().join(" ")).toBe("Probability of progression-free survival");
    expect([lineLayer(os).encoding.y.title].flat().join(" ")).toBe("Probability of overall survival");
  });

  it("kmComparisonSpec(curves) shades CI bands, ticks censorings and marks medians", () => {
    const input = curves(2);
    const spec = kmComparisonSpec(input, { endpoint: "pfs" }) as AnyRecord;
    const types = layers(spec).map((l) => l.mark.type);
    expect(types).toEqual(expect.arrayContaining(["area", "line", "tick", "rule"]));
    const ticks = dataOf(spec, layers(spec).find((l) => l.mark.type === "tick")!);
    const censored = input[0].km.nCensor.reduce((count, c) => count + (c > 0 ? 1 : 0), 0);
    expect(ticks.filter((r: AnyRecord) => r.series === input[0].label)).toHaveLength(censored);
    const medians = layers(spec).filter((l) => l.mark.type === "rule")[0].data.values;
    expect(medians.map((r: AnyRecord) => r.median)).toEqual(input.map((c) => c.km.median.estimate));
    const noBands = kmComparisonSpec(input, { endpoint: "pfs", confidenceBands: false }) as AnyRecord;
    expect(layers(noBands).map((l) => l.mark.type)).not.toContain("area");
  });

  it("kmComparisonSpec(curves, {hazardRatios, logRankP}) prints HR (95% CI) and the log-rank p", () => {
    const spec = kmComparisonSpec(curves(2), { endpoint: "pfs", hazardRatios: [{ comparison: "B vs A", estimate: 1.234, lower: 1.01, upper: 1.5 }], logRankP: 0.0004 });
    const text = JSON.stringify(spec);
    expect(text).toContain("B vs A: 1.23 (1.01–1.50)");
    expect(text).toContain("Log-rank p < 0.001");
  });

  it("kmComparisonSpec(curves) starts every curve at (0, 1) and keeps survival non-increasing", () => {
    const spec = kmComparisonSpec(curves(2), { endpoint: "pfs" }) as AnyRecord;
    const rows = dataOf(spec, lineLayer(spec));
    for (const label of ["Strategy A", "Strategy B"]) {
      const mine = rows.filter((r) => r.series === label);
      expect(mine[0]).toMatchObject({ time: 0, survival: 1 });
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i].time).toBeGreaterThanOrEqual(mine[i - 1].time);
        expect(mine[i].survival).toBeLessThanOrEqual(mine[i - 1].survival);
      }
    }
  });

  it("kmComparisonSpec([]) and duplicate labels throw", () => {
    expect(() => kmComparisonSpec([], { endpoint: "pfs" })).toThrow("kmComparisonSpec requires at least one curve");
    const [a] = curves(1);
    expect(() => kmComparisonSpec([a, a], { endpoint: "pfs" })).toThrow(/distinct curve labels/);
  });

  it("kmComparisonSpec(curves) is plain JSON with its data inline (self-contained)", () => {
    const spec = kmComparisonSpec(curves(2), { endpoint: "os", width: "double" }) as AnyRecord;
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(JSON.stringify(spec)).not.toContain('"url"');
    expect(spec.usermeta.pnenSim.widthMm).toBe(183);
  });

  it("kmComparisonSpec(curves) risk-table numbers equal a direct count of patients with time >= t (R: summary(survfit, times)$n.risk)", () => {
    // Independent of the analysis module: count the raw sample, as R's n.risk at t counts subjects with time >= t.
    const times = [0, 12, 24, 36, 48, 60];
    const samples = [exponentialSample(300, 20, 60, 5), exponentialSample(300, 12, 60, 6)];
    const input = samples.map((sample, i) => ({ label: `Arm ${i}`, km: kaplanMeier(sample.time, sample.event) }));
    const spec = kmComparisonSpec(input, { endpoint: "os", atRiskTimes: times }) as AnyRecord;
    samples.forEach((sample, i) => {
      const shown = spec.vconcat[1].data.values.filter((r: AnyRecord) => r.series === `Arm ${i}`).map((r: AnyRecord) => r.atRisk);
      expect(shown).toEqual(times.map((t) => sample.time.filter((x) => x >= t).length));
    });
  });
});
