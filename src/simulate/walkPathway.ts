import { inverseNormalCdf } from "../math/inverseNormalCdf.js";
import { unitExponential } from "../random/unitExponential.js";
import { backgroundDeathMonths } from "./backgroundMortality.js";
import type { CompiledPathway } from "./compilePathway.js";
import type { OutcomeModel } from "./OutcomeModel.js";

/**
 * Lines that have draws of their own; a longer pathway reuses them shifted by the golden ratio
 * (u' = frac(u + 0.618…·k)), still deterministic and uniform.
 */
export const linesWithOwnDraws = 6;

/**
 * Uniforms per patient for the outcome walk, in a fixed layout shared by every strategy (common random
 * numbers): for each line j < {@link linesWithOwnDraws}, [2j] the PFS draw and [2j + 1] the death-or-progression
 * draw; then the post-progression draw and the loss-to-follow-up draw.
 */
export const outcomeDrawsPerPatient = 2 * linesWithOwnDraws + 2;
export const ppsDrawOffset = 2 * linesWithOwnDraws;
export const lossDrawOffset = 2 * linesWithOwnDraws + 1;

/**
 * Uniforms per patient of the sequencing structure beyond {@link outcomeDrawsPerPatient}, from their own sub-stream
 * ("outcomes-sequencing", block b), so that the first 14 stay what the sum-of-lines structure always drew:
 * [0] the frailty, [1] the death from other causes. The sequencing walk reads the others from the shared layout:
 * line j's PFS from [2j], the next-line (attrition) draw after progression on line j from [2j + 1], and the disease
 * death exposure from the post-progression draw.
 */
export const sequencingDrawsPerPatient = 2;

/** The most lines of treatment a pathway may have: the size of {@link PatientDraws}' per-line buffers (compilePathway refuses more). */
export const maximumPathwayLines = 64;

const golden = 0.6180339887498949;

/**
 * One patient's draws turned into strategy-independent pieces, computed once and shared by every strategy
 * (common random numbers, and the costly log and pow only once per patient and line):
 * `lineBase[j] = (E_j/HR_j)^(1/shape)` with E_j = −ln(1 − u_j) and HR_j the line's hazard ratio, so that a line of treatment t lasts
 * `pfsScale[t] × lineBase[j]` (× `debulkingFactor` on an effective debulking line).
 */
export interface PatientDraws {
  draws: Float64Array;
  offset: number;
  hazardRatio: number;
  inverseShape: number;
  deathShare: number;
  /** Hazard ratio of progression per line after the first. */
  lineRatio: number;
  /** Lines whose base is computed so far (lazily: short pathways pay for few lines). */
  computed: number;
  readonly lineBase: Float64Array;
  readonly lineDeath: Uint8Array;
  ppsBase: number;
  /** (debulking hazard ratio)^(−1/shape) when the patient's expected cytoreduction reaches the threshold, else 1. */
  debulkingFactor: number;
  /** `lineRatioPowers[j]` = Math.pow(lineRatio, j), computed once per scratch and `lineRatio` (not per patient and line). */
  readonly lineRatioPowers: Float64Array;
  /** The `lineRatio` the powers are for (NaN before the first patient). */
  powersOf: number;
  /** The last debulking ratio and inverse shape, and Math.pow of them, reused while they stay the same. */
  debulkingRatioOf: number;
  debulkingShapeOf: number;
  debulkingPower: number;
  /** Sequencing structure: months to death from other causes. */
  backgroundMonths: number;
  /** Sequencing structure: unit exponential that the cumulative disease death hazard must reach. */
  diseaseExposure: number;
  /** Sequencing structure: the patient's death hazard per month after progression (grade rate × patient factors). */
  deathRate: number;
  /** Sequencing structure: offset of the patient's grade in the next-line probability table. */
  nextLineOffset: number;
  /** The frailty multiplying every line's progression hazard (1 in the sum-of-lines structure). */
  frailty: number;
}

