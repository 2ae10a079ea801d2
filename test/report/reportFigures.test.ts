import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/figures/renderNode.js";
import { strategyStyle } from "../../src/figures/strategyStyle.js";
import { buildReport } from "../../src/report/buildReport.js";
import type { ReportInput } from "../../src/report/ReportInput.js";
import { reportInputFixture } from "./reportInputFixture.js";

/** The fixture with the default scenario's long labels: strategy names and tornado inputs as the real report has them. */
function longLabelInput(): ReportInput {
  const input = reportInputFixture(200);
  const labels = ["Review (Lu et al. 2025)", "Conversion therapy first", "Best supportive care"];
  const parameterNames = ["Best supportive care median PFS", "Deaths among PFS events", "Liver transplant median PFS"];
  return {
    ...input,
    strategies: input.strategies.map((s, i) => ({ ...s, label: labels[i] })),
    replicates: input.replicates.map((r, k) => ({
      ...r,
      parameters: Object.fromEntries(parameterNames.map((name, j) => [name, j === 1 ? 0.0123 + k / 1000 : 20 + ((k * (j + 3)) % 12)])),
      medians: { ...r.medians, review: { pfs: 12 + k * 0.2, os: 40 + ((k * 5) % 12) } },
    })),
  };
}

describe("reportFigures(analysis, input) rendered", () => {
  // Regression: forest-plot headings ("WHO grade: Conversion therapy first vs Review (Lu et al. 2025)") and
  // tornado labels ("Best supportive care median PFS (20–31)") were cut off with "…" in the report figures.
  it("reportFigures draws every forest heading and tornado label in full (no text shortened with …)", async () => {
    const document = buildReport(longLabelInput());
    const names = document.figures.map((f) => f.name).filter((n) => n.startsWith("forest") || n.startsWith("tornado"));
    expect(names).toEqual(["forest-pfs", "forest-os", "tornado-os", "tornado-pfs"]);
    for (const figure of document.figures.filter((f) => names.includes(f.name))) {
      const { svg } = await renderSvg(figure.spec);
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect({ name: figure.name, shortened: texts.filter((t) => t.includes("…")) }).toEqual({ name: figure.name, shortened: [] });
    }
    const forest = document.figures.find((f) => f.name === "forest-os")!;
    const { svg } = await renderSvg(forest.spec);
    expect(svg).toContain("Review (Lu et al. 2025)");
    expect(svg).toMatch(/WHO grade: Conversion therapy first/);
  }, 30_000);

  // Regression (issue 13): the KM figures printed "log-rank p < 0.001" above a note saying to ignore p-values.
  it("reportFigures' Kaplan–Meier figures print no p-value and colour each strategy by its id (strategyStyles)", () => {
    const document = buildReport(longLabelInput());
    for (const name of ["km-pfs", "km-os"]) {
      const figure = document.figures.find((f) => f.name === name)!;
      expect(JSON.stringify(figure.spec)).not.toMatch(/log-rank|p [<=]/i);
      const line = (figure.spec as any).vconcat[0].layer.find((l: any) => l.mark.type === "line");
      expect(line.encoding.color.scale.range).toEqual(longLabelInput().strategies.map((s, _, all) => strategyStyle(s.id, all.map((t) => t.id)).colour));
    }
  });

  // Regression: with 5 replicates each tornado bar was one replicate, and nothing warned the reader.
  it("reportFigures cautions in the tornado caption when there are fewer than 30 replicates", () => {
    const input = reportInputFixture(100);
    const few = buildReport({ ...input, replicates: input.replicates.slice(0, 5) });
    expect(few.figures.find((f) => f.name === "tornado-os")!.caption).toContain("Caution: with 5 replicates each bar is the mean of 1 run, so the order of the inputs is not reliable");
    const twelve = buildReport(input);
    expect(twelve.figures.find((f) => f.name === "tornado-os")!.caption).toContain("with 12 replicates each bar is the mean of 4 runs");
    const many = buildReport({ ...input, replicates: Array.from({ length: 30 }, (_, k) => input.replicates[k % 12]) });
    expect(many.figures.find((f) => f.name === "tornado-os")!.caption).not.toContain("Caution");
  });
});
