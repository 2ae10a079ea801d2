import { describe, expect, it } from "vitest";
import { coxPh } from "../../src/analysis/coxPh.js";
import { eventTableCore } from "../../src/analysis/eventTable.js";
import { twoGroupEfronCox } from "../../src/analysis/twoGroupEfronCox.js";
import { randomSource } from "../../src/random/randomSource.js";

const table = (time: number[], event: number[], group: number[]) =>
  eventTableCore(Float64Array.from(time), Uint8Array.from(event), Int32Array.from(group), ["0", "1"], new Int32Array(time.length), ["all"]);

describe("twoGroupEfronCox(table)", () => {
  it("twoGroupEfronCox(paired data with many exact ties across groups) equals coxPh(ties = 'efron'), R coxph's default, to 1e-8", () => {
    // the same 300 patients under two strategies: 60% identical times (the pathway did not change), the others shorter
    // under the reference; 20% censored
    const source = randomSource(11);
    const time: number[] = [];
    const event: number[] = [];
    const group: number[] = [];
    for (let i = 0; i < 300; i++) {
      const base = Math.round(-Math.log(source()) * 120) / 10; // rounded to 0.1 month: ties within groups too
      const changed = source() < 0.4;
      const censored = source() < 0.2 ? 1 : 0;
      time.push(changed ? Math.round(base * 7) / 10 : base, base);
      event.push(1 - censored, 1 - censored);
      group.push(0, 1);
    }
    const fit = twoGroupEfronCox(table(time, event, group))!;
    const reference = coxPh(time, event, { group: group.map(String), groupLevels: ["0", "1"] }, { ties: "efron" });
    expect(fit.logHazardRatio).toBeCloseTo(reference.coefficients[0], 8);
    expect(fit.standardError).toBeCloseTo(reference.standardErrors[0], 8);
  });

  it("twoGroupEfronCox(table) is null when a group has no events", () => {
    expect(twoGroupEfronCox(table([1, 2, 3, 4], [1, 1, 0, 0], [0, 0, 1, 1]))).toBeNull();
  });
});
