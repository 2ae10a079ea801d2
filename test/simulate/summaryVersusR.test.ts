import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventTableFromTimes } from "../../src/analysis/eventTableFromTimes.js";
import { eventTimes } from "../../src/analysis/eventTimes.js";
import { kaplanMeierFromTable } from "../../src/analysis/kaplanMeier.js";
import { logRankFromTable } from "../../src/analysis/logRank.js";
import { survivalAt } from "../../src/analysis/survivalAt.js";
import { twoGroupEfronCox } from "../../src/analysis/twoGroupEfronCox.js";
import { patientsCsv } from "../../src/simulate/patientsCsv.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { simulate } from "../../src/simulate/simulate.js";
import { summarise } from "../../src/simulate/summarise.js";
import { expectNumber } from "../analysis/rFixtures.js";

// test/fixtures/r/make-simulation-summary-fixtures.R: R's survival on patients.csv of
//   pnen-sim simulate --scenario default --n 400 --seed 7
// survfit(Surv(months, event) ~ 1) (median, summary(fit, times = c(12, 24, 60))), and with the reference's rows pooled
// coxph(Surv(months, event) ~ arm, ties = "efron"), survdiff(Surv(months, event) ~ arm), survfit(... ~ arm) medians.
const folder = new URL("../fixtures/r/simulation-summary/", import.meta.url);
const csv = readFileSync(new URL("patients.csv", folder), "utf8");
type Estimate = { estimate: number | null; lower: number | null; upper: number | null };
type REndpoint = { events: number; median: Estimate; landmarks: { times: number[]; survival: number[]; lower: number[]; upper: number[] } };
type RComparison = { logHazardRatio: number; standardError: number; logRankChiSquare: number; medians: (number | null)[] };
const r = JSON.parse(readFileSync(new URL("r.json", folder), "utf8")) as { strategies: Record<string, Record<"pfs" | "os", REndpoint>>; comparisons: Record<string, Record<"pfs" | "os", RComparison>> };

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());
const result = simulate(scenario, strategies, { n: 400, seed: 7 }, context);
const summary = summarise(result);
const endpoints = ["pfs", "os"] as const;

/** The columns of patients.csv for one strategy (the times as R reads them: 4 decimals). */
function csvColumns(strategy: string, which: "pfs" | "os"): { time: Float64Array; event: Uint8Array } {
  const lines = csv.trimEnd().split("\n");
  const header = lines[0]!.split(",");
  const [s, t, e] = ["strategy", `${which}_months`, `${which}_event`].map((name) => header.indexOf(name));
  const rows = lines.slice(1).map((line) => line.split(",")).filter((cells) => cells[s!] === strategy);
  return { time: Float64Array.from(rows, (cells) => Number(cells[t!])), event: Uint8Array.from(rows, (cells) => Number(cells[e!])) };
}

/** The summary's values are R's rounded to 4 decimals; a time rounded in patients.csv may move R's by up to 0.5e-4. */
const expectRounded = (label: string, actual: number | null, expected: number | null, roundings = 1) => {
  if (expected === null || actual === null) return expect(actual, label).toBe(expected);
  expect(Math.abs(actual - expected), `${label}: summary ${actual}, R ${expected}`).toBeLessThanOrEqual(roundings * 0.5e-4 + 1e-10);
};

