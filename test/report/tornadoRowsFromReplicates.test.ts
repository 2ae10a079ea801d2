import { describe, expect, it } from "vitest";
import { tornadoRowsFromReplicates } from "../../src/report/tornadoRowsFromReplicates.js";
import { reportInputFixture } from "./reportInputFixture.js";

describe("tornadoRowsFromReplicates(replicates, strategy, endpoint)", () => {
  it("tornadoRowsFromReplicates(...) averages the outcome over the lowest and highest third of each input", () => {
    const { replicates } = reportInputFixture();
    const rows = tornadoRowsFromReplicates(replicates, "review", "os");
    const drug = rows.find((r) => r.parameter === "Drug X median PFS")!;
    // OS = 40 + r and the drug's median = 10 + r: thirds are r = 0..3 and r = 8..11
    expect(drug).toEqual({ parameter: "Drug X median PFS", lowValue: 41.5, highValue: 49.5, baseline: 45.5, inputRange: "10–21" });
    expect(rows.map((r) => r.parameter)).not.toContain("Fixed input");
  });

  it("tornadoRowsFromReplicates(fewer than 3) is empty", () => {
    expect(tornadoRowsFromReplicates(reportInputFixture().replicates.slice(0, 2), "review", "os")).toEqual([]);
  });
});
