import type { TopLevelSpec } from "vega-lite";
import { estimateTextWidth } from "./estimateTextWidth.js";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { pointsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { okabeIto, seriesColours } from "./palette.js";

/** Patients of one strategy (or cohort) who follow one pathway, or fall in one category. */
export interface CompositionRow {
  /** The bar: a strategy, or "Cohort". */
  readonly bar: string;
  /** The segment: a pathway ("Resection of primary and liver"), a grade, a treatment line … */
  readonly category: string;
  readonly count: number;
}

export interface CompositionOptions {
  /** What the categories are, for the legend: "Pathway", "First-line treatment". */
  readonly categoryTitle: string;
  /** x-axis title; default "Share of patients". */
  readonly axisTitle?: string;
  readonly width?: FigureWidth;
  readonly title?: string;
  /** Order of categories (legend and stacking); default: by total count, largest first. */
  readonly categoryOrder?: readonly string[];
  /** Order of bars; default as first seen. */
  readonly barOrder?: readonly string[];
}

/**
 * Cohort and pathway composition: one horizontal 100% stacked bar per strategy (or per line of treatment),
 * segments coloured by category (Okabe–Ito without yellow, in order of size; "Other …" categories last and
 * grey, as are categories beyond the seventh), share labels on segments of 8% or more,
 * legend below. Counts are kept in the data so the tooltip and the restyled spec can show them.
 * O(rows log rows).
 */
export function compositionSpec(rows: readonly CompositionRow[], options: CompositionOptions): TopLevelSpec {
  if (rows.length === 0) throw new Error("compositionSpec requires at least one row");
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.bar, (totals.get(r.bar) ?? 0) + r.count);
  const categoryTotals = new Map<string, number>();
  for (const r of rows) categoryTotals.set(r.category, (categoryTotals.get(r.category) ?? 0) + r.count);
  // Largest first; pooled categories ("Other …") last, in grey.
  const isOther = (c: string) => /^Other\b/.test(c);
  const categories =
    options.categoryOrder ??
    [...categoryTotals.keys()].sort((a, b) => Number(isOther(a)) - Number(isOther(b)) || (categoryTotals.get(b) ?? 0) - (categoryTotals.get(a) ?? 0) || a.localeCompare(b));
  const bars = options.barOrder ?? [...totals.keys()];
  const values = rows.map((r) => {
    const total = totals.get(r.bar) ?? 0;
    return { bar: r.bar, category: r.category, count: r.count, share: total > 0 ? r.count / total : 0, rank: categories.indexOf(r.category) };
  });

  const totalWidth = pointsFromMm(widthMm(options.width ?? "single"));
  const labelLimit = Math.round(totalWidth * 0.35);
  const labelWidth = Math.min(labelLimit, Math.max(...bars.map((b) => estimateTextWidth(b, fontSizes.label)))) + 5;
  const width = Math.floor(totalWidth - 8 - labelWidth - 6);
  const solid = seriesColours.filter((c) => c !== okabeIto.yellow); // white labels need a dark segment
  let next = 0;
  const colours = categories.map((c) => (isOther(c) || next >= solid.length ? "#999999" : solid[next++]));
  const widestCategory = Math.max(...categories.map((c) => estimateTextWidth(c, fontSizes.label)));
  const legendColumns = Math.max(1, Math.min(categories.length, Math.floor((totalWidth - 8) / (widestCategory + 24))));
  const legendLabelLimit = Math.floor((totalWidth - 8) / legendColumns - 24);
  const step = fontSizes.label + 11;

  const y = { field: "bar", type: "nominal" as const, sort: [...bars], title: null, axis: { labelLimit, ticks: false, domain: false } };
  const x = { field: "share", type: "quantitative" as const, stack: "zero" as const, title: options.axisTitle ?? "Share of patients", scale: { domain: [0, 1] }, axis: { format: ".0%", values: [0, 0.25, 0.5, 0.75, 1] } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `Composition by ${options.categoryTitle.toLowerCase()}: share of patients in each category`,
    ...(options.title === undefined ? {} : { title: options.title }),
    config: figureConfig(),
    width,
    height: step * bars.length,
    data: { values },
    layer: [
      {
        mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.5 },
        encoding: {
          y,
          x,
          order: { field: "rank", type: "quantitative" },
          color: {
            field: "category",
            type: "nominal",
            title: options.categoryTitle,
            sort: [...categories],
            scale: { domain: [...categories], range: colours },
            legend: {
              orient: "none",
              legendX: -labelWidth,
              legendY: step * bars.length + 2 * fontSizes.title + 14,
              direction: legendColumns === 1 ? "vertical" : "horizontal",
              columns: legendColumns,
              symbolType: "square",
              symbolSize: 30,
              labelLimit: legendLabelLimit,
            },
          },
          tooltip: [
            { field: "bar", type: "nominal", title: "Strategy" },
            { field: "category", type: "nominal", title: options.categoryTitle },
            { field: "count", type: "quantitative", title: "Patients" },
            { field: "share", type: "quantitative", title: "Share", format: ".1%" },
          ],
        },
      },
      {
        // Stack every segment first, then keep the labels of the large ones: filtering before stacking would
        // shift each label left by the width of the small segments before it (labels on the wrong segment).
        transform: [
          { stack: "share", groupby: ["bar"], sort: [{ field: "rank", order: "ascending" }], as: ["shareStart", "shareEnd"], offset: "zero" },
          { calculate: "(datum.shareStart + datum.shareEnd) / 2", as: "shareMiddle" },
          { filter: "datum.share >= 0.08" },
        ],
        mark: { type: "text", color: "#ffffff", fontSize: fontSizes.label - 1, fontWeight: "bold" },
        encoding: {
          y,
          x: { field: "shareMiddle", type: "quantitative", stack: null, title: x.title, scale: x.scale, axis: x.axis },
          detail: { field: "category", type: "nominal" },
          text: { field: "share", type: "quantitative", format: ".0%" },
        },
      },
    ],
    usermeta: { pnenSim: { figure: "composition", widthMm: widthMm(options.width ?? "single") } },
  };
}