describe("summarise(simulate(default, n 400, seed 7)) against R on its patients.csv", () => {
  it("patients.csv of the run is the committed fixture R read (regenerate both with the R script's commands if the simulation changed)", () => {
    expect(patientsCsv(result)).toBe(csv);
  });

  it("the summary's events, Kaplan–Meier medians with 95% limits and 12/24/60-month survival equal R's survfit (to the summary's 4 decimals)", () => {
    for (const s of summary.strategies) {
      for (const which of endpoints) {
        const mine = s[which];
        const theirs = r.strategies[s.strategy]![which];
        const label = `${s.strategy} ${which}`;
        expect(mine.events, `${label} events`).toBe(theirs.events);
        expectRounded(`${label} median`, mine.median.estimate, theirs.median.estimate);
        expectRounded(`${label} median lower`, mine.median.lower, theirs.median.lower);
        expectRounded(`${label} median upper`, mine.median.upper, theirs.median.upper);
        theirs.landmarks.times.forEach((month, k) => {
          const at = mine.landmarks[String(month)]!;
          expectRounded(`${label} S(${month})`, at.estimate, theirs.landmarks.survival[k]!);
          expectRounded(`${label} S(${month}) lower`, at.lower, theirs.landmarks.lower[k]!);
          expectRounded(`${label} S(${month}) upper`, at.upper, theirs.landmarks.upper[k]!);
        });
      }
    }
  });

  it("the summary's hazard ratios and median differences equal R's coxph (Efron) and survfit on the pooled rows (to 4 decimals)", () => {
    for (const c of summary.comparisons) {
      for (const which of endpoints) {
        const theirs = r.comparisons[c.strategy]![which];
        const hr = c[which].hazardRatio!;
        // HR = exp(β): a shift of 0.5e-4 in a time moves β by far less than the HR's last rounded digit here
        expect(Math.abs(hr.estimate! - Math.exp(theirs.logHazardRatio)), `${c.strategy} ${which} HR`).toBeLessThanOrEqual(0.5e-4 + 1e-10);
        const difference = theirs.medians[1]! - theirs.medians[0]!;
        // the difference of two times each rounded in patients.csv, and the summary's own rounding: up to 1e-4 apart
        expectRounded(`${c.strategy} ${which} median difference`, c[which].medianDifference!.estimate, difference, 2);
      }
    }
  });

  it("event tables built once from patients.csv's times give R's survfit, survdiff and coxph to 1e-10 (the same numbers R read)", () => {
    for (const strategy of result.strategies) {
      for (const which of endpoints) {
        const times = eventTimes(csvColumns(strategy, which).time, csvColumns(strategy, which).event);
        const km = kaplanMeierFromTable(eventTableFromTimes([times], ["all"]), 0, 0);
        const theirs = r.strategies[strategy]![which];
        expectNumber(`${strategy} ${which} median`, km.median.estimate, theirs.median.estimate);
        expectNumber(`${strategy} ${which} median lower`, km.median.lower, theirs.median.lower);
        expectNumber(`${strategy} ${which} median upper`, km.median.upper, theirs.median.upper);
        const at = survivalAt(km, theirs.landmarks.times, { extend: false });
        theirs.landmarks.times.forEach((_, k) => expectNumber(`${strategy} ${which} S[${k}]`, at.survival[k]!, theirs.landmarks.survival[k]!));
        if (strategy === result.referenceStrategy) continue;
        const reference = csvColumns(result.referenceStrategy, which);
        const pooled = eventTableFromTimes([eventTimes(reference.time, reference.event), times], ["reference", "strategy"]);
        const comparison = r.comparisons[strategy]![which];
        const fit = twoGroupEfronCox(pooled)!;
        expect(Math.abs(fit.logHazardRatio - comparison.logHazardRatio), `${strategy} ${which} log HR`).toBeLessThan(1e-8); // Newton's stopping rule, as twoGroupEfronCox's own R test
        expect(Math.abs(fit.standardError - comparison.standardError) / comparison.standardError, `${strategy} ${which} SE`).toBeLessThan(1e-8);
        expectNumber(`${strategy} ${which} log-rank chi-square`, logRankFromTable(pooled).chiSquare, comparison.logRankChiSquare);
        expectNumber(`${strategy} ${which} reference median`, kaplanMeierFromTable(pooled, 0, 0).median.estimate, comparison.medians[0]!);
        expectNumber(`${strategy} ${which} strategy median`, kaplanMeierFromTable(pooled, 1, 0).median.estimate, comparison.medians[1]!);
      }
    }
  });
});
