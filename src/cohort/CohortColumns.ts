/**
 * A synthetic cohort in columns: one typed array per patient characteristic, patient i at index i. Codes
 * index the enumerations of Patient.ts (`sex[i]` indexes `Sexes`, `grade[i]` indexes `Grades`, …); flags are
 * 0/1. Columns, not an object per patient, so that 10,000,000 patients fit in memory and a block of them can
 * be handed to a worker thread without copying.
 *
 * `grade` is the grade the generator drew the patient from; Ki-67 and mitoses are drawn within that grade's
 * ranges, so it agrees with the WHO 2022 classification of the drawn values for ranges inside the cut-offs.
 */
export interface CohortColumns {
  readonly size: number;
  /** Age, whole years. */
  readonly age: Uint8Array;
  /** Index into `Sexes`. */
  readonly sex: Uint8Array;
  /** Index into `PrimarySites`. */
  readonly primarySite: Uint8Array;
  /** Index into `Syndromes` (0 = "none", a non-functional tumour). */
  readonly syndrome: Uint8Array;
  /** Index into `Grades`. */
  readonly grade: Uint8Array;
  /** Index into `Differentiations` (1 = poor, NEC). */
  readonly differentiation: Uint8Array;
  /** Ki-67, percent, to 0.1. */
  readonly ki67: Float64Array;
  /** Mitoses per 10 HPF. */
  readonly mitoses: Uint16Array;
  /** Index into `EnetsTypes`. */
  readonly enetsType: Uint8Array;
  readonly lesionCount: Uint16Array;
  /** cm, to 0.1. */
  readonly largestLesionCm: Float64Array;
  /** Percent of liver volume, whole numbers. */
  readonly liverInvolvementPct: Uint8Array;
  readonly extrahepaticDisease: Uint8Array;
  readonly adequateLiverReserve: Uint8Array;
  readonly seriousComorbidity: Uint8Array;
  readonly sstrPositive: Uint8Array;
  readonly primaryResected: Uint8Array;
  /** The primary bleeds or obstructs (review §1.3). */
  readonly primarySymptomatic: Uint8Array;
  readonly monthsStable: Uint16Array;
  /** Percent, whole numbers. */
  readonly expectedCytoreductionPct: Uint8Array;
  /** Months from the start of accrual to the patient's entry (staggered accrual; 0 when all enter at once). */
  readonly entryMonths: Float64Array;
}

/** The names of the columns, in a fixed order (used to slice, copy and transfer them). */
export const cohortColumnNames = [
  "age",
  "sex",
  "primarySite",
  "syndrome",
  "grade",
  "differentiation",
  "ki67",
  "mitoses",
  "enetsType",
  "lesionCount",
  "largestLesionCm",
  "liverInvolvementPct",
  "extrahepaticDisease",
  "adequateLiverReserve",
  "seriousComorbidity",
  "sstrPositive",
  "primaryResected",
  "primarySymptomatic",
  "monthsStable",
  "expectedCytoreductionPct",
  "entryMonths",
] as const satisfies readonly (keyof CohortColumns)[];
export type CohortColumnName = (typeof cohortColumnNames)[number];

const byteColumns: ReadonlySet<string> = new Set([
  "age",
  "liverInvolvementPct",
  "expectedCytoreductionPct",
  "sex",
  "primarySite",
  "syndrome",
  "grade",
  "differentiation",
  "enetsType",
  "extrahepaticDisease",
  "adequateLiverReserve",
  "seriousComorbidity",
  "sstrPositive",
  "primaryResected",
  "primarySymptomatic",
]);

const shortColumns: ReadonlySet<string> = new Set(["mitoses", "lesionCount", "monthsStable"]);

/** Allocates zero-filled columns for `size` patients: 45 bytes per patient. */
export function allocateCohortColumns(size: number): CohortColumns {
  const columns: Record<string, unknown> = { size };
  for (const name of cohortColumnNames) columns[name] = byteColumns.has(name) ? new Uint8Array(size) : shortColumns.has(name) ? new Uint16Array(size) : new Float64Array(size);
  return columns as unknown as CohortColumns;
}

/** Copies `source` into `target` starting at patient `offset` of the target. */
export function copyCohortColumns(source: CohortColumns, target: CohortColumns, offset: number): void {
  for (const name of cohortColumnNames) (target[name] as Float64Array).set(source[name] as unknown as Float64Array, offset);
}
