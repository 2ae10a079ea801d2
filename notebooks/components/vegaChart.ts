import vegaEmbed from "vega-embed";
import type { View } from "vega";
import type { TopLevelSpec } from "vega-lite";
import type { ChartProvenance } from "./chartProvenance.js";
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
  /** Show the download buttons (default true). */
  readonly downloads?: boolean;
  /** The spec re-laid out at a journal width in millimetres, for the downloads; default: the displayed spec. */
  readonly specAt?: (widthMm: number) => TopLevelSpec;
  /** Version, scenario hash, seed and n written into every download (chartProvenance). */
  readonly provenance?: ChartProvenance;
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
  if (options.downloads !== false) figure.append(downloadButtons({ name: options.name, specAt: options.specAt ?? (() => spec), csv: options.csv, provenance: options.provenance }));
  return { element: figure, view };
}
