import type { TopLevelSpec } from "vega-lite";
import type { KaplanMeierResult } from "../analysis/KaplanMeierResult.js";
import { numbersAtRisk } from "../analysis/survivalAt.js";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { formatEstimateInterval, formatPValue } from "./formatStatistics.js";
import { pointsFromMm, widthMm } from "./journalSize.js";
import { endpointNames, type KmCurveInput, type KmFigureOptions } from "./KmCurveInput.js";
import { kmCensorRows, kmStepRows } from "./kmStepRows.js";
import { niceTimeTicks } from "./niceTimeStep.js";
import { seriesColour, seriesDash } from "./palette.js";
import { estimateTextWidth } from "./estimateTextWidth.js";
import { countAtOrBelow } from "../util/sortedSearch.js";

export const timeAxisTitle = "Months since start of treatment";

/**
 * A Kaplan–Meier comparison figure as a self-contained Vega-Lite spec (data inline):
 *
 *   ┌ curve panel ──────────────────────────────┐   legend (top right, inside)
 *   │ shaded pointwise CI bands                  │   step-after survival curves, one per input
 *   │ censoring ticks on the curves              │   dashed median lines at S = 0.5
 *   │ HR (95% CI), log-rank p (bottom left)      │
 *   └─────────────── Months since start ────────┘
 *   Number at risk                                  one row per input, one column per at-risk time,
 *   Strategy A   200   150   90   …                 on the same x scale as the curves (vconcat, shared x)
 *
 * Sizes in points (see journalSize.ts). Colours are Okabe–Ito, each curve also has its own dash pattern so
 * the figure survives greyscale print; a curve's `style` (from its strategy id, strategyStyle.ts) keeps one
 * strategy's look the same in every figure. Pure: the dashboards render the same spec with vega-embed.
 * Runs in O(total table rows).
 */
