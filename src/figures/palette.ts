/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"; Wong 2011, Nature Methods 8:441,
 * doi:10.1038/nmeth.1618): eight colours that stay distinct for the common forms of colour-vision
 * deficiency and in greyscale print when paired with line dashes.
 *
 * Ordered for lines on white: the darker, most distinct colours first; yellow (low contrast on white) last.
 */
export const okabeIto = {
  blue: "#0072B2",
  vermillion: "#D55E00",
  bluishGreen: "#009E73",
  reddishPurple: "#CC79A7",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  black: "#000000",
  yellow: "#F0E442",
} as const;

/** The palette in the order series are coloured: first strategy blue, second vermillion, … */
export const seriesColours: readonly string[] = Object.values(okabeIto);

/** Dash patterns paired with {@link seriesColours} so that curves stay distinct in greyscale print. */
export const seriesDashes: readonly (readonly number[])[] = [[], [5, 2], [1.5, 1.5], [6, 2, 1.5, 2], [3, 3], [8, 3], [1, 3], [10, 2, 2, 2]];

/** The colour of the i-th series (cycles after eight). */
export function seriesColour(index: number): string {
  return seriesColours[index % seriesColours.length];
}

/** The dash pattern of the i-th series (cycles after eight). */
export function seriesDash(index: number): number[] {
  return [...seriesDashes[index % seriesDashes.length]];
}