/** A reusable {@link PatientDraws} scratch object. */
export function createPatientDraws(): PatientDraws {
  return { draws: new Float64Array(0), offset: 0, hazardRatio: 1, inverseShape: 1, deathShare: 0, lineRatio: 1, computed: 0, lineBase: new Float64Array(maximumPathwayLines), lineDeath: new Uint8Array(maximumPathwayLines), ppsBase: 0, debulkingFactor: 1,
    lineRatioPowers: new Float64Array(maximumPathwayLines), powersOf: NaN, debulkingRatioOf: NaN, debulkingShapeOf: NaN, debulkingPower: 1,
    backgroundMonths: Infinity, diseaseExposure: Infinity, deathRate: 0, nextLineOffset: 0, frailty: 1 };
}

/**
 * Fills `scratch` for the patient whose uniforms start at `draws[offset]`. O(1), no allocation.
 * `debulkingRatio` is the patient's hazard ratio on a debulking line (1 when the cytoreduction is below the threshold).
 */
export function preparePatientDraws(
  scratch: PatientDraws,
  model: OutcomeModel,
  draws: Float64Array,
  offset: number,
  hazardRatio: number,
  postHazardRatio: number,
  debulkingRatio: number,
): PatientDraws {
  scratch.draws = draws;
  scratch.offset = offset;
  scratch.hazardRatio = hazardRatio;
  scratch.inverseShape = 1 / model.pfsShape;
  scratch.deathShare = model.deathShare;
  const lineRatio = model.parameters.assumptions.hrLaterLine;
  scratch.lineRatio = lineRatio;
  if (!(scratch.powersOf === lineRatio)) {
    for (let j = 0; j < maximumPathwayLines; j++) scratch.lineRatioPowers[j] = Math.pow(lineRatio, j);
    scratch.powersOf = lineRatio;
  }
  scratch.computed = 0;
  scratch.frailty = 1;
  const ppsExposure = unitExponential(draws[offset + ppsDrawOffset]) / postHazardRatio;
  scratch.ppsBase = model.ppsShape === 1 ? ppsExposure : Math.pow(ppsExposure, 1 / model.ppsShape);
  if (debulkingRatio === 1) scratch.debulkingFactor = 1;
  else {
    // the same ratio and shape for every patient of a run: Math.pow once, not per patient (same number)
    if (!(scratch.debulkingRatioOf === debulkingRatio && scratch.debulkingShapeOf === scratch.inverseShape)) {
      scratch.debulkingPower = Math.pow(debulkingRatio, -scratch.inverseShape);
      scratch.debulkingRatioOf = debulkingRatio;
      scratch.debulkingShapeOf = scratch.inverseShape;
    }
    scratch.debulkingFactor = scratch.debulkingPower;
  }
  return scratch;
}

/**
 * Completes `scratch` (already filled by {@link preparePatientDraws}) for the sequencing structure: the log-normal
 * frailty Z = exp(σ·Φ⁻¹(u) − σ²/2) (mean 1) joins the progression hazard ratio of every line; the death from other
 * causes is drawn from the life table at the patient's age and sex; the disease death exposure is the
 * post-progression draw's unit exponential; the death rate after progression is the grade's rate times the
 * patient's death hazard ratio. O(log ages), no allocation.
 */
export function prepareSequencing(scratch: PatientDraws, model: OutcomeModel, extra: Float64Array, extraOffset: number, deathHazardRatio: number, grade: number, age: number, sex: number): void {
  const sequencing = model.sequencing!;
  const sd = sequencing.frailtySd;
  const frailty = sd === 0 ? 1 : Math.exp(sd * inverseNormalCdf(extra[extraOffset]) - 0.5 * sd * sd);
  scratch.frailty = frailty;
  scratch.hazardRatio *= frailty;
  scratch.backgroundMonths = backgroundDeathMonths(sequencing.background, sex, age, unitExponential(extra[extraOffset + 1]));
  scratch.diseaseExposure = unitExponential(scratch.draws[scratch.offset + ppsDrawOffset]);
  scratch.deathRate = sequencing.ppsRateByGrade[grade] * deathHazardRatio;
  scratch.nextLineOffset = grade * maximumPathwayLines;
}

