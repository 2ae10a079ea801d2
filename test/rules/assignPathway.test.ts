import { describe, expect, it } from "vitest";
import type { Patient } from "../../src/cohort/Patient.js";
import { assignPathway, explainPathway, parseStrategy, type StrategyChoices } from "../../src/rules/index.js";
import { fired, patient, review, strategy, thresholds, treatments } from "./fixtures.js";

const custom = (choices: Partial<Record<keyof StrategyChoices, unknown>>) =>
  parseStrategy({ id: "custom", name: "Custom", description: "test strategy", choices }, "test/custom.json");
const hepatic = ["radicalResection", "stagedResection", "debulking", "liverTransplant"];
const hasHepaticSurgery = (p: Patient) => treatments(p).some((t) => hepatic.includes(t));
const firstSystemic = (p: Patient, s = review) => explainPathway(p, s, thresholds).pathway.find((step) => step.intent === "systemic")?.treatment;

describe("assignPathway(patient, strategy, thresholds) — §1.1 NF-pNEN surgery", () => {
  it("surgery.radical.typeI (§1.1, ref. 14): type I, adequate reserve, fit, G2 → radical resection with curative intent", () => {
    const pathway = assignPathway(patient(), review, thresholds);
    expect(pathway.steps[0]).toMatchObject({ treatment: "radicalResection", intent: "curative", line: 1 });
    expect(pathway.steps.slice(1).every((step) => step.intent === "systemic" && step.line >= 2)).toBe(true);
  });
  it("surgery.radical.typeI (§1.1, ref. 14): no radical resection with inadequate reserve, serious comorbidity, extrahepatic disease or type II/III", () => {
    for (const change of [{ adequateLiverReserve: false }, { seriousComorbidity: true }, { extrahepaticDisease: true }, { enetsType: "II" as const }, { enetsType: "III" as const }]) {
      expect(treatments(patient(change))).not.toContain("radicalResection");
      expect(fired(patient(change), "surgery.radical.typeI")).toBe(false);
    }
  });
  it("surgery.radical.typeI (§1.1, ref. 14): G3 with curative potential is resected by default, not when the strategy says no; NEC never", () => {
    const g3 = patient({ ki67: 30 });
    expect(treatments(g3)[0]).toBe("radicalResection");
    expect(treatments(g3, custom({ resectG3WithCurativePotential: false }))).not.toContain("radicalResection");
    expect(hasHepaticSurgery(patient({ differentiation: "poor", ki67: 30 }))).toBe(false);
    expect(fired(patient({ differentiation: "poor" }), "surgery.highGrade.controversial")).toBe(true);
  });
  it("surgery.order.primarySite (§1.1, ref. 14): head → liver metastases first; body and tail → pancreas first; none when the primary is out", () => {
    expect(assignPathway(patient({ primarySite: "head" }), review, thresholds).steps[0].order).toBe("liver-first");
    expect(assignPathway(patient({ primarySite: "body" }), review, thresholds).steps[0].order).toBe("pancreas-first");
    expect(assignPathway(patient({ primarySite: "tail" }), review, thresholds).steps[0].order).toBe("pancreas-first");
    expect(assignPathway(patient({ primaryResected: true }), review, thresholds).steps[0].order).toBeUndefined();
  });
  it("surgery.synchronousOrStaged (§1.1, ref. 14): involvement 29% synchronous, 30% and 31% staged with portal vein embolisation", () => {
    expect(treatments(patient({ liverInvolvementPct: 29 }))[0]).toBe("radicalResection");
    expect(treatments(patient({ liverInvolvementPct: 30 }))[0]).toBe("stagedResection");
    expect(treatments(patient({ liverInvolvementPct: 31 }))[0]).toBe("stagedResection");
  });
  it("surgery.debulking.typeII (§1.1, refs. 15–17): type II G1/G2 with expected cytoreduction 70% and 71% → debulking upfront", () => {
    for (const pct of [70, 71]) expect(treatments(patient({ enetsType: "II", expectedCytoreductionPct: pct }))[0]).toBe("debulking");
    expect(assignPathway(patient({ enetsType: "II", expectedCytoreductionPct: 70 }), review, thresholds).steps[0].intent).toBe("cytoreductive");
  });
  it("surgery.debulking.typeII (§1.1, refs. 15–17): cytoreduction 69% is not debulked upfront (conversion first under the review; nothing under upfront-surgery)", () => {
    const borderline = patient({ enetsType: "II", expectedCytoreductionPct: 69 });
    expect(fired(borderline, "surgery.debulking.typeII")).toBe(false);
    expect(treatments(borderline).slice(0, 2)).toEqual(["conversionTherapy", "debulking"]);
    expect(hasHepaticSurgery({ ...borderline })).toBe(true);
    expect(treatments(borderline, strategy("upfront-surgery")).some((t) => hepatic.includes(t))).toBe(false);
  });
  it("surgery.debulking.typeII (§1.1, refs. 15–17): no debulking for G3 type II, inadequate reserve or serious comorbidity", () => {
    for (const change of [{ ki67: 25 }, { adequateLiverReserve: false }, { seriousComorbidity: true }]) {
      expect(treatments(patient({ enetsType: "II", expectedCytoreductionPct: 90, ...change }))).not.toContain("debulking");
    }
  });
  it("surgery.noRoutineHepatectomy.typeIII (§1.1, ref. 14): type III G1/G2 gets no hepatectomy", () => {
    const p = patient({ enetsType: "III", expectedCytoreductionPct: 95 });
    expect(hasHepaticSurgery(p)).toBe(false);
    expect(fired(p, "surgery.noRoutineHepatectomy.typeIII")).toBe(true);
  });
});

