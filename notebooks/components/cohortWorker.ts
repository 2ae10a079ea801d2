import { Grades, type Scenario } from "../engine/cohort/index.js";
import { firstLineCompositionRows } from "../engine/report/index.js";
import { calibrateOutcomeModel, resolveOutcomeParameters } from "../engine/simulate/index.js";
import { cohortCharacteristics } from "./cohortCharacteristics.js";
import { compareEndpoint } from "./compareEndpoint.js";
import { parseBundle, type DataBundle, type Project } from "./parseBundle.js";
import { reportStrategies } from "./reportStrategies.js";
import { changeScenario, runScenario } from "./runScenario.js";

/**
 * The Cohort page's simulation, in a Web Worker (issue 13: no main-thread block over 200 ms during a slider
 * drag). Loaded in a worker, this module reads the data bundle, calibrates the outcome model once (as the CLI
 * does) and then answers each request — the page's inputs — with what the page draws: the Kaplan–Meier
 * curves, the cohort's characteristics and the first lines of treatment, plus the time each part took. The
 * page keeps at most one request in flight and sends only the newest inputs when it returns
 * (`cohortClient.ts`), so a drag never queues stale work.
 */
export const cohortWorkerUrl = import.meta.url;

/** The Cohort page's inputs (validated on the page). */
export interface CohortInputs {
  readonly size: number;
  readonly seed: number;
  readonly G1: number;
  readonly G2: number;
  readonly G3: number;
  readonly NEC: number;
  readonly functionalScale: number;
  readonly followUp: number;
  readonly endpoint: "pfs" | "os";
}

export type CohortRequest = { readonly type: "init"; readonly bundleUrl: string } | { readonly type: "run"; readonly id: number; readonly inputs: CohortInputs };

/** What one run gives the page (plain data: it crosses to the page by structured clone). */
export interface CohortAnswer {
  readonly id: number;
  readonly strategies: number;
  /** The strategies' ids, in the order of the comparison's curves. */
  readonly strategyIds: readonly string[];
  readonly comparison: ReturnType<typeof compareEndpoint>;
  readonly characteristics: ReturnType<typeof cohortCharacteristics>;
  readonly firstLines: ReturnType<typeof firstLineCompositionRows>;
  readonly simulateMs: number;
  readonly analyseMs: number;
  readonly calibrationMs: number;
}

interface Prepared {
  readonly project: Project;
  readonly model: ReturnType<typeof calibrateOutcomeModel>;
  readonly calibrationMs: number;
}

/**
 * The scenario the Cohort page's inputs describe: the base scenario with their size, seed, grade mix (weights
 * normalised to shares), functional share (each grade's default share × the scale, at most 1) and follow-up.
 * What the worker simulates, and what "Save scenario" writes (the CLI's scenario format).
 */
export function cohortScenario(base: Scenario, inputs: CohortInputs): Scenario {
  const weights = Grades.map((g) => inputs[g]);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const byGrade = base.cohort.functionalShareByGrade;
  return changeScenario(base, {
    n: inputs.size,
    seed: inputs.seed,
    cohort: {
      grade: Object.fromEntries(Grades.map((g, k) => [g, weightSum > 0 ? weights[k]! / weightSum : 1 / Grades.length])) as never,
      // functional status depends on the grade (insulinoma mostly G1, NEC rarely functional): scale each grade's share
      functionalShare: Math.min(1, base.cohort.functionalShare * inputs.functionalScale),
      ...(byGrade && { functionalShareByGrade: Object.fromEntries(Grades.map((g) => [g, Math.min(1, byGrade[g] * inputs.functionalScale)])) as never }),
    },
    followUp: { additionalFollowUpMonths: inputs.followUp },
  });
}

/** The page's computation for `inputs`, as the Cohort page used to run it on the main thread. */
export function runCohort(prepared: Prepared, id: number, inputs: CohortInputs): CohortAnswer {
  const { project, model } = prepared;
  const base = project.scenarios[0]!;
  const names = new Map(project.strategies.map((s) => [s.id, s.name]));
  const treatmentNames = Object.fromEntries(project.registry.treatments.map((t) => [t.id, t.name]));
  // Symptom control before surgery (glucose control, PPI) is not counted as a first line, as in the report.
  const symptomControl = new Set(project.registry.treatments.filter((t) => t.kind === "symptom").map((t) => t.id));
  const started = performance.now();
  const scenario = cohortScenario(base, inputs);
  const result = runScenario(project, scenario, { model });
  const simulated = performance.now();
  const comparison = compareEndpoint(result, inputs.endpoint, { names, withLogRank: false });
  const characteristics = cohortCharacteristics(result.cohort, project.thresholds);
  const firstLines = firstLineCompositionRows(reportStrategies(result, (s) => names.get(s) ?? s), treatmentNames, symptomControl);
  const analysed = performance.now();
  return { id, strategies: result.strategies.length, strategyIds: [...result.strategies], comparison, characteristics, firstLines, simulateMs: simulated - started, analyseMs: analysed - simulated, calibrationMs: prepared.calibrationMs };
}

const scope = globalThis as unknown as { WorkerGlobalScope?: new () => unknown; postMessage(message: unknown): void; onmessage: ((event: MessageEvent<CohortRequest>) => void) | null };
if (typeof scope.WorkerGlobalScope === "function" && scope instanceof scope.WorkerGlobalScope) {
  let prepared: Promise<Prepared> | null = null;
  scope.onmessage = async (event) => {
    const request = event.data;
    try {
      if (request.type === "init") {
        prepared = fetch(request.bundleUrl)
          .then((response) => response.json() as Promise<DataBundle>)
          .then((bundle) => {
            const project = parseBundle(bundle);
            const base = project.scenarios[0]!;
            const start = performance.now();
            // Calibrated once, each treatment on its figure's population (a property of the registry, not of this page's cohort).
            const model = calibrateOutcomeModel(resolveOutcomeParameters(project.registry), base, base.seed);
            return { project, model, calibrationMs: performance.now() - start };
          });
        return;
      }
      if (prepared === null) throw new Error("cohort worker: run before init");
      scope.postMessage({ type: "answer", answer: runCohort(await prepared, request.id, request.inputs) });
    } catch (error) {
      scope.postMessage({ type: "error", id: request.type === "run" ? request.id : 0, message: error instanceof Error ? error.message : String(error) });
    }
  };
}
