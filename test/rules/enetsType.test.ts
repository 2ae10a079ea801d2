import { describe, expect, it } from "vitest";
import { enetsType } from "../../src/rules/index.js";

describe("enetsType(pattern) — classification.enetsType (intro, ref. 11)", () => {
  it("classification.enetsType (ref. 11): one lobe without contralateral lesions is type I", () => {
    expect(enetsType({ lobesInvolved: 1, contralateralSatellites: false })).toBe("I");
  });
  it("classification.enetsType (ref. 11): mainly one lobe with small contralateral satellites is type II", () => {
    expect(enetsType({ lobesInvolved: 1, contralateralSatellites: true })).toBe("II");
    expect(enetsType({ lobesInvolved: 2, contralateralSatellites: true })).toBe("II");
  });
  it("classification.enetsType (ref. 11): diffuse bilobar spread is type III", () => {
    expect(enetsType({ lobesInvolved: 2, contralateralSatellites: false })).toBe("III");
  });
});
