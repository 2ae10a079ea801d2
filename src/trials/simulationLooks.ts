import { InputError } from "../util/InputError.js";
import { groupSequentialDesign, type GroupSequentialDesign } from "./groupSequentialDesign.js";
import type { SequentialSurvivalPlan } from "./sequentialSurvivalPlan.js";

/**
 * What a simulated group-sequential trial applies at its analyses: the event counts at which they happen
 * (integers, increasing) and the bounds on the standardised statistic S = −z (the log-rank z is negative
 * when the treatment's hazard is lower, so S is positive when the treatment is better: the test is for
 * benefit whatever the planned effect, as in the analytic plan). Plain numbers: it crosses worker boundaries.
 */
export interface SequentialLooks {
  /** Events (both arms) at each analysis; the analysis is at the calendar month of that event. */
  readonly events: readonly number[];
  /** Efficacy bound per look: stop and reject when S ≥ bound (two-sided: also when S ≤ −bound). */
  readonly efficacy: readonly number[];
  /** Futility bound per look (NaN where none, always at the last): stop when S < bound. */
  readonly futility: readonly number[];
  readonly sided: 1 | 2;
}

/** The looks of a simulation and the design they come from (its bounds at the integer information rates). */
export interface SimulationLooks {
  readonly looks: SequentialLooks;
  /** Patients per simulated trial: the plan's n rounded up to a whole allocation block. */
  readonly n: number;
  /** The group-sequential design at the simulated information rates (events_k / events_K). */
  readonly design: GroupSequentialDesign;
}

/**
 * Turns an analytic plan into a simulation: D = ⌈maximum events⌉, look k at round(t_k · D) events (at least
 * one more than the previous look), n = ⌈maximum patients⌉ to a multiple of `blockSize`, and the bounds of
 * the same design recomputed at the realised information rates events_k / D (as a trial would by its
 * spending function; classical and z-scale bounds keep their shape). O(design).
 */
export function simulationLooks(plan: SequentialSurvivalPlan, blockSize: number): SimulationLooks {
  const rates = plan.design.informationRates;
  const maximum = Math.ceil(plan.maxEvents - 1e-9);
  if (!(maximum >= rates.length) || !Number.isFinite(plan.maxN)) throw new InputError(`sequential design: ${Number.isFinite(plan.maxN) ? `${maximum} events cannot be split into ${rates.length} analyses` : "the maximum number of patients is not finite (the events are out of reach)"}`);
  const events: number[] = [];
  rates.forEach((t, k) => {
    const target = k === rates.length - 1 ? maximum : Math.max(Math.round(t * maximum), (events[k - 1] ?? 0) + 1);
    events.push(Math.min(target, maximum - (rates.length - 1 - k)));
  });
  const design = groupSequentialDesign({ ...plan.design.spec, informationRates: events.map((e) => e / maximum) });
  const futility = design.futilityBounds;
  const n = Math.max(blockSize, blockSize * Math.ceil(plan.maxN / blockSize - 1e-9));
  return {
    n,
    design,
    looks: {
      events,
      efficacy: design.criticalValues,
      futility: events.map((_, k) => (futility !== null && k < events.length - 1 ? futility[k] : NaN)),
      sided: design.spec.sided,
    },
  };
}
