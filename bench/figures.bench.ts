import { kaplanMeier } from "../src/analysis/kaplanMeier.js";
import { kmComparisonSpec } from "../src/figures/kmComparisonSpec.js";
import { rasterPdf } from "../src/figures/rasterPdfNode.js";
import { renderPng, renderSvg } from "../src/figures/renderNode.js";
import { randomSource } from "../src/random/randomSource.js";
import type { BenchRow, BenchSuite } from "./BenchRow.js";

/**
 * Time to render a Kaplan–Meier comparison of 20,000 patients per strategy (3 strategies, exponential PFS
 * with staggered administrative censoring, seeded) to SVG (vega, renderer "none") and to a 183-mm PNG at
 * 300 dpi (resvg), and the PNG to a raster PDF. Median of 5 runs after one warm-up.
 */
const patients = 20_000;

function curve(label: string, medianMonths: number, seed: string) {
  const random = randomSource(seed);
  const time = new Float64Array(patients);
  const event = new Uint8Array(patients);
  for (let i = 0; i < patients; i++) {
    const t = (-Math.log(1 - random()) * medianMonths) / Math.LN2;
    const censorAt = 36 + 84 * random();
    time[i] = Math.min(t, censorAt);
    event[i] = t <= censorAt ? 1 : 0;
  }
  return { label, km: kaplanMeier(time, event) };
}

async function medianMs(run: () => Promise<unknown> | unknown, repeats = 5): Promise<number> {
  await run();
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

const suite: BenchSuite = async () => {
  const curves = [curve("Review pathway", 30, "bench-a"), curve("Upfront surgery", 24, "bench-b"), curve("CAPTEM first", 36, "bench-c")];
  const options = { endpoint: "pfs" as const, width: "double" as const, hazardRatios: [{ comparison: "Upfront surgery vs review", estimate: 1.25, lower: 1.2, upper: 1.3 }], logRankP: 1e-6 };
  const spec = kmComparisonSpec(curves, options);
  const { svg } = await renderSvg(spec);
  const rows: BenchRow[] = [
    { name: "kmComparisonSpec, 3 × 20,000 patients", value: await medianMs(() => kmComparisonSpec(curves, options)), unit: "ms", note: "spec only" },
    { name: "KM figure to SVG, 3 × 20,000 patients (vega toSVG)", value: await medianMs(() => renderSvg(spec)), unit: "ms", note: `${Math.round(svg.length / 1024)} KiB SVG` },
    { name: "KM figure SVG to PNG, 183 mm at 300 dpi (resvg)", value: await medianMs(() => renderPng(svg)), unit: "ms", note: `${renderPng(svg).width}×${renderPng(svg).height} px` },
    { name: "KM figure PNG to raster PDF, 183 mm", value: await medianMs(() => rasterPdf(renderPng(svg).png, 183)) - (await medianMs(() => renderPng(svg))), unit: "ms", note: "PDF step only" },
    {
      name: "KM figure spec → SVG → PNG, 3 × 20,000 patients",
      value: await medianMs(async () => renderPng((await renderSvg(kmComparisonSpec(curves, options))).svg)),
      unit: "ms",
    },
  ];
  return rows;
};

export default suite;
