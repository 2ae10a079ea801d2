import { describe, expect, it } from "vitest";
import { eventTableCore } from "../../src/analysis/eventTable.js";
import { eventTableFromTimes } from "../../src/analysis/eventTableFromTimes.js";
import { eventTimes, mergeEventTimes } from "../../src/analysis/eventTimes.js";
import { EventRowCursor } from "../../src/analysis/eventRowCursor.js";
import { kaplanMeierFromTable } from "../../src/analysis/kaplanMeier.js";
import { kaplanMeierSummary } from "../../src/analysis/kaplanMeierSummary.js";
import { survivalAt } from "../../src/analysis/survivalAt.js";
import { randomSource } from "../../src/random/randomSource.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { simulate, simulationPlan } from "../../src/simulate/simulate.js";
import { simulateRange } from "../../src/simulate/simulateRange.js";
import { summarise, summariseTables } from "../../src/simulate/summarise.js";
import { mergeSummaryTables, summaryTables } from "../../src/simulate/summaryTables.js";
import { SummaryTablesCollector } from "../../src/simulate/summaryTablesCollector.js";

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());

describe("eventTableFromTimes(groups, labels)", () => {
  it("eventTableFromTimes equals eventTableCore on the same subjects (ties, near-ties merged by timefix, −0, two groups)", () => {
    const random = randomSource(7);
    const n = 3000;
    const time = new Float64Array(n);
    const status = new Uint8Array(n);
    const group = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      // a coarse grid gives exact ties; every 7th time is nudged by 1e-10 (a near-tie R's timefix merges)
      time[i] = Math.round(random() * 200) / 4 + (i % 7 === 0 ? 1e-10 : 0);
      if (i === 5) time[i] = -0;
      status[i] = random() < 0.6 ? 1 : 0;
      group[i] = random() < 0.5 ? 1 : 0;
    }
    const expected = eventTableCore(time, status, group, ["a", "b"], new Int32Array(n), ["all"]);
    const keep = (g: number) => Uint8Array.from(group, (x) => (x === g ? 1 : 0));
    const actual = eventTableFromTimes([eventTimes(time, status, 0, n, keep(0)), eventTimes(time, status, 0, n, keep(1))], ["a", "b"]);
    // 201 grid points: the nudged copies (near-ties) were merged into them; without timefix they are rows of their own
    expect(expected.time.length).toBeLessThanOrEqual(201);
    expect(eventTableCore(time, status, group, ["a", "b"], new Int32Array(n), ["all"], false).time.length).toBeGreaterThan(300);
    expect(Array.from(actual.time)).toEqual(Array.from(expected.time));
    expect(Array.from(actual.nRisk)).toEqual(Array.from(expected.nRisk));
    expect(Array.from(actual.nEvent)).toEqual(Array.from(expected.nEvent));
    expect(Array.from(actual.nCensor)).toEqual(Array.from(expected.nCensor));
    expect(actual.n).toBe(n);
  });

  it("mergeEventTimes(parts) equals eventTimes of the union, whatever the split", () => {
    const random = randomSource(3);
    const time = Float64Array.from({ length: 1000 }, () => Math.round(random() * 50));
    const status = Uint8Array.from({ length: 1000 }, () => (random() < 0.5 ? 1 : 0));
    const whole = eventTimes(time, status);
    const merged = mergeEventTimes([eventTimes(time, status, 0, 137), eventTimes(time, status, 137, 600), eventTimes(time, status, 600, 1000)]);
    expect(Array.from(merged.events)).toEqual(Array.from(whole.events));
    expect(Array.from(merged.censored)).toEqual(Array.from(whole.censored));
  });
});

