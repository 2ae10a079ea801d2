import { wilsonInterval } from "./wilsonInterval.js";
import type { Quantiles } from "./PowerResult.js";
import { resolveDesign, type ResolvedDesign } from "./resolveDesign.js";
import { simulationLooks, type SimulationLooks } from "./simulationLooks.js";
import { sequentialSurvivalPlan, type SequentialSurvivalPlan } from "./sequentialSurvivalPlan.js";
import { SequentialDecision, type SequentialOutcomes, type TrialOutcomes } from "./simulateTrials.js";
import { sampleQuantiles } from "./summarizePower.js";
import type { TrialDesign } from "./TrialDesign.js";
import { runTrialsInThread, type TrialRunner } from "./TrialRunner.js";

/** A simulated probability beside the analytic one: z = (simulated − analytic) / SE, SE = √(p(1 − p)/sims) at the analytic p. */
export interface SimulatedEstimate {
  readonly simulated: number;
  readonly analytic: number;
  readonly standardError: number;
  readonly z: number;
}

export interface SimulatedLook {
  readonly look: number;
  /** Planned events and the information rate events / maximum events. */
  readonly events: number;
  readonly informationRate: number;
  readonly efficacyZ: number;
  readonly futilityZ: number | null;
  /** Share of trials that reached this look. */
  readonly reached: number;
  /** Mean calendar month of the look's events over all trials (also those stopped before: when the look would have been), and the analytic month under the alternative. */
  readonly meanTime: number;
  readonly analyticTime: number;
  /** P(stop here rejecting H0), P(rejected by here), P(stop here for futility). */
  readonly rejection: SimulatedEstimate;
  readonly cumulativeRejection: SimulatedEstimate;
  readonly futility: SimulatedEstimate;
  /** Estimated hazard ratio (Cox) of the trials that stopped here for efficacy. */
  readonly hazardRatioAtEfficacyStop: Quantiles;
}

/**
 * Group-sequential trials simulated beside the analytic plan at the same integer looks and patients.
 */
export interface SequentialSimulation {
  readonly sims: number;
  readonly seed: number | string;
  /** Patients per simulated trial. */
  readonly n: number;
  readonly looks: readonly SimulatedLook[];
  /** The analytic plan at the simulated looks (power mode: these n and events, bounds at these information rates). */
  readonly analytic: SequentialSurvivalPlan;
  readonly power: SimulatedEstimate & { readonly lower: number; readonly upper: number };
  /** P(stop before the final analysis): for efficacy, for futility, for either. */
  readonly earlyStopping: { readonly efficacy: SimulatedEstimate; readonly futility: SimulatedEstimate; readonly any: SimulatedEstimate };
  /** Mean events and calendar month at the stop, simulated and analytic. */
  readonly expectedEvents: { readonly simulated: number; readonly analytic: number };
  readonly expectedDuration: { readonly simulated: number; readonly analytic: number };
  /** Distribution of the calendar month of stopping, and of the estimated hazard ratio at the stop (all trials). */
  readonly stoppingTime: Quantiles;
  readonly hazardRatioAtStop: Quantiles;
  /** Share of trials in which some look's events never came (that look was held at the end of follow-up). */
  readonly shortfall: number;
  /** Largest |z| over the per-look rejection and futility probabilities and the power. */
  readonly maxAbsZ: number;
  /** Every per-look probability within 3 Monte Carlo standard errors of the analytic one. */
  readonly agrees: boolean;
  readonly notes: readonly string[];
}

/** Trials are summed in blocks of this many, block sums added in order (as the cohort's patients), so shards can be merged exactly. */
const summaryBlock = 4096;

/**
 * Simulates the group-sequential plan `plan` of `design` and compares it with the analytic answer:
 *
 *   plan ─ simulationLooks: integer events per look, ⌈n⌉ to the allocation block, bounds at those rates
 *        ─ runner(design, n, looks): trials i < sims from sub-stream (seed, "trial", i), stopped at the first bound crossed
 *        ─ summarizeSequential: stopping probabilities per look with Monte Carlo SEs, beside
 *          sequentialSurvivalPlan in power mode at the same n and events (rpact's getPowerSurvival)
 *
 * Under exponential proportional hazards the two agree within Monte Carlo error (the log-rank statistic is
 * asymptotically the Brownian motion the analytic answer integrates); with non-proportional hazards
 * (mixtures, delayed effects, the engine's strategy arms) the simulation is the answer and the notes say
 * where the analytic one goes wrong. Browser-safe with the default in-thread runner. Cost: sims · looks
 * analyses of n patients.
 */
