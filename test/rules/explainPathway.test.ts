import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/io/loadRegistry.js";
import { assignPathway, assignPathwayCode, explainPathway, isRuleId, pathwayFromCode, ruleCatalogue, whoGrade } from "../../src/rules/index.js";
import { patientArbitrary } from "./patientArbitrary.js";
import { basePatient, review, strategies, strategy, thresholds as t } from "./fixtures.js";

const registry = loadRegistry();
const treatmentIds = new Set(registry.treatments.map((x) => x.id));
const referenceNumbers = new Set(registry.references.map((r) => r.number));
const strategyArbitrary = fc.constantFrom(...strategies);
const runs = { numRuns: 2000, seed: 20251127 };

describe("explainPathway(patient, strategy, thresholds)", () => {
  it("explainPathway(patient, review, thresholds) has grade, enetsType, pathway [{treatment, intent, line}] and trace [{rule, fired, text, section, refs}]", () => {
    const e = explainPathway(basePatient, review, t);
    expect(e).toMatchObject({ strategy: "review", grade: "G2", enetsType: "I" });
    expect(e.pathway[0]).toMatchObject({ treatment: "radicalResection", intent: "curative", line: 1 });
    expect(e.trace[0]).toMatchObject({ rule: "classification.whoGrade", fired: true, section: "intro", refs: [3, 4, 5] });
    expect(typeof e.trace[0].text).toBe("string");
  });

  it("property: explainPathway and assignPathway agree (same code, same steps, same shared object)", () => {
    fc.assert(
      fc.property(patientArbitrary, strategyArbitrary, (p, s) => {
        const e = explainPathway(p, s, t);
        const pathway = assignPathway(p, s, t);
        expect(e.code).toBe(assignPathwayCode(p, s, t));
        expect(e.code).toBe(pathway.code);
        expect(e.pathway).toBe(pathway.steps);
        expect(pathwayFromCode(e.code)).toBe(pathway);
        expect(e.grade).toBe(whoGrade(p.ki67, p.mitoses, p.differentiation, t));
      }),
      runs,
    );
  });

  it("property: every valid patient gets a non-empty pathway of known treatment ids, lines 1, 2, 3… in order", () => {
    fc.assert(
      fc.property(patientArbitrary, strategyArbitrary, (p, s) => {
        const { steps, lineCount } = assignPathway(p, s, t);
        expect(steps.length).toBeGreaterThan(0);
        expect(steps[0].line).toBe(1);
        for (let i = 1; i < steps.length; i++) expect(steps[i].line - steps[i - 1].line).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < steps.length; i++) expect(steps[i].line - steps[i - 1].line).toBeLessThanOrEqual(1);
        expect(lineCount).toBe(steps[steps.length - 1].line);
        for (const step of steps) expect(treatmentIds.has(step.treatment)).toBe(true);
        // Every line has at least one active (non-symptom-control) treatment.
        for (let line = 1; line <= lineCount; line++) expect(steps.some((x) => x.line === line && x.intent !== "symptom-control")).toBe(true);
      }),
      runs,
    );
  });

  it("property (transplant.criteria, §1.4, ref. 11): no transplant outside the criteria", () => {
    fc.assert(
      fc.property(patientArbitrary, strategyArbitrary, (p, s) => {
        if (!assignPathway(p, s, t).steps.some((x) => x.treatment === "liverTransplant")) return;
        const grade = whoGrade(p.ki67, p.mitoses, p.differentiation, t);
        expect(p.extrahepaticDisease).toBe(false);
        expect(grade === "G1" || grade === "G2").toBe(true);
        expect(p.ki67).toBeLessThan(10);
        expect(p.primaryResected).toBe(true);
        expect(p.liverInvolvementPct).toBeLessThan(50);
        expect(p.monthsStable).toBeGreaterThanOrEqual(6);
        expect(p.age).toBeLessThan(60);
      }),
      runs,
    );
  });

  it("property (systemic.platinum, §3.1, refs. 39–40): no CAPTEM (first or later) for NEC; platinum is its first systemic line", () => {
    fc.assert(
      fc.property(patientArbitrary, strategyArbitrary, (p, s) => {
        if (p.differentiation !== "poor") return;
        const steps = assignPathway(p, s, t).steps;
        expect(steps.some((x) => x.treatment === "captem")).toBe(false);
        expect(steps.find((x) => x.intent === "systemic")?.treatment).toBe("platinumEtoposide");
      }),
      runs,
    );
  });

  it("property: every trace entry names an existing rule and existing reference numbers (1–64) with the rule's section", () => {
    fc.assert(
      fc.property(patientArbitrary, strategyArbitrary, (p, s) => {
        for (const entry of explainPathway(p, s, t).trace) {
          expect(isRuleId(entry.rule)).toBe(true);
          expect(entry.section).toBe(ruleCatalogue[entry.rule].section);
          expect(entry.refs.length).toBeGreaterThan(0);
          for (const ref of entry.refs) expect(referenceNumbers.has(ref) && ref >= 1 && ref <= 64).toBe(true);
          expect(entry.text.length).toBeGreaterThan(0);
        }
      }),
      runs,
    );
  });

  it("property: no-liver-directed never gives ablation, HAE, HACE or SIRT", () => {
    const none = strategy("no-liver-directed");
    fc.assert(
      fc.property(patientArbitrary, (p) => {
        for (const step of assignPathway(p, none, t).steps) expect(["ablation", "hae", "hace", "sirt"]).not.toContain(step.treatment);
      }),
      runs,
    );
  });

  it("property: every step that fired is explained — each treatment has a fired rule that puts it there", () => {
    const ruleFor: Record<string, readonly string[]> = {
      radicalResection: ["surgery.radical.typeI"], stagedResection: ["surgery.radical.typeI"], debulking: ["surgery.debulking.typeII", "conversion.therapy"],
      primaryResection: ["surgery.functional", "surgery.primary.symptomatic"], liverTransplant: ["transplant.criteria"], conversionTherapy: ["conversion.therapy"],
      ablation: ["local.ablation"], hae: ["local.transarterial.functional", "local.transarterial.lowBurden"], hace: ["local.transarterial.functional", "local.transarterial.lowBurden"],
      sirt: ["local.transarterial.sirt"], captem: ["systemic.captem.g12"], temozolomide: ["systemic.temozolomide.g3"], platinumEtoposide: ["systemic.platinum"],
      everolimus: ["systemic.targeted.progression", "systemic.everolimus.g3", "systemic.firstLine.strategy"], sunitinib: ["systemic.targeted.progression", "systemic.firstLine.strategy"],
      surufatinib: ["systemic.targeted.progression", "systemic.firstLine.strategy"], prrt: ["systemic.prrt.g12", "systemic.prrt.g3", "systemic.firstLine.strategy"],
      ssa: ["systemic.ssa.firstLine", "systemic.ssa.functional", "symptomControl.functional"], interferonSsa: ["systemic.interferon.ssaRefractory"],
      glucoseControl: ["symptomControl.functional"], ppi: ["symptomControl.functional"],
    };
    fc.assert(
      fc.property(patientArbitrary, strategyArbitrary, (p, s) => {
        const e = explainPathway(p, s, t);
        const firedRules = new Set(e.trace.filter((x) => x.fired).map((x) => x.rule as string));
        for (const step of e.pathway) expect(ruleFor[step.treatment].some((r) => firedRules.has(r))).toBe(true);
      }),
      runs,
    );
  });
});
