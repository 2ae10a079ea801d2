import { describe, expect, it } from "vitest";
import { coxPh } from "../../src/analysis/coxPh.js";
import { eventTable } from "../../src/analysis/eventTable.js";
import { randomSource } from "../../src/random/randomSource.js";
import { twoGroupCox } from "../../src/trials/twoGroupCox.js";

function sample(n: number, seed: number) {
  const source = randomSource(seed);
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const group = new Int32Array(n);
  const stratum = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    group[i] = source() < 0.5 ? 1 : 0;
    stratum[i] = source() < 0.4 ? 1 : 0;
    const hazard = (group[i] === 1 ? 0.6 : 1) * (stratum[i] === 1 ? 2 : 1) * 0.05;
    const eventTime = -Math.log(1 - source()) / hazard;
    const censor = 10 + 30 * source();
    time[i] = Math.min(eventTime, censor);
    event[i] = eventTime <= censor ? 1 : 0;
  }
  return { time, event, group, stratum };
}

describe("twoGroupCox(table)", () => {
  it("twoGroupCox matches coxPh (R's coxph) to 1e-8 without ties", () => {
    const { time, event, group } = sample(300, 11);
    const fit = twoGroupCox(eventTable(time, event, { group, groupLevels: ["0", "1"] }));
    const reference = coxPh(time, event, { group, groupLevels: ["0", "1"] });
    expect(fit).not.toBeNull();
    expect(fit!.logHazardRatio).toBeCloseTo(reference.coefficients[0], 8);
    expect(fit!.standardError).toBeCloseTo(reference.standardErrors[0], 8);
  });
  it("twoGroupCox on a stratified table matches coxPh with strata", () => {
    const { time, event, group, stratum } = sample(300, 12);
    const fit = twoGroupCox(eventTable(time, event, { group, groupLevels: ["0", "1"], strata: stratum }));
    const reference = coxPh(time, event, { group, groupLevels: ["0", "1"] }, { strata: stratum });
    expect(fit!.logHazardRatio).toBeCloseTo(reference.coefficients[0], 8);
    expect(fit!.z).toBeCloseTo(reference.z[0], 8);
  });
  it("twoGroupCox returns null when one arm has no events (the estimate runs off to −∞)", () => {
    const time = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const event = Uint8Array.from([1, 1, 1, 0, 0, 0]);
    const group = Int32Array.from([0, 0, 0, 1, 1, 1]);
    expect(twoGroupCox(eventTable(time, event, { group, groupLevels: ["0", "1"] }))).toBeNull();
  });
});
