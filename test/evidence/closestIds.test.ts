import { describe, expect, it } from "vitest";
import { closestIds, editDistance } from "../../src/evidence/closestIds.js";

describe("closestIds(query, ids)", () => {
  it("editDistance(a, b) is the Levenshtein distance (kitten → sitting = 3)", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("closestIds(query, ids) ranks a one-letter typo first and leaves far ids out", () => {
    expect(closestIds("captem.pfs.mediam", ["captem", "captem.pfs.median", "everolimus.os.median"])).toEqual(["captem.pfs.median", "captem"]);
    expect(closestIds("zzzz", ["captem.pfs.median"])).toEqual([]);
  });
});
