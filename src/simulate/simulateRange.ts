import { type CohortColumns, allocateCohortColumns } from "../cohort/CohortColumns.js";
import { fillUniforms } from "../random/fillUniforms.js";
import { unitExponential } from "../random/unitExponential.js";
import { type CompiledCohortSpec, cohortBlockSize, cohortDrawsPerPatient, compileCohortSpec, generateCohortFromUniforms } from "../cohort/generateCohort.js";
import { createPatientView, patientLoader } from "../cohort/patientAt.js";
import type { Scenario } from "../cohort/Scenario.js";
import { type CompiledPathway, compilePathway } from "./compilePathway.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import { patientHazardRatios } from "./patientHazardRatios.js";
import type { PathwayLike, StrategyLike } from "./SimulationContext.js";
import { createIntegerKeyTable, integerKeyGet, integerKeySet } from "../util/integerKeyTable.js";
import { createPatientDraws, lossDrawOffset, outcomeDrawsPerPatient, preparePatientDraws, prepareSequencing, sequencingDrawsPerPatient, walkPathway, walkSequence } from "./walkPathway.js";

/** The outcome columns of one strategy: patient i at index i. Events: 1 observed, 0 censored. */
export interface StrategyColumns {
  /** Index into the result's `pathwayLabels`. */
  readonly pathway: Uint16Array;
  readonly pfsMonths: Float64Array;
  readonly pfsEvent: Uint8Array;
  readonly osMonths: Float64Array;
  readonly osEvent: Uint8Array;
  /** Lines of treatment started (whatever the censoring: the simulated history). */
  readonly linesStarted: Uint8Array;
  /** Duration of line 1 (the PFS before censoring), months. */
  readonly line1Months: Float32Array;
  /** Duration of line 2, months, start to progression or death (uncensored); NaN when line 2 was not started. */
  readonly line2Months: Float32Array;
}

/** Everything a run needs, as plain data (the part a worker thread receives), plus the strategies. */
export interface SimulationPlan<S extends StrategyLike = StrategyLike, T = unknown> {
  readonly scenario: Scenario;
  readonly seed: number | string;
  /** Number of patients. */
  readonly size: number;
  readonly strategies: readonly S[];
  readonly thresholds: T;
  readonly model: OutcomeModel;
}

/** Patients [first, first + count) of a run under every strategy, in columns. */
export interface RangeResult {
  readonly first: number;
  readonly cohort: CohortColumns;
  /** One entry per strategy of the plan, in the plan's order. */
  readonly outcomes: readonly StrategyColumns[];
  /** The pathway labels the `pathway` codes of this range index. */
  readonly pathwayLabels: readonly string[];
  /** Working buffers, kept so that a streaming caller can pass this result back as `reuse`. */
  readonly scratch?: RangeScratch;
}

/**
 * Fills patients [offset, offset + count) of `columns` (block `block` of the run) instead of the scenario's cohort
 * generator: {@link simulateRange}'s hook for a given cohort (e.g. one fixed patient replicated, see
 * `simulatePatientOutcomes`). The outcome draws stay those of the block, so patient i gets the same uniforms
 * whichever filler made it.
 */
export type CohortFiller = (columns: CohortColumns, offset: number, count: number, block: number) => void;

/** Per-block working buffers of {@link simulateRange}. */
export interface RangeScratch {
  readonly hrPfs: Float64Array;
  readonly hrPps: Float64Array;
  readonly draws: Float64Array;
  readonly cohortDraws: Float64Array;
  readonly hrDeath: Float64Array;
  readonly sequencingDraws: Float64Array;
}

export function allocateStrategyColumns(size: number): StrategyColumns {
  return {
    pathway: new Uint16Array(size),
    pfsMonths: new Float64Array(size),
    pfsEvent: new Uint8Array(size),
    osMonths: new Float64Array(size),
    osEvent: new Uint8Array(size),
    linesStarted: new Uint8Array(size),
    line1Months: new Float32Array(size),
    line2Months: new Float32Array(size),
  };
}

