/**
 * A declarative description of a JSON document's fields, from which both the validator
 * ({@link validateField}) and the JSON Schema ({@link fieldJsonSchema}) are derived, so that the two cannot
 * disagree. The TypeScript type of a valid document is `FieldValue<typeof spec>`.
 *
 *   spec (a table of fields) ──► validateField(spec, value)  one problem per bad field, named by its path
 *                            └─► fieldJsonSchema(spec)       JSON Schema draft 2020-12 for editors
 */
export type FieldSpec =
  | NumberField
  | StringField
  | BooleanField
  | EnumField<readonly string[]>
  | ObjectField<Readonly<Record<string, FieldSpec>>>
  | ArrayField<FieldSpec>
  | RecordField<FieldSpec>
  | AnyOfField<readonly FieldSpec[]>;

interface FieldBase {
  readonly description: string;
  /** The field may be left out. */
  readonly optional?: boolean;
  /** The field may be null (e.g. "not reported: as in the scenario"); JSON Schema: the type or null. */
  readonly nullable?: boolean;
  /**
   * The expectation in words, for messages (`expected <this>, got …`) when the generated one would be less
   * clear, e.g. `lower-case words joined by hyphens ("captem-first")` for an id pattern.
   */
  readonly expected?: string;
  /** The value a parser uses when the field is left out (JSON Schema `default`; the validator does not fill it). */
  readonly default?: string | number | boolean;
}

export interface NumberField extends FieldBase {
  readonly kind: "number";
  readonly integer?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}
export interface StringField extends FieldBase {
  readonly kind: "string";
  readonly pattern?: string;
  readonly minLength?: number;
}
export interface BooleanField extends FieldBase {
  readonly kind: "boolean";
}
export interface EnumField<V extends readonly string[]> extends FieldBase {
  readonly kind: "enum";
  readonly values: V;
}
export interface ObjectField<F extends Readonly<Record<string, FieldSpec>>> extends FieldBase {
  readonly kind: "object";
  readonly fields: F;
  /**
   * For a mix of shares (`{"G1": 0.3, "G2": 0.5, …}`): the values must add up to 1 (within 1e-6).
   */
  readonly sumsToOne?: boolean;
  /** For a `{min, max}` range: min must not exceed max. */
  readonly ordered?: readonly [string, string];
  /** What a key names in messages about unknown keys ("unknown choice"); default "field". */
  readonly keyNoun?: string;
}
export interface ArrayField<I extends FieldSpec> extends FieldBase {
  readonly kind: "array";
  readonly items: I;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
}
export interface RecordField<V extends FieldSpec> extends FieldBase {
  readonly kind: "record";
  readonly values: V;
  readonly keyPattern?: string;
}

/**
 * One of several shapes (JSON Schema `anyOf`), e.g. a test given as `"logrank"` or as `{"type": "rmst", "tau": 24}`.
 * The value is checked against the option whose JSON type matches (the first such option); when none matches,
 * the message lists the options' expectations.
 */
export interface AnyOfField<O extends readonly FieldSpec[]> extends FieldBase {
  readonly kind: "anyOf";
  readonly options: O;
}

/** The TypeScript type of a value that satisfies a field spec (a `nullable` field may also be null). */
export type FieldValue<S> = S extends { readonly nullable: true } ? NonNullFieldValue<S> | null : NonNullFieldValue<S>;

type NonNullFieldValue<S> = S extends NumberField
  ? number
  : S extends StringField
    ? string
    : S extends BooleanField
      ? boolean
      : S extends EnumField<infer V>
        ? V[number]
        : S extends ArrayField<infer I>
          ? readonly FieldValue<I>[]
          : S extends RecordField<infer V>
            ? Readonly<Record<string, FieldValue<V>>>
            : S extends ObjectField<infer F>
              ? ObjectValue<F>
              : S extends AnyOfField<infer O>
                ? FieldValue<O[number]>
                : never;

type OptionalKeys<F> = { [K in keyof F]: F[K] extends { readonly optional: true } ? K : never }[keyof F];
type RequiredKeys<F> = Exclude<keyof F, OptionalKeys<F>>;
type ObjectValue<F> = { readonly [K in RequiredKeys<F>]: FieldValue<F[K]> } & { readonly [K in OptionalKeys<F>]?: FieldValue<F[K]> } extends infer O
  ? { [K in keyof O]: O[K] }
  : never;