export async function simulateSequential(design: TrialDesign, plan: SequentialSurvivalPlan, runner: TrialRunner = runTrialsInThread): Promise<SequentialSimulation> {
  const resolved = resolveDesign(design);
  const simulation = simulationLooks(plan, resolved.block?.length ?? 1);
  const outcomes = await runner(design, simulation.n, simulation.looks);
  return summarizeSequential(resolved, plan, simulation, outcomes);
}

/** The summary of simulated group-sequential trials (pure; see {@link simulateSequential}). O(sims · looks + sims log sims). */
export function summarizeSequential(resolved: ResolvedDesign, plan: SequentialSurvivalPlan, simulation: SimulationLooks, outcomes: TrialOutcomes): SequentialSimulation {
  const sequential = outcomes.sequential as SequentialOutcomes;
  const { looks, n, design } = simulation;
  const lookCount = looks.events.length;
  const sims = outcomes.count;
  const maximum = looks.events[lookCount - 1];
  const analytic = sequentialSurvivalPlan(resolved, design, { kind: "power", n, maxEvents: maximum });
  const rejections = new Array<number>(lookCount).fill(0);
  const futilities = new Array<number>(lookCount).fill(0);
  const reached = new Array<number>(lookCount).fill(0);
  const timeSums = new BlockedSum(lookCount);
  const stopSums = new BlockedSum(2);
  const hazardRatiosByLook: number[][] = looks.events.map(() => []);
  const stopHazardRatios: number[] = [];
  const stopTimes: number[] = [];
  let shortfall = 0;
  for (let k = 0; k < sims; k++) {
    const stop = sequential.stopLook[k] - 1;
    const decision = sequential.decision[k];
    if (decision === SequentialDecision.efficacy || decision === SequentialDecision.harm) rejections[stop]++;
    if (decision === SequentialDecision.futility) futilities[stop]++;
    if (decision === SequentialDecision.efficacy) hazardRatiosByLook[stop].push(outcomes.hazardRatio[k]);
    let short = false;
    for (let look = 0; look < lookCount; look++) {
      const at = k * lookCount + look;
      timeSums.add(look, sequential.time[at]);
      if (look > stop) continue;
      reached[look]++;
      if (sequential.events[at] < looks.events[look]) short = true;
    }
    if (short) shortfall++;
    stopSums.add(0, outcomes.totalEvents[k]);
    stopSums.add(1, outcomes.analysisTime[k]);
    stopHazardRatios.push(outcomes.hazardRatio[k]);
    stopTimes.push(outcomes.analysisTime[k]);
    if ((k + 1) % summaryBlock === 0) {
      timeSums.closeBlock();
      stopSums.closeBlock();
    }
  }
  const times = timeSums.totals();
  const stopTotals = stopSums.totals();
  const estimate = (count: number, expected: number): SimulatedEstimate => {
    const simulated = count / sims;
    const standardError = Math.sqrt(Math.max(expected * (1 - expected), 0) / sims);
    return { simulated, analytic: expected, standardError, z: standardError > 0 ? (simulated - expected) / standardError : simulated === expected ? 0 : Infinity };
  };
  let cumulative = 0;
  const simulatedLooks: SimulatedLook[] = looks.events.map((events, look) => {
    cumulative += rejections[look];
    const analyticLook = analytic.looks[look];
    return {
      look: look + 1,
      events,
      informationRate: events / maximum,
      efficacyZ: looks.efficacy[look],
      futilityZ: Number.isNaN(looks.futility[look]) ? null : looks.futility[look],
      reached: reached[look] / sims,
      meanTime: sims > 0 ? times[look] / sims : NaN,
      analyticTime: analyticLook.analysisTime,
      rejection: estimate(rejections[look], analyticLook.rejection),
      cumulativeRejection: estimate(cumulative, analyticLook.cumulativeRejection),
      futility: estimate(futilities[look], analyticLook.futility),
      hazardRatioAtEfficacyStop: sampleQuantiles(hazardRatiosByLook[look]),
    };
  });
  const early = simulatedLooks.slice(0, -1);
  const earlyEfficacy = early.reduce((sum, look) => sum + look.rejection.simulated * sims, 0);
  const earlyFutility = early.reduce((sum, look) => sum + look.futility.simulated * sims, 0);
  const analyticEfficacy = early.reduce((sum, look) => sum + look.rejection.analytic, 0);
  const analyticFutility = early.reduce((sum, look) => sum + look.futility.analytic, 0);
  const powerCount = simulatedLooks[lookCount - 1].cumulativeRejection.simulated * sims;
  const wilson = wilsonInterval(Math.round(powerCount), sims);
  const power = { ...estimate(powerCount, analytic.power), lower: wilson.lower, upper: wilson.upper };
  const zs = [...simulatedLooks.flatMap((look) => [look.rejection.z, look.futility.z]), power.z].filter((z) => !Number.isNaN(z));
  const maxAbsZ = zs.reduce((largest, z) => Math.max(largest, Math.abs(z)), 0);
  const result = {
    sims,
    seed: resolved.design.seed,
    n,
    looks: simulatedLooks,
    analytic,
    power,
    earlyStopping: {
      efficacy: estimate(earlyEfficacy, analyticEfficacy),
      futility: estimate(earlyFutility, analyticFutility),
      any: estimate(earlyEfficacy + earlyFutility, analyticEfficacy + analyticFutility),
    },
    expectedEvents: { simulated: stopTotals[0] / sims, analytic: analytic.expectedEvents.h1 },
    expectedDuration: { simulated: stopTotals[1] / sims, analytic: analytic.expectedDuration.h1 },
    stoppingTime: sampleQuantiles(stopTimes),
    hazardRatioAtStop: sampleQuantiles(stopHazardRatios),
    shortfall: shortfall / sims,
    maxAbsZ,
    agrees: maxAbsZ <= 3,
  };
  return { ...result, notes: sequentialNotes(resolved, plan, result) };
}

