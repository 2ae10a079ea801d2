import { eventTableCore } from "../analysis/eventTable.js";
import { kaplanMeierFromTable } from "../analysis/kaplanMeier.js";
import { allocateCohortColumns } from "../cohort/CohortColumns.js";
import { cohortBlockSize, compileCohortSpec, generateCohortRange } from "../cohort/generateCohort.js";
import { createPatientView, patientLoader } from "../cohort/patientAt.js";
import type { CohortSpec } from "../cohort/Scenario.js";
import { fillUniforms } from "../random/fillUniforms.js";
import { subStreamSeed } from "../random/randomSource.js";
import { type CompiledPathway, compilePathway } from "../simulate/compilePathway.js";
import type { OutcomeModel } from "../simulate/OutcomeModel.js";
import { patientHazardRatios } from "../simulate/patientHazardRatios.js";
import { replicateSpread } from "../simulate/replicates.js";
import type { SimulationContext, StrategyLike } from "../simulate/SimulationContext.js";
import { createPatientDraws, maximumPathwayLines, outcomeDrawsPerPatient, preparePatientDraws, prepareSequencing, sequencingDrawsPerPatient, walkPathway, walkSequence } from "../simulate/walkPathway.js";
import { twoGroupCox } from "../trials/twoGroupCox.js";
import type { TrialFile } from "./parseTrialFile.js";
import { priorLineCumulative, trialCohortSpec } from "./trialCohortSpec.js";
import { administrativeCensoringTime } from "./trialFollowUp.js";
import { trialPathwaySteps } from "./trialPathwaySteps.js";

/** What an emulation needs besides the trial file: the calibrated model, the base cohort, the rules and the seed. */
export interface TrialEmulationSetup<S extends StrategyLike, T> {
  readonly model: OutcomeModel;
  /** The cohort the trial's population narrows (population fields left out or null stay as here): the scenario's. */
  readonly baseCohort: CohortSpec;
  readonly context: SimulationContext<S, T>;
  /** Every strategy the rules know (arms and `subsequentStrategy` name them by id). */
  readonly strategies: readonly S[];
  readonly seed: number | string;
  /**
   * Simulated patients per arm (about): the emulation runs R = ⌈patientsPerArm / largest arm⌉ trials of the
   * published size (at least 20), so each arm has R × its n patients.
   */
  readonly patientsPerArm: number;
}

/** One endpoint of an emulated trial. */
export interface EmulatedEndpoint {
  /** Kaplan–Meier median of each arm over all emulated patients (the model's prediction), months; null when not reached. */
  readonly medians: Readonly<Record<string, number | null>>;
  /** 2.5th and 97.5th percentiles of each arm's median over the emulated trials of the published size. */
  readonly medianRanges: Readonly<Record<string, { readonly lower: number | null; readonly upper: number | null }>>;
  /**
   * Hazard ratio, first arm vs second: `estimate` from a Cox model on all emulated patients (the prediction);
   * `lower`–`upper` the 2.5th–97.5th percentiles over the emulated trials of the published size (the spread a
   * real trial of that size would see, from sampling alone).
   */
  readonly hr: { readonly estimate: number | null; readonly lower: number | null; readonly upper: number | null };
  /** Monte Carlo standard error of log(`hr.estimate`): the SD of the trials' log HRs / √R. */
  readonly logHrMonteCarloSe: number | null;
  /** Mean events per emulated trial (both arms). */
  readonly eventsPerTrial: number;
  /**
   * Only when the trial file gives `followUp`: the share of each arm's simulated patients whose event was
   * observed before their administrative censoring time.
   */
  readonly eventFraction?: Readonly<Record<string, number>>;
}

