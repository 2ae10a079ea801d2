import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPngInfo } from "../../src/figures/pngChunks.js";
import { buildReport } from "../../src/report/buildReport.js";
import { writeReportNode } from "../../src/report/writeReportNode.js";
import { reportInputFixture } from "./reportInputFixture.js";

const folders: string[] = [];
const fresh = () => {
  const folder = mkdtempSync(join(tmpdir(), "pnen-report-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

describe("writeReportNode(document, folder, run)", () => {
  it("writeReportNode(document) writes figures, tables, report.md/html and a manifest, byte-identical across runs", async () => {
    const [a, b] = [fresh(), fresh()];
    mkdirSync(join(a, "figures"), { recursive: true });
    writeFileSync(join(a, "figures", "stale.svg"), "<svg/>");
    const first = await writeReportNode(buildReport(reportInputFixture()), a, { command: "test", startedAt: new Date(0) });
    const second = await writeReportNode(buildReport(reportInputFixture()), b, { command: "test", startedAt: new Date(1) });
    expect(first.files).toEqual(second.files);
    expect(first.files).toEqual(expect.arrayContaining(["report.html", "report.md", "manifest.json", "tables/medians.csv", "figures/km-pfs.svg", "figures/km-pfs.png", "figures/km-pfs.vl.json"]));
    // a file of the user's in figures/ is left alone (issue 20.1): only files a previous manifest lists are removed
    expect(readFileSync(join(a, "figures", "stale.svg"), "utf8")).toBe("<svg/>");
    for (const file of first.files.filter((f) => f !== "manifest.json")) expect({ file, same: readFileSync(join(a, file)).equals(readFileSync(join(b, file))) }).toEqual({ file, same: true });
    expect(first.warnings).toEqual([]);
  });

  it("writeReportNode(document) puts provenance in every CSV row, SVG, PNG and spec, and sha256 of each file in the manifest", async () => {
    const folder = fresh();
    const written = await writeReportNode(buildReport(reportInputFixture()), folder, { command: "pnen-sim report --scenario fixture", startedAt: new Date(0) });
    const csv = readFileSync(join(folder, "tables", "hazard_ratios.csv"), "utf8").trim().split("\n");
    expect(csv[0].endsWith(",pnen_sim_version,scenario_hash,seed")).toBe(true);
    for (const line of csv.slice(1)) expect(line.endsWith(",9.9.9,sha256:00ff,4242")).toBe(true);
    // a strategy named like a formula is neutralised
    expect(csv.some((line) => line.startsWith(`"'=HYPERLINK(""x"") first"`))).toBe(true);
    expect(readFileSync(join(folder, "figures", "km-os.svg"), "utf8")).toContain("sha256:00ff");
    const png = readPngInfo(readFileSync(join(folder, "figures", "km-os.png")));
    expect(png.dotsPerInch).toBe(300);
    expect(png.width).toBe(2161);
    expect(png.text["scenario hash"]).toBe("sha256:00ff");
    expect(JSON.parse(readFileSync(join(folder, "figures", "km-os.vl.json"), "utf8")).usermeta.provenance.seed).toBe("4242");
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ version: "9.9.9", scenarioHash: "sha256:00ff", seed: "4242", n: 400, replicates: 12, command: "pnen-sim report --scenario fixture" });
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(written.files.filter((f) => f !== "manifest.json"));
  });

  // Regression: figures were rendered and written one by one, so a figure that failed to render left the
  // folder half new, half from the previous run, with the old manifest.
  it("writeReportNode(document with a figure that cannot render) throws and leaves the folder as it was", async () => {
    const folder = fresh();
    const document = buildReport(reportInputFixture(100));
    const broken = { name: "broken", caption: "cannot render", spec: { data: { values: [{ a: 1 }] }, transform: [{ calculate: "datum.(", as: "b" }], mark: "point", encoding: { x: { field: "b", type: "quantitative" } } } };
    await expect(writeReportNode({ ...document, figures: [...document.figures, broken as never] }, folder, { command: "test", startedAt: new Date(0) })).rejects.toThrow();
    expect(readdirSync(folder)).toEqual([]);
  }, 30_000);
});
