import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dataDir } from "../../src/io/projectRoot.js";
import { ruleThresholds, ruleThresholdSources } from "../../src/rules/index.js";
import { InputError } from "../../src/util/InputError.js";

const read = (path: string) => JSON.parse(readFileSync(`${dataDir()}${path}`, "utf8"));
const records = [...read("evidence/thresholds.json").thresholds, ...read("assumptions/rules.json").assumptions];

describe("ruleThresholds(records)", () => {
  it("ruleThresholds(records) reads every number from thresholds.json and assumptions/rules.json by id", () => {
    const t = ruleThresholds(records);
    expect(t.g1Ki67Below).toBe(3);
    expect(t.g2Ki67Upper).toBe(20);
    expect(t.platinumSplitKi67).toBe(55);
    expect(t.transplantAgeBelow).toBe(60);
    expect(t.slowGrowingMonthsStableMin).toBe(6);
    expect(Object.keys(t).sort()).toEqual(Object.keys(ruleThresholdSources).sort());
    expect(Object.isFrozen(t)).toBe(true);
  });
  it("ruleThresholds(records) throws an InputError naming each missing id", () => {
    const without = records.filter((r: { id: string }) => r.id !== "transplant.age.below" && r.id !== "rules.surgery.staged.involvement.min");
    expect(() => ruleThresholds(without)).toThrow(InputError);
    expect(() => ruleThresholds(without)).toThrow(/transplant\.age\.below: missing[\s\S]*rules\.surgery\.staged\.involvement\.min: missing/);
  });
  it("ruleThresholds(records) rejects a record without a numeric value", () => {
    expect(() => ruleThresholds([...records.filter((r: { id: string }) => r.id !== "transplant.age.below"), { id: "transplant.age.below" }])).toThrow(/transplant\.age\.below: expected a numeric value/);
  });
});
