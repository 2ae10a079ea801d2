import { type CohortColumns, cohortColumnNames } from "../cohort/CohortColumns.js";
import { EnetsTypes, Grades, Syndromes } from "../cohort/Patient.js";
import type { SimulationResult } from "./simulate.js";
import type { StrategyColumns } from "./simulateRange.js";

/**
 * Patients [first, first + cohort.size) of a run, in columns: the cohort and each strategy's outcomes as
 * views whose index 0 is patient `first`. What a patients-file writer takes, chunk by chunk.
 */
export interface PatientsChunk {
  readonly first: number;
  readonly cohort: CohortColumns;
  readonly outcomes: readonly StrategyColumns[];
}

/** The labels a patients table needs besides the chunks: strategies (in the result's order) and pathways. */
export interface PatientsTableLabels {
  readonly strategies: readonly string[];
  readonly pathwayLabels: readonly string[];
}

/**
 * The columns of a patients table, in the order and with the names of patients.csv: one row per patient per
 * strategy, patient by patient, strategies inner. Text columns are codes into `patientsTableLabelSets`.
 */
export interface PatientsTableColumns {
  readonly patient_id: Int32Array;
  /** Index into the strategies. */
  readonly strategy: Int8Array | Int16Array;
  /** Index into `Grades`. */
  readonly grade: Int8Array;
  readonly ki67: Float64Array;
  /** 1 for a functional tumour (a syndrome other than "none"), else 0. */
  readonly functional: Uint8Array;
  /** Index into `Syndromes`. */
  readonly syndrome: Int8Array;
  /** Index into `EnetsTypes`. */
  readonly enets_type: Int8Array;
  readonly age: Uint8Array;
  /** Index into the pathway labels. */
  readonly pathway: Int16Array | Int32Array;
  readonly pfs_months: Float64Array;
  readonly pfs_event: Uint8Array;
  readonly os_months: Float64Array;
  readonly os_event: Uint8Array;
}

/** The label lists the coded text columns index, for a run with these strategies and pathways. */
export function patientsTableLabelSets(labels: PatientsTableLabels): Readonly<Record<"strategy" | "grade" | "syndrome" | "enets_type" | "pathway", readonly string[]>> {
  return { strategy: labels.strategies, grade: Grades, syndrome: Syndromes, enets_type: EnetsTypes, pathway: labels.pathwayLabels };
}

/**
 * Interleaves a chunk into table columns (row r = patient `first + ⌊r / S⌋` under strategy `r mod S`, for S
 * strategies), the same rows in the same order as patients.csv but with full-precision months. O(rows × 13).
 */
export function patientsTableColumns(chunk: PatientsChunk, labels: PatientsTableLabels): PatientsTableColumns {
  const { cohort, outcomes, first } = chunk;
  const strategies = outcomes.length;
  const n = cohort.size;
  const rows = n * strategies;
  const wideStrategy = labels.strategies.length > 127;
  const widePathway = labels.pathwayLabels.length > 32767;
  const columns: PatientsTableColumns = {
    patient_id: new Int32Array(rows),
    strategy: wideStrategy ? new Int16Array(rows) : new Int8Array(rows),
    grade: new Int8Array(rows),
    ki67: new Float64Array(rows),
    functional: new Uint8Array(rows),
    syndrome: new Int8Array(rows),
    enets_type: new Int8Array(rows),
    age: new Uint8Array(rows),
    pathway: widePathway ? new Int32Array(rows) : new Int16Array(rows),
    pfs_months: new Float64Array(rows),
    pfs_event: new Uint8Array(rows),
    os_months: new Float64Array(rows),
    os_event: new Uint8Array(rows),
  };
  for (let i = 0; i < n; i++) {
    const id = first + i + 1;
    const grade = cohort.grade[i]!;
    const ki67 = cohort.ki67[i]!;
    const syndrome = cohort.syndrome[i]!;
    const enets = cohort.enetsType[i]!;
    const age = cohort.age[i]!;
    for (let s = 0; s < strategies; s++) {
      const r = i * strategies + s;
      const o = outcomes[s]!;
      columns.patient_id[r] = id;
      columns.strategy[r] = s;
      columns.grade[r] = grade;
      columns.ki67[r] = ki67;
      columns.functional[r] = syndrome === 0 ? 0 : 1;
      columns.syndrome[r] = syndrome;
      columns.enets_type[r] = enets;
      columns.age[r] = age;
      columns.pathway[r] = o.pathway[i]!;
      columns.pfs_months[r] = o.pfsMonths[i]!;
      columns.pfs_event[r] = o.pfsEvent[i]!;
      columns.os_months[r] = o.osMonths[i]!;
      columns.os_event[r] = o.osEvent[i]!;
    }
  }
  return columns;
}

/** Cuts a result into chunks of at most `size` patients (views, no copies), in patient order. */
export function* patientsChunks(result: SimulationResult, size: number): Generator<PatientsChunk> {
  for (let first = 0; first < result.n; first += size) {
    const end = Math.min(result.n, first + size);
    const cohort: Record<string, unknown> = { size: end - first };
    for (const name of cohortColumnNames) cohort[name] = (result.cohort[name] as Float64Array).subarray(first, end);
    const outcomes = result.outcomes.map(
      (o) => Object.fromEntries(Object.entries(o).map(([name, column]) => [name, (column as Float64Array).subarray(first, end)])) as unknown as StrategyColumns,
    );
    yield { first, cohort: cohort as unknown as CohortColumns, outcomes };
  }
}
