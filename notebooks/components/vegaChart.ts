import vegaEmbed from "vega-embed";
import type { View } from "vega";
import type { TopLevelSpec } from "vega-lite";
import type { FigureWidth } from "../engine/figures/journalSize.js";
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

/** Points per millimetre (the figure specs are laid out in points). */
const pointsPerMm = 72 / 25.4;
/** The smallest text a chart may show on screen, in CSS pixels (issue 13: phone layout). */
export const minimumScreenFontPx = 10.5;

/** The smallest font size set anywhere in a spec (config, marks, titles, axes, legends), in points; 7 when none is set. */
export function smallestFontSize(spec: unknown): number {
  let smallest = Number.POSITIVE_INFINITY;
  const walk = (node: unknown, key: string): void => {
    if (typeof node === "number") {
      if (/fontsize$/i.test(key) && node > 0) smallest = Math.min(smallest, node);
    } else if (Array.isArray(node)) node.forEach((item) => walk(item, ""));
    else if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) if (k !== "data" && k !== "datasets") walk(v, k);
  };
  walk(spec, "");
  return Number.isFinite(smallest) ? smallest : 7;
}

/** The physical width a spec was laid out for, in points (its `usermeta.pnenSim.widthMm`), or null. */
function specWidthPoints(spec: TopLevelSpec): number | null {
  // (returns points: millimetres × 72 / 25.4)
  const mm = (spec as { usermeta?: { pnenSim?: { widthMm?: unknown } } }).usermeta?.pnenSim?.widthMm;
  return typeof mm === "number" ? mm * pointsPerMm : null;
}

/** The width of the svg vega-embed drew in `target` (its width attribute), in px. */
function drawnWidth(target: HTMLElement): number {
  const width = Number(target.querySelector("svg")?.getAttribute("width"));
  return Number.isFinite(width) && width > 0 ? width : 0;
}

/** The width available to a chart on this screen, in CSS pixels (Framework's main column). */
export function availableWidth(): number {
  const main = document.querySelector("main");
  return Math.min(window.innerWidth - 24, main?.clientWidth ?? window.innerWidth);
}

/**
 * Renders a Vega-Lite spec from src/figures (the same spec the report renders in Node) with vega-embed, as
 * SVG, inside a `<figure class="pnen-chart">` with download buttons under it. No statistics here: the spec
 * carries its data.
 *
 * Specs are laid out in points for print (7–9 pt text at 183 mm), and on screen they scale to the column. On a
 * narrow screen (a phone) that scaling would shrink the text below what can be read, so (issue 13):
 * - pass a builder `(width) => spec` instead of a spec, and the figure is laid out again for a physical width
 *   at which its smallest text shows at ≥ 10.5 px in this column — the spec's own narrow layout (legend below,
 *   fewer ticks, wrapped titles) — while downloads stay at the journal width the page asked for;
 * - a plain spec that would scale its text below that is shown at a readable size in a horizontally
 *   scrolling box instead.
 */
export async function vegaChart(source: TopLevelSpec | ((width: FigureWidth | undefined) => TopLevelSpec), options: VegaChartOptions): Promise<VegaChart> {
  const figure = document.createElement("figure");
  figure.className = "pnen-chart";
  figure.dataset.name = options.name;
  figure.style.maxWidth = "none";
  const target = document.createElement("div");
  figure.append(target);
  performance.mark(`vegaChart ${options.name} start`);
  const printSpec = typeof source === "function" ? source(undefined) : source;
  const column = Math.min(availableWidth(), 960);
  const smallest = smallestFontSize(printSpec);
  // The svg is drawn at the column's width (CSS width 100%), so its text shows at fontSize × column / drawn width.
  const targetWidth = (column * smallest) / minimumScreenFontPx;
  let screenSpec = printSpec;
  let { view } = await vegaEmbed(target, printSpec as never, { renderer: "svg", actions: false });
  let drawn = drawnWidth(target);
  if (drawn > targetWidth * 1.01) {
    const printMm = specWidthPoints(printSpec);
    if (typeof source === "function" && printMm !== null) {
      // Lay the figure out again for a narrower physical width (its own narrow layout), until its drawn width fits.
      let mm = printMm / pointsPerMm;
      for (let attempt = 0; attempt < 3 && drawn > targetWidth * 1.01; attempt++) {
        mm = Math.max(30, Math.floor((mm * targetWidth) / drawn));
        screenSpec = source(mm);
        view.finalize();
        target.replaceChildren();
        ({ view } = await vegaEmbed(target, screenSpec as never, { renderer: "svg", actions: false }));
        drawn = drawnWidth(target);
      }
      figure.dataset.layout = "narrow";
      if (drawn > targetWidth * 1.15) {
        // The figure has a minimum width (fixed text blocks): its print layout, scrolling, reads better.
        screenSpec = printSpec;
        view.finalize();
        target.replaceChildren();
        ({ view } = await vegaEmbed(target, printSpec as never, { renderer: "svg", actions: false }));
        drawn = drawnWidth(target);
      }
    }
    if (drawn > targetWidth * 1.01) {
      // Still too wide (a plain spec, or a layout with a minimum width): readable size, scrolling sideways.
      figure.dataset.layout = "scroll";
      target.style.minWidth = `${Math.ceil((drawn * minimumScreenFontPx) / smallest)}px`;
      figure.style.overflowX = "auto";
    }
  }
  // Downloads at journal widths: the page's own specAt, else the builder, else the spec as given.
  const specAt = options.specAt ?? (typeof source === "function" ? (mm: number) => source(mm) : () => printSpec);
  if (options.downloads !== false) figure.append(downloadButtons({ name: options.name, specAt, csv: options.csv, provenance: options.provenance }));
  performance.mark(`vegaChart ${options.name} end`);
  return { element: figure, view };
}