/** Builders for field specs; they only spell the literal objects more briefly. */
export const specField = {
  number: <const O extends Omit<NumberField, "kind">>(options: O): O & { readonly kind: "number" } => ({ kind: "number", ...options }),
  integer: <const O extends Omit<NumberField, "kind" | "integer">>(options: O): O & { readonly kind: "number"; readonly integer: true } => ({ kind: "number", integer: true, ...options }),
  /** A proportion in [0, 1]. */
  share: <const D extends string>(description: D) => ({ kind: "number", minimum: 0, maximum: 1, description }) as const,
  string: <const O extends Omit<StringField, "kind">>(options: O): O & { readonly kind: "string" } => ({ kind: "string", ...options }),
  boolean: <const O extends Omit<BooleanField, "kind">>(options: O): O & { readonly kind: "boolean" } => ({ kind: "boolean", ...options }),
  enum: <const V extends readonly string[], const O extends Omit<EnumField<V>, "kind" | "values">>(values: V, options: O): O & { readonly kind: "enum"; readonly values: V } => ({ kind: "enum", values, ...options }),
  object: <const F extends Readonly<Record<string, FieldSpec>>, const O extends Omit<ObjectField<F>, "kind" | "fields">>(fields: F, options: O): O & { readonly kind: "object"; readonly fields: F } => ({ kind: "object", fields, ...options }),
  array: <const I extends FieldSpec, const O extends Omit<ArrayField<I>, "kind" | "items">>(items: I, options: O): O & { readonly kind: "array"; readonly items: I } => ({ kind: "array", items, ...options }),
  record: <const V extends FieldSpec, const O extends Omit<RecordField<V>, "kind" | "values">>(values: V, options: O): O & { readonly kind: "record"; readonly values: V } => ({ kind: "record", values, ...options }),
  anyOf: <const F extends readonly FieldSpec[], const O extends Omit<AnyOfField<F>, "kind" | "options">>(options: F, rest: O): O & { readonly kind: "anyOf"; readonly options: F } => ({ kind: "anyOf", options, ...rest }),
  /** A mix of shares over the given categories, adding up to 1. */
  mix<const K extends readonly string[], const D extends string>(keys: K, description: D) {
    const fields = Object.fromEntries(keys.map((key) => [key, { kind: "number", minimum: 0, maximum: 1, description: `share of ${key}` }])) as {
      readonly [P in K[number]]: { readonly kind: "number"; readonly minimum: 0; readonly maximum: 1; readonly description: string };
    };
    return { kind: "object", fields, sumsToOne: true, description } as const;
  },
  /** A `{min, max}` range with min <= max, each bounded as given. */
  range<const D extends string>(description: D, bounds: { minimum?: number; maximum?: number; integer?: boolean; unit: string }) {
    const number = {
      kind: "number",
      ...(bounds.integer ? { integer: true } : {}),
      ...(bounds.minimum !== undefined ? { minimum: bounds.minimum } : {}),
      ...(bounds.maximum !== undefined ? { maximum: bounds.maximum } : {}),
    } as const;
    return {
      kind: "object",
      fields: { min: { ...number, description: `lower bound, ${bounds.unit}` }, max: { ...number, description: `upper bound, ${bounds.unit}` } },
      ordered: ["min", "max"],
      description,
    } as { readonly kind: "object"; readonly fields: { readonly min: NumberField & { readonly kind: "number" }; readonly max: NumberField & { readonly kind: "number" } }; readonly ordered: readonly [string, string]; readonly description: D };
  },
};

/** Keys that would reach an object's prototype when copied or merged; refused in every input document. */
export const forbiddenKeys: readonly string[] = Object.freeze(["__proto__", "constructor", "prototype"]);

/** The longest echo of a user's value in a message, in characters (longer ones are cut with "…"). */
export const maximumEcho = 80;

