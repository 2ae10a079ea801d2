import type { TopLevelSpec } from "vega-lite";
import { estimateTextWidth } from "./estimateTextWidth.js";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { formatEstimateInterval } from "./formatStatistics.js";
import { pointsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { okabeIto } from "./palette.js";

/** One comparison of a validation figure: a trial's endpoint, predicted and published. */
export interface ValidationPlotRow {
  /** "RADIANT-3, PFS". */
  readonly label: string;
  /** Predicted HR and the 2.5–97.5% range of HRs over emulated trials of the published size. */
  readonly predicted: { readonly estimate: number | null; readonly lower: number | null; readonly upper: number | null };
  /** Published HR and its 95% CI. */
  readonly published: { readonly estimate: number; readonly lower: number; readonly upper: number };
  /** A figure of this trial feeds the model for this endpoint. */
  readonly circular: boolean;
}

export interface ValidationPlotOptions {
  readonly width?: FigureWidth;
  readonly title?: string;
}

const tickCandidates = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 4, 5, 10, 20] as const;

/**
 * Predicted against published hazard ratios, one row per trial endpoint, log axis, in the style of the forest
 * plot (three panels sharing one row scale):
 *
 *   Trial, endpoint          │      ■──────  predicted (range of trials of that size)   │ predicted      published
 *   RADIANT-3, PFS (circular)│   ◆────        published (95% CI)                        │ 0.39 (…)       0.35 (…)
 *
 * The predicted estimate is a filled square (blue, solid line); the published one an open diamond (vermillion,
 * dashed line), each row's two marks offset vertically: distinct in colour, shape and dash, so readable in
 * greyscale. Circular rows are labelled "(circular)". Pure; O(rows).
 */
export function validationPlotSpec(rows: readonly ValidationPlotRow[], options: ValidationPlotOptions = {}): TopLevelSpec {
  if (rows.length === 0) throw new Error("validationPlotSpec requires at least one row");
  const totalWidth = pointsFromMm(widthMm(options.width ?? "double"));
  const spacing = 4;
  const usable = totalWidth - 8 - 2 * spacing;
  const labels = rows.map((r) => `${r.label}${r.circular ? " (circular)" : ""}`);
  const labelWidth = Math.round(Math.min(usable * 0.32, Math.max(...labels.map((l) => estimateTextWidth(l, fontSizes.label))) + 6));
  const estimateWidth = Math.round(Math.min(usable * 0.3, 130));
  const plotWidth = Math.round(usable - labelWidth - estimateWidth);
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;
  const values = rows.flatMap((r) => [r.predicted.estimate, r.predicted.lower, r.predicted.upper, r.published.estimate, r.published.lower, r.published.upper]).filter(finite);
  const low = Math.min(1, ...values);
  const high = Math.max(1, ...values);
  const domainLow = [...tickCandidates].reverse().find((t) => t <= low) ?? tickCandidates[0];
  const domainHigh = tickCandidates.find((t) => t >= high) ?? tickCandidates[tickCandidates.length - 1];
  const ticks = tickCandidates.filter((t) => t >= domainLow && t <= domainHigh);
  const clamp = (v: number | null) => (finite(v) ? Math.min(domainHigh, Math.max(domainLow, v)) : null);
  const series = ["Predicted (range of trials of the published size)", "Published (95% CI)"];
  const marks = rows.flatMap((r, row) => [
    { row, series: series[0], estimate: finite(r.predicted.estimate) ? r.predicted.estimate : null, lower: clamp(r.predicted.lower), upper: clamp(r.predicted.upper) },
    { row, series: series[1], estimate: r.published.estimate, lower: clamp(r.published.lower), upper: clamp(r.published.upper) },
  ]).filter((m) => m.estimate !== null);
  const display = rows.map((r, row) => ({
    row,
    label: labels[row],
    predicted: formatEstimateInterval(r.predicted.estimate, r.predicted.lower, r.predicted.upper),
    published: formatEstimateInterval(r.published.estimate, r.published.lower, r.published.upper),
  }));
  const rowHeight = 2 * fontSizes.label + 8;
  const height = rowHeight * rows.length;
  const y = { field: "row", type: "ordinal", axis: null, scale: { paddingInner: 0.2, paddingOuter: 0.2 } } as const;
  const yOffset = { field: "series", type: "nominal", scale: { domain: series, paddingOuter: 0.3 } } as const;
  // no legend: the right-hand column's heading says which is which (■ blue predicted, ◇ vermillion published),
  // in the colours of the marks, and the caption says what each interval is
  const legend = null;
  const colour = { field: "series", type: "nominal", scale: { domain: series, range: [okabeIto.blue, okabeIto.vermillion] }, legend } as const;
  const x = {
    field: "estimate",
    type: "quantitative" as const,
    scale: { type: "log" as const, domain: [domainLow, domainHigh] as number[], nice: false },
    axis: { values: ticks as number[], format: "~g", titleFontSize: fontSizes.label, labelOverlap: false, title: ["Hazard ratio, first arm vs second (log scale)", "← favours the experimental arm  |  favours the control →"] },
  };
  const columnTitle = (text: string | string[], anchor: "start" | "end") => ({ text, fontSize: fontSizes.label, fontWeight: "bold", anchor, offset: 3 }) as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Predicted against published hazard ratios of randomised trials, log scale",
    ...(options.title === undefined ? {} : { title: options.title }),
    config: figureConfig(),
    spacing,
    hconcat: [
      {
        width: labelWidth,
        height,
        title: columnTitle("Trial, endpoint", "start"),
        data: { values: display },
        mark: { type: "text", align: "left", baseline: "middle", x: 0, limit: labelWidth },
        encoding: { y, text: { field: "label", type: "nominal" } },
      },
      {
        width: plotWidth,
        height,
        layer: [
          { data: { values: [{ one: 1 }] }, mark: { type: "rule", color: "#777777", strokeWidth: 0.6 }, encoding: { x: { ...x, field: "one" } } },
          {
            data: { values: marks },
            mark: { type: "rule", strokeWidth: 1 },
            encoding: { y, yOffset, x: { ...x, field: "lower" }, x2: { field: "upper" }, color: colour, strokeDash: { field: "series", type: "nominal", scale: { domain: series, range: [[1, 0], [4, 2]] }, legend: null } },
          },
          {
            data: { values: marks },
            mark: { type: "point", size: 30, opacity: 1, strokeWidth: 1.2 },
            encoding: {
              y,
              yOffset,
              x,
              color: colour,
              shape: { field: "series", type: "nominal", scale: { domain: series, range: ["square", "diamond"] }, legend },
              fill: { field: "series", type: "nominal", scale: { domain: series, range: [okabeIto.blue, "#ffffff"] }, legend },
            },
          },
        ],
      },
      {
        width: estimateWidth,
        height,
        title: columnTitle(["■ predicted HR (trials of that size)", "◇ published HR (95% CI)"], "end"),
        data: { values: display },
        layer: [
          { mark: { type: "text", align: "right", baseline: "bottom", x: estimateWidth, dy: -1, color: okabeIto.blue }, encoding: { y, text: { field: "predicted", type: "nominal" } } },
          { mark: { type: "text", align: "right", baseline: "top", x: estimateWidth, dy: 1, color: okabeIto.vermillion }, encoding: { y, text: { field: "published", type: "nominal" } } },
        ],
      },
    ],
    resolve: { scale: { y: "shared", color: "independent" } },
    usermeta: { pnenSim: { figure: "validation", widthMm: widthMm(options.width ?? "double") } },
  } as TopLevelSpec;
}
