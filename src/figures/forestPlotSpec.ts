import type { TopLevelSpec } from "vega-lite";
import { estimateTextWidth } from "./estimateTextWidth.js";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { formatEstimateInterval } from "./formatStatistics.js";
import { pointsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { okabeIto } from "./palette.js";

/** One estimate of a forest plot: a strategy against the reference, or one subgroup. */
export interface ForestRow {
  /** Section heading the row belongs to: "Strategy vs reference", "WHO grade", "Functional status", "ENETS type". */
  readonly group: string;
  /** Row label: "Systemic therapy first vs surgery first", "G2", … */
  readonly label: string;
  /** Hazard ratio with its 95% limits; null where not estimable (no events in a subgroup). */
  readonly hazardRatio: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Patients and events behind the estimate, printed when given. */
  readonly n?: number;
  readonly events?: number;
  /** Printed instead of "not estimable" when the hazard ratio is null (e.g. "no difference: same outcome model"). */
  readonly note?: string;
}

export interface ForestPlotOptions {
  /** Default "double" (183 mm): labels, axis and estimates side by side need the room. */
  readonly width?: FigureWidth;
  readonly title?: string;
  /** What a hazard ratio below 1 favours, e.g. "strategy"; above 1, e.g. "reference". */
  readonly favoursBelow?: string;
  readonly favoursAbove?: string;
  /** Endpoint in words for the axis, e.g. "progression-free survival". */
  readonly endpointName?: string;
  /** Heading of the estimates' column and what the interval is, default "HR (95% CI)" (a simulation's: "HR (95% Monte Carlo)"). */
  readonly intervalTitle?: string;
}

const tickCandidates = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 4, 5, 10, 20] as const;

/**
 * A forest plot of hazard ratios on a log axis, as three panels sharing one row scale:
 *
 *   Subgroup                │        ●──┼──               │ HR (95% CI)
 *   Strategy vs reference   │           │                 │
 *     Systemic first        │   ──■──   │                 │ 0.72 (0.65–0.80)
 *   WHO grade               │           │                 │
 *     G1                    │      ──■──┼──               │ 0.95 (0.70–1.30)
 *                           0.25  0.5   1    2   (log scale)
 *
 * Rows keep the order given; a heading row starts each group. Not-estimable rows print "not estimable".
 * Runs in O(rows).
 */
