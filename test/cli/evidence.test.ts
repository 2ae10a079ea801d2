import { mkdtempSync, rmSync, cpSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { dataDir } from "../../src/io/projectRoot.js";

import { capture } from "./runCli.js";

async function run(...args: string[]) {
  const c = capture();
  const code = await main(["evidence", ...args], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe("pnen-sim evidence", () => {
  it("main(['evidence']) prints every kind as a table: figures with value, endpoint, treatment and refs", async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    for (const heading of ["Figures (", "References (64)", "Thresholds (", "Treatments (", "Assumptions ("]) expect(out).toContain(heading);
    expect(out).toMatch(/conversionThenResection\.pfs\.median\s+22 months\s+median PFS\s+conversionTherapy\s+24/);
    expect(out).toMatch(/surufatinib\.pfs\.median\s+9\.2-10\.9 months\s+median PFS\s+surufatinib\s+43,44/);
  });

  it("main(['evidence', '--kind', 'references']) lists the 64 references with DOIs", async () => {
    const { code, out } = await run("--kind", "references");
    expect(code).toBe(0);
    expect(out).toContain("References (64)");
    expect(out).not.toContain("Figures (");
    expect(out).toMatch(/46\s+Yao JC, Pavel M, Lombard-Bohas C, et al\.\s+2016\s+J Clin Oncol\s+10\.1200\/JCO\.2016\.68\.0702/);
  });

  it("main(['evidence', '--json']) prints the registry as JSON", async () => {
    const { code, out } = await run("--json");
    expect(code).toBe(0);
    const json = JSON.parse(out) as { figures: { id: string; value?: number }[]; references: unknown[]; source: { doi: string } };
    expect(json.references).toHaveLength(64);
    expect(json.source.doi).toBe("10.7659/j.issn.1005-6947.230441");
    expect(json.figures.find((f) => f.id === "everolimus.os.median")?.value).toBe(44);
  });

  it("main(['evidence', '--kind', 'figures', '--json']) prints only the figures array", async () => {
    const { out } = await run("--kind", "figures", "--json");
    const json = JSON.parse(out) as { id: string }[];
    expect(Array.isArray(json)).toBe(true);
    expect(json.map((f) => f.id)).toContain("captem.pfs.median");
  });

  it("main(['evidence', '--id', 'captem.pfs.median']) shows the record, its full citations and DOI links", async () => {
    const { code, out } = await run("--id", "captem.pfs.median");
    expect(code).toBe(0);
    expect(out).toContain("= 29 months");
    expect(out).toContain("[36] Thomas K, Voros BA, Meadows-Taylor M, et al. Outcomes of capecitabine and temozolomide (CAPTEM) in advanced neuroendocrine neoplasms (NENs). Cancers. 2020;12(1):206. doi:10.3390/cancers12010206");
    expect(out).toContain("https://doi.org/10.3390/cancers12010206");
    expect(out).toContain("https://doi.org/10.3904/kjim.2022.100");
  });

  it("main(['evidence', '--id', '46', '--json']) shows one reference as JSON", async () => {
    const { code, out } = await run("--id", "46", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out) as { kind: string; record: { doi: string } };
    expect(json.kind).toBe("references");
    expect(json.record.doi).toBe("10.1200/JCO.2016.68.0702");
  });

  it("main(['evidence', '--id', 'g3.ki67.platinumSplit']) shows a threshold with its rule", async () => {
    const { code, out } = await run("--id", "g3.ki67.platinumSplit");
    expect(code).toBe(0);
    expect(out).toContain("threshold g3.ki67.platinumSplit");
    expect(out).toContain("= 55%");
  });

  it("main(['evidence', '--id', 'captem.pfs.mediam']) exits 2 and suggests the close id", async () => {
    const { code, err } = await run("--id", "captem.pfs.mediam");
    expect(code).toBe(2);
    expect(err).toContain("unknown id 'captem.pfs.mediam'; did you mean 'captem.pfs.median'");
  });

  it("main(['evidence', '--id', '65']) exits 2 for a reference number outside 1-64", async () => {
    const { code, err } = await run("--id", "65");
    expect(code).toBe(2);
    expect(err).toContain("unknown reference number 65");
  });

  it("main(['evidence', '--summary']) prints the counts and the headline figures", async () => {
    const { code, out } = await run("--summary");
    expect(code).toBe(0);
    expect(out).toMatch(/\d+ figures, 64 references, \d+ thresholds, \d+ assumptions, 22 treatments/);
    expect(out).toMatch(/conversionThenResection\.pfs\.median\s+22 months\s+vs direct resection 12 months, P=0\.027/);
    expect(out).toMatch(/everolimus\.os\.median\s+44 months/);
    expect(out).toMatch(/prrt\.g3\.dcr\s+30-80%/);
    expect(out).toContain("does not advise");
  });

  it("main(['evidence', '--summary', '--json']) prints counts and headline records as JSON", async () => {
    const { code, out } = await run("--summary", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out) as { counts: Record<string, number>; headline: { id: string; value?: number }[] };
    expect(json.counts.references).toBe(64);
    expect(json.headline.find((f) => f.id === "sunitinib.os.median")?.value).toBe(47.5);
  });

  it("main(['evidence', '--kind', 'nope']) and an unknown flag exit 2", async () => {
    expect((await run("--kind", "nope")).err).toContain("--kind: expected one of figures, references, thresholds, assumptions, treatments, got 'nope'");
    expect((await run("--nope")).code).toBe(2);
  });

  it("main(['evidence', '--help']) prints the command's help", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toContain("pnen-sim evidence --id ID");
  });

  describe("with a broken data folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "pnen-evidence-cli-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it("main(['evidence', '--data', DIR]) exits 2 naming file, record and field", async () => {
      cpSync(join(dataDir(), "evidence"), join(dir, "evidence"), { recursive: true });
      const path = join(dir, "evidence", "figures.json");
      const content = JSON.parse(readFileSync(path, "utf8")) as { figures: Record<string, unknown>[] };
      delete content.figures[0].endpoint;
      writeFileSync(path, JSON.stringify(content));
      const { code, err } = await run("--data", dir);
      expect(code).toBe(2);
      expect(err).toContain('evidence/figures.json: figures[0] "functional.share.china": endpoint: required, missing (What was measured)');
    });
  });

  it("main(['evidence', '--data', missing]) exits 2 naming the folder instead of printing an empty registry", async () => {
    const { code, out, err } = await run("--data", "/no/such/pnen-data");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("evidence registry: no folder /no/such/pnen-data/evidence");
  });

  it("main(['evidence', …]) output names the pnen-sim version and carries the research-use notice (tables and JSON objects)", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    for (const args of [[], ["--id", "captem.pfs.median"], ["--summary"]]) {
      const { out } = await run(...args);
      expect(out, args.join(" ")).toContain(`pnen-sim ${version}. Research use only`);
    }
    for (const args of [["--json"], ["--id", "46", "--json"], ["--summary", "--json"]]) {
      const json = JSON.parse((await run(...args)).out) as { version: string; notice: string };
      expect(json.version, args.join(" ")).toBe(version);
      expect(json.notice).toContain("Research use only");
    }
  });
});
