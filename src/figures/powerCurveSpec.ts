import type { TopLevelSpec } from "vega-lite";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { pointsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { seriesColour, seriesDash } from "./palette.js";

/** One point of a power curve (structurally the trials planner's `PowerCurvePoint`). */
export interface PowerCurveRow {
  readonly n: number;
  /** Series label, e.g. "HR 0.55". */
  readonly effect: string;
  /** Simulated power and its Monte Carlo interval. */
  readonly power: number;
  readonly lower: number;
  readonly upper: number;
  /** Schoenfeld's power for the same n and effect (drawn thin, without markers). */
  readonly schoenfeldPower?: number;
}

export interface PowerCurveOptions {
  /** A horizontal reference line at this power (e.g. 0.8); omit for none. */
  readonly targetPower?: number;
  readonly title?: string;
  /** Physical width (default single column, 89 mm). */
  readonly width?: FigureWidth;
  readonly height?: number;
}

/**
 * A power curve as a self-contained Vega-Lite spec (data inline): simulated power against the number of
 * patients, one series per effect size, with its 95% Monte Carlo band, Schoenfeld's power as a thin line of
 * the same colour, and an optional reference line at the target power.
 *
 *   ┌──────────────────────────────────────┐  legend (series, bottom right inside)
 *   │ ─ ─ target power                      │  shaded band = 95% Wilson interval
 *   │    ●──●──●  simulated, per effect      │  thin line = Schoenfeld
 *   └──────── Patients randomised (n) ─────┘
 *
 * Okabe–Ito colours with a dash pattern per series (greyscale-safe); sizes in points (journalSize.ts).
 * Pure: the dashboards render the same spec with vega-embed. Runs in O(points).
 */
export function powerCurveSpec(points: readonly PowerCurveRow[], options: PowerCurveOptions = {}): TopLevelSpec {
  if (points.length === 0) throw new Error("powerCurveSpec requires at least one point");
  const effects = [...new Set(points.map((p) => p.effect))];
  const millimetres = widthMm(options.width ?? "single");
  const totalWidth = pointsFromMm(millimetres);
  const plotWidth = Math.round(totalWidth - 48);
  const plotHeight = options.height ?? Math.round(plotWidth * 0.7);
  const values = points.map((p) => ({ n: p.n, effect: p.effect, power: p.power, lower: p.lower, upper: p.upper, schoenfeldPower: p.schoenfeldPower ?? null }));
  const colour = { field: "effect", type: "nominal", title: "Effect", scale: { domain: effects, range: effects.map((_, i) => seriesColour(i)) }, legend: { orient: "bottom-right", fillColor: "white", symbolType: "stroke", symbolSize: 120, symbolOpacity: 1 } } as const;
  // Same field and title as the colour: Vega-Lite merges the two into one legend of coloured dashed strokes.
  const dash = { field: "effect", type: "nominal", title: "Effect", scale: { domain: effects, range: effects.map((_, i) => seriesDash(i)) } } as const;
  const x = { field: "n", type: "quantitative", title: "Patients randomised (n)", scale: { zero: false, nice: true } } as const;
  const y = { type: "quantitative", title: "Power", scale: { domain: [0, 1] }, axis: { format: ".0%", values: [0, 0.2, 0.4, 0.6, 0.8, 1], labelOverlap: false } } as const;
  const layers: unknown[] = [
    { mark: { type: "area", opacity: 0.15 }, encoding: { x, y: { ...y, field: "lower" }, y2: { field: "upper" }, color: colour } },
    { mark: { type: "line", strokeWidth: 0.6, opacity: 0.8 }, transform: [{ filter: "datum.schoenfeldPower != null" }], encoding: { x, y: { ...y, field: "schoenfeldPower" }, color: colour } },
    { mark: { type: "line", strokeWidth: 1.25, point: { filled: true, size: 12 } }, encoding: { x, y: { ...y, field: "power" }, color: colour, strokeDash: dash, tooltip: [{ field: "effect" }, { field: "n" }, { field: "power", format: ".3f" }, { field: "lower", format: ".3f" }, { field: "upper", format: ".3f" }, { field: "schoenfeldPower", format: ".3f", title: "Schoenfeld" }] } },
  ];
  if (options.targetPower !== undefined) {
    layers.unshift({ data: { values: [{ target: options.targetPower }] }, mark: { type: "rule", strokeDash: [2, 2], strokeWidth: 0.75, color: "#666666" }, encoding: { y: { ...y, field: "target" } } });
  }
  // The key to the marks, in the figure itself: a figure copied into a proposal loses its caption.
  const hasSchoenfeld = values.some((v) => v.schoenfeldPower !== null);
  const key = [
    "Points: simulated power (band: 95% Monte Carlo interval)",
    [hasSchoenfeld ? "Thin lines: Schoenfeld's formula" : "", options.targetPower !== undefined ? `grey dashed line: target power ${Math.round(options.targetPower * 1000) / 10}%` : ""].filter(Boolean).join(" · "),
  ].filter(Boolean);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: options.title ?? "Power by number of patients", subtitle: key, subtitleFontSize: fontSizes.label, subtitleColor: "#000000", subtitlePadding: 2 },
    width: plotWidth,
    height: plotHeight,
    config: figureConfig(),
    usermeta: { pnenSim: { figure: "powerCurve", widthMm: millimetres } },
    data: { values },
    layer: layers,
  } as TopLevelSpec;
}
