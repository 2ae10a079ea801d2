import type { PopulationSpec } from "./PopulationSpec.js";

/**
 * A number the simulation needs that the review does not give (data/assumptions/<topic>.json): value and/or
 * a low–high range, a one-line rationale and, where one exists, an outside source. See data/assumptions/README.md.
 */
export interface Assumption {
  readonly id: string;
  readonly value?: number;
  readonly low?: number;
  readonly high?: number;
  readonly unit: string;
  /** One line: why this number. */
  readonly rationale: string;
  /** Outside citation, with DOI if any. */
  readonly source?: string;
  /** Which module or issue uses it. */
  readonly usedBy?: string;
  readonly note?: string;
  /** For an assumed median that drives a model: the population it is meant for (see {@link PopulationSpec}). */
  readonly populationSpec?: PopulationSpec;
  /** The file's topic: its name without `.json` (e.g. "survival"). Set by the loader. */
  readonly topic: string;
}
