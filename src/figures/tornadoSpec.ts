import type { TopLevelSpec } from "vega-lite";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { estimateTextWidth } from "./estimateTextWidth.js";
import { pointsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { okabeIto } from "./palette.js";

/**
 * One input of a tornado plot: the outcome (e.g. median OS, months) when the input sits at the low end
 * and at the high end of its range, against the baseline outcome.
 */
export interface TornadoRow {
  /** The input in words: "Sunitinib median OS (months)", "Share with functional tumours". */
  readonly parameter: string;
  readonly lowValue: number;
  readonly highValue: number;
  readonly baseline: number;
  /** Optional range of the input itself, printed after the name: "40–55". */
  readonly inputRange?: string;
}

export interface TornadoOptions {
  /** The outcome in words, with its unit: "Median overall survival (months)". */
  readonly outcome: string;
  readonly width?: FigureWidth;
  readonly title?: string;
  /** Show at most this many inputs, the widest swings (default 12). */
  readonly maxRows?: number;
  /** Legend words for the two ends; default "Low end of input range" and "High end of input range". */
  readonly lowLabel?: string;
  readonly highLabel?: string;
  /**
   * Where a bar would end by chance alone (e.g. `tornadoNoiseBand`): drawn as a grey band around the baseline, so
   * bars inside it are read as noise, not effects.
   */
  readonly noiseBand?: { readonly lower: number; readonly upper: number; readonly label: string };
}

/**
 * A tornado plot: one horizontal bar pair per input, from the baseline outcome to the outcome at the low
 * (sky blue) and at the high (vermillion) end of the input's range, widest swing on top, a rule at the
 * baseline. Answers "which uncertain input moves the result most". O(rows log rows).
 */
export function tornadoSpec(rows: readonly TornadoRow[], options: TornadoOptions): TopLevelSpec {
  if (rows.length === 0) throw new Error("tornadoSpec requires at least one row");
  const sorted = [...rows]
    .map((r) => ({ ...r, swing: Math.abs(r.highValue - r.lowValue), label: r.inputRange === undefined ? r.parameter : `${r.parameter} (${r.inputRange})` }))
    .sort((a, b) => b.swing - a.swing || a.label.localeCompare(b.label))
    .slice(0, options.maxRows ?? 12);
  const order = sorted.map((r) => r.label);
  const lowLabel = options.lowLabel ?? "Low end of input range";
  const highLabel = options.highLabel ?? "High end of input range";
  const bars = sorted.flatMap((r) => [
    { label: r.label, end: lowLabel, start: r.baseline, value: r.lowValue },
    { label: r.label, end: highLabel, start: r.baseline, value: r.highValue },
  ]);
  const baseline = sorted.reduce((sum, r) => sum + r.baseline, 0) / sorted.length;

  const totalWidth = pointsFromMm(widthMm(options.width ?? "single"));
  const labelLimit = Math.round(totalWidth * 0.5);
  const labelWidth = Math.min(labelLimit, Math.max(...order.map((l) => estimateTextWidth(l, fontSizes.label)))) + 5;
  const width = Math.floor(totalWidth - 8 - labelWidth - 8);
  const rowHeight = fontSizes.label + 7;
  const y = { field: "label", type: "nominal" as const, sort: order, title: null, axis: { labelLimit, ticks: false, domain: false } };
  const x = { field: "value", type: "quantitative" as const, title: options.outcome, scale: { zero: false, nice: true } };

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `Tornado plot: change in ${options.outcome} across each input's range`,
    ...(options.title === undefined ? {} : { title: options.title }),
    config: figureConfig(),
    width,
    height: rowHeight * sorted.length,
    layer: [
      ...(options.noiseBand === undefined
        ? []
        : [{
          data: { values: [{ lower: options.noiseBand.lower, upper: options.noiseBand.upper, label: options.noiseBand.label }] },
          mark: { type: "rect" as const, color: "#bbbbbb", opacity: 0.45 },
          encoding: { x: { ...x, field: "lower" }, x2: { field: "upper" }, tooltip: { field: "label", type: "nominal" as const } },
        }]),
      {
        data: { values: bars },
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y,
          x,
          x2: { field: "start" },
          color: {
            field: "end",
            type: "nominal",
            title: null,
            scale: { domain: [lowLabel, highLabel], range: [okabeIto.skyBlue, okabeIto.vermillion] },
            legend: { orient: "none", legendX: -labelWidth, legendY: -(fontSizes.label + 10), direction: "horizontal", symbolType: "square" },
          },
        },
      },
      {
        data: { values: [{ baseline }] },
        mark: { type: "rule", color: okabeIto.black, strokeWidth: 0.75 },
        encoding: { x: { field: "baseline", type: "quantitative" } },
      },
    ],
    usermeta: { pnenSim: { figure: "tornado", widthMm: widthMm(options.width ?? "single"), baseline } },
  };
}
