import type { EmulatedEndpoint, TrialEmulation } from "./emulateTrial.js";
import type { TrialFile } from "./parseTrialFile.js";
import type { TrialCircularity } from "./trialCircularity.js";

/** One endpoint of a trial: predicted beside published. */
export interface EndpointValidation {
  /** The model's predicted median per arm id (months; null when not reached). */
  readonly medians: Readonly<Record<string, number | null>>;
  /** 2.5th–97.5th percentiles of each arm's median over emulated trials of the published size. */
  readonly medianRanges: EmulatedEndpoint["medianRanges"];
  /** Predicted HR (first arm vs second) with the spread of HRs a trial of the published size would see. */
  readonly hr: EmulatedEndpoint["hr"];
  readonly logHrMonteCarloSe: number | null;
  readonly eventsPerTrial: number;
  /** Only for a trial file with `followUp`: each arm's share of simulated patients with an observed event. */
  readonly eventFraction?: EmulatedEndpoint["eventFraction"];
}

/** The validation of one trial: what `pnen-sim validate --json` prints per trial. */
export interface TrialValidation {
  readonly id: string;
  readonly title: string;
  readonly doi: string;
  /** The file it was read from (relative path), when read from one. */
  readonly file: string | null;
  readonly arms: readonly { readonly id: string; readonly label: string; readonly treatment: string; readonly n: number }[];
  readonly replicates: number;
  readonly patients: Readonly<Record<string, number>>;
  /** Predicted results; `os` is predicted always, compared only where published. */
  readonly predicted: { readonly pfs: EndpointValidation; readonly os: EndpointValidation };
  readonly published: TrialFile["published"];
  /** Per published endpoint: is the predicted HR inside the published 95% CI? */
  readonly insideCI: Readonly<Partial<Record<"pfs" | "os", boolean>>>;
  /** Per published endpoint: is the published HR inside the spread a trial of that size would see under the model? */
  readonly publishedInsidePredictedRange: Readonly<Partial<Record<"pfs" | "os", boolean>>>;
  /** True when any figure of the trial is a calibration input or an assumption's source (detected from the registry). */
  readonly circular: boolean;
  /** The registry ids that make it circular. */
  readonly circularIds: readonly string[];
  readonly circularity: TrialCircularity;
  readonly pathways: TrialEmulation["pathways"];
  readonly lineShares: TrialEmulation["lineShares"];
  /** Only for a trial file with `followUp`: the administrative censoring applied. */
  readonly followUp?: TrialEmulation["followUp"];
  readonly notes: readonly string[];
}

/**
 * Sets an emulation beside the trial's published results: per published endpoint, whether the predicted hazard
 * ratio lies inside the published 95% CI (`insideCI`) and whether the published HR lies inside the spread of HRs
 * the model predicts for a trial of that size (`publishedInsidePredictedRange`), with the circularity found in the
 * registry. Pure; O(arms).
 */
export function compareWithPublished(trial: TrialFile, emulation: TrialEmulation, circularity: TrialCircularity, file: string | null = null): TrialValidation {
  const endpoint = (e: EmulatedEndpoint): EndpointValidation => ({ medians: e.medians, medianRanges: e.medianRanges, hr: e.hr, logHrMonteCarloSe: e.logHrMonteCarloSe, eventsPerTrial: e.eventsPerTrial, ...(e.eventFraction !== undefined && { eventFraction: e.eventFraction }) });
  const insideCI: Partial<Record<"pfs" | "os", boolean>> = {};
  const publishedInside: Partial<Record<"pfs" | "os", boolean>> = {};
  for (const which of ["pfs", "os"] as const) {
    const published = trial.published[which];
    if (published === undefined) continue;
    const predicted = emulation[which].hr;
    insideCI[which] = predicted.estimate !== null && predicted.estimate >= published.hr.lower && predicted.estimate <= published.hr.upper;
    publishedInside[which] = predicted.lower !== null && predicted.upper !== null && published.hr.estimate >= predicted.lower && published.hr.estimate <= predicted.upper;
  }
  const notes = [...(trial.notes ?? [])];
  const pancreatic = trial.population.pancreatic;
  if (pancreatic !== undefined && pancreatic !== null && pancreatic < 1) notes.push(`${Math.round(pancreatic * 100)}% of the trial's patients had a pancreatic primary; the model simulates pancreatic primaries only.`);
  return {
    id: trial.id,
    title: trial.title,
    doi: trial.doi,
    file,
    arms: trial.arms.map((a) => ({ id: a.id, label: a.label ?? a.id, treatment: a.treatment, n: a.n })),
    replicates: emulation.replicates,
    patients: emulation.patients,
    predicted: { pfs: endpoint(emulation.pfs), os: endpoint(emulation.os) },
    published: trial.published,
    insideCI,
    publishedInsidePredictedRange: publishedInside,
    circular: circularity.circular,
    circularIds: circularity.registryIds,
    circularity,
    pathways: emulation.pathways,
    lineShares: emulation.lineShares,
    ...(emulation.followUp !== undefined && { followUp: emulation.followUp }),
    notes,
  };
}
