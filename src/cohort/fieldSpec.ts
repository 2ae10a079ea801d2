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
  | RecordField<FieldSpec>;

interface FieldBase {
  readonly description: string;
  /** The field may be left out. */
  readonly optional?: boolean;
  /** The field may be null (e.g. "not reported: as in the scenario"); JSON Schema: the type or null. */
  readonly nullable?: boolean;
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

const describe = (value: unknown): string => {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
};

/**
 * Checks `value` against `spec`, pushing one line per problem onto `problems`, each naming the field's path
 * (`cohort.grade.G1: expected a number in [0, 1], got 1.2`). Unknown keys are problems too (a misspelt
 * optional field would otherwise be silently ignored). Runs in time linear in the size of the document.
 */
export function validateField(spec: FieldSpec, value: unknown, path: string, problems: string[]): void {
  const at = path === "" ? "(document)" : path;
  if (value === null && spec.nullable === true) return;
  switch (spec.kind) {
    case "number": {
      const expected = numberExpectation(spec);
      if (typeof value !== "number" || !Number.isFinite(value)) {
        problems.push(`${at}: expected ${expected}, got ${describe(value)}`);
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
      if (typeof value !== "string") problems.push(`${at}: expected a string, got ${describe(value)}`);
      else if (spec.minLength !== undefined && value.length < spec.minLength) problems.push(`${at}: expected at least ${spec.minLength} character${spec.minLength === 1 ? "" : "s"}`);
      else if (spec.pattern !== undefined && !new RegExp(spec.pattern).test(value)) problems.push(`${at}: expected a string matching ${spec.pattern}, got ${describe(value)}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") problems.push(`${at}: expected true or false, got ${describe(value)}`);
      return;
    case "enum":
      if (typeof value !== "string" || !spec.values.includes(value)) problems.push(`${at}: expected one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describe(value)}`);
      return;
    case "array": {
      if (!Array.isArray(value)) {
        problems.push(`${at}: expected an array, got ${describe(value)}`);
        return;
      }
      if (spec.minItems !== undefined && value.length < spec.minItems) problems.push(`${at}: expected at least ${spec.minItems} item${spec.minItems === 1 ? "" : "s"}, got ${value.length}`);
      value.forEach((item, index) => validateField(spec.items, item, `${path}[${index}]`, problems));
      if (spec.uniqueItems === true) {
        const seen = new Set<string>();
        value.forEach((item, index) => {
          const key = JSON.stringify(item);
          if (seen.has(key)) problems.push(`${path}[${index}]: duplicate of an earlier item (${describe(item)})`);
          seen.add(key);
        });
      }
      return;
    }
    case "record": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        problems.push(`${at}: expected an object, got ${describe(value)}`);
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        const keyPath = path === "" ? key : `${path}.${key}`;
        if (spec.keyPattern !== undefined && !new RegExp(spec.keyPattern).test(key)) problems.push(`${keyPath}: key does not match ${spec.keyPattern}`);
        validateField(spec.values, item, keyPath, problems);
      }
      return;
    }
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        problems.push(`${at}: expected an object, got ${describe(value)}`);
        return;
      }
      const record = value as Record<string, unknown>;
      const before = problems.length;
      for (const [key, child] of Object.entries(spec.fields)) {
        const childPath = path === "" ? key : `${path}.${key}`;
        if (record[key] === undefined) {
          if (child.optional !== true) problems.push(`${childPath}: required, missing (${child.description})`);
          continue;
        }
        validateField(child, record[key], childPath, problems);
      }
      for (const key of Object.keys(record)) {
        if (!(key in spec.fields) && !(path === "" && key === "$schema")) {
          problems.push(`${path === "" ? key : `${path}.${key}`}: unknown field; expected one of ${Object.keys(spec.fields).join(", ")}`);
        }
      }
      if (problems.length > before) return;
      if (spec.sumsToOne === true) {
        const total = Object.keys(spec.fields).reduce((sum, key) => sum + (record[key] as number), 0);
        if (Math.abs(total - 1) > 1e-6) problems.push(`${at}: the shares must add up to 1, got ${Number(total.toPrecision(10))}`);
      }
      if (spec.ordered !== undefined) {
        const [low, high] = spec.ordered;
        if ((record[low] as number) > (record[high] as number)) problems.push(`${at}: ${low} (${record[low]}) must not exceed ${high} (${record[high]})`);
      }
      return;
    }
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
  const base: Record<string, unknown> = { description: spec.description };
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
    case "array":
      return { ...base, type: "array", items: fieldJsonSchema(spec.items), ...(spec.minItems !== undefined && { minItems: spec.minItems }), ...(spec.uniqueItems === true && { uniqueItems: true }) };
    case "record":
      return { ...base, type: "object", additionalProperties: fieldJsonSchema(spec.values), ...(spec.keyPattern !== undefined && { propertyNames: { pattern: spec.keyPattern } }) };
    case "object": {
      const notes = [spec.sumsToOne === true ? "The shares must add up to 1." : "", spec.ordered !== undefined ? `${spec.ordered[0]} must not exceed ${spec.ordered[1]}.` : ""].filter(Boolean);
      return {
        description: [spec.description, ...notes].join(" "),
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
