import type { ModelEvidenceInput } from "./modelEvidenceInputs.js";
import type { TrialFile } from "./parseTrialFile.js";

/** One way a trial's own figures feed the model. */
export interface CircularInput {
  readonly registryId: string;
  /** The trial endpoint this makes circular. */
  readonly endpoint: "pfs" | "os";
  readonly role: string;
  /** The trial's DOI it shares. */
  readonly doi: string;
  /** The trial arms whose treatment this calibrates (empty for the structure and hazard ratios). */
  readonly arms: readonly string[];
}

/** Whether a trial is circular for the model, and through which registry records. */
export interface TrialCircularity {
  readonly circular: boolean;
  /** Registry ids of the records that make it so, de-duplicated, sorted. */
  readonly registryIds: readonly string[];
  /** Per published endpoint: circular or not. */
  readonly endpoints: Readonly<Record<"pfs" | "os", boolean>>;
  readonly inputs: readonly CircularInput[];
}

/** Every DOI of a trial file (its own, its other publications', each endpoint's), lower case. */
export function trialDois(trial: TrialFile): string[] {
  return [...new Set([trial.doi, ...(trial.dois ?? []), trial.published.pfs?.doi, trial.published.os?.doi].filter((d): d is string => d !== undefined).map((d) => d.toLowerCase()))];
}

/**
 * Detects circularity from the registry: a trial is circular for an endpoint when any DOI of the trial is a DOI of
 * a registry record the model was calibrated or fitted to (see `modelEvidenceInputs`) that shapes that endpoint —
 * a treatment's PFS calibration makes the PFS comparison circular when an arm is randomised to that treatment, and
 * the OS comparison always (OS contains every line: the crossover and later lines too); an input of the OS
 * structure makes the OS comparison circular; an outcome hazard ratio both. Each input found names the arms whose
 * treatment it calibrates. Nothing is set by hand in the trial file. O(inputs × DOIs).
 */
export function trialCircularity(trial: TrialFile, inputs: readonly ModelEvidenceInput[]): TrialCircularity {
  const dois = new Set(trialDois(trial));
  const crossoverTo = trial.crossover === undefined || trial.crossover === null ? null : trial.arms.find((a) => a.id === trial.crossover!.to)?.treatment ?? trial.crossover.to;
  const found: CircularInput[] = [];
  for (const input of inputs) {
    const doi = input.dois.find((d) => dois.has(d));
    if (doi === undefined) continue;
    // the arms whose own treatment it calibrates (PFS), and those that also get it by crossover (OS)
    const own = input.treatment === null ? [] : trial.arms.filter((a) => a.treatment === input.treatment).map((a) => a.id);
    const crossed = input.treatment !== null && crossoverTo === input.treatment && trial.crossover?.from !== undefined ? [trial.crossover.from] : [];
    const withCrossover = [...new Set([...own, ...crossed])];
    if (input.treatment !== null) {
      // a treatment's PFS calibration: the PFS comparison when an arm is randomised to it; OS always (OS contains
      // every line a patient receives, the crossover and later lines included)
      if (own.length > 0) found.push({ registryId: input.registryId, endpoint: "pfs", role: input.role, doi, arms: own });
      found.push({ registryId: input.registryId, endpoint: "os", role: own.length > 0 || crossed.length > 0 ? `${input.role}; OS contains that line` : `${input.role}, a possible later line; OS contains it`, doi, arms: withCrossover });
      continue;
    }
    for (const endpoint of input.endpoint === "both" ? (["pfs", "os"] as const) : [input.endpoint]) found.push({ registryId: input.registryId, endpoint, role: input.role, doi, arms: [] });
  }
  const endpoints = { pfs: found.some((f) => f.endpoint === "pfs"), os: found.some((f) => f.endpoint === "os") };
  return { circular: found.length > 0, registryIds: [...new Set(found.map((f) => f.registryId))].sort(), endpoints, inputs: found };
}