describe("assignPathway — §1.5 conversion therapy", () => {
  it("conversion.therapy (§1.5, refs. 23–25): conversion-first gives conversion therapy before every hepatic resection", () => {
    expect(treatments(patient(), strategy("conversion-first")).slice(0, 2)).toEqual(["conversionTherapy", "radicalResection"]);
    expect(treatments(patient({ enetsType: "II", expectedCytoreductionPct: 80 }), strategy("conversion-first")).slice(0, 2)).toEqual(["conversionTherapy", "debulking"]);
    expect(treatments(patient())).not.toContain("conversionTherapy");
    const steps = assignPathway(patient(), strategy("conversion-first"), thresholds).steps;
    expect(steps[0]).toMatchObject({ intent: "conversion", line: 1 });
    expect(steps[1].line).toBe(1);
  });
});

describe("assignPathway — §1.2 functional tumours and §1.3 the primary", () => {
  const functional = patient({ enetsType: "III", lesionCount: 8, liverInvolvementPct: 40 });
  it("symptomControl.functional (§1.2, ref. 20): glucose for insulinoma, PPI for gastrinoma, SSA for other syndromes, first", () => {
    expect(assignPathway({ ...functional, syndrome: "insulinoma" }, review, thresholds).steps[0]).toMatchObject({ treatment: "glucoseControl", intent: "symptom-control", line: 1 });
    expect(treatments({ ...functional, syndrome: "gastrinoma" })[0]).toBe("ppi");
    expect(assignPathway({ ...functional, syndrome: "other" }, review, thresholds).steps[0]).toMatchObject({ treatment: "ssa", intent: "symptom-control" });
    expect(treatments(functional)).not.toContain("glucoseControl");
  });
  it("surgery.functional (§1.2, refs. 18–19): a functional tumour's primary is resected although the liver metastases are not", () => {
    expect(treatments({ ...functional, syndrome: "gastrinoma" }).slice(0, 2)).toEqual(["ppi", "primaryResection"]);
    expect(treatments({ ...functional, syndrome: "gastrinoma", primaryResected: true })).not.toContain("primaryResection");
    expect(treatments({ ...functional, syndrome: "gastrinoma", seriousComorbidity: true })).not.toContain("primaryResection");
    expect(treatments({ ...functional, syndrome: "gastrinoma", differentiation: "poor" })).not.toContain("primaryResection");
  });
  it("surgery.functional (§1.2, refs. 18–20): a resectable functional tumour gets symptom control, then radical resection", () => {
    expect(treatments(patient({ syndrome: "insulinoma" })).slice(0, 2)).toEqual(["glucoseControl", "radicalResection"]);
  });
  it("surgery.primary.symptomatic (§1.3, refs. 14, 22): a bleeding or obstructing primary of unresectable disease is resected for symptoms", () => {
    const p = patient({ enetsType: "III", lesionCount: 8, liverInvolvementPct: 60, primarySymptomatic: true });
    expect(assignPathway(p, review, thresholds).steps[0]).toMatchObject({ treatment: "primaryResection", intent: "symptom-control" });
    expect(treatments({ ...p, primarySymptomatic: false })).not.toContain("primaryResection");
    expect(treatments(p, custom({ resectSymptomaticPrimary: false }))).not.toContain("primaryResection");
  });
});

