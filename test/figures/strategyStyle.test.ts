import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { strategyColours, strategyStyle, strategyStyles, strategyStyleSlots } from "../../src/figures/strategyStyle.js";

const strategyDir = new URL("../../data/strategies/", import.meta.url);
const shipped = readdirSync(strategyDir)
  .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
  .map((f) => (JSON.parse(readFileSync(new URL(f, strategyDir), "utf8")) as { id: string }).id);

/** sRGB channel (0–255) to linear light (IEC 61966-2-1, as WCAG 2.1 defines relative luminance). */
const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map(linear);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
/** WCAG 2.1 contrast ratio against white: (1.05) / (L + 0.05). */
const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, applied to linear RGB. */
const machado = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
} as const;
/** CIELAB (D65) of a linear-RGB colour, for the CIE76 colour difference. */
function lab([r, g, b]: number[]): number[] {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const [R, G, B] = [r!, g!, b!].map(clamp) as [number, number, number];
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  const y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
function seenAs(hex: string, matrix: readonly (readonly number[])[] | null): number[] {
  const v = rgb(hex).map(linear);
  return lab(matrix === null ? v : matrix.map((row) => row[0]! * v[0]! + row[1]! * v[1]! + row[2]! * v[2]!));
}
const distance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe("strategyStyles(ids)", () => {
  it("strategyStyles(shipped strategies) gives each of the 11 a different colour-and-dash pair and a different full style", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(11);
    const styles = strategyStyles(shipped);
    const pairs = shipped.map((id) => `${styles.get(id)!.colour}|${styles.get(id)!.dash.join(",")}`);
    expect(new Set(pairs).size).toBe(shipped.length);
    expect(strategyStyleSlots).toBeGreaterThanOrEqual(21);
  });

  it("strategyStyles(subset) gives a strategy the same style whatever else is selected, in any order (issue 13: unticking Review recoloured CAPTEM)", () => {
    const all = strategyStyles(shipped);
    let state = 12345;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial++) {
      const subset = shipped.filter(() => next() < 0.5).sort(() => next() - 0.5);
      const styles = strategyStyles(subset);
      for (const id of subset) expect(styles.get(id), `${id} among ${subset.join(",")}`).toEqual(all.get(id));
    }
    expect(strategyStyle("captem-first")).toEqual(all.get("captem-first"));
  });

  it("strategyStyles(ids with unknown ones) gives them free styles, distinct from the shipped ones, stable for the same list", () => {
    const ids = [...shipped, "my-strategy", "another"];
    const styles = strategyStyles(ids);
    const keys = ids.map((id) => `${styles.get(id)!.colour}|${styles.get(id)!.dash.join(",")}`);
    expect(new Set(keys).size).toBe(ids.length);
    expect(strategyStyles(ids).get("my-strategy")).toEqual(styles.get("my-strategy"));
  });

  it("every colour has at least 3:1 contrast on white (WCAG 2.1 SC 1.4.11): nothing pale on white", () => {
    for (const [name, hex] of Object.entries(strategyColours)) expect(contrastOnWhite(hex), name).toBeGreaterThanOrEqual(3);
    expect(contrastOnWhite("#F0E442")).toBeLessThan(3); // the check can fail: Okabe–Ito yellow is pale on white
  });

  it("colours of strategies drawn with the same dash pattern stay apart under simulated protanopia, deuteranopia and tritanopia (CIE76 ΔE ≥ 10)", () => {
    const styles = strategyStyles(shipped);
    for (const [kind, matrix] of [["normal", null], ...Object.entries(machado)] as const) {
      for (let a = 0; a < shipped.length; a++) {
        for (let b = a + 1; b < shipped.length; b++) {
          const sa = styles.get(shipped[a]!)!;
          const sb = styles.get(shipped[b]!)!;
          if (sa.dash.join(",") !== sb.dash.join(",")) continue;
          const delta = distance(seenAs(sa.colour, matrix), seenAs(sb.colour, matrix));
          expect(delta, `${kind}: ${shipped[a]} vs ${shipped[b]}`).toBeGreaterThanOrEqual(10);
        }
      }
    }
  });
});
