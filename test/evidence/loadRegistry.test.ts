import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRegistry, readRegistryFiles } from "../../src/io/loadRegistry.js";
import { dataDir } from "../../src/io/projectRoot.js";
import { isWellFormedDoi } from "../../src/evidence/doiPattern.js";
import { parseRegistry } from "../../src/evidence/parseRegistry.js";

// The registry the package ships (data/evidence, data/assumptions), checked against the review by hand:
// every number below was typed from the review's text (Lu et al., doi:10.7659/j.issn.1005-6947.230441), not
// copied from the data files.
const registry = loadRegistry();

describe("loadRegistry()", () => {
  it("loadRegistry() loads the package's registry and caches it per folder", () => {
    expect(loadRegistry()).toBe(registry);
    expect(registry.figures.length).toBeGreaterThanOrEqual(20);
    expect(registry.source?.doi).toBe("10.7659/j.issn.1005-6947.230441");
  });

  it("loadRegistry() holds all 64 references of the review, numbered 1 to 64", () => {
    expect(registry.references.map((r) => r.number)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
  });

  it("loadRegistry() ids are unique across figures, thresholds, treatments and assumptions", () => {
    const ids = [...registry.figures, ...registry.thresholds, ...registry.treatments, ...registry.assumptions].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("loadRegistry() every cited reference number exists in the reference list", () => {
    const numbers = new Set(registry.references.map((r) => r.number));
    for (const record of [...registry.figures, ...registry.thresholds]) for (const n of record.refs) expect(numbers.has(n), `${record.id} cites ${n}`).toBe(true);
  });

  it("loadRegistry() DOIs are well formed; only ref 48 (garbled in the review) has none", () => {
    for (const reference of registry.references) if (reference.doi !== null) expect(isWellFormedDoi(reference.doi), `ref ${reference.number}`).toBe(true);
    expect(registry.references.filter((r) => r.doi === null).map((r) => r.number)).toEqual([48]);
    expect(registry.reference(48).doiAsPrinted).toBe("10.3969/j.issn.16745671.2022.05.03?");
    expect(registry.reference(29).doi).toBe("10.1080/02656736.2022.2048094");
    for (const figure of registry.figures) for (const doi of figure.dois) expect(isWellFormedDoi(doi)).toBe(true);
  });

  it("loadRegistry() reference DOIs match the review's list (spot check)", () => {
    expect(registry.reference(46).doi).toBe("10.1200/JCO.2016.68.0702");
    expect(registry.reference(43).doi).toBe("10.1016/S1470-2045(20)30493-9");
    expect(registry.reference(44).doi).toBe("10.1016/S1470-2045(20)30496-4");
    expect(registry.reference(24).doi).toBe("10.3760/cma.j.cn112137-20210805-01749");
    expect(registry.reference(36).doi).toBe("10.3390/cancers12010206");
    expect(registry.reference(2)).toMatchObject({ language: "zh", year: 2016, doi: "10.11735/j.issn.1004-0242.2016.05.A001" });
    expect(registry.reference(1).doi).toBe("10.12688/f1000research.54390.1");
  });

  it("loadRegistry() every figure names a treatment from treatments.json or none", () => {
    const treatments = new Set(registry.treatments.map((t) => t.id));
    for (const figure of registry.figures) if (figure.treatment !== null) expect(treatments.has(figure.treatment), figure.id).toBe(true);
  });

  it("loadRegistry() keeps the thresholds and treatment ids other modules code against", () => {
    for (const id of ["who2022.g1.ki67.below", "who2022.g2.ki67.upper", "g3.ki67.platinumSplit", "debulking.cytoreduction.min", "transplant.age.below", "ablation.single.maxDiameter", "ssa.firstLine.ki67.below"]) {
      expect(registry.threshold(id).id).toBe(id);
    }
    for (const id of ["radicalResection", "conversionTherapy", "captem", "everolimus", "sunitinib", "surufatinib", "prrt", "ssa", "bestSupportiveCare"]) {
      expect(registry.treatment(id).id).toBe(id);
    }
  });
});

describe("headline figures, typed by hand from the review", () => {
  const value = (id: string) => registry.figure(id).value;
  const range = (id: string) => [registry.figure(id).low, registry.figure(id).high];

  it("registry.figure(id) §1.5 conversion then resection vs direct resection: median PFS 22 vs 12 months, P = 0.027 (ref 24)", () => {
    const figure = registry.figure("conversionThenResection.pfs.median");
    expect(figure).toMatchObject({ value: 22, unit: "months", endpoint: "median PFS", section: "1.5", refs: [24] });
    expect(figure.comparator).toMatchObject({ value: 12, p: 0.027 });
    expect(value("directResection.pfs.median")).toBe(12);
  });
  it("registry.figure(id) §3.1 CAPTEM: PFS 29 months, progression risk down 50% (refs 36-37), liver ORR 74% with 90Y (ref 38)", () => {
    expect(registry.figure("captem.pfs.median")).toMatchObject({ value: 29, unit: "months", refs: [36, 37] });
    expect(registry.figure("captem.progressionRisk.reduction")).toMatchObject({ value: 50, unit: "%", effectKind: "subgroup comparison" });
    expect(value("captemY90.liver.orr")).toBe(74);
  });
  it("registry.figure(id) §3.2 sunitinib in China: median survival 47.5 months, PFS 15.3 months, ORR 5.0%, 25 mg/d (refs 41-42)", () => {
    expect(value("sunitinib.os.median")).toBe(47.5);
    expect(value("sunitinib.pfs.median")).toBe(15.3);
    expect(value("sunitinib.orr")).toBe(5.0);
    expect(registry.figure("sunitinib.dose.tolerable")).toMatchObject({ value: 25, unit: "mg/day", refs: [41, 42] });
  });
  it("registry.figure(id) §3.2 surufatinib median PFS 9.2-10.9 months (refs 43-44); everolimus median survival 44 months (ref 46)", () => {
    expect(range("surufatinib.pfs.median")).toEqual([9.2, 10.9]);
    expect(registry.figure("surufatinib.pfs.median").refs).toEqual([43, 44]);
    expect(registry.figure("everolimus.os.median")).toMatchObject({ value: 44, refs: [46] });
  });
  it("registry.figure(id) intro: F-pNEN 57.1% in China (ref 2), metastasis at diagnosis 40-50% (refs 6-8), liver metastases 28.3-77% (refs 9-10)", () => {
    expect(value("functional.share.china")).toBe(57.1);
    expect(range("metastasis.atDiagnosis.share")).toEqual([40, 50]);
    expect(registry.figure("metastasis.atDiagnosis.share").refs).toEqual([6, 7, 8]);
    expect(range("liverMetastasis.share")).toEqual([28.3, 77]);
  });
  it("registry.figure(id) §1.3 primary resection 5-year survival 5%-82% vs 30%-50% (ref 22), flagged as garbled", () => {
    const figure = registry.figure("primaryResection.survival5y");
    expect([figure.low, figure.high, figure.comparator?.low, figure.comparator?.high]).toEqual([5, 82, 30, 50]);
    expect(figure.note).toMatch(/garbled/i);
  });
  it("registry.figure(id) §2.1 RFA: 34 patients, 97% / 73% symptom relief for (14±5) months (ref 27); 92% improved, relapse 63-87% (ref 28)", () => {
    expect(value("rfa.symptomatic.patients")).toBe(34);
    expect(value("rfa.symptomRelief.any")).toBe(97);
    expect(value("rfa.symptomRelief.major")).toBe(73);
    expect(value("rfa.symptomRelief.duration")).toBe(14);
    expect(value("rfa.symptomImprovement")).toBe(92);
    expect(range("rfa.recurrence")).toEqual([63, 87]);
  });
  it("registry.figure(id) §3.4 PRRT in selected G3 NET/NEC (Ki-67 >20% to <55%): DCR 30-80% (refs 18, 55)", () => {
    expect(registry.figure("prrt.g3.dcr")).toMatchObject({ low: 30, high: 80, unit: "%", endpoint: "DCR", refs: [18, 55] });
  });
  it("registry.threshold(id) WHO 2022 grading, the 55% split, transplant, ablation, debulking and SSA cut-offs", () => {
    const t = (id: string) => registry.threshold(id).value;
    expect([t("who2022.g1.ki67.below"), t("who2022.g2.ki67.upper"), t("who2022.g1.mitoses.below"), t("who2022.g2.mitoses.upper")]).toEqual([3, 20, 2, 20]);
    expect(t("g3.ki67.platinumSplit")).toBe(55);
    expect([t("transplant.ki67.below"), t("transplant.involvement.below"), t("transplant.stable.min"), t("transplant.age.below")]).toEqual([10, 50, 6, 60]);
    expect([t("ablation.single.maxDiameter"), t("ablation.multiple.maxCount"), t("ablation.multiple.maxDiameter")]).toEqual([5, 3, 3]);
    expect(t("debulking.cytoreduction.min")).toBe(70);
    expect(t("ssa.firstLine.ki67.below")).toBe(10);
    expect([t("enets.type1"), t("enets.type2"), t("enets.type3")]).toEqual([1, 2, 3]);
  });
});

describe("loadRegistry(dir) with files on disk", () => {
  const dir = mkdtempSync(join(tmpdir(), "pnen-registry-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loadRegistry(dir) rejects a broken file on disk, naming file, record and field", () => {
    cpSync(join(dataDir(), "evidence"), join(dir, "evidence"), { recursive: true });
    mkdirSync(join(dir, "assumptions"));
    writeFileSync(join(dir, "assumptions", "cohort.json"), JSON.stringify({ description: "d", assumptions: [{ id: "cohort.share", value: "0.4", unit: "%", rationale: "r" }] }));
    expect(() => loadRegistry(dir)).toThrow('assumptions/cohort.json: assumptions[0] "cohort.share": value: expected a number, got "0.4"');
  });

  it("readRegistryFiles(dir) names a file that is not JSON", () => {
    writeFileSync(join(dir, "assumptions", "cohort.json"), "{ not json");
    expect(() => readRegistryFiles(dir)).toThrow(/assumptions\/cohort.json: not valid JSON/);
  });

  it("readRegistryFiles() returns {path, content} pairs that parseRegistry accepts (the dashboards' JSON bundle)", () => {
    const files = readRegistryFiles();
    expect(files.map((f) => f.path)).toContain("evidence/figures.json");
    const fromBundle = parseRegistry(JSON.parse(JSON.stringify(files)));
    expect(fromBundle.figure("everolimus.os.median").value).toBe(44);
  });
});
