import { unitExponential } from "../random/unitExponential.js";
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
}

/** A reusable {@link PatientDraws} scratch object. */
export function createPatientDraws(): PatientDraws {
  return { draws: new Float64Array(0), offset: 0, hazardRatio: 1, inverseShape: 1, deathShare: 0, lineRatio: 1, computed: 0, lineBase: new Float64Array(maximumPathwayLines), lineDeath: new Uint8Array(maximumPathwayLines), ppsBase: 0, debulkingFactor: 1,
    lineRatioPowers: new Float64Array(maximumPathwayLines), powersOf: NaN, debulkingRatioOf: NaN, debulkingShapeOf: NaN, debulkingPower: 1 };
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

/** Where {@link walkPathway} writes: [0] PFS months, [1] OS months, [2] 1 when the PFS event is a death. */
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
    time += model.pfsScale[treatment] * patient.lineBase[j] * (pathway.debulking[j] === 1 ? patient.debulkingFactor : 1);
    if (j === 0) out[0] = time;
    if (patient.lineDeath[j] === 1) {
      out[1] = time;
      out[2] = j === 0 ? 1 : 0;
      return;
    }
  }
  out[1] = time + model.ppsScale[treatment] * patient.ppsBase;
  out[2] = 0;
}
