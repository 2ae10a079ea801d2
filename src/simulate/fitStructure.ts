import { InputError } from "../util/InputError.js";
import type { OutcomeParameters } from "./OutcomeParameters.js";
import { calibrateSequencingModel } from "./calibrateSequencingModel.js";
import type { SimulationContext, StrategyLike } from "./SimulationContext.js";
import { referenceOverallSurvival, structureTargets } from "./structureCalibration.js";

/** One fitted structural parameter: the post-progression death rate of a grade group. */
export interface StructureFit {
  readonly parameter: (typeof structureTargets)[number]["parameter"];
  readonly target: string;
  readonly label: string;
  /** The external range and its middle (months of median OS). */
  readonly low: number;
  readonly high: number;
  readonly middle: number;
  /** The rate reaching the middle, and the rates reaching the range's high and low ends (a lower rate, a longer OS). */
  readonly value: number;
  readonly rateForHigh: number;
  readonly rateForLow: number;
  /** The median OS the fitted rate gives on the fitting cohort. */
  readonly achieved: number;
  /**
   * True when the rate reaching the middle was below the previous (lower-grade) group's and was raised to it:
   * post-progression death is taken to be no slower in a higher grade, so the group then sits below the middle of
   * its range (still inside it, or the misfit is reported).
   */
  readonly constrained: boolean;
}

/**
 * Fits the free structural parameters of the sequencing model to the external OS targets ({@link structureTargets}):
 * for each grade group, the post-progression death rate at which the group of the registry's reference cohort,
 * under the review's strategy, reaches the middle of its external median-OS range — and the rates reaching either
 * end, which become the parameter's range for the sensitivity analysis. Every evaluation recalibrates the PFS
 * baselines (the on-treatment deaths depend on the rate) and simulates `size` patients of the group (sub-stream
 * "structure-fit" of the calibration seed, independent of the "structure-check" draw of the calibration table).
 * The median OS falls as the rate rises, so bisection on the log rate (`steps` halvings of a ×16 bracket) finds it.
 * The groups are fitted in order of grade, and a group's rate is never set below the previous group's
 * (post-progression death no slower in a higher grade): when the middle would need it, the group keeps the
 * lower-grade rate and the misfit is reported (`constrained`).
 * Offline (`npm run calibrate`): about 3 × 3 × steps evaluations, a minute or two.
 */
export function fitStructure<S extends StrategyLike, T>(
  parameters: OutcomeParameters,
  context: SimulationContext<S, T>,
  strategies: readonly S[],
  options: { readonly size?: number; readonly steps?: number; readonly lifeTable?: string; readonly onStep?: (message: string) => void } = {},
): StructureFit[] {
  const size = options.size ?? 40_000;
  const steps = options.steps ?? 22;
  let current: OutcomeParameters = parameters;
  const fits: StructureFit[] = [];
  for (const target of structureTargets) {
    const figure = context.registry.figure(target.id);
    const low = figure.low ?? figure.value!;
    const high = figure.high ?? figure.value!;
    const middle = (low + high) / 2;
    const medianAt = (rate: number) => {
      const trial: OutcomeParameters = { ...current, sequencing: { ...current.sequencing, [target.parameter]: rate } };
      let model: ReturnType<typeof calibrateSequencingModel>;
      try {
        model = calibrateSequencingModel(trial, { lifeTable: options.lifeTable });
      } catch (error) {
        // so high a death rate that a PFS median cannot be reached: certainly too high (OS too short)
        if (error instanceof InputError) return 0;
        throw error;
      }
      return referenceOverallSurvival(model, context, strategies, target.grades, { size, key: "structure-fit" }).median ?? Infinity;
    };
    const solve = (goal: number) => {
      let lowRate = Math.log(current.sequencing[target.parameter] / 4);
      let highRate = Math.log(current.sequencing[target.parameter] * 4);
      for (let step = 0; step < steps; step++) {
        const middleRate = (lowRate + highRate) / 2;
        const median = medianAt(Math.exp(middleRate));
        options.onStep?.(`${target.label}: rate ${Math.exp(middleRate).toPrecision(5)} → median OS ${median.toFixed(2)} (goal ${goal})`);
        if (median > goal) lowRate = middleRate;
        else highRate = middleRate;
      }
      return Math.exp((lowRate + highRate) / 2);
    };
    const unconstrained = solve(middle);
    const floor = fits.length === 0 ? 0 : fits[fits.length - 1].value;
    const value = Math.max(unconstrained, floor);
    const rateForHigh = Math.max(solve(high), floor);
    const rateForLow = Math.max(solve(low), value);
    current = { ...current, sequencing: { ...current.sequencing, [target.parameter]: value } };
    fits.push({ parameter: target.parameter, target: target.id, label: target.label, low, high, middle, value, rateForHigh, rateForLow, achieved: medianAt(value), constrained: value > unconstrained });
  }
  return fits;
}
