/**
 * One strategy → one line style (colour, dash pattern, marker) everywhere: dashboards, report figures and CLI
 * figures take a strategy's style from its id, never from its position in a list, so unticking a strategy never
 * recolours the others.
 *
 * Colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"; Wong 2011, Nature Methods 8:441,
 * doi:10.1038/nmeth.1618), which stays distinct for the common forms of colour-vision deficiency, without its
 * yellow, orange and sky blue (pale on white), and with Paul Tol's wine (#882255, Tol 2021, "Colour Schemes", SRON/EPS/TN/09-002)
 * and a mid grey instead, so that every colour has at least the 3:1 contrast against white that WCAG 2.1 (success
 * criterion 1.4.11) asks of graphical objects — nothing pale on white — and every two colours stay ≥ 10 CIE76 ΔE
 * apart under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009; the test checks it; a darkened
 * orange failed it against vermillion). Seven colours × three dash patterns give 21 distinct line styles; each slot also has a marker shape, so
 * two strategies sharing a colour differ in dash and marker, and the figures survive greyscale print.
 *
 * The eleven strategies shipped in data/strategies/ have fixed slots (the review's own strategy is black and solid,
 * the usual reference); any other id takes the first free slot in the order the ids are given, so pass the same
 * full list of strategies (a project's, a scenario's) on every call to keep an unknown strategy's style stable.
 */

/** Line colours, each ≥ 3:1 contrast on white. */
export const strategyColours = {
  black: "#000000",
  blue: "#0072B2",
  vermillion: "#D55E00",
  bluishGreen: "#009E73",
  reddishPurple: "#CC79A7",
  wine: "#882255",
  grey: "#767676",
} as const;

/** Dash patterns (Vega `strokeDash`, points): solid, dashed, dotted. */
export const strategyDashes: readonly (readonly number[])[] = [[], [6, 3], [1.5, 2]];

/** Marker shapes (Vega point shapes), one per slot, cycling every eight so that slots k and k + 7 differ. */
export const strategyMarkers = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-right", "triangle-left"] as const;
export type StrategyMarker = (typeof strategyMarkers)[number];

/** The line style of one series. */
export interface SeriesStyle {
  readonly colour: string;
  readonly dash: readonly number[];
  readonly marker: StrategyMarker;
}

const colourList: readonly string[] = Object.values(strategyColours);

/** Number of distinct styles before they repeat. */
export const strategyStyleSlots = colourList.length * strategyDashes.length;

/** The style of slot k: colour k mod 7, dash ⌊k / 7⌋ mod 3, marker k mod 8. */
export function styleSlot(slot: number): SeriesStyle {
  const k = ((slot % strategyStyleSlots) + strategyStyleSlots) % strategyStyleSlots;
  return { colour: colourList[k % colourList.length]!, dash: strategyDashes[Math.floor(k / colourList.length)]!, marker: strategyMarkers[k % strategyMarkers.length]! };
}

/** Fixed slots of the strategies shipped in data/strategies/. */
export const shippedStrategySlots: Readonly<Record<string, number>> = {
  review: 0,
  "conversion-first": 1,
  "upfront-surgery": 2,
  "prrt-first": 3,
  "captem-first": 4,
  "everolimus-first": 5,
  "sunitinib-first": 6,
  "no-liver-directed": 7,
  "sirt-transarterial": 8,
  "surufatinib-first": 9,
  "prrt-before-targeted": 10,
};

/**
 * The style of every id in `ids`: shipped strategies their fixed slot, others the free slots in the order given
 * (after all 21 slots are used, styles repeat). O(ids).
 */
export function strategyStyles(ids: readonly string[]): Map<string, SeriesStyle> {
  const styles = new Map<string, SeriesStyle>();
  const used = new Set<number>();
  for (const id of ids) {
    const slot = shippedStrategySlots[id];
    if (slot !== undefined) {
      styles.set(id, styleSlot(slot));
      used.add(slot);
    }
  }
  let next = 0;
  for (const id of ids) {
    if (styles.has(id)) continue;
    while (used.has(next) && used.size < strategyStyleSlots) next++;
    styles.set(id, styleSlot(next));
    used.add(next % strategyStyleSlots);
    next++;
  }
  return styles;
}

/** The style of one strategy; `among` is the full list of strategies it is drawn with (for ids not shipped). */
export function strategyStyle(id: string, among: readonly string[] = [id]): SeriesStyle {
  return strategyStyles(among.includes(id) ? among : [...among, id]).get(id)!;
}