/** The result of {@link emulateTrial}. Plain data. */
export interface TrialEmulation {
  readonly trialId: string;
  /** Emulated trials of the published size. */
  readonly replicates: number;
  /** Simulated patients per arm id. */
  readonly patients: Readonly<Record<string, number>>;
  readonly pfs: EmulatedEndpoint;
  readonly os: EmulatedEndpoint;
  /** The most frequent emulated pathways per arm (treatments joined by ">"), with their shares: what was run. */
  readonly pathways: Readonly<Record<string, readonly { readonly pathway: string; readonly share: number }[]>>;
  /** Share of the arm that started each trial line 1, 2, 3, … (index 0 = line 1 of the trial). */
  readonly lineShares: Readonly<Record<string, readonly number[]>>;
  /** Only when the trial file gives `followUp`: the follow-up applied (administrative censoring). */
  readonly followUp?: { readonly accrualMonths: number; readonly followUpMonths: number | null; readonly maximumMonths: number | null };
}

/** Uniforms per patient of the trial's own sub-stream: [0] the number of earlier lines, [1] crossover or not. */
const trialDrawsPerPatient = 2;

/**
 * Emulates a published randomised trial with the outcome model:
 *
 *   trial population ─ trialCohortSpec ─► each arm's own patients (sub-streams "cohort", "outcomes", … of
 *   subStream(seed, "validate", trial id, arm), blocks of 4,096)
 *   per patient: earlier systemic lines k (priorSystemicLines) → trial pathway (trialPathwaySteps: the arm's
 *   treatment or strategy, crossover on progression, later lines) → walkSequence (walkPathway for sum-of-lines)
 *   from line k + 1 (later-line hazard ratio r^k, attrition from that line on) → PFS and OS from randomisation
 *   ─► R trials of the published arm sizes (patients [r·n, (r+1)·n) of each arm) and all of them pooled
 *   ─► each analysed as the trials were: Kaplan–Meier medians, Cox hazard ratio first arm vs second
 *
 * Arms are different patients (randomisation), not the same patients twice. A crossover patient starts the
 * crossover treatment after progression whenever alive after the gap (probability 1 on that transition instead
 * of the model's attrition); the others go on to the later lines with the model's attrition. Follow-up is
 * complete unless the trial file gives `followUp`: then each patient's PFS and OS are censored at an
 * administrative censoring time (uniform entry over the accrual period, data cut-off, fixed study period; see
 * `administrativeCensoringTime`), drawn from the arm's own sub-stream "accrual" (the other draws are unchanged),
 * and the medians and hazard ratios are those of the censored data, as the published ones were. Within an
 * emulated trial of the published size the entry times are those of independent patients, not a re-sorted
 * calendar, which is what uniform accrual means. Deterministic in the seed. Cost: O(R × n × lines)
 * for the walks plus one Cox fit per emulated trial; about 0.1 s per 100,000 patients.
 */