/**
 * A value in words for messages: strings and numbers as given (cut to {@link maximumEcho} characters),
 * containers by their kind (never walked, so a deeply nested value costs O(1)); non-finite numbers named as
 * such (`1e400` parses to Infinity).
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value)) {
    return Number.isNaN(value) ? "NaN (not a number)" : `${value > 0 ? "" : "-"}Infinity (a number too large for a double, e.g. 1e400)`;
  }
  if (typeof value === "string") {
    const text = JSON.stringify(value);
    return text.length > maximumEcho ? `${text.slice(0, maximumEcho - 2)}…"` : text;
  }
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  const text = String(value);
  return text.length > maximumEcho ? `${text.slice(0, maximumEcho - 1)}…` : text;
}

/** A key in words for messages, cut like a value. */
const echoKey = (key: string): string => (key.length > maximumEcho ? `${key.slice(0, maximumEcho - 1)}…` : key);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The known name closest to `key` (same letters ignoring case, or one edit away), for "did you mean" hints. */
function nearestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return known.find((name) => name.toLowerCase() === lower) ?? known.find((name) => key.length > 3 && editDistanceAtMostOne(name, key));
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const [x, y] = [a.slice(i), b.slice(i)];
  return x.slice(1) === y.slice(1) || x.slice(1) === y || x === y.slice(1);
}

/**
 * Checks `value` against `spec`, pushing one line per problem onto `problems`, each naming the field's path
 * (`cohort.grade.G1: expected a number in [0, 1], got 1.2`). Unknown keys are problems too (a misspelt
 * optional field would otherwise be silently ignored; a near miss gets "did you mean"), and so are the keys
 * `__proto__`, `constructor` and `prototype` anywhere. The walk follows the spec, not the value, so its depth is
 * the spec's (a value nested thousands deep is "expected a number, got an array", never a stack overflow).
 * Runs in time linear in the size of the document.
 */
export function validateField(spec: FieldSpec, value: unknown, path: string, problems: string[], isDocument = path === ""): void {
  const at = path === "" ? "(document)" : path;
  if (value === null && spec.nullable === true) return;
  const expectedText = (expectation: string) => spec.expected ?? expectation;
  switch (spec.kind) {
    case "number": {
      const expected = expectedText(numberExpectation(spec));
      if (typeof value !== "number" || !Number.isFinite(value)) {
        problems.push(`${at}: expected ${expected}, got ${describeValue(value)}`);
        return;
      }
      const bad =
        (spec.integer === true && !Number.isInteger(value)) ||
        (spec.minimum !== undefined && value < spec.minimum) ||
        (spec.maximum !== undefined && value > spec.maximum) ||
        (spec.exclusiveMinimum !== undefined && value <= spec.exclusiveMinimum) ||
        (spec.exclusiveMaximum !== undefined && value >= spec.exclusiveMaximum);
      if (bad) problems.push(`${at}: expected ${expected}, got ${value}`);
      return;
    }
    case "string":
      if (typeof value !== "string") problems.push(`${at}: expected ${expectedText("a string")}, got ${describeValue(value)}`);
      else if (spec.minLength !== undefined && value.length < spec.minLength) problems.push(`${at}: expected ${expectedText(`at least ${spec.minLength} character${spec.minLength === 1 ? "" : "s"}`)}`);
      else if (spec.pattern !== undefined && !new RegExp(spec.pattern, "u").test(value)) problems.push(`${at}: expected ${expectedText(`a string matching ${spec.pattern}`)}, got ${describeValue(value)}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") problems.push(`${at}: expected ${expectedText("true or false")}, got ${describeValue(value)}`);
      return;
    case "enum":
      if (typeof value !== "string" || !spec.values.includes(value)) problems.push(`${at}: expected ${expectedText(`one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`)}, got ${describeValue(value)}`);
      return;
    case "anyOf": {
      const option = spec.options.find((candidate) => matchesJsonType(candidate, value));
      if (option === undefined) {
        problems.push(`${at}: expected ${expectedText(spec.options.map(fieldExpectation).join(" or "))}, got ${describeValue(value)}`);
        return;
      }
      const container = option.kind === "object" || option.kind === "record" || option.kind === "array";
      if (container || spec.expected === undefined) {
        validateField(option, value, path, problems);
        return;
      }
      // A scalar that fails its option is described by the whole field's expectation ('true, false or "mixed"').
      const found: string[] = [];
      validateField(option, value, path, found);
      if (found.length > 0) problems.push(`${at}: expected ${spec.expected}, got ${describeValue(value)}`);
      return;
    }
    case "array": {
      if (!Array.isArray(value)) {
        problems.push(`${at}: expected ${expectedText("an array")}, got ${describeValue(value)}`);
        return;
      }
      if (spec.minItems !== undefined && value.length < spec.minItems) problems.push(`${at}: expected ${expectedText(`at least ${spec.minItems} item${spec.minItems === 1 ? "" : "s"}`)}, got ${value.length}`);
      const before = problems.length;
      value.forEach((item, index) => validateField(spec.items, item, `${path}[${index}]`, problems));
      if (spec.uniqueItems === true && problems.length === before) {
        // Items are valid here, so they are as shallow as the spec: JSON.stringify cannot recurse deeply.
        const seen = new Set<string>();
        value.forEach((item, index) => {
          const key = JSON.stringify(item);
          if (seen.has(key)) problems.push(`${path}[${index}]: duplicate of an earlier item (${describeValue(item)})`);
          seen.add(key);
        });
      }
      return;
    }
    case "record": {
      if (!isPlainObject(value)) {
        problems.push(`${at}: expected ${expectedText("an object")}, got ${describeValue(value)}`);
        return;
      }
      for (const key of Object.keys(value)) {
        const keyPath = path === "" ? echoKey(key) : `${path}.${echoKey(key)}`;
        if (forbiddenKeys.includes(key)) problems.push(`${keyPath}: key not allowed (it could reach the object's prototype)`);
        else if (spec.keyPattern !== undefined && !new RegExp(spec.keyPattern, "u").test(key)) problems.push(`${keyPath}: key does not match ${spec.keyPattern}`);
        else validateField(spec.values, value[key], keyPath, problems);
      }
      return;
    }
    case "object": {
      if (!isPlainObject(value)) {
        problems.push(`${at}: expected ${expectedText("an object")}, got ${describeValue(value)}`);
        return;
      }
      const before = problems.length;
      for (const [key, child] of Object.entries(spec.fields)) {
        const childPath = path === "" ? key : `${path}.${key}`;
        if (!Object.hasOwn(value, key) || value[key] === undefined) {
          if (child.optional !== true) problems.push(`${childPath}: required, missing (${child.description})`);
          continue;
        }
        validateField(child, value[key], childPath, problems);
      }
      keyProblems(spec, value, path, problems, isDocument);
      const known = Object.keys(spec.fields);
      if (problems.length > before) return;
      if (spec.sumsToOne === true) {
        const total = known.reduce((sum, key) => sum + (value[key] as number), 0);
        if (Math.abs(total - 1) > 1e-6) problems.push(`${at}: the shares must add up to 1, got ${Number(total.toPrecision(10))}`);
      }
      if (spec.ordered !== undefined) {
        const [low, high] = spec.ordered;
        if ((value[low] as number) > (value[high] as number)) problems.push(`${at}: ${low} (${value[low]}) must not exceed ${high} (${value[high]})`);
      }
      return;
    }
  }
}

