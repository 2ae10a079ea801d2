/** The patients file's format (as runSimulationNode's PatientsFormat). */
type PatientsFormat = "csv" | "arrow" | "parquet";

/** What a `pnen-sim simulate` run is made of, for {@link estimateRunCost}. */
export interface RunCostInput {
  readonly n: number;
  readonly strategies: number;
  readonly replicates: number;
  readonly workers: number;
  readonly format: PatientsFormat;
  /** Whether the run writes the patients file (default true); a summary-only run (--no-patients) streams. */
  readonly patients?: boolean;
}

/** The estimated peak resident memory (bytes) and whole-process time (seconds, on an unloaded 2-core machine). */
export interface RunCost {
  readonly peakBytes: number;
  readonly seconds: number;
}

/**
 * The model's coefficients, fitted to whole-process measurements of `pnen-sim simulate` (maximum resident set
 * size and CPU time from /usr/bin/time, default scenario, 4 strategies, 0.1–8 M patients, one worker; `npm run
 * bench:scaling`; README, Performance), rounded up so that the estimate errs on the large side: a fixed
 * part (Node, the modules, data/ and the calibration) plus a part per worker thread plus a part linear in
 * patients × strategies — the simulated results (about 18 numbers per patient and strategy), the summaries'
 * event tables and comparisons, and the patients file's row buffers.
 */
export const runCostModel = {
  baseBytes: 220 * 2 ** 20,
  workerBytes: 40 * 2 ** 20,
  /**
   * measured for csv (peak 544 / 842 / 1,612 / 3,517 MiB at 1 / 2 / 4 / 8 M patients; the slope grows from 75 to
   * 119 bytes per patient and strategy, so the steepest is used); Arrow and Parquet assumed the same (their writers stream)
   */
  bytesPerPatientStrategy: { csv: 120, arrow: 120, parquet: 120 } as Record<PatientsFormat, number>,
  /**
   * a summary-only run (--no-patients) keeps no columns, only the summary tables: 10 M patients × 4 strategies
   * peaked at 1,230 MiB (bench wholeProcess, issue 18), about 24 bytes per patient and strategy; 32 errs high
   */
  summaryOnlyBytesPerPatientStrategy: 32,
  baseSeconds: 4,
  /** simulation and summary, per patient and strategy, per run (the base case and each replicate); CPU time */
  secondsPerPatientStrategy: 5e-6,
  /** the patients file's writer, per row (one row per patient and strategy); README's writer ratios */
  writeSecondsPerRow: { csv: 2e-6, arrow: 0.07e-6, parquet: 0.7e-6 } as Record<PatientsFormat, number>,
} as const;

/**
 * Estimates a run's peak memory and time before it starts (a linear model in n × strategies: the engine's
 * cost is linear in the patients, its sort-based summaries n log n, which over 1–16 M patients the linear term
 * absorbs). Used by `pnen-sim simulate` to refuse, up front and with a better command, a run that would not
 * fit in memory (issue 19.2), instead of being killed by the kernel after an hour.
 */
export function estimateRunCost(input: RunCostInput): RunCost {
  const m = runCostModel;
  const patientStrategies = input.n * input.strategies;
  const withPatients = input.patients ?? true;
  return {
    peakBytes: m.baseBytes + input.workers * m.workerBytes + patientStrategies * (withPatients ? m.bytesPerPatientStrategy[input.format] : m.summaryOnlyBytesPerPatientStrategy),
    seconds: m.baseSeconds + patientStrategies * (1 + input.replicates) * m.secondsPerPatientStrategy + (withPatients ? patientStrategies * m.writeSecondsPerRow[input.format] : 0),
  };
}
