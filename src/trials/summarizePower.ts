import { analyticPower, type AnalyticComparison } from "./analyticPower.js";
import type { ComparisonSummary, MedianDifferenceSummary, PowerResult, Quantiles } from "./PowerResult.js";
import type { ResolvedDesign } from "./resolveDesign.js";
import type { TrialOutcomes } from "./simulateTrials.js";
import { schoenfeldBenefitPower } from "./schoenfeld.js";
import { wilsonInterval } from "./wilsonInterval.js";

/**
 * Turns the raw outcomes of the simulated trials into a {@link PowerResult}, with the analytic cross-check
 * for the same n and a note wherever the simulated power and Schoenfeld's differ by more than
 * 3 Monte Carlo standard errors + 0.02. O(sims log sims).
 */
export function summarizePower(resolved: ResolvedDesign, n: number, outcomes: TrialOutcomes, targetPower = 0.8): PowerResult {
  const { design } = resolved;
  const analytic = analyticPower(resolved, n, targetPower);
  const comparisons = analytic.comparisons.map((formula, c) => summarizeComparison(outcomes, c, formula));
  let anyCount = 0;
  for (let k = 0; k < outcomes.count; k++) {
    let any = 0;
    for (let c = 0; c < outcomes.comparisons; c++) any |= outcomes.reject[k * outcomes.comparisons + c];
    anyCount += any;
  }
  const any = wilsonInterval(anyCount, outcomes.count);
  const first = comparisons[0];
  return {
    n,
    sims: outcomes.count,
    seed: design.seed,
    test: design.test.kind,
    alpha: design.alpha,
    comparisonAlpha: resolved.comparisonAlpha,
    power: first.power,
    lower: first.lower,
    upper: first.upper,
    standardError: first.standardError,
    interval: "wilson-95",
    expectedEvents: mean(outcomes.totalEvents),
    medianHazardRatio: first.medianHazardRatio,
    hazardRatioQuantiles: first.hazardRatioQuantiles,
    medianDifference: first.medianDifference,
    accrualMonths: analytic.accrualMonths,
    expectedDuration: mean(outcomes.analysisTime),
    durationQuantiles: sampleQuantiles(Array.from(outcomes.analysisTime)),
    schoenfeld: first.schoenfeld,
    freedman: first.freedman,
    comparisons,
    anyRejection: { power: anyCount / Math.max(outcomes.count, 1), lower: any.lower, upper: any.upper },
    analytic,
    notes: notesFor(resolved, comparisons, analytic.comparisons),
  };
}

function summarizeComparison(outcomes: TrialOutcomes, c: number, formula: AnalyticComparison): ComparisonSummary {
  const stride = outcomes.comparisons;
  const hazardRatios: number[] = [];
  const differences: number[] = [];
  let rejections = 0;
  let events = 0;
  for (let k = 0; k < outcomes.count; k++) {
    const at = k * stride + c;
    rejections += outcomes.reject[at];
    events += outcomes.events[at];
    if (Number.isFinite(outcomes.hazardRatio[at])) hazardRatios.push(outcomes.hazardRatio[at]);
    const difference = outcomes.medianTreatment[at] - outcomes.medianControl[at];
    if (Number.isFinite(difference)) differences.push(difference);
  }
  const sims = Math.max(outcomes.count, 1);
  const power = rejections / sims;
  const interval = wilsonInterval(rejections, outcomes.count);
  const hazardRatioQuantiles = sampleQuantiles(hazardRatios);
  const medianDifference: MedianDifferenceSummary = { reachedFraction: differences.length / sims, mean: differences.length > 0 ? mean(differences) : NaN, quantiles: sampleQuantiles(differences) };
  return {
    arm: formula.arm,
    power,
    lower: interval.lower,
    upper: interval.upper,
    standardError: Math.sqrt((power * (1 - power)) / sims),
    expectedEvents: events / sims,
    medianHazardRatio: hazardRatioQuantiles.q50,
    hazardRatioQuantiles,
    medianDifference,
    designHazardRatio: formula.hazardRatio,
    proportionalHazards: formula.proportionalHazards,
    schoenfeld: formula.schoenfeld,
    freedman: formula.freedman,
  };
}