/**
 * The problems of an object's keys: `__proto__`, `constructor` and `prototype` are refused, and keys that are not
 * fields of `spec` are unknown (with a "did you mean" hint for a near miss). `$schema` (the path of the file's JSON
 * Schema, for editors) is allowed in a whole document (`isDocument`, by default when `path` is empty).
 */
export function keyProblems(spec: ObjectField<Readonly<Record<string, FieldSpec>>>, value: Readonly<Record<string, unknown>>, path: string, problems: string[], isDocument = path === ""): void {
  const known = Object.keys(spec.fields);
  for (const key of Object.keys(value)) {
    if (Object.hasOwn(spec.fields, key) || (isDocument && key === "$schema")) continue;
    const keyPath = path === "" ? echoKey(key) : `${path}.${echoKey(key)}`;
    if (forbiddenKeys.includes(key)) {
      problems.push(`${keyPath}: key not allowed (it could reach the object's prototype)`);
      continue;
    }
    const near = nearestKey(key, known);
    problems.push(`${keyPath}: unknown ${spec.keyNoun ?? "field"}; ${near !== undefined ? `did you mean '${near}'?` : `expected one of ${known.join(", ")}`}`);
  }
}

/** Whether `value` has the JSON type of `spec` (the first test of an `anyOf`); null counts for nullable specs. */
function matchesJsonType(spec: FieldSpec, value: unknown): boolean {
  if (value === null) return spec.nullable === true;
  switch (spec.kind) {
    case "number":
      return typeof value === "number";
    case "string":
    case "enum":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
    case "record":
      return isPlainObject(value);
    case "anyOf":
      return spec.options.some((option) => matchesJsonType(option, value));
  }
}