describe("kaplanMeierSummary(new EventRowCursor(groups), group, landmarks)", () => {
  it("kaplanMeierSummary gives kaplanMeierFromTable's median and survivalAt's landmarks bit for bit (near-ties, a curve at exactly ½, landmarks past the end)", () => {
    const random = randomSource(11);
    const cases: { time: Float64Array; status: Uint8Array; group: Int32Array }[] = [];
    // exactly ½ after two of four events (the midpoint rule), and a landmark after the last time
    cases.push({ time: Float64Array.of(1, 2, 3, 4), status: Uint8Array.of(1, 1, 1, 0), group: new Int32Array(4) });
    for (const n of [50, 3000]) {
      const time = Float64Array.from({ length: n }, (_, i) => Math.round(random() * 300) / 4 + (i % 5 === 0 ? 1e-11 : 0));
      const status = Uint8Array.from({ length: n }, () => (random() < 0.55 ? 1 : 0));
      const group = Int32Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0));
      cases.push({ time, status, group });
    }
    for (const { time, status, group } of cases) {
      const n = time.length;
      const table = eventTableCore(time, status, group, ["a", "b"], new Int32Array(n), ["all"]);
      const keep = (g: number) => Uint8Array.from(group, (x) => (x === g ? 1 : 0));
      const times = [eventTimes(time, status, 0, n, keep(0)), eventTimes(time, status, 0, n, keep(1))];
      for (const g of [0, 1]) {
        const km = kaplanMeierFromTable(table, g, 0);
        const landmarks = [2.5, 12, 24, 60, 1000];
        const at = survivalAt(km, landmarks, { extend: false });
        const streamed = kaplanMeierSummary(new EventRowCursor(times), g, landmarks);
        expect(streamed.events).toBe(km.events);
        expect(streamed.median).toEqual(km.median);
        expect(streamed.at).toEqual({ time: Array.from(at.time), survival: Array.from(at.survival), lower: Array.from(at.lower), upper: Array.from(at.upper) });
      }
    }
    expect(kaplanMeierSummary(new EventRowCursor([eventTimes(cases[0]!.time, cases[0]!.status)]), 0, []).median.estimate).toBe(2.5);
  });
});

describe("summariseTables(mergeSummaryTables(parts))", () => {
  it("summary tables of ranges simulated apart (own pathway codes), merged in any order, give the single-process summary byte for byte", () => {
    const n = 4096 * 3 + 1234;
    const plan = simulationPlan(scenario, strategies, { n }, context);
    const whole = simulate(scenario, strategies, { n, model: plan.model }, context);
    const ids = plan.strategies.map((s) => s.id);
    const cuts = [0, 4096, 4096 * 3, n];
    const parts = cuts.slice(0, -1).map((first, k) => {
      const range = simulateRange(plan, context.assignPathway, first, cuts[k + 1]! - first);
      return summaryTables({ first, count: range.cohort.size, grade: range.cohort.grade, outcomes: range.outcomes, pathwayLabels: range.pathwayLabels }, ids, scenario.referenceStrategy, plan.model);
    });
    const run = { scenario: scenario.name, seed: whole.seed, model: plan.model };
    const expected = JSON.stringify(summarise(whole));
    expect(JSON.stringify(summariseTables(mergeSummaryTables([parts[2]!, parts[0]!, parts[1]!]), run))).toBe(expected);
    expect(JSON.stringify(summariseTables(mergeSummaryTables([mergeSummaryTables([parts[0]!, parts[1]!]), parts[2]!]), run))).toBe(expected);
    // a streamed run's collector (slabs, bottom-up merge) gives the same
    const collector = new SummaryTablesCollector(n);
    for (const k of [1, 2, 0]) collector.add(structuredClone(parts[k]!));
    expect(JSON.stringify(summariseTables(collector.finish(), run))).toBe(expected);
    // consuming the parts gives the same, and leaves the parts empty
    expect(JSON.stringify(summariseTables(mergeSummaryTables(parts, { consume: true }), run))).toBe(expected);
    expect(parts[0]!.perStrategy[0]!.pfs.events.length).toBe(0);
  });

  it("mergeSummaryTables refuses parts with a gap", () => {
    const plan = simulationPlan(scenario, strategies, { n: 4096 * 3 }, context);
    const ids = plan.strategies.map((s) => s.id);
    const part = (first: number) => {
      const range = simulateRange(plan, context.assignPathway, first, 4096);
      return summaryTables({ first, count: 4096, grade: range.cohort.grade, outcomes: range.outcomes, pathwayLabels: range.pathwayLabels }, ids, scenario.referenceStrategy, plan.model);
    };
    expect(() => mergeSummaryTables([part(0), part(8192)])).toThrow(/contiguous/);
  });
});
