import { describe, expect, it } from "vitest";
import { whoGrade } from "../../src/rules/index.js";
import { thresholds as t } from "./fixtures.js";

describe("whoGrade(ki67, mitoses, differentiation, thresholds) — classification.whoGrade (intro, refs. 3–5)", () => {
  it("classification.whoGrade (refs. 4–5): Ki-67 2.9% is G1, 3% is G2 (boundary at Ki-67 3)", () => {
    expect(whoGrade(2.9, 0, "well", t)).toBe("G1");
    expect(whoGrade(3, 0, "well", t)).toBe("G2");
    expect(whoGrade(3.1, 0, "well", t)).toBe("G2");
  });
  it("classification.whoGrade (refs. 4–5): Ki-67 20% is G2, 20.1% is G3 (boundary at Ki-67 20)", () => {
    expect(whoGrade(19.9, 0, "well", t)).toBe("G2");
    expect(whoGrade(20, 0, "well", t)).toBe("G2");
    expect(whoGrade(20.1, 0, "well", t)).toBe("G3");
  });
  it("classification.whoGrade (refs. 4–5): mitoses 1 is G1, 2 is G2 (boundary at mitoses 2)", () => {
    expect(whoGrade(1, 1, "well", t)).toBe("G1");
    expect(whoGrade(1, 1.9, "well", t)).toBe("G1");
    expect(whoGrade(1, 2, "well", t)).toBe("G2");
    expect(whoGrade(1, 3, "well", t)).toBe("G2");
  });
  it("classification.whoGrade (refs. 4–5): mitoses 20 is G2, 21 is G3 (boundary at mitoses 20)", () => {
    expect(whoGrade(1, 19, "well", t)).toBe("G2");
    expect(whoGrade(1, 20, "well", t)).toBe("G2");
    expect(whoGrade(1, 21, "well", t)).toBe("G3");
  });
  it("classification.whoGrade (refs. 4–5): the higher of the Ki-67 and mitotic grades counts", () => {
    expect(whoGrade(1, 5, "well", t)).toBe("G2");
    expect(whoGrade(25, 0, "well", t)).toBe("G3");
    expect(whoGrade(5, 25, "well", t)).toBe("G3");
  });
  it("classification.whoGrade (ref. 3): poor differentiation is NEC whatever Ki-67 and mitoses", () => {
    expect(whoGrade(1, 0, "poor", t)).toBe("NEC");
    expect(whoGrade(80, 40, "poor", t)).toBe("NEC");
    expect(whoGrade(80, 40, "well", t)).toBe("G3");
  });
});