/** What a spec expects, in words (the text after "expected"). */
export function fieldExpectation(spec: FieldSpec): string {
  if (spec.expected !== undefined) return spec.expected;
  switch (spec.kind) {
    case "number":
      return numberExpectation(spec);
    case "string":
      return "a string";
    case "boolean":
      return "true or false";
    case "enum":
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "array":
      return "an array";
    case "object":
    case "record":
      return "an object";
    case "anyOf":
      return spec.options.map(fieldExpectation).join(" or ");
  }
}

function numberExpectation(spec: NumberField): string {
  const bounds = [
    spec.minimum !== undefined ? `>= ${spec.minimum}` : "",
    spec.exclusiveMinimum !== undefined ? `> ${spec.exclusiveMinimum}` : "",
    spec.maximum !== undefined ? `<= ${spec.maximum}` : "",
    spec.exclusiveMaximum !== undefined ? `< ${spec.exclusiveMaximum}` : "",
  ].filter(Boolean);
  if (spec.minimum === 0 && spec.maximum === 1 && spec.integer !== true) return "a number in [0, 1]";
  return `${spec.integer === true ? "an integer" : "a number"}${bounds.length > 0 ? ` ${bounds.join(" and ")}` : ""}`;
}

/**
 * The JSON Schema (draft 2020-12) of a field spec: the same constraints that {@link validateField} checks,
 * except the cross-field ones JSON Schema cannot say (shares adding up to 1, min <= max), which are noted in
 * the description.
 */
export function fieldJsonSchema(spec: FieldSpec): Record<string, unknown> {
  if (spec.nullable === true) {
    const { description, ...rest } = nonNullJsonSchema(spec);
    return { description, anyOf: [rest, { type: "null" }] };
  }
  return nonNullJsonSchema(spec);
}

function nonNullJsonSchema(spec: FieldSpec): Record<string, unknown> {
  const base: Record<string, unknown> = { description: spec.description, ...(spec.default !== undefined && { default: spec.default }) };
  switch (spec.kind) {
    case "number":
      return {
        ...base,
        type: spec.integer === true ? "integer" : "number",
        ...(spec.minimum !== undefined && { minimum: spec.minimum }),
        ...(spec.maximum !== undefined && { maximum: spec.maximum }),
        ...(spec.exclusiveMinimum !== undefined && { exclusiveMinimum: spec.exclusiveMinimum }),
        ...(spec.exclusiveMaximum !== undefined && { exclusiveMaximum: spec.exclusiveMaximum }),
      };
    case "string":
      return { ...base, type: "string", ...(spec.pattern !== undefined && { pattern: spec.pattern }), ...(spec.minLength !== undefined && { minLength: spec.minLength }) };
    case "boolean":
      return { ...base, type: "boolean" };
    case "enum":
      return { ...base, enum: [...spec.values] };
    case "anyOf":
      return { ...base, anyOf: spec.options.map((option) => fieldJsonSchema(option)) };
    case "array":
      return { ...base, type: "array", items: fieldJsonSchema(spec.items), ...(spec.minItems !== undefined && { minItems: spec.minItems }), ...(spec.uniqueItems === true && { uniqueItems: true }) };
    case "record":
      return { ...base, type: "object", additionalProperties: fieldJsonSchema(spec.values), ...(spec.keyPattern !== undefined && { propertyNames: { pattern: spec.keyPattern } }) };
    case "object": {
      const notes = [spec.sumsToOne === true ? "The shares must add up to 1." : "", spec.ordered !== undefined ? `${spec.ordered[0]} must not exceed ${spec.ordered[1]}.` : ""].filter(Boolean);
      return {
        description: [spec.description, ...notes].join(" "),
        ...(spec.default !== undefined && { default: spec.default }),
        type: "object",
        properties: Object.fromEntries(Object.entries(spec.fields).map(([key, child]) => [key, fieldJsonSchema(child)])),
        required: Object.entries(spec.fields)
          .filter(([, child]) => child.optional !== true)
          .map(([key]) => key),
        additionalProperties: false,
      };
    }
  }
}

/**
 * The JSON Schema (draft 2020-12) of a whole input file: {@link fieldJsonSchema} of its spec with a title and
 * the `$schema` property that editors use to find it. Every committed `*.schema.json` is one of these.
 */
export function documentJsonSchema(spec: FieldSpec, title: string): Record<string, unknown> {
  const schema = fieldJsonSchema(spec);
  const properties = { $schema: { description: "Path or URL of this JSON Schema (for editors)", type: "string" }, ...(schema.properties as object) };
  return { $schema: "https://json-schema.org/draft/2020-12/schema", title, ...schema, properties };
}