function notesFor(resolved: ResolvedDesign, comparisons: readonly ComparisonSummary[], formulas: readonly AnalyticComparison[]): string[] {
  const notes: string[] = [];
  const { design } = resolved;
  if (design.test.kind === "rmst") {
    notes.push(`The test is the RMST difference at tau = ${design.test.tau} months; Schoenfeld's and Freedman's formulas are for the log-rank test and are shown for reference only.`);
    if (design.targetEvents === null && design.test.tau > design.followUpMonths) notes.push(`tau (${design.test.tau} months) is beyond the minimum follow-up (${design.followUpMonths} months): the last patients are censored before tau, and their Kaplan-Meier curves are carried flat to tau.`);
  }
  if (design.arms.length > 2 && design.multiplicity === "bonferroni") notes.push(`${design.arms.length - 1} comparisons with the control, each at alpha = ${round(resolved.comparisonAlpha, 4)} (Bonferroni).`);
  comparisons.forEach((summary, c) => {
    const formula = formulas[c];
    const label = design.arms.length > 2 ? `${summary.arm} vs ${design.arms[0].label}: ` : "";
    if (!formula.proportionalHazards) {
      notes.push(
        `${label}hazards are not proportional (hazard ratio from ${round(formula.hazardRatioRange[0], 3)} to ${round(formula.hazardRatioRange[1], 3)} over the follow-up where 90% of the events are expected); the formulas use the event-weighted average hazard ratio ${round(formula.hazardRatio, 3)} and can be far off; trust the simulation.`,
      );
    }
    if (formula.hazardRatio > 1) {
      const benefit = schoenfeldBenefitPower(formula.expectedEvents, formula.hazardRatio, resolved.comparisonAlpha, formula.treatmentFraction);
      notes.push(
        `${label}${label === "" ? "The" : "the"} effect is reversed: ${summary.arm} is worse than ${design.arms[0].label} (hazard ratio ${round(formula.hazardRatio, 3)} > 1). The power is the two-sided test's chance of detecting a difference — here, harm — not a benefit; a one-sided test for benefit (level ${round(resolved.comparisonAlpha / 2, 4)}) has power ${benefit.toPrecision(2)} (Schoenfeld, at ${round(formula.expectedEvents, 1)} events).`,
      );
    }
    const difference = summary.power - summary.schoenfeld.power;
    if (Math.abs(difference) > 3 * summary.standardError + 0.02) {
      const reasons: string[] = [];
      if (!formula.proportionalHazards) reasons.push("non-proportional hazards");
      if (formula.expectedEvents < 50) reasons.push(`few events (${round(formula.expectedEvents, 1)}; the formulas are large-sample)`);
      if (Math.abs(Math.log(formula.hazardRatio)) > 0.5) reasons.push("a large effect (Schoenfeld's variance is the one under the null)");
      if (Math.abs(formula.treatmentFraction - 0.5) > 0.05) reasons.push("unequal allocation");
      if (design.test.kind === "rmst") reasons.push("a different test (RMST)");
      if (design.dropout.ratePerMonth > 0 || design.strata.length > 0) reasons.push("dropout or strata");
      notes.push(
        `${label}simulated power ${round(summary.power, 3)} differs from Schoenfeld's ${round(summary.schoenfeld.power, 3)} by more than Monte Carlo error${reasons.length > 0 ? ` (likely: ${reasons.join(", ")})` : ""}.`,
      );
    }
  });
  return notes;
}

/** Sample quantiles by linear interpolation (R's type 7) of the finite values. O(k log k). */
export function sampleQuantiles(values: readonly number[]): Quantiles {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (p: number) => {
    if (sorted.length === 0) return NaN;
    const h = (sorted.length - 1) * p;
    const low = Math.floor(h);
    const high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
  };
  return { q025: at(0.025), q25: at(0.25), q50: at(0.5), q75: at(0.75), q975: at(0.975) };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length > 0 ? sum / values.length : NaN;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
