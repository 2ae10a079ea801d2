import { pathwaySteps } from "../simulate/compilePathway.js";
import type { PathwayLike, PathwayStepLike } from "../simulate/SimulationContext.js";

/** What a trial patient's pathway is built from (see {@link trialPathwaySteps}). */
export interface TrialPathwayInput {
  /** The arm's treatment id, or null when the arm is a strategy. */
  readonly armTreatment: string | null;
  /** The patient's pathway under the arm's strategy (strategy arms) or under the subsequent-therapy strategy (treatment arms); null: none. */
  readonly pathway: PathwayLike | null;
  /** Systemic lines the patient received before the trial (0 = the trial's line is their first). */
  readonly priorSystemicLines: number;
  /** The crossover treatment when this patient crosses over on progression, else null. */
  readonly crossoverTo: string | null;
  /** The treatments the trial gives (its arms' and the crossover's): removed from the later lines of a treatment arm. */
  readonly trialTreatments: ReadonlySet<string>;
  /** Treatment ids of kind "systemic" in the registry. */
  readonly systemicTreatments: ReadonlySet<string>;
  /** Treatment ids of kind "symptom" (taken no account of when classifying a line). */
  readonly symptomTreatments: ReadonlySet<string>;
}

/** The lines of a pathway: consecutive steps with the same `line` (a step without one is its own line), as compilePathway groups them. */
export function pathwayStepLines(pathway: PathwayLike): PathwayStepLike[][] {
  const steps = pathwaySteps(pathway);
  const lines: PathwayStepLike[][] = [];
  steps.forEach((step, index) => {
    const previous = steps[index - 1];
    if (lines.length > 0 && step.line !== undefined && previous?.line === step.line) lines[lines.length - 1].push(step);
    else lines.push([step]);
  });
  return lines;
}

/**
 * A trial patient's pathway from randomisation on, as steps with line numbers 1, 2, … (the form
 * `compilePathway` reads):
 *
 *   treatment arm:  [arm treatment] ─► [crossover treatment, if this patient crosses over] ─► later lines
 *   strategy arm:   the strategy's pathway from the trial's line on, with the crossover line after its first line
 *
 * A line is systemic when each of its steps (symptom control aside) is a treatment of kind "systemic" other
 * than conversion therapy. A patient with k earlier systemic lines is taken to have received the first k systemic
 * lines of their pathway (and every line before them) before the trial. The later lines of a treatment arm are
 * the systemic lines of the subsequent-therapy pathway that remain, without the trial's own treatments (a
 * patient is not given the drug they were randomised to, or crossed over to, a second time). A strategy arm keeps
 * every line that remains. Pure; O(steps).
 */
export function trialPathwaySteps(input: TrialPathwayInput): PathwayStepLike[] {
  const all = input.pathway === null ? [] : pathwayStepLines(input.pathway);
  const isSystemic = (line: readonly PathwayStepLike[]) => {
    const main = line.filter((s) => s.intent !== "symptom-control" && !input.symptomTreatments.has(s.treatment));
    return main.length > 0 && main.every((s) => input.systemicTreatments.has(s.treatment) && s.treatment !== "conversionTherapy" && s.intent !== "conversion");
  };
  // drop every line up to and including the k-th systemic line
  let start = 0;
  for (let seen = 0; seen < input.priorSystemicLines && start < all.length; start++) if (isSystemic(all[start])) seen++;
  const remaining = all.slice(start);
  const lines: PathwayStepLike[][] = [];
  if (input.armTreatment !== null) {
    lines.push([{ treatment: input.armTreatment }]);
    if (input.crossoverTo !== null) lines.push([{ treatment: input.crossoverTo }]);
    for (const line of remaining) {
      if (!isSystemic(line)) continue;
      const kept = line.filter((s) => !input.trialTreatments.has(s.treatment));
      if (kept.some((s) => s.intent !== "symptom-control" && !input.symptomTreatments.has(s.treatment))) lines.push(kept);
    }
  } else {
    remaining.forEach((line, index) => {
      lines.push(line);
      if (index === 0 && input.crossoverTo !== null) lines.push([{ treatment: input.crossoverTo }]);
    });
  }
  return lines.flatMap((line, index) => line.map((s) => ({ treatment: s.treatment, ...(s.intent !== undefined && { intent: s.intent }), line: index + 1 })));
}
