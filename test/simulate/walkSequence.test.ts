import { describe, expect, it } from "vitest";
import type { CompiledPathway } from "../../src/simulate/compilePathway.js";
import { compileBackgroundMortality } from "../../src/simulate/backgroundMortality.js";
import type { OutcomeModel, SequencingModel } from "../../src/simulate/OutcomeModel.js";
import type { OutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { createPatientDraws, maximumPathwayLines, outcomeDrawsPerPatient, preparePatientDraws, prepareSequencing, sequencingDrawsPerPatient, walkSequence } from "../../src/simulate/walkPathway.js";
import { randomSource } from "../../src/random/index.js";

// No deaths from other causes: a life table of zeros (the background death time is then infinite).
const noBackground = compileBackgroundMortality({ id: "none", name: "none", source: "test", firstAge: 0, probabilityOfDeath: { male: new Array(110).fill(0), female: new Array(110).fill(0) } });

/** An exponential model (shape 1, patient hazard ratios 1): a line of treatment 0 progresses at `progression` per month. */
function model(options: { progression: number; post: number; ratio: number; nextLine: number; gap: number; frailtyLogVariance?: number; lineRatio?: number }): OutcomeModel {
  const sequencing: SequencingModel = {
    ppsRateByGrade: [options.post, options.post, options.post, options.post],
    onTreatmentDeathRatio: options.ratio,
    nextLineProbability: new Array(4 * maximumPathwayLines).fill(options.nextLine),
    gapMonths: options.gap,
    frailtySd: Math.sqrt(options.frailtyLogVariance ?? 0),
    background: noBackground,
  };
  return {
    parameters: { treatments: {}, assumptions: { hrLaterLine: options.lineRatio ?? 1 }, debulkingThreshold: 70, zeroDurationTreatments: [] } as unknown as OutcomeParameters,
    structure: "sequencing",
    sequencing,
    treatmentIds: ["a"],
    pfsScale: [1 / options.progression],
    ppsScale: [0],
    pfsShape: 1,
    ppsShape: 1,
    deathShare: 0,
  };
}

const oneLine: CompiledPathway = { label: "a", episodes: Int32Array.of(0), debulking: Uint8Array.of(0) };
const twoLines: CompiledPathway = { label: "a>a", episodes: Int32Array.of(0, 0), debulking: Uint8Array.of(0, 0) };

/** Walks n patients with fresh uniforms; returns the walk outputs as rows [PFS, OS, PFS-is-death, lines, line 2]. */
function walkMany(m: OutcomeModel, pathway: CompiledPathway, n: number, seed: number): Float64Array[] {
  const random = randomSource(seed);
  const draws = new Float64Array(outcomeDrawsPerPatient);
  const extra = new Float64Array(sequencingDrawsPerPatient);
  const patient = createPatientDraws();
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < draws.length; k++) draws[k] = random();
    for (let k = 0; k < extra.length; k++) extra[k] = random();
    preparePatientDraws(patient, m, draws, 0, 1, 1, 1);
    prepareSequencing(patient, m, extra, 0, 1, 0, 50, 0);
    const out = new Float64Array(5);
    walkSequence(pathway, m, patient, out);
    rows.push(out);
  }
  return rows;
}