export function forestPlotSpec(rows: readonly ForestRow[], options: ForestPlotOptions = {}): TopLevelSpec {
  if (rows.length === 0) throw new Error("forestPlotSpec requires at least one row");
  const groups = [...new Set(rows.map((r) => r.group))];
  const counts = (r: ForestRow) => (r.n === undefined ? "" : r.events === undefined ? ` (n = ${r.n})` : ` (${r.events}/${r.n})`);

  // Layout in points. The label column is as wide as its widest line (between 30% and 50% of the figure);
  // a heading or label wider than that wraps onto further rows instead of being cut off with "…".
  const totalWidth = pointsFromMm(widthMm(options.width ?? "double"));
  const spacing = 4;
  const usable = totalWidth - 8 - 2 * spacing;
  const estimateWidth = Math.round(Math.min(usable * 0.2, 90));
  const indent = 6;
  const widest = Math.max(...groups.map((g) => estimateTextWidth(g, fontSizes.label, true)), ...rows.map((r) => estimateTextWidth(`${r.label}${counts(r)}`, fontSizes.label) + indent));
  const labelWidth = Math.round(Math.min(usable * 0.5, Math.max(usable * 0.3, widest + 4)));
  const plotWidth = Math.round(usable - labelWidth - estimateWidth);

  const display: { row: number; text: string; heading: boolean; hazardRatio: number | null; lower: number | null; upper: number | null; estimate: string }[] = [];
  const blank = { hazardRatio: null, lower: null, upper: null, estimate: "" };
  for (const group of groups) {
    for (const line of wrapText(group, labelWidth - 2, true)) display.push({ row: display.length, text: line, heading: true, ...blank });
    for (const r of rows.filter((x) => x.group === group)) {
      const [first, ...rest] = wrapText(`${r.label}${counts(r)}`, labelWidth - indent - 2, false);
      display.push({
        row: display.length,
        text: first,
        heading: false,
        hazardRatio: r.hazardRatio,
        lower: r.lower,
        upper: r.upper,
        estimate: r.hazardRatio === null ? r.note ?? "not estimable" : formatEstimateInterval(r.hazardRatio, r.lower, r.upper),
      });
      for (const line of rest) display.push({ row: display.length, text: `  ${line}`, heading: false, ...blank });
    }
  }
  const finite = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;
  const values = rows.flatMap((r) => [r.hazardRatio, r.lower, r.upper]).filter(finite);
  const low = Math.min(1, ...values);
  const high = Math.max(1, ...values);
  const domainLow = [...tickCandidates].reverse().find((t) => t <= low) ?? tickCandidates[0];
  const domainHigh = tickCandidates.find((t) => t >= high) ?? tickCandidates[tickCandidates.length - 1];
  const ticks = tickCandidates.filter((t) => t >= domainLow && t <= domainHigh && (t !== 0.2 || domainLow < 0.2) && (t !== 5 || domainHigh > 5));
  const clamp = (v: number | null) => (finite(v) ? Math.min(domainHigh, Math.max(domainLow, v)) : null);
  const plotted = display.filter((d) => finite(d.hazardRatio)).map((d) => ({ ...d, lowerShown: clamp(d.lower), upperShown: clamp(d.upper) }));

  const rowHeight = fontSizes.label + 5;
  const height = rowHeight * display.length;
  const y = { field: "row", type: "ordinal", axis: null, scale: { paddingInner: 0, paddingOuter: 0.3 } } as const;
  const columnTitle = (text: string, align: "left" | "right" | "center") =>
    ({ text, fontSize: fontSizes.label, fontWeight: "bold", anchor: align === "left" ? "start" : align === "right" ? "end" : "middle", offset: 3 }) as const;
  const below = options.favoursBelow ?? "strategy";
  const above = options.favoursAbove ?? "reference";
  const logScale = { type: "log" as const, domain: [domainLow, domainHigh] as number[], nice: false };
  const x = {
    field: "hazardRatio",
    type: "quantitative" as const,
    scale: logScale,
    axis: { values: ticks as number[], format: "~g", titleFontSize: fontSizes.label, labelOverlap: false, title: [`Hazard ratio${options.endpointName ? ` for ${options.endpointName}` : ""} (log scale)`, `← favours ${below}  |  favours ${above} →`] },
  };

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: "Forest plot of hazard ratios with 95% confidence intervals, log scale",
    ...(options.title === undefined ? {} : { title: options.title }),
    config: figureConfig(),
    spacing,
    hconcat: [
      {
        width: labelWidth,
        height,
        title: columnTitle("Comparison or subgroup", "left"),
        data: { values: display },
        layer: [
          {
            transform: [{ filter: "datum.heading" }],
            mark: { type: "text", align: "left", baseline: "middle", x: 0, limit: labelWidth, fontWeight: "bold" },
            encoding: { y, text: { field: "text", type: "nominal" } },
          },
          {
            transform: [{ filter: "!datum.heading" }],
            mark: { type: "text", align: "left", baseline: "middle", x: indent, limit: labelWidth - indent },
            encoding: { y, text: { field: "text", type: "nominal" } },
          },
        ],
      },
      {
        width: plotWidth,
        height,
        layer: [
          { data: { values: [{ one: 1 }] }, mark: { type: "rule", color: "#777777", strokeWidth: 0.6 }, encoding: { x: { ...x, field: "one" } } },
          {
            data: { values: plotted },
            mark: { type: "rule", strokeWidth: 0.9, color: okabeIto.black },
            encoding: { y, x: { ...x, field: "lowerShown" }, x2: { field: "upperShown" } },
          },
          {
            data: { values: plotted },
            mark: { type: "square", size: 22, filled: true, opacity: 1, color: okabeIto.blue },
            encoding: { y, x },
          },
        ],
      },
      {
        width: estimateWidth,
        height,
        title: columnTitle(options.intervalTitle ?? "HR (95% CI)", "right"),
        data: { values: display },
        mark: { type: "text", align: "right", baseline: "middle", x: estimateWidth },
        encoding: { y, text: { field: "estimate", type: "nominal" } },
      },
    ],
    resolve: { scale: { y: "shared" } },
    usermeta: { pnenSim: { figure: "forest", widthMm: widthMm(options.width ?? "double") } },
  };
}

/**
 * Splits text into lines no wider than `room` points (DejaVu Sans at the label size), breaking at spaces;
 * a single word wider than the room keeps its own line (vega then shortens it). O(length²) at worst.
 */
function wrapText(text: string, room: number, bold: boolean): string[] {
  const words = text.split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && estimateTextWidth(candidate, fontSizes.label, bold) > room) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines;
}
