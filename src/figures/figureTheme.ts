import type { Config } from "vega-lite";

/**
 * The font every figure asks for. DejaVu Sans ships with Debian and Ubuntu (package fonts-dejavu-core) and
 * the Node renderer loads its files explicitly, so a PNG looks the same on every machine; SVG viewers
 * without it fall back to Helvetica or Arial, whose widths are close.
 */
export const figureFont = "DejaVu Sans, Helvetica, Arial, sans-serif";

/** Font sizes in points at final print size (journals ask for 5–7 pt minimum). */
export const fontSizes = {
  label: 7,
  title: 8,
  heading: 9,
} as const;

/**
 * The shared Vega-Lite config: print-legible fonts, thin dark axes, no chart border, white background.
 * Sizes in points (see `journalSize.ts`).
 */
export function figureConfig(): Config {
  return {
    font: figureFont,
    background: "white",
    padding: 4,
    view: { stroke: null },
    axis: {
      labelFont: figureFont,
      titleFont: figureFont,
      labelFontSize: fontSizes.label,
      titleFontSize: fontSizes.title,
      titleFontWeight: "normal",
      labelColor: "#000000",
      titleColor: "#000000",
      domainColor: "#000000",
      tickColor: "#000000",
      domainWidth: 0.75,
      tickWidth: 0.75,
      tickSize: 3,
      labelPadding: 2,
      titlePadding: 4,
      grid: false,
    },
    legend: {
      labelFont: figureFont,
      titleFont: figureFont,
      labelFontSize: fontSizes.label,
      titleFontSize: fontSizes.label,
      titleFontWeight: "bold",
      symbolSize: 60,
      symbolStrokeWidth: 1.5,
      rowPadding: 2,
      columnPadding: 8,
      padding: 0,
      labelLimit: 200,
    },
    header: {
      labelFont: figureFont,
      titleFont: figureFont,
      labelFontSize: fontSizes.title,
      titleFontSize: fontSizes.title,
    },
    title: {
      font: figureFont,
      fontSize: fontSizes.heading,
      fontWeight: "bold",
      anchor: "start",
      offset: 6,
    },
    text: { font: figureFont, fontSize: fontSizes.label },
    concat: { spacing: 6 },
  };
}
