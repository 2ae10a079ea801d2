import { describe, expect, it } from "vitest";
import { fieldJsonSchema, specField, validateField } from "../../src/cohort/fieldSpec.js";

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