export function emulateTrial<S extends StrategyLike, T>(trial: TrialFile, setup: TrialEmulationSetup<S, T>): TrialEmulation {
  const { model, context } = setup;
  const registry = context.registry;
  const largest = Math.max(...trial.arms.map((a) => a.n));
  const replicates = Math.max(20, Math.ceil(setup.patientsPerArm / largest));
  const strategyById = new Map(setup.strategies.map((s) => [s.id, s]));
  const subsequent = trial.subsequentStrategy === "none" ? null : strategyById.get(trial.subsequentStrategy ?? "review") ?? null;
  const crossover = trial.crossover ?? null;
  const crossoverTo = crossover === null ? null : trial.arms.find((a) => a.id === crossover.to)?.treatment ?? crossover.to;
  const trialTreatments = new Set<string>([...trial.arms.map((a) => a.treatment), ...(crossoverTo === null ? [] : [crossoverTo])]);
  const systemicTreatments = new Set(registry.treatments.filter((t) => t.kind === "systemic").map((t) => t.id));
  const symptomTreatments = new Set(registry.treatments.filter((t) => t.kind === "symptom").map((t) => t.id));
  const followUp = trial.followUp ?? null;
  const cohortSpec = compileCohortSpec(trialCohortSpec(trial.population, setup.baseCohort), { accrualMonths: 0 });
  const priorCumulative = priorLineCumulative(trial.population);
  const sequencing = model.structure === "sequencing";
  const lineRatio = model.parameters.assumptions.hrLaterLine;
  // a crossover patient starting the trial on line L crosses over with probability 1 on the transition after
  // line L (index L − 1 of each grade's next-line row): one model per L, sharing everything else
  const crossoverModels = new Map<number, OutcomeModel>();
  const crossoverModel = (line: number): OutcomeModel => {
    let found = crossoverModels.get(line);
    if (found === undefined) {
      const table = [...model.sequencing!.nextLineProbability];
      for (let g = 0; g < 4; g++) table[g * maximumPathwayLines + line - 1] = 1;
      found = { ...model, sequencing: { ...model.sequencing!, nextLineProbability: table } };
      crossoverModels.set(line, found);
    }
    return found;
  };

  const armResults = trial.arms.map((arm, armIndex) => {
    const count = replicates * arm.n;
    const seed = subStreamSeed(setup.seed, "validate", trial.id, `arm-${armIndex}`);
    const strategy = strategyById.get(arm.treatment) ?? null;
    const armTreatment = strategy === null ? arm.treatment : null;
    const pathwayStrategy = strategy ?? subsequent;
    const canCrossOver = crossover !== null && crossover.from === arm.id;
    const cohort = allocateCohortColumns(count);
    generateCohortRange(cohortSpec, seed, 0, count, cohort);
    const hrPfs = new Float64Array(count);
    const hrPps = new Float64Array(count);
    const hrDeath = new Float64Array(count);
    patientHazardRatios(cohort, 0, count, model.parameters, hrPfs, hrPps, hrDeath);
    const pfs = new Float64Array(count);
    const os = new Float64Array(count);
    const pathwayCounts = new Map<string, number>();
    const lineCounts: number[] = [];
    const compiled = new Map<string, CompiledPathway>();
    const draws = new Float64Array(cohortBlockSize * outcomeDrawsPerPatient);
    const extra = new Float64Array(cohortBlockSize * sequencingDrawsPerPatient);
    const own = new Float64Array(cohortBlockSize * trialDrawsPerPatient);
    const view = createPatientView();
    const load = patientLoader(cohort);
    const scratch = createPatientDraws();
    const walk = new Float64Array(5);
    const debulkingRatio = model.parameters.assumptions.hrDebulkingEffective;
    for (let done = 0; done < count; done += cohortBlockSize) {
      const size = Math.min(cohortBlockSize, count - done);
      const block = done / cohortBlockSize;
      fillUniforms(draws, size * outcomeDrawsPerPatient, seed, "outcomes", block);
      if (sequencing) fillUniforms(extra, size * sequencingDrawsPerPatient, seed, "outcomes-sequencing", block);
      fillUniforms(own, size * trialDrawsPerPatient, seed, "trial", block);
      for (let p = 0; p < size; p++) {
        const i = done + p;
        let prior = 0;
        while (own[p * trialDrawsPerPatient] >= priorCumulative[prior]) prior++;
        const crossesOver = canCrossOver && own[p * trialDrawsPerPatient + 1] < crossover!.share;
        load(i, view);
        const steps = trialPathwaySteps({
          armTreatment,
          pathway: pathwayStrategy === null ? null : context.assignPathway(view, pathwayStrategy, context.thresholds),
          priorSystemicLines: prior,
          crossoverTo: crossesOver ? crossoverTo : null,
          trialTreatments,
          systemicTreatments,
          symptomTreatments,
        });
        const key = steps.map((s) => `${s.line}:${s.treatment}`).join(" ");
        let pathway = compiled.get(key);
        if (pathway === undefined) {
          pathway = compilePathway(steps, model);
          compiled.set(key, pathway);
        }
        pathwayCounts.set(pathway.label, (pathwayCounts.get(pathway.label) ?? 0) + 1);
        const debulking = cohort.expectedCytoreductionPct[i] >= model.parameters.debulkingThreshold ? debulkingRatio : 1;
        // line k + 1 of the patient's history: its progression hazard carries r^k, and attrition starts from there
        preparePatientDraws(scratch, model, draws, p * outcomeDrawsPerPatient, hrPfs[i] * Math.pow(lineRatio, prior), hrPps[i], debulking);
        if (sequencing) {
          prepareSequencing(scratch, model, extra, p * sequencingDrawsPerPatient, hrDeath[i], cohort.grade[i], cohort.age[i], cohort.sex[i]);
          scratch.nextLineOffset += prior;
          walkSequence(pathway, crossesOver ? crossoverModel(prior + 1) : model, scratch, walk);
        } else walkPathway(pathway, model, scratch, walk);
        pfs[i] = walk[0];
        os[i] = walk[1];
        for (let k = 0; k < walk[3]; k++) lineCounts[k] = (lineCounts[k] ?? 0) + 1;
      }
    }
    // administrative censoring (trial files with followUp only): observed time min(T, C), event T <= C
    let pfsEvent: Uint8Array | null = null;
    let osEvent: Uint8Array | null = null;
    if (followUp !== null) {
      pfsEvent = new Uint8Array(count);
      osEvent = new Uint8Array(count);
      const entry = new Float64Array(cohortBlockSize);
      for (let done = 0; done < count; done += cohortBlockSize) {
        const size = Math.min(cohortBlockSize, count - done);
        fillUniforms(entry, size, seed, "accrual", done / cohortBlockSize);
        for (let p = 0; p < size; p++) {
          const i = done + p;
          const censor = administrativeCensoringTime(followUp, entry[p]);
          pfsEvent[i] = pfs[i] <= censor ? 1 : 0;
          if (pfs[i] > censor) pfs[i] = censor;
          osEvent[i] = os[i] <= censor ? 1 : 0;
          if (os[i] > censor) os[i] = censor;
        }
      }
    }
    const pathways = [...pathwayCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8).map(([pathway, n]) => ({ pathway, share: round(n / count) }));
    return { arm, count, pfs, os, pfsEvent, osEvent, pathways, lineShares: lineCounts.map((c) => round(c / count)) };
  });

  const endpoint = (which: "pfs" | "os"): EmulatedEndpoint => {
    const [experimental, control] = armResults;
    const eventsOf = (arm: (typeof armResults)[number]) => (which === "pfs" ? arm.pfsEvent : arm.osEvent) ?? undefined;
    const status = followUp === null ? undefined : { experimental: eventsOf(experimental)!, control: eventsOf(control)! };
    const pooled = analyseTwoArms(experimental[which], 0, experimental.count, control[which], 0, control.count, status);
    const logHrs: number[] = [];
    const medians = trial.arms.map((): (number | null)[] => []);
    let events = 0;
    for (let r = 0; r < replicates; r++) {
      const nE = experimental.arm.n;
      const nC = control.arm.n;
      const result = analyseTwoArms(experimental[which], r * nE, nE, control[which], r * nC, nC, status);
      if (result.logHazardRatio !== null) logHrs.push(result.logHazardRatio);
      medians[0].push(result.medians[0]);
      medians[1].push(result.medians[1]);
      events += result.events;
    }
    const spread = replicateSpread(logHrs.map(Math.exp));
    const mean = logHrs.reduce((a, b) => a + b, 0) / logHrs.length;
    const sd = Math.sqrt(logHrs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, logHrs.length - 1));
    return {
      medians: Object.fromEntries(trial.arms.map((arm, a) => [arm.id, roundOrNull(pooled.medians[a])])),
      medianRanges: Object.fromEntries(trial.arms.map((arm, a) => {
        const s = replicateSpread(medians[a]);
        return [arm.id, { lower: s.p2_5, upper: s.p97_5 }];
      })),
      hr: { estimate: pooled.logHazardRatio === null ? null : round(Math.exp(pooled.logHazardRatio)), lower: spread.p2_5, upper: spread.p97_5 },
      logHrMonteCarloSe: logHrs.length > 1 ? round(sd / Math.sqrt(logHrs.length)) : null,
      eventsPerTrial: round(events / replicates),
      ...(status !== undefined && {
        eventFraction: Object.fromEntries(armResults.map((r) => [r.arm.id, round(eventsOf(r)!.reduce((sum, e) => sum + e, 0) / r.count)])),
      }),
    };
  };
  return {
    trialId: trial.id,
    replicates,
    patients: Object.fromEntries(armResults.map((r) => [r.arm.id, r.count])),
    pfs: endpoint("pfs"),
    os: endpoint("os"),
    pathways: Object.fromEntries(armResults.map((r) => [r.arm.id, r.pathways])),
    lineShares: Object.fromEntries(armResults.map((r) => [r.arm.id, r.lineShares])),
    ...(followUp !== null && { followUp: { accrualMonths: followUp.accrualMonths ?? 0, followUpMonths: followUp.followUpMonths ?? null, maximumMonths: followUp.maximumMonths ?? null } }),
  };
}

