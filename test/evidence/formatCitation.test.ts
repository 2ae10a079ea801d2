import { describe, expect, it } from "vitest";
import { formatCitation, doiUrl } from "../../src/evidence/formatCitation.js";
import { formatQuantity } from "../../src/evidence/formatQuantity.js";
import { isWellFormedDoi } from "../../src/evidence/doiPattern.js";

describe("formatCitation(reference)", () => {
  it("formatCitation(reference) writes a Vancouver-style line with the DOI", () => {
    const text = formatCitation({
      number: 46, authors: "Yao JC, Pavel M, Lombard-Bohas C, et al.", title: "Everolimus for the treatment of advanced pancreatic neuroendocrine tumors",
      journal: "J Clin Oncol", year: 2016, volume: "34(32)", pages: "3906-3913", doi: "10.1200/JCO.2016.68.0702", language: "en",
    });
    expect(text).toBe("[46] Yao JC, Pavel M, Lombard-Bohas C, et al. Everolimus for the treatment of advanced pancreatic neuroendocrine tumors. J Clin Oncol. 2016;34(32):3906-3913. doi:10.1200/JCO.2016.68.0702");
    expect(doiUrl("10.1200/JCO.2016.68.0702")).toBe("https://doi.org/10.1200/JCO.2016.68.0702");
  });
  it("formatCitation(reference) marks a DOI printed garbled as not resolvable", () => {
    const text = formatCitation({ number: 48, authors: "梁贇, 等.", title: "胃肠胰神经内分泌癌药物治疗进展", titleEnglish: "Advances in drug therapy", journal: "中国癌症防治杂志", year: 2022, doi: null, doiAsPrinted: "10.3969/x?", language: "zh" });
    expect(text).toContain('[Advances in drug therapy]');
    expect(text).toContain('(DOI printed as "10.3969/x?", not resolvable)');
  });
});

describe("formatQuantity(record)", () => {
  it("formatQuantity(record) joins value or range with the unit", () => {
    expect(formatQuantity({ value: 29, unit: "months" })).toBe("29 months");
    expect(formatQuantity({ low: 9.2, high: 10.9, unit: "months" })).toBe("9.2-10.9 months");
    expect(formatQuantity({ value: 57.1, unit: "%" })).toBe("57.1%");
    expect(formatQuantity({ value: 44, low: 35.6, high: 51.8, unit: "months" })).toBe("44 months (35.6-51.8 months)");
  });
});

describe("isWellFormedDoi(value)", () => {
  it("isWellFormedDoi(value) accepts the review's DOIs and rejects prefixes, spaces and trailing punctuation", () => {
    for (const doi of ["10.1016/S1470-2045(20)30493-9", "10.11735/j.issn.1004-0242.2016.05.A001", "10.7659/j.issn.1005-6947.230441"]) expect(isWellFormedDoi(doi)).toBe(true);
    for (const doi of ["doi:10.1200/JCO.2016.68.0702", "10.3969/j.issn.16745671.2022.05.03?", "10.1080/02656736.2022.2048094.", "10.12/x", "10.1000/a b", 42]) expect(isWellFormedDoi(doi)).toBe(false);
  });
});
