import type { TopLevelSpec } from "vega-lite";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { pointsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { timeAxisTitle } from "./kmComparisonSpec.js";
import { seriesColour, seriesDash } from "./palette.js";
import type { SeriesStyle } from "./strategyStyle.js";

/** One point of a survival-difference curve: strategy minus reference at `months`, with its interval. */
export interface SurvivalDifferenceRow {
  readonly series: string;
  readonly months: number;
  readonly difference: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface SurvivalDifferenceOptions {
  /** "Progression-free survival" or "Overall survival": the y title reads "Difference in … vs <reference>". */
  readonly endpointName: string;
  readonly referenceLabel: string;
  /** What the band is, for the description (default "95% Monte Carlo interval"). */
  readonly intervalName?: string;
  readonly width?: FigureWidth;
  /** Styles by series label (strategyStyles); default by position. */
  readonly styles?: ReadonlyMap<string, Pick<SeriesStyle, "colour" | "dash">>;
  /** Hover tooltips (strategy, months, difference, interval). Default false. */
  readonly tooltips?: boolean;
}

/**
 * The difference in survival between each strategy and a reference over time, S_strategy(t) − S_reference(t), one
 * line per strategy with a shaded pointwise interval and a rule at zero (no difference): above zero, more patients
 * alive (or progression-free) under the strategy. Lines joined linearly between grid times. Pure; O(rows).
 */
export function survivalDifferenceSpec(rows: readonly SurvivalDifferenceRow[], options: SurvivalDifferenceOptions): TopLevelSpec {
  if (rows.length === 0) throw new Error("survivalDifferenceSpec requires at least one row");
  const series = [...new Set(rows.map((r) => r.series))];
  const colours = series.map((s, i) => options.styles?.get(s)?.colour ?? seriesColour(i));
  const dashes = series.map((s, i) => [...(options.styles?.get(s)?.dash ?? seriesDash(i))]);
  const totalWidth = pointsFromMm(widthMm(options.width ?? "single"));
  const width = Math.floor(totalWidth - 70);
  const height = Math.round(width * (totalWidth < 300 ? 0.6 : 0.35));
  const color = { field: "series", type: "nominal", title: null, scale: { domain: series, range: colours }, legend: { orient: "top", direction: "horizontal", symbolType: "stroke", symbolOpacity: 1 } } as const;
  const x = { field: "months", type: "quantitative", title: timeAxisTitle, scale: { nice: false, zero: true } } as const;
  const yTitle = `Difference in ${options.endpointName.toLowerCase()} vs ${options.referenceLabel}`;
  const y = { field: "difference", type: "quantitative", title: yTitle, axis: { format: "+.0%" } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `${yTitle} over time, with the ${options.intervalName ?? "95% Monte Carlo interval"} shaded`,
    config: figureConfig(),
    width,
    height,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { mark: { type: "rule", color: "#000000", strokeWidth: 0.75 }, encoding: { y: { datum: 0, type: "quantitative" } } },
      { transform: [{ filter: "datum.lower != null && datum.upper != null" }], mark: { type: "area", opacity: 0.15 }, encoding: { x, y: { field: "lower", type: "quantitative", title: yTitle }, y2: { field: "upper" }, fill: color } },
      { mark: { type: "line", strokeWidth: 1.25 }, encoding: { x, y, color, strokeDash: { field: "series", type: "nominal", title: null, scale: { domain: series, range: dashes }, legend: null } } },
      ...(options.tooltips === true
        ? [{
          mark: { type: "point" as const, filled: true, size: 40, opacity: 0 },
          encoding: {
            x,
            y,
            tooltip: [
              { field: "series", type: "nominal" as const, title: "Strategy" },
              { field: "months", type: "quantitative" as const, title: "Months", format: ".1f" },
              { field: "difference", type: "quantitative" as const, title: "Difference", format: "+.1%" },
              { field: "lower", type: "quantitative" as const, title: "lower", format: "+.1%" },
              { field: "upper", type: "quantitative" as const, title: "upper", format: "+.1%" },
            ],
          },
        }]
        : []),
    ],
    usermeta: { pnenSim: { figure: "survival-difference", widthMm: widthMm(options.width ?? "single"), fontSize: fontSizes.label } },
  };
}
