import { readdirSync, readFileSync } from "node:fs";
import { expect } from "vitest";

/**
 * The R reference fixtures in test/fixtures/r/*.json, written by test/fixtures/r/make-fixtures.R with
 * R's survival package. R's NA/NaN arrive as null.
 */
export type Num = number | null;
export interface RQuantiles { p: number[]; estimate: Num[]; lower: Num[]; upper: Num[] }
export interface RKaplanMeier {
  group: string; confType: "log" | "log-log" | "plain"; confLevel: number; n: number; events: number;
  time: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[]; survival: Num[]; stdErr: Num[]; lower: Num[]; upper: Num[];
  median: { estimate: Num; lower: Num; upper: Num };
  quantiles: RQuantiles;
  at: { times: number[]; time: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[]; survival: Num[]; stdErr: Num[]; lower: Num[]; upper: Num[] };
  risk: { grid: number[]; nRisk: number[] };
  rmean: { tau: number; estimate: Num; stdErr: Num };
}
export interface RLogRank { rho: number; gamma: number; stratified: boolean; chiSquare: number; df: number; p: Num; observed: number[]; expected: number[]; variance: number[] }
export interface RTest { statistic: number; df: number; p: number }
export interface RCox {
  ties: "efron" | "breslow"; terms: string | string[]; stratified: boolean;
  coefficients: number[]; standardErrors: number[]; hazardRatios: number[]; lower: number[]; upper: number[]; z: number[]; p: number[];
  logLikelihood: number[]; iterations: number; likelihoodRatio: RTest; wald: RTest; score: RTest;
}
export interface RRmst {
  tau: number; groups: string[];
  arms: { group: string; estimate: number; stdErr: number; lower: number; upper: number }[];
  difference: { estimate: number; stdErr: number; lower: number; upper: number; p: number };
  ratio: { estimate: number; lower: number; upper: number; p: number };
}
export interface RFixture {
  name: string; description: string;
  data: { time: number[]; event: number[]; group: string[]; strata: string[]; [covariate: string]: (number | string)[] };
  km: RKaplanMeier[]; logRank: RLogRank[]; cox: RCox[]; rmst: RRmst | null;
}

const folder = new URL("../fixtures/r/", import.meta.url);

export function rFixtures(): RFixture[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(new URL(file, folder), "utf8")) as RFixture);
}

export function rFixture(name: string): RFixture {
  return JSON.parse(readFileSync(new URL(`${name}.json`, folder), "utf8")) as RFixture;
}

/** Rows of one group of a fixture's data (the "(all)" label keeps every row). */
export function subset(fixture: RFixture, group: string): { time: number[]; event: number[] } {
  const keep = fixture.data.group.map((g) => group === "(all)" || g === group);
  return { time: fixture.data.time.filter((_, i) => keep[i]), event: fixture.data.event.filter((_, i) => keep[i]) };
}

/** Relative tolerance against R; values within 1e-14 of zero count as equal to zero. */
export const relativeTolerance = 1e-10;
const absoluteFloor = 1e-14;

/** True when a and R's value agree to 1e-10 relative (null and NaN agree with each other). */
export function close(actual: number | null | undefined, expected: Num): boolean {
  const a = actual ?? NaN;
  const e = expected ?? NaN;
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e);
  if (a === e) return true;
  return Math.abs(a - e) <= relativeTolerance * Math.max(Math.abs(a), Math.abs(e)) + absoluteFloor;
}

/** Expects every entry of `actual` to agree with R's column `expected`; the message names the column and row. */
export function expectColumn(label: string, actual: ArrayLike<number | null> | readonly (number | null)[], expected: readonly Num[]): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!close(actual[i], expected[i]!)) expect.fail(`${label}[${i}]: got ${actual[i]}, R gives ${expected[i]}`);
  }
}

export function expectNumber(label: string, actual: number | null | undefined, expected: Num): void {
  if (!close(actual, expected)) expect.fail(`${label}: got ${actual}, R gives ${expected}`);
}
