import { EnetsTypes, Grades, Syndromes } from "../cohort/Patient.js";
import type { SimulationResult } from "./simulate.js";

const encoder = new TextEncoder();
const comma = 44;
const newline = 10;
const dot = 46;
const zero = 48;

/**
 * The bytes of {@link patientsCsvRows} (UTF-8), written straight into `out` from `offset`: numbers are formatted
 * digit by digit and labels copied from bytes encoded once, so no string is built per cell (issue 18: writing at
 * disk speed). Returns the offset after the last byte. `out` must have room: {@link patientsCsvRowBound} bytes per
 * row. Byte-identical to the string rows: `x.toFixed(4)` rounds the exact binary value half up, and the fast path
 * takes k = round(x·10⁴) only when x·10⁴ is more than 10⁻⁶ from a half (its rounding error is below 1.2·10⁻⁷ for
 * 0 ≤ x < 10⁹), so that k is the same integer; any other value (negative, huge, a near-half) is formatted by
 * toFixed itself. O((end − start) × strategies).
 */
export function patientsCsvBytes(result: SimulationResult, start: number, end: number, out: Uint8Array, offset = 0): number {
  const { cohort, outcomes, strategies } = result;
  const strategyBytes = strategies.map((s) => encoder.encode(s));
  const pathwayBytes = result.pathwayLabels.map((label) => encoder.encode(label));
  const gradeBytes = Grades.map((g) => encoder.encode(g));
  const syndromeBytes = Syndromes.map((s) => encoder.encode(s));
  const enetsBytes = EnetsTypes.map((t) => encoder.encode(t));
  let at = offset;
  const traits = new Uint8Array(256);
  for (let i = start; i < end; i++) {
    // the patient's traits, the same on every strategy's row: ",grade,ki67,functional,syndrome,enets,age,"
    let t = 0;
    traits[t++] = comma;
    traits.set(gradeBytes[cohort.grade[i]!]!, t);
    t += gradeBytes[cohort.grade[i]!]!.length;
    traits[t++] = comma;
    t = writeFixed(traits, t, cohort.ki67[i]!, 1, 10);
    traits[t++] = comma;
    const syndrome = cohort.syndrome[i]!;
    traits[t++] = syndrome === 0 ? zero : zero + 1;
    traits[t++] = comma;
    traits.set(syndromeBytes[syndrome]!, t);
    t += syndromeBytes[syndrome]!.length;
    traits[t++] = comma;
    traits.set(enetsBytes[cohort.enetsType[i]!]!, t);
    t += enetsBytes[cohort.enetsType[i]!]!.length;
    traits[t++] = comma;
    t = writeInteger(traits, t, cohort.age[i]!);
    traits[t++] = comma;
    for (let s = 0; s < strategies.length; s++) {
      const o = outcomes[s]!;
      at = writeInteger(out, at, i + 1);
      out[at++] = comma;
      out.set(strategyBytes[s]!, at);
      at += strategyBytes[s]!.length;
      out.set(traits.subarray(0, t), at);
      at += t;
      const pathway = pathwayBytes[o.pathway[i]!]!;
      out.set(pathway, at);
      at += pathway.length;
      out[at++] = comma;
      at = writeFixed(out, at, o.pfsMonths[i]!, 4, 10_000);
      out[at++] = comma;
      out[at++] = zero + o.pfsEvent[i]!;
      out[at++] = comma;
      at = writeFixed(out, at, o.osMonths[i]!, 4, 10_000);
      out[at++] = comma;
      out[at++] = zero + o.osEvent[i]!;
      out[at++] = newline;
    }
  }
  return at;
}

/** An upper bound on the bytes of one row of a result's patients.csv (numbers at most 40 characters). */
export function patientsCsvRowBound(result: SimulationResult): number {
  const longest = (labels: readonly string[]) => labels.reduce((m, l) => Math.max(m, encoder.encode(l).length), 0);
  return 16 + longest(result.strategies) + longest(Grades) + longest(Syndromes) + longest(EnetsTypes) + longest(result.pathwayLabels) + 3 * 40 + 4 + 16;
}

const digits = new Uint8Array(24);

/** Writes a non-negative integer below 2^53 in decimal. */
function writeInteger(out: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    out[at] = zero + value;
    return at + 1;
  }
  let k = 0;
  let v = value;
  while (v > 0) {
    const q = Math.floor(v / 10);
    digits[k++] = zero + (v - q * 10);
    v = q;
  }
  while (k > 0) out[at++] = digits[--k]!;
  return at;
}

/** Writes `x.toFixed(places)` (scale = 10^places), by integer digits when that is provably the same. */
function writeFixed(out: Uint8Array, at: number, x: number, places: number, scale: number): number {
  if (x >= 0 && x < 1e9) {
    const v = x * scale;
    const below = Math.floor(v);
    if (Math.abs(v - below - 0.5) > 1e-6) {
      const k = v - below > 0.5 ? below + 1 : below;
      const whole = Math.floor(k / scale);
      let fraction = k - whole * scale;
      at = writeInteger(out, at, whole);
      out[at++] = dot;
      for (let p = places - 1; p >= 0; p--) {
        const q = Math.floor(fraction / 10);
        out[at + p] = zero + (fraction - q * 10);
        fraction = q;
      }
      return at + places;
    }
  }
  const text = x.toFixed(places);
  for (let c = 0; c < text.length; c++) out[at++] = text.charCodeAt(c);
  return at;
}
