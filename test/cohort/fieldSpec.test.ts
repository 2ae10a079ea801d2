import { describe, expect, it } from "vitest";
import { describeValue, fieldJsonSchema, maximumEcho, specField, validateField } from "../../src/cohort/fieldSpec.js";

const spec = specField.object(
  {
    size: specField.integer({ description: "size", minimum: 1 }),
    mix: specField.mix(["a", "b"] as const, "a mix"),
    range: specField.range("a range", { minimum: 0, unit: "cm" }),
    tags: specField.array(specField.string({ description: "tag" }), { description: "tags", uniqueItems: true }),
    kind: specField.enum(["x", "y"] as const, { description: "kind", optional: true }),
  },
  { description: "test document" },
);

const problemsOf = (value: unknown) => {
  const problems: string[] = [];
  validateField(spec, value, "", problems);
  return problems;
};

describe("validateField", () => {
  it("validateField(spec, valid document) reports nothing", () => {
    expect(problemsOf({ size: 3, mix: { a: 0.25, b: 0.75 }, range: { min: 1, max: 2 }, tags: ["p", "q"] })).toEqual([]);
  });

  it("validateField(spec, bad document) reports one problem per field, naming its path", () => {
    expect(problemsOf({ size: 0.5, mix: { a: 0.5, b: 0.6 }, range: { min: 3, max: 2 }, tags: ["p", "p"], kind: "z", extra: 1 })).toEqual([
      "size: expected an integer >= 1, got 0.5",
      "mix: the shares must add up to 1, got 1.1",
      "range: min (3) must not exceed max (2)",
      'tags[1]: duplicate of an earlier item ("p")',
      'kind: expected one of "x", "y", got "z"',
      "extra: unknown field; expected one of size, mix, range, tags, kind",
    ]);
  });

  it("validateField(spec, missing fields) names each missing required field", () => {
    expect(problemsOf({})).toEqual([
      "size: required, missing (size)",
      "mix: required, missing (a mix)",
      "range: required, missing (a range)",
      "tags: required, missing (tags)",
    ]);
  });

  it("validateField(spec, not an object) reports the document", () => {
    expect(problemsOf([1])).toEqual(["(document): expected an object, got an array"]);
  });
});

