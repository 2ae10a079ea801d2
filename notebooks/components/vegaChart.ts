import vegaEmbed from "vega-embed";
import type { View } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { downloadButtons } from "./downloadButtons.js";

/** A rendered Vega-Lite figure: the element to display and the live Vega view behind it. */
export interface VegaChart {
  readonly element: HTMLElement;
  readonly view: View;
}

export interface VegaChartOptions {
  /** File name stem of the downloads ("km-pfs"). */
  readonly name: string;
  /** Rows for the CSV download; no CSV button when left out. */
  readonly csv?: readonly Readonly<Record<string, unknown>>[];
  /** Show the SVG / PNG / CSV / Vega-Lite download buttons (default true). */
  readonly downloads?: boolean;
}

/**
 * Renders a Vega-Lite spec from src/figures (the same spec the report renders in Node) with vega-embed, as
 * SVG, inside a `<figure class="pnen-chart">` with download buttons under it. No statistics here: the spec
 * carries its data.
 */
export async function vegaChart(spec: TopLevelSpec, options: VegaChartOptions): Promise<VegaChart> {
  const figure = document.createElement("figure");
  figure.className = "pnen-chart";
  figure.dataset.name = options.name;
  figure.style.maxWidth = "none";
  const target = document.createElement("div");
  figure.append(target);
  const { view } = await vegaEmbed(target, spec as never, { renderer: "svg", actions: false });
  if (options.downloads !== false) figure.append(downloadButtons({ name: options.name, view, spec, csv: options.csv }));
  return { element: figure, view };
}