/** Line j's uniform at `slot` (0: PFS, 1: death share or next line), shifted by the golden ratio past the lines with own draws. */
function lineUniform(p: PatientDraws, j: number, slot: number): number {
  if (j < linesWithOwnDraws) return p.draws[p.offset + 2 * j + slot];
  return (p.draws[p.offset + 2 * (j % linesWithOwnDraws) + slot] + golden * Math.floor(j / linesWithOwnDraws)) % 1;
}

function computeLine(p: PatientDraws, j: number): void {
  let uPfs: number;
  let uDeath: number;
  if (j < linesWithOwnDraws) {
    uPfs = p.draws[p.offset + 2 * j];
    uDeath = p.draws[p.offset + 2 * j + 1];
  } else {
    const shift = golden * Math.floor(j / linesWithOwnDraws);
    const k = j % linesWithOwnDraws;
    uPfs = (p.draws[p.offset + 2 * k] + shift) % 1;
    uDeath = (p.draws[p.offset + 2 * k + 1] + shift) % 1;
  }
  const hazardRatio = j === 0 ? p.hazardRatio : j === 1 ? p.hazardRatio * p.lineRatio : p.hazardRatio * p.lineRatioPowers[j];
  const exposure = unitExponential(uPfs) / hazardRatio;
  p.lineBase[j] = p.inverseShape === 1 ? exposure : Math.pow(exposure, p.inverseShape);
  p.lineDeath[j] = uDeath < p.deathShare ? 1 : 0;
}

/**
 * Where {@link walkPathway} and {@link walkSequence} write: [0] PFS months, [1] OS months, [2] 1 when the PFS event
 * is a death, [3] the number of lines of treatment started, [4] the duration of line 2 (its start to progression or
 * death, months; NaN when line 2 was not started).
 */
export type WalkOutput = Float64Array;

/**
 * One patient's history under one pathway, before censoring:
 *
 *   line 1 ──progression──► line 2 ──► … ──progression──► post-progression survival ──► death
 *      └──death (share `deathShare` of a line's events)────────────────────────────────► death
 *
 * PFS is the end of the first line (progression or death: death counts as a PFS event); OS is the sum of the
 * lines up to death plus, when the last line ends in progression, the post-progression survival of that
 * line's treatment. So OS ≥ PFS always. Each line's time is the treatment's Weibull at the patient's hazard
 * ratio: S(t) = S₀(t)^HR by inverse transform, HR = patient factors × (later-line ratio)^k on the k-th line after
 * the first (× the debulking ratio on an effective debulking line).
 *
 * The numeric core: no checks, no allocation; O(lines).
 */
export function walkPathway(pathway: CompiledPathway, model: OutcomeModel, patient: PatientDraws, out: WalkOutput): void {
  const episodes = pathway.episodes;
  const lines = episodes.length;
  let time = 0;
  let treatment = episodes[0];
  for (let j = 0; j < lines; j++) {
    treatment = episodes[j];
    if (j >= patient.computed) {
      computeLine(patient, j);
      patient.computed = j + 1;
    }
    const duration = model.pfsScale[treatment] * patient.lineBase[j] * (pathway.debulking[j] === 1 ? patient.debulkingFactor : 1);
    time += duration;
    if (j === 0) out[0] = time;
    else if (j === 1) out[4] = duration;
    if (patient.lineDeath[j] === 1) {
      out[1] = time;
      out[2] = j === 0 ? 1 : 0;
      out[3] = j + 1;
      if (j === 0) out[4] = NaN;
      return;
    }
  }
  out[1] = time + model.ppsScale[treatment] * patient.ppsBase;
  out[2] = 0;
  out[3] = lines;
  if (lines < 2) out[4] = NaN;
}

