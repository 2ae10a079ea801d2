/**
 * Journal figure widths and the unit convention of every pnen-sim figure.
 *
 * Units: a spec's sizes and font sizes are in **points** (1 pt = 1/72 inch), the unit journals state their
 * font minima in (typically 5–7 pt at final size). Vega calls them "pixels"; the Node renderer writes the SVG
 * with its width and height in millimetres and the PNG at 300 dots per inch, so one spec unit is exactly one
 * point on paper: 89 mm = 252.3 units = 1051 PNG pixels at 300 dpi.
 *
 * In a browser (dashboards), one unit is one CSS pixel (1/96 inch), so the same spec shows a third larger on
 * screen than in print; nothing else changes.
 */
export const journalWidthsMm = {
  /** Single column (Nature, Cell, Lancet family and most others). */
  single: 89,
  /** 1.5 columns. */
  oneAndHalf: 120,
  /** Double column, full page width. */
  double: 183,
} as const;

export type JournalWidth = keyof typeof journalWidthsMm;

export const pointsPerInch = 72;
export const millimetresPerInch = 25.4;

/** A figure's physical width: a named journal width or millimetres. */
export type FigureWidth = JournalWidth | number;

/** Millimetres of a figure width. */
export function widthMm(width: FigureWidth): number {
  return typeof width === "number" ? width : journalWidthsMm[width];
}

/** Points (spec units) in a length in millimetres. */
export function pointsFromMm(millimetres: number): number {
  return (millimetres / millimetresPerInch) * pointsPerInch;
}

/** Pixels across a length in millimetres at a resolution in dots per inch (rounded to whole pixels). */
export function pixelsFromMm(millimetres: number, dotsPerInch: number): number {
  return Math.round((millimetres / millimetresPerInch) * dotsPerInch);
}

/** Pixels per metre at a resolution in dots per inch, as a PNG pHYs chunk stores it (300 dpi → 11811). */
export function pixelsPerMetre(dotsPerInch: number): number {
  return Math.round((dotsPerInch / millimetresPerInch) * 1000);
}