describe("assignPathway — §1.4 liver transplantation", () => {
  // Type III G2, Ki-67 5%, primary resected, 40% involvement, stable 6 months, age 59: meets every criterion.
  const candidate = patient({ enetsType: "III", lesionCount: 12, liverInvolvementPct: 40, primaryResected: true, monthsStable: 6, age: 59 });
  const transplanted = (p: Patient) => treatments(p).includes("liverTransplant");
  it("transplant.criteria (§1.4, ref. 11): a patient meeting every criterion is transplanted", () => {
    expect(assignPathway(candidate, review, thresholds).steps[0]).toMatchObject({ treatment: "liverTransplant", intent: "curative" });
  });
  it("transplant.criteria (§1.4, ref. 11): Ki-67 9.9% yes, 10% and 11% no", () => {
    expect(transplanted({ ...candidate, ki67: 9.9 })).toBe(true);
    expect(transplanted({ ...candidate, ki67: 10 })).toBe(false);
    expect(transplanted({ ...candidate, ki67: 11 })).toBe(false);
  });
  it("transplant.criteria (§1.4, ref. 11): involvement 49% yes, 50% and 51% no", () => {
    expect(transplanted({ ...candidate, liverInvolvementPct: 49 })).toBe(true);
    expect(transplanted({ ...candidate, liverInvolvementPct: 50 })).toBe(false);
    expect(transplanted({ ...candidate, liverInvolvementPct: 51 })).toBe(false);
  });
  it("transplant.criteria (§1.4, ref. 11): stable 5 months no, 6 and 7 months yes", () => {
    expect(transplanted({ ...candidate, monthsStable: 5 })).toBe(false);
    expect(transplanted({ ...candidate, monthsStable: 6 })).toBe(true);
    expect(transplanted({ ...candidate, monthsStable: 7 })).toBe(true);
  });
  it("transplant.criteria (§1.4, ref. 11): age 59 yes, 60 and 61 no", () => {
    expect(transplanted({ ...candidate, age: 59 })).toBe(true);
    expect(transplanted({ ...candidate, age: 60 })).toBe(false);
    expect(transplanted({ ...candidate, age: 61 })).toBe(false);
  });
  it("transplant.criteria (§1.4, ref. 11): no transplant with extrahepatic disease, unresected primary, G3 by mitoses, NEC, or when the strategy offers none", () => {
    expect(transplanted({ ...candidate, extrahepaticDisease: true })).toBe(false);
    expect(transplanted({ ...candidate, primaryResected: false })).toBe(false);
    expect(transplanted({ ...candidate, mitoses: 21 })).toBe(false);
    expect(transplanted({ ...candidate, differentiation: "poor" })).toBe(false);
    expect(treatments(candidate, custom({ transplant: false }))).not.toContain("liverTransplant");
  });
  it("transplant.criteria (§1.4, ref. 11): a resectable type I patient meeting the criteria is resected, not transplanted", () => {
    expect(treatments({ ...candidate, enetsType: "I", liverInvolvementPct: 10 })[0]).toBe("radicalResection");
  });
});

