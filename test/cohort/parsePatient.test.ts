import { describe, expect, it } from "vitest";
import { enetsTypeFromPattern, parsePatient, patientFields } from "../../src/cohort/parsePatient.js";
import { InputError } from "../../src/util/InputError.js";

const minimal = { age: 52, primarySite: "head", ki67: 5, enetsType: "I", lesionCount: 2, largestLesionCm: 3, liverInvolvementPct: 10 };

describe("parsePatient(json)", () => {
  it("parsePatient(json) fills the documented defaults of optional fields", () => {
    expect(parsePatient(minimal)).toEqual({
      ...minimal, sex: "female", syndrome: "none", mitoses: 0, differentiation: "well", extrahepaticDisease: false, adequateLiverReserve: true,
      seriousComorbidity: false, sstrPositive: false, primaryResected: false, monthsStable: 0, expectedCytoreductionPct: 0, primarySymptomatic: false,
    });
  });
  it("parsePatient(json) rejects Ki-67 of 140 naming the field and the expectation", () => {
    expect(() => parsePatient({ ...minimal, ki67: 140 })).toThrow("patient.ki67: expected a number from 0 to 100, got 140");
  });
  it("parsePatient(json) rejects a negative or fractional lesion count and an unknown syndrome", () => {
    expect(() => parsePatient({ ...minimal, lesionCount: -1 })).toThrow("patient.lesionCount: expected an integer >= 1, got -1");
    expect(() => parsePatient({ ...minimal, lesionCount: 1.5 })).toThrow("patient.lesionCount: expected an integer >= 1, got 1.5");
    expect(() => parsePatient({ ...minimal, syndrome: "vipoma" })).toThrow('patient.syndrome: expected one of "none", "insulinoma", "gastrinoma", "other", got "vipoma"');
  });
  it("parsePatient(json) reports every problem at once, required fields included", () => {
    try {
      parsePatient({ ki67: "5", largestLesionCm: 0, sstrPositive: "yes" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const problems = (error as InputError).problems;
      expect(problems).toContain("patient.age: required, missing (years (transplant: < 60))");
      expect(problems).toContain('patient.ki67: expected a number from 0 to 100, got "5"');
      expect(problems).toContain("patient.largestLesionCm: expected a number > 0, got 0");
      expect(problems).toContain('patient.sstrPositive: expected true or false, got "yes"');
      expect(problems.some((p) => p.startsWith("patient.enetsType: required unless lobesInvolved"))).toBe(true);
    }
  });
  it("parsePatient(json) rejects unknown fields, suggesting the right spelling", () => {
    expect(() => parsePatient({ ...minimal, Ki67: 5 })).toThrow("patient.Ki67: unknown field; did you mean 'ki67'?");
    expect(() => parsePatient({ ...minimal, tumourSize: 5 })).toThrow(/patient\.tumourSize: unknown field; expected one of age, /);
  });
  it("parsePatient(json) derives enetsType from lobesInvolved and contralateralSatellites when absent", () => {
    const { enetsType: _, ...noType } = minimal;
    expect(parsePatient({ ...noType, lobesInvolved: 1 }).enetsType).toBe("I");
    expect(parsePatient({ ...noType, lobesInvolved: 1, contralateralSatellites: true }).enetsType).toBe("II");
    expect(parsePatient({ ...noType, lobesInvolved: 2 }).enetsType).toBe("III");
    expect(() => parsePatient({ ...minimal, lobesInvolved: 2 })).toThrow(/patient\.enetsType: "I" disagrees with lobesInvolved 2/);
    expect(() => parsePatient({ ...noType, lobesInvolved: 3 })).toThrow("patient.lobesInvolved: expected an integer from 1 to 2, got 3");
  });
  it("parsePatient(json) rejects a non-object and NaN-like values", () => {
    expect(() => parsePatient([])).toThrow("patient: expected a JSON object of patient fields, got an array");
    expect(() => parsePatient({ ...minimal, age: Number.NaN })).toThrow(/patient\.age: expected a number from 0 to 120/);
  });
  it("parsePatient(json) treats null as the default of an optional field and refuses __proto__ and 1e400", () => {
    expect(parsePatient({ ...minimal, mitoses: null, sex: null }).mitoses).toBe(0);
    expect(parsePatient({ $schema: "../schemas/patient.schema.json", ...minimal }).age).toBe(52);
    expect(() => parsePatient(JSON.parse('{"age": 52, "__proto__": {"ki67": 5}}'))).toThrow("patient.__proto__: key not allowed");
    expect(() => parsePatient({ ...minimal, ki67: JSON.parse("1e400") })).toThrow("patient.ki67: expected a number from 0 to 100, got Infinity (a number too large for a double, e.g. 1e400)");
  });
  it("enetsTypeFromPattern(pattern) maps lobes and satellites to ENETS types (ref. 11)", () => {
    expect(enetsTypeFromPattern({ lobesInvolved: 1, contralateralSatellites: false })).toBe("I");
    expect(enetsTypeFromPattern({ lobesInvolved: 2, contralateralSatellites: true })).toBe("II");
  });
  it("patientFields lists every Patient field the rules read", () => {
    const names = patientFields.map((f) => f.name);
    for (const n of ["age", "sex", "primarySite", "syndrome", "ki67", "mitoses", "differentiation", "enetsType", "lesionCount", "largestLesionCm", "liverInvolvementPct", "extrahepaticDisease", "adequateLiverReserve", "seriousComorbidity", "sstrPositive", "primaryResected", "monthsStable", "expectedCytoreductionPct"]) expect(names).toContain(n);
  });
  it("parsePatient(json) rejects an enetsType that disagrees with contralateralSatellites given without lobesInvolved (ref. 11)", () => {
    expect(() => parsePatient({ ...minimal, enetsType: "I", contralateralSatellites: true })).toThrow(/patient\.enetsType: "I" disagrees with contralateralSatellites true/);
    expect(() => parsePatient({ ...minimal, enetsType: "II", contralateralSatellites: false })).toThrow(/patient\.enetsType: "II" disagrees with contralateralSatellites false/);
    expect(parsePatient({ ...minimal, enetsType: "II", contralateralSatellites: true }).enetsType).toBe("II");
    expect(parsePatient({ ...minimal, enetsType: "III", contralateralSatellites: false }).enetsType).toBe("III");
  });
});
