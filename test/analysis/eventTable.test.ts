import { describe, expect, it } from "vitest";
import { eventTable, labelLevels } from "../../src/analysis/eventTable.js";

describe("eventTable", () => {
  it("eventTable(time, event, {group, strata}) counts per distinct time, group and stratum, events before censorings", () => {
    const table = eventTable([3, 1, 3, 2, 3, 1], [1, 0, 0, 1, 1, 1], { group: ["b", "a", "a", "b", "a", "a"], strata: [1, 1, 1, 1, 2, 2] });
    expect(table.groups).toEqual(["a", "b"]);
    expect(table.strata).toEqual(["1", "2"]);
    expect([...table.time]).toEqual([1, 2, 3, 1, 3]);
    expect([...table.stratumStart]).toEqual([0, 3, 5]);
    // rows × groups [a, b]
    expect([...table.nEvent]).toEqual([0, 0, 0, 1, 0, 1, 1, 0, 1, 0]);
    expect([...table.nCensor]).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect([...table.nRisk]).toEqual([2, 2, 1, 2, 1, 1, 2, 0, 1, 0]);
    expect([...table.row]).toEqual([2, 0, 2, 1, 4, 3]);
  });

  it("eventTable(time, event, {timefix}) ties times within sqrt(eps) as R's aeqSurv, unless timefix is false", () => {
    // R: aeqSurv(Surv(c(1, 1 + 1e-9, 2, 0.1 + 0.2, 0.3), c(1, 1, 0, 1, 1)))[, 1] is c(1, 1, 2, 0.3, 0.3)
    const time = [1, 1 + 1e-9, 2, 0.1 + 0.2, 0.3];
    const fixed = eventTable(time, [1, 1, 0, 1, 1]);
    expect([...fixed.time]).toEqual([0.3, 1, 2]);
    expect([...fixed.nEvent]).toEqual([2, 2, 0]);
    expect(eventTable(time, [1, 1, 0, 1, 1], { timefix: false }).time.length).toBe(5);
  });

  it("eventTable(time, event) rejects bad events and missing labels", () => {
    expect(() => eventTable([1, 2], [1, 3])).toThrow("eventTable: event[1] must be 0 or 1, got 3");
    expect(() => eventTable([1, 2], [1, 0], { group: ["a"] })).toThrow("eventTable: group must have one label per subject (2), got 1");
  });

  it("labelLevels(labels) orders numbers numerically and strings by code unit, as R's factor()", () => {
    expect(labelLevels([10, 9, 100])).toEqual(["9", "10", "100"]);
    expect(labelLevels(["b", "B", "a"])).toEqual(["B", "a", "b"]);
  });
});
