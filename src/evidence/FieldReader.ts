/**
 * Reads the fields of one JSON record and collects every problem instead of stopping at the first, so that a
 * broken data file is reported in one go. Each problem names the file, the record and the field:
 * `evidence/figures.json: figures[3] "captem.pfs.median": value: expected a finite number, got "29"`.
 *
 * Hand-written rather than a JSON-Schema compiler (ajv builds code with `new Function`, which a strict
 * content-security policy forbids in the browser, and the dashboards load the registry in the browser).
 */
export class FieldReader {
  private readonly seen = new Set<string>();

  constructor(
    private readonly record: Readonly<Record<string, unknown>>,
    /** "evidence/figures.json: figures[3] \"captem.pfs.median\"" */
    readonly where: string,
    private readonly problems: string[],
  ) {}

  /** Adds a problem about `field` of this record. */
  problem(field: string, message: string): void {
    this.problems.push(`${this.where}: ${field}: ${message}`);
  }

  private raw(field: string): unknown {
    this.seen.add(field);
    return this.record[field];
  }

  private missing(field: string, expected: string): undefined {
    this.problem(field, `missing; expected ${expected}`);
    return undefined;
  }

  private wrong(field: string, expected: string, value: unknown): undefined {
    this.problem(field, `expected ${expected}, got ${describe(value)}`);
    return undefined;
  }

  /** A non-empty string; `optional` lets it be absent. */
  string(field: string, options: { optional?: boolean; pattern?: RegExp; patternText?: string } = {}): string | undefined {
    const value = this.raw(field);
    const expected = options.patternText ?? "a non-empty string";
    if (value === undefined) return options.optional ? undefined : this.missing(field, expected);
    if (typeof value !== "string" || value.trim() === "") return this.wrong(field, "a non-empty string", value);
    if (options.pattern !== undefined && !options.pattern.test(value)) return this.wrong(field, expected, value);
    return value;
  }

  /** A string or null (present either way). */
  nullableString(field: string, options: { pattern?: RegExp; patternText?: string } = {}): string | null | undefined {
    const value = this.raw(field);
    if (value === null) return null;
    if (value === undefined) return this.missing(field, `${options.patternText ?? "a string"} or null`);
    return this.string(field, options);
  }

  /** One of a fixed list of strings. */
  oneOf<const T extends string>(field: string, allowed: readonly T[], options: { optional?: boolean } = {}): T | undefined {
    const value = this.raw(field);
    const expected = `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
    if (value === undefined) return options.optional ? undefined : this.missing(field, expected);
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) return this.wrong(field, expected, value);
    return value as T;
  }

  /** A finite number (an integer with `integer`). */
  number(field: string, options: { optional?: boolean; integer?: boolean; min?: number } = {}): number | undefined {
    const value = this.raw(field);
    const expected = `${options.integer ? "an integer" : "a finite number"}${options.min !== undefined ? ` >= ${options.min}` : ""}`;
    if (value === undefined) return options.optional ? undefined : this.missing(field, expected);
    if (typeof value !== "number" || !Number.isFinite(value) || (options.integer && !Number.isInteger(value)) || (options.min !== undefined && value < options.min)) {
      return this.wrong(field, expected, value);
    }
    return value;
  }

  /** A boolean, or (with `orMixed`) the string "mixed". */
  booleanOrMixed(field: string): boolean | "mixed" | undefined {
    const value = this.raw(field);
    if (value === undefined) return this.missing(field, 'true, false or "mixed"');
    if (typeof value === "boolean" || value === "mixed") return value;
    return this.wrong(field, 'true, false or "mixed"', value);
  }

  /** An array of positive integers (reference numbers). */
  integerArray(field: string): number[] | undefined {
    const value = this.raw(field);
    const expected = "an array of positive integers";
    if (value === undefined) return this.missing(field, expected);
    if (!Array.isArray(value) || !value.every((n) => typeof n === "number" && Number.isInteger(n) && n > 0)) return this.wrong(field, expected, value);
    return value as number[];
  }

  /** An array of strings, each matching `pattern` when given. */
  stringArray(field: string, options: { pattern?: RegExp; patternText?: string } = {}): string[] | undefined {
    const value = this.raw(field);
    const expected = `an array of ${options.patternText ?? "strings"}`;
    if (value === undefined) return this.missing(field, expected);
    if (!Array.isArray(value)) return this.wrong(field, expected, value);
    const good: string[] = [];
    value.forEach((item, index) => {
      if (typeof item !== "string" || (options.pattern !== undefined && !options.pattern.test(item))) this.wrong(`${field}[${index}]`, options.patternText ?? "a string", item);
      else good.push(item);
    });
    return good.length === value.length ? good : undefined;
  }

  /** A non-empty array of finite numbers, each in [min, max] when given (a life table's probabilities). */
  numberArray(field: string, options: { min?: number; max?: number; what?: string } = {}): number[] | undefined {
    const value = this.raw(field);
    const expected = `a non-empty array of ${options.what ?? "numbers"}`;
    if (value === undefined) return this.missing(field, expected);
    const inRange = (x: unknown) => typeof x === "number" && Number.isFinite(x) && (options.min === undefined || x >= options.min) && (options.max === undefined || x <= options.max);
    if (!Array.isArray(value) || value.length === 0 || !value.every(inRange)) return this.wrong(field, expected, value);
    return value as number[];
  }

  /** A nested object, read with its own reader (its problems are named `field.sub`). */
  object(field: string, options: { optional?: boolean } = {}): FieldReader | undefined {
    const value = this.raw(field);
    if (value === undefined) return options.optional ? undefined : this.missing(field, "an object");
    if (!isPlainObject(value)) return this.wrong(field, "an object", value);
    return new FieldReader(value, `${this.where}: ${field}`, this.problems);
  }

  /** True when the record has the field at all (whatever its value). */
  has(field: string): boolean {
    return this.record[field] !== undefined;
  }

  /** Marks fields as read elsewhere, so that {@link rejectUnknownFields} accepts them. */
  markKnown(...fields: readonly string[]): void {
    for (const field of fields) this.seen.add(field);
  }

  /** Reports every field this reader was not asked about (typos such as `rationle`). */
  rejectUnknownFields(): void {
    for (const key of Object.keys(this.record)) {
      if (!this.seen.has(key)) this.problem(key, "unexpected field (misspelt?)");
    }
  }
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short rendering of a JSON value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return Array.isArray(value) ? `array ${shown}` : value === null ? "null" : `${typeof value} ${shown}`;
}