/**
 * Simulates patients [first, first + count) of a plan under every strategy: the numeric core of `simulate`.
 * `first` must be a multiple of the block size (4,096). For each block b:
 *
 *   subStream(seed, "cohort", b)   → the block's patients (generateCohortBlock)
 *   subStream(seed, "outcomes", b) → 14 uniforms per patient, shared by every strategy (common random numbers)
 *   subStream(seed, "outcomes-sequencing", b) → 2 more (frailty, death from other causes), sequencing structure only
 *   for each patient, for each strategy: rules → pathway → walkSequence (or walkPathway, sum-of-lines) → censoring
 *
 * Blocks are independent, so any split among workers gives the same numbers; strategies draw nothing, so
 * their order does not matter either. To stream a large run, call it chunk by chunk with `reuse` = the previous
 * chunk's result: its columns are overwritten (only the first `count` entries are meaningful).
 * Allocation: the output columns, two draw buffers, and one compiled pathway per distinct pathway.
 * Time O(count × strategies × lines).
 *
 * A pathway that carries an integer `code` (the rules' do) is found compiled in an integer table by that
 * code; any other pathway by object identity.
 *
 * `fillCohort`, when given, makes each block's patients instead of the scenario's generator (the "cohort"
 * sub-stream is then not drawn); everything after the cohort (hazard ratios, draws, rules, walk, censoring) is
 * the same code.
 */