describe("fieldJsonSchema", () => {
  it("fieldJsonSchema(spec) carries the same constraints", () => {
    const schema = fieldJsonSchema(spec) as { properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(["size", "mix", "range", "tags"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.size).toEqual({ description: "size", type: "integer", minimum: 1 });
    expect(schema.properties.kind).toEqual({ description: "kind", enum: ["x", "y"] });
    expect(schema.properties.mix.description).toBe("a mix The shares must add up to 1.");
  });
});

describe("nullable fields", () => {
  const nullable = specField.object({ limit: specField.number({ description: "a limit", minimum: 0, optional: true, nullable: true }) }, { description: "doc" });
  it("validateField(nullable field, null) accepts null and still checks other values", () => {
    const problems: string[] = [];
    validateField(nullable, { limit: null }, "", problems);
    validateField(nullable, { limit: -1 }, "", problems);
    expect(problems).toEqual(["limit: expected a number >= 0, got -1"]);
  });
  it("fieldJsonSchema(nullable field) is the type or null", () => {
    expect((fieldJsonSchema(nullable).properties as Record<string, unknown>).limit).toEqual({ description: "a limit", anyOf: [{ type: "number", minimum: 0 }, { type: "null" }] });
  });
});

describe("hostile input", () => {
  it("validateField(spec, document with __proto__, constructor or prototype keys) refuses them, at any level", () => {
    const document = JSON.parse('{"size": 1, "mix": {"a": 0.5, "b": 0.5, "__proto__": {"x": 1}}, "range": {"min": 0, "max": 1}, "tags": [], "constructor": 1}');
    expect(problemsOf(document)).toEqual([
      "mix.__proto__: key not allowed (it could reach the object's prototype)",
      "constructor: key not allowed (it could reach the object's prototype)",
    ]);
    const records = specField.record(specField.number({ description: "n" }), { description: "r" });
    const problems: string[] = [];
    validateField(records, JSON.parse('{"prototype": 1, "ok": 2}'), "r", problems);
    expect(problems).toEqual(["r.prototype: key not allowed (it could reach the object's prototype)"]);
  });
  it("validateField(number field, 1e400) names the non-finite number", () => {
    expect(JSON.parse("1e400")).toBe(Number.POSITIVE_INFINITY);
    expect(problemsOf({ ...JSON.parse('{"size": 1e400}'), mix: { a: 0.5, b: 0.5 }, range: { min: 0, max: 1 }, tags: [] })).toEqual([
      "size: expected an integer >= 1, got Infinity (a number too large for a double, e.g. 1e400)",
    ]);
    expect(describeValue(-Infinity)).toBe("-Infinity (a number too large for a double, e.g. 1e400)");
    expect(describeValue(Number.NaN)).toBe("NaN (not a number)");
  });
  it("validateField(spec, long values and keys) echoes at most 80 characters of each", () => {
    const long = "x".repeat(10_000);
    const problems = problemsOf({ size: 1, mix: { a: 0.5, b: 0.5 }, range: { min: 0, max: 1 }, tags: [], kind: long, [long]: 1 });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe(`kind: expected one of "x", "y", got "${"x".repeat(maximumEcho - 3)}…"`);
    expect(problems[1].startsWith(`${"x".repeat(maximumEcho - 1)}…: unknown field`)).toBe(true);
    for (const problem of problems) expect(problem.length).toBeLessThan(200);
  });
  it("validateField(spec, 4,500-deep nesting) reports the field without a stack overflow", () => {
    const deep = JSON.parse(`${"[".repeat(4500)}${"]".repeat(4500)}`);
    const deepObject = JSON.parse(`${'{"a":'.repeat(4500)}1${"}".repeat(4500)}`);
    expect(problemsOf({ size: deep, mix: { a: 0.5, b: 0.5 }, range: { min: 0, max: 1 }, tags: [deep], kind: deepObject })).toEqual([
      "size: expected an integer >= 1, got an array",
      "tags[0]: expected a string, got an array",
      'kind: expected one of "x", "y", got an object',
    ]);
  });
  it("validateField(spec, near-miss key) suggests the known field", () => {
    expect(problemsOf({ size: 1, mix: { a: 0.5, b: 0.5 }, range: { min: 0, max: 1 }, tags: [], Kind: "x" })).toEqual(["Kind: unknown field; did you mean 'kind'?"]);
  });
});

describe("anyOf fields", () => {
  const test = specField.anyOf(
    [specField.enum(["logrank", "cox"] as const, { description: "a test" }), specField.object({ type: specField.enum(["rmst"] as const, { description: "rmst" }), tau: specField.number({ description: "tau", exclusiveMinimum: 0 }) }, { description: "RMST" })],
    { description: "the test" },
  );
  it("validateField(anyOf, value) checks the option of the value's JSON type", () => {
    const problems: string[] = [];
    validateField(test, "logrank", "test", problems);
    validateField(test, { type: "rmst", tau: 24 }, "test", problems);
    expect(problems).toEqual([]);
    validateField(test, "wilcoxon", "test", problems);
    validateField(test, { type: "rmst" }, "test", problems);
    validateField(test, 3, "test", problems);
    expect(problems).toEqual(['test: expected one of "logrank", "cox", got "wilcoxon"', "test.tau: required, missing (tau)", 'test: expected one of "logrank", "cox" or an object, got 3']);
  });
  it("fieldJsonSchema(anyOf) is a JSON Schema anyOf", () => {
    expect((fieldJsonSchema(test).anyOf as unknown[]).length).toBe(2);
  });
});