export function kmComparisonSpec(curves: readonly KmCurveInput[], options: KmFigureOptions): TopLevelSpec {
  if (curves.length === 0) throw new Error("kmComparisonSpec requires at least one curve");
  const labels = curves.map((c) => c.label);
  if (new Set(labels).size !== labels.length) throw new Error(`kmComparisonSpec requires distinct curve labels, got ${labels.join(", ")}`);

  const endpoint = endpointNames[options.endpoint];
  const lastTime = Math.max(0, ...curves.map((c) => (c.km.time.length > 0 ? c.km.time[c.km.time.length - 1] : 0)));
  const atRiskTimes = [...(options.atRiskTimes ?? niceTimeTicks(options.maxTime ?? lastTime))];
  // The axis ends at the last at-risk time (curves beyond it are clipped), or at maxTime when given.
  const maxTime = options.maxTime ?? Math.max(atRiskTimes[atRiskTimes.length - 1] ?? 0, options.atRiskTimes === undefined ? lastTime : 0, 1);
  const maxSteps = options.maxSteps ?? 1500;
  const maxCensorTicks = options.maxCensorTicks ?? 120;

  // Layout in points: the figure's total width is the journal width (vega padding + axes + plot).
  const totalWidth = pointsFromMm(widthMm(options.width ?? "single"));
  const padding = 4;
  const riskLabelLimit = Math.round(totalWidth * 0.3);
  const riskLabelWidth = Math.min(riskLabelLimit, Math.max(...labels.map((l) => estimateTextWidth(l, fontSizes.label))));
  const widestCount = Math.max(...curves.map((c) => c.km.n)).toFixed(0);
  const riskLabelPadding = Math.ceil(estimateTextWidth(widestCount, fontSizes.label) / 2) + 4;
  const provisionalHeight = options.height ?? (totalWidth - 60) * (totalWidth < 300 ? 0.72 : 0.45);
  const yTitle = wrapTitle(endpoint.yTitle, fontSizes.title, provisionalHeight);
  const yAxisWidth = yTitle.length * (fontSizes.title + 2) + 4 + estimateTextWidth("0.0", fontSizes.label) + 2 + 3;
  const left = Math.ceil(Math.max(yAxisWidth, riskLabelWidth + riskLabelPadding));
  const right = Math.ceil(estimateTextWidth(String(maxTime), fontSizes.label) / 2 + 1);
  const width = Math.floor(totalWidth - 2 * padding - left - right);
  const height = Math.round(options.height ?? width * (totalWidth < 300 ? 0.72 : 0.45));
  const riskRowHeight = fontSizes.label + 3;

  const domain = labels;
  const colours = curves.map((c, i) => c.style?.colour ?? seriesColour(i));
  const dashes = curves.map((c, i) => (c.style === undefined ? seriesDash(i) : [...c.style.dash]));
  const xScale = { domain: [0, maxTime], nice: false, zero: true };
  const color = { field: "series", type: "nominal", scale: { domain, range: colours }, title: null } as const;

  const stepRows = curves.flatMap((c) => kmStepRows(c.label, c.km, maxSteps, maxTime));
  const censorRows = curves.flatMap((c) => kmCensorRows(c.label, c.km, c.censorTimes, maxCensorTicks, maxTime));
  const medianRows = curves.flatMap((c) => (c.km.median.estimate === null ? [] : [{ series: c.label, median: c.km.median.estimate }]));
  const publishedRows = curves.flatMap((c) => (c.publishedMedian === undefined || !(c.publishedMedian.months <= maxTime) ? [] : [{ series: c.label, median: c.publishedMedian.months, label: c.publishedMedian.label }]));
  const riskRows = curves.flatMap((c) => {
    const counts = c.atRisk ?? Array.from(numbersAtRisk(c.km, atRiskTimes));
    if (counts.length !== atRiskTimes.length) throw new Error(`kmComparisonSpec: curve '${c.label}' has ${counts.length} numbers at risk for ${atRiskTimes.length} times`);
    return atRiskTimes.map((time, i) => ({ series: c.label, time, atRisk: counts[i] }));
  });

  const hazardLines = (options.hazardRatios ?? []).map((hr) => `${hr.comparison}: ${formatEstimateInterval(hr.estimate, hr.lower, hr.upper)}`);
  const annotationLines = [
    ...(hazardLines.length > 0 ? [options.hazardRatioTitle ?? "Hazard ratio (95% CI)", ...hazardLines] : []),
    ...(options.logRankP === undefined ? [] : [`Log-rank ${formatPValue(options.logRankP)}`]),
  ];

  // Place the legend inside the top right and the annotation inside the bottom left only where no curve or
  // band passes; otherwise above the plot.
  const lineHeight = fontSizes.label + 2;
  const legendWidth = 16 + Math.max(...labels.map((l) => Math.min(estimateTextWidth(l, fontSizes.label), width * 0.6)));
  const legendHeight = labels.length * (fontSizes.label + 4) + 4;
  const legendStart = maxTime * (1 - legendWidth / width);
  const legendInside = legendWidth < width * 0.75 && curves.every((c) => upperAt(c.km, legendStart) < 1 - (legendHeight + 4) / height);
  const annotationWidth = Math.max(0, ...annotationLines.map((l) => estimateTextWidth(l, fontSizes.label))) + 8;
  const annotationHeight = annotationLines.length * lineHeight + 6;
  const annotationEnd = maxTime * Math.min(1, annotationWidth / width);
  const annotationInside = annotationWidth < width && curves.every((c) => lowerAt(c.km, annotationEnd) > (annotationHeight + 4) / height);

  const xEncoding = { field: "time", type: "quantitative", scale: xScale, title: timeAxisTitle, axis: { values: atRiskTimes, format: "d", labelFlush: false } } as const;
  const yAxis = { values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: ".1f" };
  const yTitleValue = yTitle.length === 1 ? yTitle[0] : yTitle;
  const yScale = { domain: [0, 1], nice: false };
  const legendEntryWidth = legendWidth + 8; // + column padding
  const legend = {
    orient: legendInside ? "top-right" : "top",
    direction: legendInside ? "vertical" : "horizontal",
    ...(legendInside ? {} : { columns: Math.max(1, Math.min(labels.length, Math.floor((width + 8) / legendEntryWidth))) }),
    symbolType: "stroke",
    symbolStrokeWidth: 1.25,
    symbolOpacity: 1,
    labelLimit: Math.round(width * 0.6),
    fillColor: "#ffffff",
    padding: 2,
    offset: 2,
  } as const;

  const curveLayers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>["layer"]> = [];
  if (options.confidenceBands ?? true) {
    curveLayers.push({
      data: { name: "steps" },
      mark: { type: "area", interpolate: "step-after", opacity: 0.15, clip: true, aria: false },
      encoding: {
        x: xEncoding,
        y: { field: "lower", type: "quantitative", scale: yScale, title: yTitleValue, axis: yAxis },
        y2: { field: "upper" },
        fill: { ...color, legend },
      },
    });
  }
  curveLayers.push(
    {
      data: { name: "steps" },
      mark: { type: "line", interpolate: "step-after", strokeWidth: 1.25, clip: true },
      encoding: {
        x: xEncoding,
        y: { field: "survival", type: "quantitative", scale: yScale, title: yTitleValue, axis: yAxis },
        color: { ...color, legend },
        strokeDash: { field: "series", type: "nominal", scale: { domain, range: dashes }, title: null, legend },
        order: { field: "time", type: "quantitative" },
      },
    },
    {
      data: { name: "censorings" },
      mark: { type: "tick", orient: "vertical", size: 4, thickness: 0.75, clip: true, aria: false },
      encoding: { x: xEncoding, y: { field: "survival", type: "quantitative", scale: yScale, title: yTitleValue, axis: yAxis }, color: { ...color, legend } },
    },
  );
  if (medianRows.length > 0) {
    const medianMark = { type: "rule" as const, strokeDash: [2, 2], strokeWidth: 0.6, color: "#555555", clip: true };
    curveLayers.push(
      { data: { values: medianRows }, mark: medianMark, encoding: { x: { ...xEncoding, field: "median" }, x2: { datum: 0 }, y: { datum: 0.5, type: "quantitative", scale: yScale, title: yTitleValue, axis: yAxis } } },
      { data: { values: medianRows }, mark: medianMark, encoding: { x: { ...xEncoding, field: "median" }, y: { datum: 0, type: "quantitative", scale: yScale, title: yTitleValue, axis: yAxis }, y2: { datum: 0.5 } } },
    );
  }
  if (publishedRows.length > 0) {
    // A short vertical tick through S = 0.5 at the published median, in the curve's colour, labelled above.
    const y = { datum: 0.5, type: "quantitative", scale: yScale, title: yTitleValue, axis: yAxis } as const;
    curveLayers.push(
      { data: { values: publishedRows }, mark: { type: "tick", orient: "vertical", size: 12, thickness: 2, clip: true }, encoding: { x: { ...xEncoding, field: "median" }, y, color: { ...color, legend: null }, tooltip: [{ field: "label", type: "nominal", title: "Published" }, { field: "median", type: "quantitative", title: "median (months)", format: ".1f" }] } },
      { data: { values: publishedRows }, mark: { type: "text", fontSize: fontSizes.label - 1, dy: -9, clip: true, aria: false }, encoding: { x: { ...xEncoding, field: "median" }, y, text: { value: "pub." }, color: { ...color, legend: null } } },
    );
  }
  if (options.tooltips === true) {
    // Invisible points at the curve's vertices carry the hover tooltip: strategy, time, survival, number at risk.
    const hoverRows = curves.flatMap((c) => {
      const rows = kmStepRows(c.label, c.km, Math.min(maxSteps, 400), maxTime);
      const atRisk = numbersAtRisk(c.km, rows.map((r) => r.time));
      return rows.map((r, i) => ({ series: r.series, time: r.time, survival: r.survival, atRisk: atRisk[i] }));
    });
    curveLayers.push({
      data: { values: hoverRows },
      mark: { type: "point", filled: true, size: 40, opacity: 0, clip: true },
      encoding: {
        x: xEncoding,
        y: { field: "survival", type: "quantitative", scale: yScale, title: yTitleValue, axis: yAxis },
        tooltip: [
          { field: "series", type: "nominal", title: "Strategy" },
          { field: "time", type: "quantitative", title: "Months", format: ".1f" },
          { field: "survival", type: "quantitative", title: "Survival", format: ".3f" },
          { field: "atRisk", type: "quantitative", title: "At risk", format: "d" },
        ],
      },
    });
  }
  if (annotationLines.length > 0 && annotationInside) {
    const top = height - 3 - annotationLines.length * lineHeight;
    curveLayers.push({
      data: { values: [{}] },
      mark: { type: "rect", x: 1, x2: annotationWidth - 2, y: top - 2, y2: height - 1, fill: "#ffffff", opacity: 0.85 },
    });
    curveLayers.push({
      data: { values: [{}] },
      mark: { type: "text", text: annotationLines, align: "left", baseline: "top", x: 4, y: height - 3 - annotationLines.length * lineHeight, fontSize: fontSizes.label, lineHeight },
    });
  }
  const curvePanelTitle =
    annotationLines.length > 0 && !annotationInside
      ? { title: { text: annotationLines, fontSize: fontSizes.label, fontWeight: "normal", anchor: "start", frame: "group", lineHeight, offset: legendInside ? 4 : 2 } as const }
      : {};

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `Kaplan–Meier estimates of ${endpoint.long} by strategy, with 95% pointwise confidence bands and numbers at risk`,
    ...(options.title === undefined ? {} : { title: options.title }),
    config: figureConfig(),
    datasets: { steps: stepRows, censorings: censorRows },
    vconcat: [
      { width, height, ...curvePanelTitle, layer: curveLayers },
      {
        width,
        height: riskRowHeight * curves.length,
        title: { text: "Number at risk", fontSize: fontSizes.label, fontWeight: "bold", anchor: "start", frame: "bounds", offset: 2 },
        data: { values: riskRows },
        mark: { type: "text", fontSize: fontSizes.label },
        encoding: {
          x: { field: "time", type: "quantitative", scale: xScale, axis: null },
          y: { field: "series", type: "nominal", sort: domain, title: null, axis: { domain: false, ticks: false, labelLimit: riskLabelLimit, labelPadding: riskLabelPadding } },
          text: { field: "atRisk", type: "quantitative", format: "d" },
          color,
        },
      },
    ],
    resolve: { scale: { x: "shared", color: "shared" } },
    spacing: 8,
    usermeta: { pnenSim: { figure: "kaplan-meier", endpoint: options.endpoint, widthMm: widthMm(options.width ?? "single"), atRiskTimes } },
  };
}

/** Splits an axis title into two lines at the space nearest its middle when it is longer than `room`. */
function wrapTitle(title: string, fontSize: number, room: number): string[] {
  if (estimateTextWidth(title, fontSize) <= room) return [title];
  const middle = title.length / 2;
  let best = -1;
  for (let i = 0; i < title.length; i++) if (title[i] === " " && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  return best < 0 ? [title] : [title.slice(0, best), title.slice(best + 1)];
}

/** Upper pointwise limit just after t (1 before the first time; the survival where the limit is undefined). */
function upperAt(km: KaplanMeierResult, t: number): number {
  const i = lastIndexAtOrBefore(km, t);
  if (i < 0) return 1;
  return Number.isFinite(km.upper[i]) ? km.upper[i] : km.survival[i];
}

/** Lower pointwise limit just after t (1 before the first time; the survival where the limit is undefined). */
function lowerAt(km: KaplanMeierResult, t: number): number {
  const i = lastIndexAtOrBefore(km, t);
  if (i < 0) return 1;
  return Number.isFinite(km.lower[i]) ? km.lower[i] : km.survival[i];
}

function lastIndexAtOrBefore(km: KaplanMeierResult, t: number): number {
  return countAtOrBelow(km.time, t) - 1;
}