export function simulateRange<S extends StrategyLike, T>(
  plan: SimulationPlan<S, T>,
  assignPathway: (patient: ReturnType<typeof createPatientView>, strategy: S, thresholds: T) => PathwayLike,
  first: number,
  count: number,
  onProgress?: (done: number) => void,
  reuse?: Pick<RangeResult, "cohort" | "outcomes" | "scratch">,
  fillCohort?: CohortFiller,
): RangeResult {
  const { scenario, model, strategies } = plan;
  const thresholds = plan.thresholds;
  const cohortSpec: CompiledCohortSpec = compileCohortSpec(scenario.cohort, scenario.followUp);
  // `reuse`: columns of an earlier range of at least `count` patients, overwritten (streaming without garbage)
  const cohort = reuse !== undefined && reuse.cohort.size >= count ? reuse.cohort : allocateCohortColumns(count);
  const outcomes = reuse !== undefined && reuse.cohort.size >= count ? reuse.outcomes : strategies.map(() => allocateStrategyColumns(count));
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const byIdentity = strategies.map(() => new Map<object, { compiled: CompiledPathway; code: number }>());
  const compileAndCode = (pathway: PathwayLike, s: number) => {
    const cached = byIdentity[s].get(pathway);
    if (cached !== undefined) return cached;
    const compiled = compilePathway(pathway, model);
    let code = labelIndex.get(compiled.label);
    if (code === undefined) {
      code = labels.length;
      labels.push(compiled.label);
      labelIndex.set(compiled.label, code);
    }
    const entry = { compiled, code };
    // cache by identity only for frozen pathways (the rules return shared frozen objects); others are compiled each time
    if (Object.isFrozen(pathway) && byIdentity[s].size < 100_000) byIdentity[s].set(pathway, entry);
    return entry;
  };

  // pathways with a code, found by it: pathway code → index into `byCodeEntries`
  const byCode = createIntegerKeyTable();
  const byCodeEntries: { compiled: CompiledPathway; code: number }[] = [];
  const codeEntry = (pathway: PathwayLike, pathwayCode: number) => {
    const entry = compileAndCode(pathway, 0);
    integerKeySet(byCode, pathwayCode, byCodeEntries.length);
    byCodeEntries.push(entry);
    return entry;
  };

  const scratch: RangeScratch = reuse?.scratch ?? {
    hrPfs: new Float64Array(cohortBlockSize),
    hrPps: new Float64Array(cohortBlockSize),
    draws: new Float64Array(cohortBlockSize * outcomeDrawsPerPatient),
    cohortDraws: new Float64Array(cohortBlockSize * cohortDrawsPerPatient),
    hrDeath: new Float64Array(cohortBlockSize),
    sequencingDraws: new Float64Array(cohortBlockSize * sequencingDrawsPerPatient),
  };
  const { hrPfs, hrPps, draws, cohortDraws, hrDeath, sequencingDraws } = scratch;
  const sequencing = model.structure === "sequencing";
  const walk5 = sequencing ? walkSequence : walkPathway;
  const view = createPatientView();
  const walk = new Float64Array(5);
  const patientDraws = createPatientDraws();
  const follow = scenario.followUp;
  const adminEnd = follow.additionalFollowUpMonths === undefined ? Infinity : follow.accrualMonths + follow.additionalFollowUpMonths;
  const lossRate = follow.lossToFollowUpPerYear > 0 ? -Math.log1p(-follow.lossToFollowUpPerYear) / 12 : 0;
  const debulkingRatio = model.parameters.assumptions.hrDebulkingEffective;
  const debulkingThreshold = model.parameters.debulkingThreshold;

  const loadPatient = patientLoader(cohort);
  const { entryMonths, expectedCytoreductionPct, grade, age, sex } = cohort;
  const strategyCount = strategies.length;
  for (let done = 0; done < count; done += cohortBlockSize) {
    const block = (first + done) / cohortBlockSize;
    const size = Math.min(cohortBlockSize, count - done);
    if (fillCohort === undefined) {
      fillUniforms(cohortDraws, size * cohortDrawsPerPatient, plan.seed, "cohort", block);
      generateCohortFromUniforms(cohortSpec, cohortDraws, cohort, done, size);
    } else fillCohort(cohort, done, size, block);
    patientHazardRatios(cohort, done, size, model.parameters, hrPfs, hrPps, hrDeath);
    fillUniforms(draws, size * outcomeDrawsPerPatient, plan.seed, "outcomes", block);
    if (sequencing) fillUniforms(sequencingDraws, size * sequencingDrawsPerPatient, plan.seed, "outcomes-sequencing", block);
    for (let p = 0; p < size; p++) {
      const i = done + p;
      loadPatient(i, view);
      const offset = p * outcomeDrawsPerPatient;
      let censor = adminEnd - entryMonths[i];
      if (lossRate > 0) {
        const loss = unitExponential(draws[offset + lossDrawOffset]) / lossRate;
        if (loss < censor) censor = loss;
      }
      const debulking = expectedCytoreductionPct[i] >= debulkingThreshold ? debulkingRatio : 1;
      preparePatientDraws(patientDraws, model, draws, offset, hrPfs[p], hrPps[p], debulking);
      if (sequencing) prepareSequencing(patientDraws, model, sequencingDraws, p * sequencingDrawsPerPatient, hrDeath[p], grade[i], age[i], sex[i]);
      for (let s = 0; s < strategyCount; s++) {
        const pathway = assignPathway(view, strategies[s], thresholds);
        const pathwayCode = "code" in pathway ? pathway.code : undefined;
        let entry: { compiled: CompiledPathway; code: number };
        if (pathwayCode !== undefined) {
          const index = integerKeyGet(byCode, pathwayCode);
          entry = index >= 0 ? byCodeEntries[index]! : codeEntry(pathway, pathwayCode);
        } else entry = byIdentity[s].get(pathway) ?? compileAndCode(pathway, s);
        walk5(entry.compiled, model, patientDraws, walk);
        const out = outcomes[s];
        out.pathway[i] = entry.code;
        out.linesStarted[i] = walk[3];
        out.line1Months[i] = walk[0];
        out.line2Months[i] = walk[4];
        if (walk[0] <= censor) {
          out.pfsMonths[i] = walk[0];
          out.pfsEvent[i] = 1;
        } else {
          out.pfsMonths[i] = censor;
          out.pfsEvent[i] = 0;
        }
        if (walk[1] <= censor) {
          out.osMonths[i] = walk[1];
          out.osEvent[i] = 1;
        } else {
          out.osMonths[i] = censor;
          out.osEvent[i] = 0;
        }
      }
    }
    onProgress?.(done + size);
  }
  return { first, cohort, outcomes, pathwayLabels: labels, scratch };
}

