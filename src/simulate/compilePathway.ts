import { InputError } from "../util/InputError.js";
import type { OutcomeModel } from "./OutcomeModel.js";
import type { PathwayLike, PathwayStepLike } from "./SimulationContext.js";
import { maximumPathwayLines } from "./walkPathway.js";

/**
 * A pathway reduced to what the outcome walk needs: its lines of treatment, in order, each as the index of the
 * treatment whose PFS model the line follows. Within a line (steps given together, src/rules `Pathway`):
 * - conversion therapy, when present, stands for the line: its PFS is the conversion-then-resection figure
 *   (review §1.5, ref. 24), counted from the start of conversion. The debulking hazard ratio is NOT applied to
 *   such a line: the figure already includes the resection that follows conversion (applying it too would count
 *   the surgery's benefit twice);
 * - otherwise, of the steps that are neither symptom control nor a treatment of kind "symptom", the one whose
 *   model gives the longest PFS (the largest calibrated scale): treatments given together in one line (e.g.
 *   resection of the primary with HACE of the liver) control the disease at least as long as the best of them,
 *   and no extra benefit of combining them is assumed (no figure supports one). Ties keep the first in the rules'
 *   order. A debulking step gives the line the cytoreduction hazard ratio when its own model is the one chosen;
 * - a line of symptom control only (e.g. an SSA for a hormonal syndrome) follows that SSA's model if it has one,
 *   and takes no time otherwise.
 * An empty pathway is best supportive care.
 */
export interface CompiledPathway {
  /** The treatments, lines joined by ">", steps within a line by "+" (the `pathway` column of patients.csv). */
  readonly label: string;
  /** Treatment index per line. */
  readonly episodes: Int32Array;
  /** 1 where the line includes debulking surgery (its PFS gets the cytoreduction hazard ratio). */
  readonly debulking: Uint8Array;
}

/** The steps of a pathway, whichever shape the rules returned (an array of steps, or an object with `steps`). */
export function pathwaySteps(pathway: PathwayLike): readonly PathwayStepLike[] {
  if (Array.isArray(pathway)) return pathway;
  const steps = (pathway as { steps?: readonly PathwayStepLike[] }).steps;
  if (!Array.isArray(steps)) throw new TypeError("compilePathway: expected a pathway with `steps` (src/rules Pathway) or an array of steps");
  return steps;
}

/** Compiles a pathway for {@link walkPathway}; O(steps). Throws an InputError for a treatment without an outcome model. */
export function compilePathway(pathway: PathwayLike, model: OutcomeModel): CompiledPathway {
  const steps = pathwaySteps(pathway);
  const zero = new Set(model.parameters.zeroDurationTreatments);
  const lines: PathwayStepLike[][] = [];
  steps.forEach((step, index) => {
    const last = lines[lines.length - 1];
    const previous = steps[index - 1];
    if (last !== undefined && step.line !== undefined && previous?.line === step.line) last.push(step);
    else lines.push([step]);
  });
  const episodes: number[] = [];
  const debulking: number[] = [];
  const indexOf = (treatment: string) => {
    const index = model.treatmentIds.indexOf(treatment);
    if (index < 0) throw new InputError(`pathway ${steps.map((s) => s.treatment).join(">")}: no outcome model for treatment '${treatment}' (see src/simulate/outcomeSources.ts)`);
    return index;
  };
  for (const line of lines) {
    const conversion = line.find((s) => s.treatment === "conversionTherapy" || s.intent === "conversion");
    let main = conversion;
    if (main === undefined) {
      // the disease-directed step with the longest PFS model (multi-step lines: the best of the steps)
      for (const step of line) {
        if (step.intent === "symptom-control" || zero.has(step.treatment)) continue;
        if (main === undefined || model.pfsScale[indexOf(step.treatment)] > model.pfsScale[indexOf(main.treatment)]) main = step;
      }
    }
    main ??= line.find((s) => !zero.has(s.treatment));
    if (main === undefined) continue;
    episodes.push(indexOf(main.treatment));
    debulking.push(conversion === undefined && main.treatment === "debulking" ? 1 : 0);
  }
  if (episodes.length > maximumPathwayLines) {
    throw new InputError(`pathway ${steps.map((s) => s.treatment).join(">")}: ${episodes.length} lines of treatment, more than the ${maximumPathwayLines} the outcome walk supports`);
  }
  if (episodes.length === 0) {
    episodes.push(indexOf("bestSupportiveCare"));
    debulking.push(0);
  }
  return {
    label: steps.length === 0 ? "bestSupportiveCare" : lines.map((line) => line.map((s) => s.treatment).join("+")).join(">"),
    episodes: Int32Array.from(episodes),
    debulking: Uint8Array.from(debulking),
  };
}