describe("assignPathway — §2 liver-directed therapy", () => {
  // Unfit for surgery (serious comorbidity), so liver-directed therapy is considered.
  const unfit = patient({ seriousComorbidity: true, enetsType: "III" });
  const first = (p: Patient, s = review) => treatments(p, s)[0];
  it("local.ablation (§2.1, ref. 26): one lesion of 4.9, 5 cm → ablation; 5.1 cm → no", () => {
    expect(first({ ...unfit, lesionCount: 1, largestLesionCm: 4.9 })).toBe("ablation");
    expect(first({ ...unfit, lesionCount: 1, largestLesionCm: 5 })).toBe("ablation");
    expect(first({ ...unfit, lesionCount: 1, largestLesionCm: 5.1 })).not.toBe("ablation");
  });
  it("local.ablation (§2.1, ref. 26): 2 or 3 lesions of 2.9, 3 cm → ablation; 3.1 cm → no", () => {
    for (const count of [2, 3]) {
      expect(first({ ...unfit, lesionCount: count, largestLesionCm: 2.9 })).toBe("ablation");
      expect(first({ ...unfit, lesionCount: count, largestLesionCm: 3 })).toBe("ablation");
      expect(first({ ...unfit, lesionCount: count, largestLesionCm: 3.1 })).not.toBe("ablation");
    }
  });
  it("local.ablation (§2.1, ref. 26): 1, 2 and 3 lesions can be ablated, 4 cannot", () => {
    expect(first({ ...unfit, lesionCount: 1, largestLesionCm: 2 })).toBe("ablation");
    expect(first({ ...unfit, lesionCount: 2, largestLesionCm: 2 })).toBe("ablation");
    expect(first({ ...unfit, lesionCount: 3, largestLesionCm: 2 })).toBe("ablation");
    expect(first({ ...unfit, lesionCount: 4, largestLesionCm: 2 })).not.toBe("ablation");
  });
  it("local.ablation (§2.1): the lesion counts come from thresholds.json (ablation.single.maxCount, ablation.multiple.minCount), not from literals in code", () => {
    // A researcher who widens "a single tumour" to two lesions of <= 5 cm must see it applied.
    const widened = { ...thresholds, ablationSingleMaxCount: 2 };
    const twoOf4cm = { ...unfit, lesionCount: 2, largestLesionCm: 4 };
    expect(assignPathway(twoOf4cm, review, thresholds).steps[0]?.treatment).not.toBe("ablation");
    expect(assignPathway(twoOf4cm, review, widened).steps[0]?.treatment).toBe("ablation");
    // And one who starts the multiple-lesion rule at 3 lesions stops ablating two lesions of 3 cm.
    const twoOf3cm = { ...unfit, lesionCount: 2, largestLesionCm: 3 };
    expect(assignPathway(twoOf3cm, review, { ...thresholds, ablationMultipleMinCount: 3 }).steps[0]?.treatment).not.toBe("ablation");
    expect(thresholds.ablationSingleMaxCount).toBe(1);
    expect(thresholds.ablationMultipleMinCount).toBe(2);
  });
  it("local.ablation (§2.1, ref. 26): not for NEC or non-functional G3; not under no-liver-directed", () => {
    const small = { ...unfit, lesionCount: 1, largestLesionCm: 2 };
    expect(treatments({ ...small, differentiation: "poor" })).not.toContain("ablation");
    expect(treatments({ ...small, ki67: 30 })).not.toContain("ablation");
    expect(treatments({ ...small, ki67: 30, syndrome: "other" })).toContain("ablation");
    expect(treatments(small, strategy("no-liver-directed"))).not.toContain("ablation");
  });
  it("local.transarterial.lowBurden (§2.2, ref. 33): NF G1/G2 liver-only, involvement 49% → HACE; 50% and 51% → systemic first", () => {
    const many = { ...unfit, lesionCount: 10, largestLesionCm: 4 };
    expect(first({ ...many, liverInvolvementPct: 49 })).toBe("hace");
    expect(first({ ...many, liverInvolvementPct: 50 })).toBe("captem");
    expect(first({ ...many, liverInvolvementPct: 51 })).toBe("captem");
    expect(first({ ...many, liverInvolvementPct: 20, extrahepaticDisease: true })).toBe("captem");
  });
  it("local.transarterial.staged (§2, §2.2, ref. 34): large-burden non-functional G1/G2 is a named choice (transarterialLargeBurden, default false), staged when chosen", () => {
    const large = { ...unfit, lesionCount: 8, largestLesionCm: 6, liverInvolvementPct: 60 };
    expect(treatments(large)).not.toContain("hace");
    const chosen = custom({ transarterialLargeBurden: true });
    const step = assignPathway(large, chosen, thresholds).steps.find((x) => x.treatment === "hace");
    expect(step).toMatchObject({ treatment: "hace", line: 1, staged: true });
    expect(fired(large, "local.transarterial.staged", chosen)).toBe(true);
    // Small burden is unchanged by the choice (one session); extrahepatic disease still goes to systemic therapy.
    expect(assignPathway({ ...large, liverInvolvementPct: 49 }, chosen, thresholds).steps.find((x) => x.treatment === "hace")?.staged).toBeUndefined();
    expect(treatments({ ...large, extrahepaticDisease: true }, chosen)).not.toContain("hace");
  });
  it("local.transarterial.sirt (§2.2, refs. 33, 38): the strategy's agent (HAE, SIRT) replaces HACE for non-functional tumours", () => {
    const many = { ...unfit, lesionCount: 10, liverInvolvementPct: 20 };
    expect(first(many, custom({ transarterialAgent: "sirt" }))).toBe("sirt");
    expect(first(many, custom({ transarterialAgent: "hae" }))).toBe("hae");
    expect(fired(many, "local.transarterial.sirt", custom({ transarterialAgent: "sirt" }))).toBe(true);
  });
  it("local.transarterial.functional (§2.2, ref. 33): functional tumours get HACE (or HAE), never SIRT", () => {
    const f = { ...unfit, syndrome: "gastrinoma" as const, lesionCount: 10, liverInvolvementPct: 60 };
    expect(treatments(f).slice(0, 2)).toEqual(["ppi", "hace"]);
    expect(treatments(f, custom({ transarterialAgent: "hae" }))).toContain("hae");
    expect(treatments(f, custom({ transarterialAgent: "sirt" }))).toContain("hace");
  });
  it("local.transarterial.staged (§2.2, ref. 34): involvement 49% one session; 50% and 51% staged", () => {
    const f = { ...unfit, syndrome: "gastrinoma" as const, lesionCount: 10 };
    const hace = (pct: number) => assignPathway({ ...f, liverInvolvementPct: pct }, review, thresholds).steps.find((s) => s.treatment === "hace");
    expect(hace(49)?.staged).toBeUndefined();
    expect(hace(50)?.staged).toBe(true);
    expect(hace(51)?.staged).toBe(true);
  });
});

