import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/buildReport.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import { reportMarkdown } from "../../src/report/reportMarkdown.js";
import { vegaLiteSchemaErrors } from "../figures/vegaLiteSchema.js";
import { reportInputFixture } from "./reportInputFixture.js";

describe("buildReport(input)", () => {
  const input = reportInputFixture();
  const document = buildReport(input);

  it("buildReport(input) emits KM, forest, tornado and composition figures whose specs validate", () => {
    expect(document.figures.map((f) => f.name)).toEqual(["km-pfs", "km-os", "forest-pfs", "forest-os", "tornado-os", "tornado-pfs", "first-line", "line-flow", "line-flow-2-3"]);
    for (const figure of document.figures) expect({ name: figure.name, errors: vegaLiteSchemaErrors(figure.spec) }).toEqual({ name: figure.name, errors: [] });
  });

  it("buildReport(input) tabulates medians, landmarks, HR, subgroup HR, RMST, risk table, calibration and pathways", () => {
    expect(document.tables.map((t) => t.name)).toEqual(["medians", "landmark_survival", "hazard_ratios", "subgroup_hazard_ratios", "rmst", "risk_table", "replicate_spread", "calibration", "pathways"]);
    for (const table of document.tables) for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    const spread = document.tables.find((t) => t.name === "replicate_spread")!;
    // the reference's OS median is 40 + r for r = 0..11: mean 45.5, R quantile(type 7) 2.5% = 40.275
    expect(spread.rows.find((r) => r[0] === "Review pathway" && r[1] === "OS")).toEqual(["Review pathway", "OS", 12, 45.5, 40.275, 45.5, 50.725]);
  });

  it("buildReport(input) writes a methods text naming n, seed, replicates, version and the scenario hash", () => {
    const methods = document.methods.join("\n");
    expect(methods).toContain("400 synthetic adults");
    expect(methods).toContain("master seed 4242");
    expect(methods).toContain("12 replicates");
    expect(methods).toContain("pnen-sim 9.9.9");
    expect(methods).toContain("sha256:00ff");
    expect(methods).toContain("Functional share: 57.1% [functional.share.china]");
    expect(methods).toContain("CAPTEM: PFS median 29 months [captem.pfs.median]");
  });

  it("buildReport(input) lists the review then the references used, by number, with DOIs", () => {
    expect(document.references.map((r) => r.doi)).toEqual(["10.7659/j.issn.1005-6947.230441", null, "10.1200/JCO.22.01013", "10.1016/S1470-2045(13)70362-0"]);
    expect(document.references[1].text).toMatch(/^\[35\] Cives M/);
    expect(document.references[3].text).toBe("Frilling A, et al. Lancet Oncol 2014;15:e8-e21. (outside source for the labelled assumptions cohort.enets.I.share, cohort.enets.II.share)");
  });

  it("reportMarkdown(document) carries the notice, provenance, figures with their files, tables with CSV links and DOI links", () => {
    const md = reportMarkdown(document);
    expect(md).toContain("does not advise on the diagnosis or treatment of any patient");
    expect(md).toContain("pnen-sim 9.9.9 · scenario fixture (sha256:00ff) · seed 4242 · 400 patients · 12 replicates");
    expect(md).toContain("![Figure 1](figures/km-pfs.png)");
    expect(md).toContain("[Vega-Lite spec](figures/km-pfs.vl.json)");
    expect(md).toContain("([CSV](tables/medians.csv))");
    expect(md).toContain("<https://doi.org/10.1200/JCO.22.01013>");
    expect(reportMarkdown(buildReport(input))).toBe(md);
  });

  it("reportMarkdown(document) copied raw HTML and links from the scenario description: now plain text, as reportHtml escapes it", () => {
    const hostile = "<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n# Injected heading";
    const withHtml = buildReport({ ...input, scenario: { ...input.scenario, description: hostile } });
    const md = reportMarkdown(withHtml);
    expect(md).not.toMatch(/(?<!\\)<(script|img)|(?<!\\)\]\(javascript:|\n# Injected/);
    expect(md).toContain("\\<script\\>alert(1)\\</script\\> \\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> # Injected heading");
    expect(reportHtml(withHtml)).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("reportHtml(document) is one escaped page with the SVG figures and the same tables", () => {
    const html = reportHtml(document);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<img src="figures/km-os.svg"');
    expect(html).toContain("=HYPERLINK(&quot;x&quot;) first");
    expect(html).not.toContain('=HYPERLINK("x")');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<a href="https://doi.org/10.7659/j.issn.1005-6947.230441">');
  });
});

describe("reportTables(analysis, input) subgroup table", () => {
  // Regression: the subgroup CSV had columns "patients" (one arm) and "events" (both arms), so a reader saw
  // more events than patients (e.g. G1: 402 patients, 703 events). The column names now say which is which.
  it("the subgroup hazard-ratio table names its counts per arm and for both arms, and they agree with the data", () => {
    const input = reportInputFixture();
    const table = buildReport(input).tables.find((t) => t.name === "subgroup_hazard_ratios")!;
    expect(table.columns.map((c) => c.key).slice(0, 5)).toEqual(["subgroup", "level", "endpoint", "patients_per_arm", "events_both_arms"]);
    // G1 is every 5th patient (i % 5 === 0): 80 of 400 per arm; events counted by hand over both arms.
    const codes = input.subgroups[0].codes;
    const keep = (i: number) => codes[i] === 0;
    const reference = input.strategies.find((s) => s.id === input.referenceStrategy)!;
    const comparison = input.strategies.find((s) => s.id !== input.referenceStrategy)!;
    const events = [reference, comparison].reduce((sum, s) => sum + s.pfs.event.filter((_, i) => keep(i)).reduce((a, e) => a + e, 0), 0);
    const row = table.rows.find((r) => r[0] === "WHO grade" && r[1] === "G1" && r[2] === "PFS")!;
    expect(row[3]).toBe(80);
    expect(row[4]).toBe(events);
  });
});
