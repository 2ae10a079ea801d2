/** One measured figure printed by `npm run bench`. */
export interface BenchRow {
  /** What was measured, e.g. "kaplanMeier, 1,000,000 records (in process)". */
  readonly name: string;
  readonly value: number;
  /** e.g. "ms", "records/s", "MiB". */
  readonly unit: string;
  /** Anything a reader needs to interpret the figure (machine load, comparison, R version). */
  readonly note?: string;
}

/** A bench file exports a default function returning its rows. */
export type BenchSuite = () => Promise<readonly BenchRow[]>;