describe("walkSequence", () => {
  const n = 200_000;
  // progression 0.05/month, death after progression 0.1/month, on treatment 0.2 × 0.1 = 0.02/month
  const m = model({ progression: 0.05, post: 0.1, ratio: 0.2, nextLine: 0.7, gap: 1 });
  const rows = walkMany(m, oneLine, n, 11);

  it("walkSequence(one exponential line) gives OS ≥ PFS on every patient and OS = PFS exactly when the PFS event is a death", () => {
    let bad = 0;
    for (const r of rows) if (!(r[1] >= r[0]) || (r[2] === 1) !== (r[1] === r[0])) bad++;
    expect(bad).toBe(0);
  });

  it("walkSequence(one exponential line): deaths before progression are λd/(λd + λp) = 0.02/0.07 of PFS events (closed form, 4 binomial SE)", () => {
    const share = rows.filter((r) => r[2] === 1).length / n;
    const expected = 0.02 / 0.07;
    expect(Math.abs(share - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n));
  });

  it("walkSequence(one exponential line): PFS is exponential at λp + λd (mean 1/0.07) and mean OS = 1/(λp + λd) + P(progression)/λpost (closed form, 4 SE)", () => {
    const meanPfs = rows.reduce((a, r) => a + r[0], 0) / n;
    // the SD of an exponential is its mean: SE = mean/√n
    expect(Math.abs(meanPfs - 1 / 0.07)).toBeLessThan((4 * (1 / 0.07)) / Math.sqrt(n));
    const meanOs = rows.reduce((a, r) => a + r[1], 0) / n;
    const expectedOs = 1 / 0.07 + (0.05 / 0.07) / 0.1;
    // OS = PFS + (with probability 5/7) an Exp(0.1): SD ≤ 1/0.07 + 1/0.1 ≈ 24.3 months
    expect(Math.abs(meanOs - expectedOs)).toBeLessThan((4 * 24.3) / Math.sqrt(n));
  });

  it("walkSequence(two lines): line 2 is started by P(progression) × p(next line) × P(surviving the gap) = 5/7 × 0.7 × e^(−0.1·1) (closed form, 4 SE)", () => {
    const two = walkMany(m, twoLines, n, 12);
    const share = two.filter((r) => r[3] === 2).length / n;
    const expected = (0.05 / 0.07) * 0.7 * Math.exp(-0.1);
    expect(Math.abs(share - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n));
    // line 2's duration is recorded exactly for those who started it, and it too is Exp(0.07)
    const line2 = two.filter((r) => r[3] === 2).map((r) => r[4]);
    expect(line2.every((x) => Number.isFinite(x))).toBe(true);
    expect(two.filter((r) => r[3] < 2).every((r) => Number.isNaN(r[4]))).toBe(true);
    const mean = line2.reduce((a, b) => a + b, 0) / line2.length;
    expect(Math.abs(mean - 1 / 0.07)).toBeLessThan((4 * (1 / 0.07)) / Math.sqrt(line2.length));
  });

  it("walkSequence(frailty with log-variance 0.3): Cov(log line 1, log line 2) recovers the frailty's log-variance (closed form: log Tⱼ = log Eⱼ − log Z − log λ)", () => {
    // no deaths and every patient goes on: both lines are pure Exp(λ·Z) with the same Z
    const frail = model({ progression: 0.05, post: 0, ratio: 0, nextLine: 1, gap: 0, frailtyLogVariance: 0.3 });
    const two = walkMany(frail, twoLines, n, 13);
    const x = two.map((r) => Math.log(r[0]));
    const y = two.map((r) => Math.log(r[4]));
    const mx = x.reduce((a, b) => a + b, 0) / n;
    const my = y.reduce((a, b) => a + b, 0) / n;
    let cov = 0;
    for (let i = 0; i < n; i++) cov += (x[i] - mx) * (y[i] - my);
    cov /= n - 1;
    // SE of a covariance ≈ sqrt(Var X · Var Y / n) with Var log T = π²/6 + 0.3 ≈ 1.94: ≈ 0.0044; tolerance 0.02 (over 4 SE)
    expect(Math.abs(cov - 0.3)).toBeLessThan(0.02);
    // and the frailty has mean 1: the mean line-1 hazard-scaled time E[T·λ] = E[1/Z] = e^σ² for a log-normal of mean 1
    const meanScaled = two.reduce((a, r) => a + r[0] * 0.05, 0) / n;
    expect(Math.abs(meanScaled - Math.exp(0.3))).toBeLessThan(0.03);
  });
});