/**
 * One patient's history under one pathway in the sequencing structure (issue 11), before censoring — a small
 * multi-state model:
 *
 *   line 1 ──progression──► [next line? p(line, grade)] ──yes, after a gap──► line 2 ──► … ──► last line
 *     │                            └──no──────────────────────────┐                              │ progression
 *     │                                                           ▼                              ▼
 *     └──death (disease, on treatment; or other causes)──►  DEAD  ◄──── post-progression (one model by grade)
 *
 * Line j lasts scale_t × (E_j/(HR·Z·r^j))^(1/shape) unless death comes first (Z the patient's frailty, shared by
 * all lines; r the later-line ratio). Death from the disease has hazard `deathRate` after progression and in the
 * gaps, and `onTreatmentDeathRatio × deathRate` on treatment: one unit exponential (the disease exposure) is spent
 * along the way, the patient dying when the cumulative hazard reaches it (a time change, exact for piecewise
 * constant hazards). Death from other causes comes at the life-table time drawn for the patient, whatever the
 * pathway. After progression on line j the next line is started only when the line's next-line uniform is below
 * p(j, grade); otherwise, and after the last line, the patient stays post-progression until death. PFS is the end
 * of line 1 (progression or death); OS ≥ PFS always. No checks, no allocation; O(lines).
 */
export function walkSequence(pathway: CompiledPathway, model: OutcomeModel, patient: PatientDraws, out: WalkOutput): void {
  const sequencing = model.sequencing!;
  const episodes = pathway.episodes;
  const lines = episodes.length;
  const exposure = patient.diseaseExposure;
  const background = patient.backgroundMonths;
  const ratePost = patient.deathRate;
  const rateOn = ratePost * sequencing.onTreatmentDeathRatio;
  const gap = sequencing.gapMonths;
  const nextLine = sequencing.nextLineProbability;
  let time = 0;
  let spent = 0; // cumulative disease death hazard so far
  out[2] = 0;
  out[4] = NaN;
  for (let j = 0; j < lines; j++) {
    if (j > 0) {
      // after progression on line j − 1: the next line, or not
      if (lineUniform(patient, j - 1, 1) >= nextLine[patient.nextLineOffset + j - 1]) break;
      // the gap, at the post-progression hazard
      const gapDeath = spent + ratePost * gap >= exposure ? time + (exposure - spent) / ratePost : Infinity;
      const death = gapDeath < background ? gapDeath : background;
      if (death <= time + gap) {
        out[1] = death;
        out[3] = j;
        return;
      }
      spent += ratePost * gap;
      time += gap;
    }
    if (j >= patient.computed) {
      computeLine(patient, j);
      patient.computed = j + 1;
    }
    const duration = model.pfsScale[episodes[j]] * patient.lineBase[j] * (pathway.debulking[j] === 1 ? patient.debulkingFactor : 1);
    const diseaseDeath = rateOn > 0 && spent + rateOn * duration >= exposure ? time + (exposure - spent) / rateOn : Infinity;
    const death = diseaseDeath < background ? diseaseDeath : background;
    if (death <= time + duration) {
      if (j === 0) {
        out[0] = death;
        out[2] = 1;
      } else if (j === 1) out[4] = death - time;
      out[1] = death;
      out[3] = j + 1;
      return;
    }
    spent += rateOn * duration;
    time += duration;
    if (j === 0) out[0] = time;
    else if (j === 1) out[4] = duration;
    out[3] = j + 1;
  }
  // post-progression until death
  const diseaseDeath = ratePost > 0 ? time + (exposure - spent) / ratePost : Infinity;
  out[1] = diseaseDeath < background ? diseaseDeath : background;
}