/** Sums per index accumulated in blocks of trials, the block sums added in block order. */
class BlockedSum {
  private readonly block: Float64Array;
  private readonly total: Float64Array;
  constructor(size: number) {
    this.block = new Float64Array(size);
    this.total = new Float64Array(size);
  }
  add(index: number, value: number): void {
    this.block[index] += value;
  }
  closeBlock(): void {
    for (let i = 0; i < this.block.length; i++) {
      this.total[i] += this.block[i];
      this.block[i] = 0;
    }
  }
  totals(): Float64Array {
    this.closeBlock();
    return this.total;
  }
}

function sequentialNotes(resolved: ResolvedDesign, plan: SequentialSurvivalPlan, result: Omit<SequentialSimulation, "notes">): string[] {
  const notes: string[] = [];
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  if (plan.hazardRatio > 1) {
    notes.push(
      plan.design.spec.sided === 1
        ? `The effect is reversed: the design's hazard ratio ${round(plan.hazardRatio, 3)} is above 1 (the treatment is worse). The one-sided test is for benefit, so its power is below alpha (analytic ${plan.power.toPrecision(2)}) and the efficacy bounds stay below 1 on the hazard-ratio scale.`
        : `The effect is reversed: the design's hazard ratio ${round(plan.hazardRatio, 3)} is above 1 (the treatment is worse). The two-sided power is the chance of stopping for harm, not for benefit.`,
    );
  }
  if (!plan.proportionalHazards) {
    notes.push(
      `Hazards are not proportional: the analytic plan assumes one hazard ratio, the event-weighted average ${round(plan.hazardRatio, 3)}. The bounds still keep alpha (they depend only on the events), but early looks see a different hazard ratio than late ones, so the analytic power and stopping probabilities are only approximate: trust the simulated ones.`,
    );
  }
  for (const look of result.looks) {
    for (const [label, value] of [["rejection", look.rejection], ["futility stop", look.futility]] as const) {
      if (Math.abs(value.z) > 3) {
        notes.push(
          `Look ${look.look} (${look.events} events): simulated ${label} probability ${round(value.simulated, 4)} vs analytic ${round(value.analytic, 4)} (${round(value.z, 1)} Monte Carlo SEs)${plan.proportionalHazards ? (look.events < 50 ? "; few events, where the normal approximation of the log-rank statistic is rough" : "") : "; hazards are not proportional"}.`,
        );
      }
    }
  }
  if (result.shortfall > 0) notes.push(`In ${round(100 * result.shortfall, 1)}% of trials some look's events never came (too few events in the whole trial); that look was held at the end of follow-up with fewer events.`);
  if (resolved.design.test.kind !== "logrank") notes.push(`The test is ${resolved.design.test.kind}; the analytic answer is for the log-rank statistic.`);
  return notes;
}