describe("assignPathway — §3 systemic lines", () => {
  const unresectable = patient({ enetsType: "III", lesionCount: 10, liverInvolvementPct: 60 });
  it("systemic.captem.g12 (§3.1, refs. 18, 35): CAPTEM first for G1 and G2 NET (Ki-67 2.9% and 3%)", () => {
    expect(firstSystemic({ ...unresectable, ki67: 2.9 })).toBe("captem");
    expect(firstSystemic({ ...unresectable, ki67: 3 })).toBe("captem");
    expect(firstSystemic({ ...unresectable, ki67: 20 })).toBe("captem");
  });
  it("systemic.ssa.firstLine (§3.5, ref. 62): SSA first for Ki-67 9.9% SSTR-positive slow-growing; not at Ki-67 10% or 11%", () => {
    const slow = { ...unresectable, sstrPositive: true, monthsStable: 6 };
    expect(firstSystemic({ ...slow, ki67: 9.9 })).toBe("ssa");
    expect(firstSystemic({ ...slow, ki67: 10 })).toBe("captem");
    expect(firstSystemic({ ...slow, ki67: 11 })).toBe("captem");
  });
  it("systemic.ssa.firstLine (§3.5, ref. 62): slow-growing means stable 6 months or more (5 no, 6 and 7 yes); SSTR-negative no", () => {
    const p = { ...unresectable, sstrPositive: true, ki67: 5 };
    expect(firstSystemic({ ...p, monthsStable: 5 })).toBe("captem");
    expect(firstSystemic({ ...p, monthsStable: 6 })).toBe("ssa");
    expect(firstSystemic({ ...p, monthsStable: 7 })).toBe("ssa");
    expect(firstSystemic({ ...p, monthsStable: 7, sstrPositive: false })).toBe("captem");
  });
  it("systemic.temozolomide.g3 / systemic.platinum (§3.1, ref. 39): G3 NET Ki-67 54.9% temozolomide; 55% and 56% platinum", () => {
    expect(firstSystemic({ ...unresectable, ki67: 54.9 })).toBe("temozolomide");
    expect(firstSystemic({ ...unresectable, ki67: 55 })).toBe("platinumEtoposide");
    expect(firstSystemic({ ...unresectable, ki67: 56 })).toBe("platinumEtoposide");
  });
  it("systemic.platinum (§3.1, refs. 39–40): NEC gets platinum-based chemotherapy first, whatever its Ki-67", () => {
    expect(firstSystemic({ ...unresectable, differentiation: "poor", ki67: 15 })).toBe("platinumEtoposide");
    expect(treatments({ ...unresectable, differentiation: "poor", ki67: 15 })).not.toContain("captem");
  });
  it("systemic.prrt.g3 (§3.4, refs. 18, 55): SSTR-positive G3 with Ki-67 20.1% and 54.9% gets PRRT; 20% (G3 by mitoses) and 55% do not", () => {
    const g3 = { ...unresectable, sstrPositive: true, mitoses: 25 };
    expect(treatments({ ...g3, ki67: 20 })).not.toContain("prrt");
    expect(treatments({ ...g3, ki67: 20.1 })).toContain("prrt");
    expect(treatments({ ...g3, ki67: 54.9 })).toContain("prrt");
    expect(treatments({ ...g3, ki67: 55 })).not.toContain("prrt");
    expect(treatments({ ...g3, ki67: 30, sstrPositive: false })).not.toContain("prrt");
  });
  it("systemic.prrt.g3 (§3.4, refs. 18, 55): selected NEC get PRRT only under prrtForSelectedNec", () => {
    const nec = { ...unresectable, differentiation: "poor" as const, sstrPositive: true, ki67: 40 };
    expect(treatments(nec)).toEqual(["platinumEtoposide"]);
    expect(treatments(nec, custom({ prrtForSelectedNec: true }))).toEqual(["platinumEtoposide", "prrt"]);
    expect(treatments({ ...nec, ki67: 60 }, custom({ prrtForSelectedNec: true }))).toEqual(["platinumEtoposide"]);
  });
  it("systemic.everolimus.g3 (§3.2, refs. 18, 20, 39): everolimus follows chemotherapy in G3 NET unless the strategy says no", () => {
    expect(treatments({ ...unresectable, ki67: 60 })).toEqual(["platinumEtoposide", "everolimus"]);
    expect(treatments({ ...unresectable, ki67: 60 }, custom({ everolimusInG3: false }))).toEqual(["platinumEtoposide"]);
  });
  it("systemic.targeted.progression (§3.2, refs. 18, 20, 39): everolimus by default after CAPTEM; sunitinib or surufatinib when chosen", () => {
    expect(treatments(unresectable)).toEqual(["captem", "everolimus"]);
    expect(treatments(unresectable, custom({ targetedOnProgression: "sunitinib" }))).toEqual(["captem", "sunitinib"]);
    expect(treatments(unresectable, custom({ targetedOnProgression: "surufatinib" }))).toEqual(["captem", "surufatinib"]);
  });
  it("systemic.prrt.g12 (§3.4, refs. 53, 54, 57): SSTR-positive G1/G2 get PRRT after the targeted drug, or before it when chosen", () => {
    const sstr = { ...unresectable, sstrPositive: true };
    expect(treatments(sstr)).toEqual(["captem", "everolimus", "prrt"]);
    expect(treatments(sstr, custom({ prrtOrder: "before-targeted" }))).toEqual(["captem", "prrt", "everolimus"]);
  });
  it("systemic.ssa.functional + systemic.interferon.ssaRefractory (§3.5, refs. 20, 39, 62): functional G1/G2 start with SSA, then interferon-alpha with SSA", () => {
    const f = { ...unresectable, syndrome: "other" as const, seriousComorbidity: true };
    const steps = assignPathway(f, review, thresholds).steps.map((s) => `${s.line}:${s.treatment}:${s.intent}`);
    expect(steps).toEqual(["1:ssa:symptom-control", "1:hace:palliative", "2:ssa:systemic", "3:interferonSsa:systemic", "4:captem:systemic", "5:everolimus:systemic"]);
    const noLocal = assignPathway(f, strategy("no-liver-directed"), thresholds).steps.map((s) => `${s.line}:${s.treatment}:${s.intent}`);
    expect(noLocal).toEqual(["1:ssa:systemic", "2:interferonSsa:systemic", "3:captem:systemic", "4:everolimus:systemic"]);
  });
  it("systemic.firstLine.strategy (§3): the *-first strategies put their drug first for G1/G2 and keep the review's other lines", () => {
    const sstr = { ...unresectable, sstrPositive: true };
    expect(treatments(sstr, strategy("everolimus-first"))).toEqual(["everolimus", "captem", "prrt"]);
    expect(treatments(sstr, strategy("sunitinib-first"))).toEqual(["sunitinib", "captem", "everolimus", "prrt"]);
    expect(treatments(sstr, strategy("surufatinib-first"))).toEqual(["surufatinib", "captem", "everolimus", "prrt"]);
    expect(treatments(sstr, strategy("prrt-first"))).toEqual(["prrt", "captem", "everolimus"]);
    expect(treatments({ ...sstr, ki67: 5, monthsStable: 12 }, strategy("captem-first"))).toEqual(["captem", "ssa", "everolimus", "prrt"]);
    expect(treatments({ ...sstr, ki67: 5, monthsStable: 12 })).toEqual(["ssa", "captem", "everolimus", "prrt"]);
  });
  it("systemic.firstLine.strategy (§3): prrt-first keeps the review's order for SSTR-negative disease; first-line choices leave G3 alone", () => {
    expect(treatments(unresectable, strategy("prrt-first"))).toEqual(["captem", "everolimus"]);
    expect(fired(unresectable, "systemic.firstLine.strategy", strategy("prrt-first"))).toBe(false);
    expect(treatments({ ...unresectable, ki67: 30 }, strategy("everolimus-first"))[0]).toBe("temozolomide");
  });
  it("assignPathway numbers lines: line 1 is the initial treatment, each later systemic treatment a new line", () => {
    const steps = assignPathway(patient({ sstrPositive: true }), review, thresholds).steps;
    expect(steps.map((s) => s.line)).toEqual([1, 2, 3, 4]);
    expect(assignPathway(patient({ sstrPositive: true }), review, thresholds).lineCount).toBe(4);
  });
  it("assignPathway returns the same frozen object for the same decisions", () => {
    const a = assignPathway(patient(), review, thresholds);
    const b = assignPathway(patient({ age: 70, ki67: 6 }), review, thresholds);
    expect(a).toBe(b);
    expect(Object.isFrozen(a) && Object.isFrozen(a.steps) && Object.isFrozen(a.steps[0])).toBe(true);
  });
});
