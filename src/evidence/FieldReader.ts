import { describeValue, type FieldSpec, keyProblems, type ObjectField, validateField } from "../cohort/fieldSpec.js";

/** The spec of one registry record (or nested object) that a {@link FieldReader} reads through. */
export type RecordSpec = ObjectField<Readonly<Record<string, FieldSpec>>>;

/**
 * Reads the fields of one JSON record through its entry in the registry's field tables (`registrySpec.ts`) and
 * collects every problem instead of stopping at the first, so that a broken data file is reported in one go.
 * Each field is checked by `validateField` against the table — the same checker and wording as every other
 * input, and the same table the registry's JSON Schemas are generated from. Each problem names the file, the
 * record and the field: `evidence/figures.json: figures[3] "captem.pfs.median": value: expected a number, got "29"`.
 * The rules across fields (value or low and high, ids that exist, …) stay in the parser.
 */
export class FieldReader {
  constructor(
    private readonly record: Readonly<Record<string, unknown>>,
    /** "evidence/figures.json: figures[3] \"captem.pfs.median\"" */
    readonly where: string,
    private readonly problems: string[],
    /** The record's entry in the field tables. */
    readonly spec: RecordSpec,
    /** A whole file (which may name its JSON Schema in `$schema`), not a record in it. */
    private readonly isDocument = false,
  ) {}

  /** Adds a problem about `field` of this record. */
  problem(field: string, message: string): void {
    this.problems.push(`${this.where}: ${field}: ${message}`);
  }

  /** The field's value if it is valid per the table, else undefined (problems recorded); absent optional fields are undefined. */
  private read<T>(field: string): T | undefined {
    const spec = this.spec.fields[field];
    if (spec === undefined) throw new Error(`FieldReader: '${field}' is not in the field table of ${this.where}`);
    const value = Object.hasOwn(this.record, field) ? this.record[field] : undefined;
    if (value === undefined) {
      if (spec.optional !== true) this.problem(field, `required, missing (${spec.description})`);
      return undefined;
    }
    const found: string[] = [];
    validateField(spec, value, field, found);
    for (const line of found) this.problems.push(`${this.where}: ${line}`);
    return found.length === 0 ? (value as T) : undefined;
  }

  string(field: string): string | undefined {
    return this.read<string>(field);
  }
  /** A string or null (present either way). */
  nullableString(field: string): string | null | undefined {
    return this.read<string | null>(field);
  }
  oneOf<const T extends string>(field: string, _allowed: readonly T[]): T | undefined {
    return this.read<T>(field);
  }
  number(field: string): number | undefined {
    return this.read<number>(field);
  }
  booleanOrMixed(field: string): boolean | "mixed" | undefined {
    return this.read<boolean | "mixed">(field);
  }
  integerArray(field: string): number[] | undefined {
    return this.read<number[]>(field);
  }
  stringArray(field: string): string[] | undefined {
    return this.read<string[]>(field);
  }
  numberArray(field: string): number[] | undefined {
    return this.read<number[]>(field);
  }
  /** A square matrix of numbers, `size` × `size`, as an array of rows (a covariance matrix). */
  numberMatrix(field: string, size: number): number[][] | undefined {
    const value = this.read<number[][]>(field);
    if (value === undefined) return undefined;
    if (value.length !== size || value.some((row) => row.length !== size)) {
      this.problem(field, `expected a ${size} × ${size} array of rows of finite numbers, got ${value.length} row${value.length === 1 ? "" : "s"}`);
      return undefined;
    }
    return value;
  }

  /** A nested object, read with its own reader over its own table (its problems are named `field: sub`). */
  object(field: string): FieldReader | undefined {
    const spec = this.spec.fields[field];
    if (spec === undefined || spec.kind !== "object") throw new Error(`FieldReader: '${field}' is not an object in the field table of ${this.where}`);
    const value = Object.hasOwn(this.record, field) ? this.record[field] : undefined;
    if (value === undefined) {
      if (spec.optional !== true) this.problem(field, `required, missing (${spec.description})`);
      return undefined;
    }
    if (!isPlainObject(value)) {
      this.problem(field, `expected an object, got ${describeValue(value)}`);
      return undefined;
    }
    return new FieldReader(value, `${this.where}: ${field}`, this.problems, spec);
  }

  /** True when the record has the field at all (whatever its value). */
  has(field: string): boolean {
    return Object.hasOwn(this.record, field) && this.record[field] !== undefined;
  }

  /** Reports every key that is not in the record's table (typos such as `rationle`; `__proto__` and the like). */
  rejectUnknownFields(): void {
    const found: string[] = [];
    keyProblems(this.spec, this.record, "", found, this.isDocument);
    for (const line of found) this.problems.push(`${this.where}: ${line}`);
  }
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