const round = (x: number) => Number(x.toFixed(4));
const roundOrNull = (x: number | null) => (x === null || !Number.isFinite(x) ? null : round(x));
const groupLabels = ["control", "experimental"] as const;
const noStrataLabel = ["all"] as const;

/**
 * Kaplan–Meier medians of both arms and the Cox log hazard ratio (experimental vs control, src/trials
 * twoGroupCox on the event table of src/analysis) of patients [eStart, eStart + eCount) of `experimental` and
 * [cStart, cStart + cCount) of `control`. Without `status` every finite time is an event; times that are not
 * finite (no death in a model without any) are censored at the largest finite time. With `observed` (1 = event,
 * 0 = censored, indexed like the time arrays: administrative censoring) those flags are used. O(n log n).
 */
export function analyseTwoArms(
  experimental: Float64Array,
  eStart: number,
  eCount: number,
  control: Float64Array,
  cStart: number,
  cCount: number,
  observed?: { readonly experimental: Uint8Array; readonly control: Uint8Array },
): { medians: [number | null, number | null]; logHazardRatio: number | null; events: number } {
  const n = eCount + cCount;
  const time = new Float64Array(n);
  const status = new Uint8Array(n);
  const group = new Int32Array(n);
  let largest = 0;
  for (let k = 0; k < eCount; k++) time[k] = experimental[eStart + k];
  for (let k = 0; k < cCount; k++) time[eCount + k] = control[cStart + k];
  for (let k = 0; k < n; k++) if (Number.isFinite(time[k]) && time[k] > largest) largest = time[k];
  let events = 0;
  const given = observed === undefined ? null : (k: number) => (k < eCount ? observed.experimental[eStart + k] : observed.control[cStart + k - eCount]);
  for (let k = 0; k < n; k++) {
    if (given !== null) {
      status[k] = given(k);
      events += status[k];
      if (!Number.isFinite(time[k])) time[k] = largest;
    } else if (Number.isFinite(time[k])) {
      status[k] = 1;
      events++;
    } else time[k] = largest;
    group[k] = k < eCount ? 1 : 0;
  }
  const table = eventTableCore(time, status, group, groupLabels, new Int32Array(n), noStrataLabel);
  const cox = twoGroupCox(table);
  return {
    medians: [kaplanMeierFromTable(table, 1, 0).median.estimate ?? null, kaplanMeierFromTable(table, 0, 0).median.estimate ?? null],
    logHazardRatio: cox === null ? null : cox.logHazardRatio,
    events,
  };
}
