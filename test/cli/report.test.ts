import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readPngInfo } from "../../src/figures/pngChunks.js";

import { capture } from "./runCli.js";

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

describe("pnen-sim report", () => {
  it("main(['report', '--scenario', 'default', '--n', '300', ...]) writes a seeded report that is byte-identical across runs", async () => {
    const runs = [];
    for (let k = 0; k < 2; k++) {
      const folder = mkdtempSync(join(tmpdir(), "pnen-cli-report-"));
      folders.push(folder);
      const c = capture();
      expect(await main(["report", "--scenario", "default", "--n", "300", "--seed", "7", "--out", folder], c.io)).toBe(0);
      expect(c.out()).toContain("report.html");
      runs.push(folder);
    }
    const manifest = JSON.parse(readFileSync(join(runs[0], "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ tool: "pnen-sim report", seed: "7", n: 300, scenario: "default" });
    expect(manifest.scenarioHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const { path } of manifest.files as { path: string }[]) {
      expect({ path, same: readFileSync(join(runs[0], path)).equals(readFileSync(join(runs[1], path))) }).toEqual({ path, same: true });
    }
    const md = readFileSync(join(runs[0], "report.md"), "utf8");
    expect(md).toContain("300 synthetic adults");
    expect(md).toContain("master seed 7");
    expect(md).toContain(`pnen-sim ${manifest.version}`);
    expect(md).toMatch(/https:\/\/doi\.org\/10\./);
    expect(readPngInfo(readFileSync(join(runs[0], "figures", "km-pfs.png"))).dotsPerInch).toBe(300);
    const risk = readFileSync(join(runs[0], "tables", "risk_table.csv"), "utf8").trim().split("\n");
    expect(risk[0]).toBe("strategy,endpoint,months,at_risk,pnen_sim_version,scenario_hash,seed");
    expect(risk[1]).toMatch(/,PFS,0,300,/);
    // the KM figure's risk table shows the same numbers as the CSV
    const spec = JSON.parse(readFileSync(join(runs[0], "figures", "km-pfs.vl.json"), "utf8"));
    const shown = spec.vconcat[1].data.values.map((r: { series: string; time: number; atRisk: number }) => `${r.series},PFS,${r.time},${r.atRisk}`);
    const tabled = risk.slice(1).filter((line) => line.includes(",PFS,")).map((line) => line.split(",").slice(0, 4).join(","));
    expect(shown).toEqual(tabled);
  });

  it("main(['report', '--validate', ...]) adds the validation section, its figure and table", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pnen-cli-report-"));
    folders.push(folder);
    const c = capture();
    expect(await main(["report", "--scenario", "default", "--n", "2048", "--validate", "--validation-n", "500", "--out", folder], c.io)).toBe(0);
    const html = readFileSync(join(folder, "report.html"), "utf8");
    expect(html).toContain('<section id="validation">');
    expect(html).toContain("RADIANT-3");
    expect(readFileSync(join(folder, "tables", "validation.csv"), "utf8").split("\n")[0]).toMatch(/^trial,endpoint,arms,predicted_median_1/);
    expect(existsSync(join(folder, "figures", "validation.svg"))).toBe(true);
    // the strategies' hazard ratios carry Monte Carlo intervals, and who each strategy changes is tabled
    expect(readFileSync(join(folder, "tables", "hazard_ratios.csv"), "utf8").split("\n")[0]).toBe(
      "strategy,endpoint,reference,pathway_changed_share,hazard_ratio,monte_carlo_lower_95,monte_carlo_upper_95,parameter_2_5,parameter_97_5,pnen_sim_version,scenario_hash,seed",
    );
    expect(existsSync(join(folder, "tables", "who_changes.csv"))).toBe(true);
    expect(html).not.toContain("Wald");
  });

  it("main(['report', '--trials', DIR]) without --validate exits 2", async () => {
    const c = capture();
    expect(await main(["report", "--scenario", "default", "--trials", "data/validation"], c.io)).toBe(2);
    expect(c.err()).toContain("pnen-sim report: --trials and --validation-n need --validate");
  });

  it("main(['report']) without --scenario exits 2 with a clear message", async () => {
    const c = capture();
    expect(await main(["report"], c.io)).toBe(2);
    expect(c.err()).toContain("--scenario NAME|FILE is required");
  });

  it("main(['report', '--scenario', 'nope']) exits 2 naming the scenario", async () => {
    const c = capture();
    expect(await main(["report", "--scenario", "nope"], c.io)).toBe(2);
    expect(c.err()).toContain("scenario 'nope'");
  });

  it("main(['report', '--n', '0', ...]) exits 2 naming the flag", async () => {
    const c = capture();
    expect(await main(["report", "--scenario", "default", "--n", "0"], c.io)).toBe(2);
    expect(c.err()).toContain("--n: expected an integer >= 1");
  });

  // Regression: an --out below a file crashed with a Node stack trace and exit code 1 after simulating.
  it("main(['report', '--out', <below a file>]) exits 2 naming the folder, with no stack trace and nothing written", async () => {
    const folder = mkdtempSync(join(tmpdir(), "pnen-cli-report-"));
    folders.push(folder);
    const file = join(folder, "a-file");
    writeFileSync(file, "x");
    const c = capture();
    expect(await main(["report", "--scenario", "default", "--n", "20", "--out", join(file, "report")], c.io)).toBe(2);
    expect(c.err()).toMatch(/^pnen-sim report: output folder \(--out\): cannot write to .*a-file\/report: ENOTDIR/);
    expect(c.err()).not.toMatch(/\n\s+at /);
    expect(readdirSync(folder)).toEqual(["a-file"]);
    expect(existsSync(join(folder, "a-file"))).toBe(true);
  });
});
