import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parsePatient } from "../../src/cohort/parsePatient.js";
import { inputSchemas } from "../../src/io/inputSchemas.js";
import { parseStrategy } from "../../src/rules/parseStrategy.js";
import { parseTrialDesign } from "../../src/trials/parseTrialDesign.js";

// The schemas are generated from the parsers' field tables (src/io/inputSchemas.ts); ajv is an independent
// JSON Schema validator (test-only: it compiles with `new Function`, which the browser build must not use).
const data = new URL("../../data/", import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, data), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
const compiled = new Map(inputSchemas.map(({ file, schema }) => [file, ajv.compile(schema())]));
const validatorOf = (file: string) => compiled.get(file) as NonNullable<ReturnType<typeof compiled.get>>;
const dataFiles = (folder: string) => readdirSync(new URL(`${folder}/`, data)).filter((name) => name.endsWith(".json") && !name.endsWith(".schema.json"));

describe("inputSchemas", () => {
  it.each(inputSchemas.map((entry) => [entry.file, entry] as const))("inputSchemas: %s equals the schema generated from its field table (regenerate: npm run schemas)", (file, entry) => {
    expect(readJson(file)).toEqual(entry.schema());
  });

  it.each(inputSchemas.filter((entry) => entry.validates.length > 0).map((entry) => [entry.validates.join(", "), entry] as const))(
    "every shipped data file %s validates against its schema (ajv)",
    (_files, entry) => {
      const paths = entry.validates.flatMap((pattern) => (pattern.endsWith("/*.json") ? dataFiles(pattern.slice(0, -"/*.json".length)).map((name) => pattern.replace("*.json", name)) : [pattern]));
      expect(paths.length).toBeGreaterThan(0);
      const validate = validatorOf(entry.file);
      for (const path of paths) expect({ path, valid: validate(readJson(path)), errors: validate.errors ?? null }).toEqual({ path, valid: true, errors: null });
    },
  );

  // data/curves/*/ holds the provenance notes of a digitised curve (design.json, source.json, ipd.manifest.json):
  // documentation that no command reads as input, so it has no schema.
  it("every JSON input under data/ is covered by a schema (not the schemas, not data/curves' provenance notes)", () => {
    const covered = new Set(inputSchemas.flatMap((entry) => entry.validates.flatMap((pattern) => (pattern.endsWith("/*.json") ? dataFiles(pattern.slice(0, -"/*.json".length)).map((name) => pattern.replace("*.json", name)) : [pattern]))));
    const all = readdirSync(data, { recursive: true, encoding: "utf8" }).filter((path) => path.endsWith(".json") && !path.endsWith(".schema.json") && !path.startsWith("curves/"));
    expect(all.filter((path) => !covered.has(path))).toEqual([]);
  });

  it("the README's example patient validates against patient.schema.json, and ajv rejects what parsePatient rejects", () => {
    const validate = validatorOf("schemas/patient.schema.json");
    const patient = { age: 52, primarySite: "head", ki67: 5, mitoses: 1, enetsType: "I", lesionCount: 2, largestLesionCm: 4, liverInvolvementPct: 10 };
    expect(validate(patient)).toBe(true);
    expect(() => parsePatient(patient)).not.toThrow();
    for (const bad of [{ ...patient, ki67: 140 }, { ...patient, lesionCount: 1.5 }, { ...patient, syndrome: "vipoma" }, { ...patient, Ki67: 5 }, { ...patient, largestLesionCm: 0 }]) {
      expect(validate(bad)).toBe(false);
      expect(() => parsePatient(bad)).toThrow();
    }
  });

  it("ajv rejects the strategies, designs and registry figures that the parsers reject for a field's type, bound or name", () => {
    const strategy = validatorOf("schemas/strategy.schema.json");
    const review = readJson("strategies/review.json");
    for (const bad of [{ ...review, id: "Bad Id" }, { ...review, name: " " }, { ...review, description: "a\nb" }, { ...review, choices: { prrtOrder: "first" } }, { ...review, choices: { firstLine: "captem" } }, { ...review, extra: 1 }]) {
      expect(strategy(bad)).toBe(false);
      expect(() => parseStrategy(bad, "x.json")).toThrow();
    }
    const figures = validatorOf("schemas/evidence-figures.schema.json");
    const shipped = readJson("evidence/figures.json");
    const broken = { ...shipped, figures: [{ ...shipped.figures[0], value: "29" }] };
    expect(figures(broken)).toBe(false);
    const outside = readJson("evidence/external.json");
    expect(figures({ ...outside, figures: [{ ...outside.figures[0], populationSpec: { ...outside.figures[0].populationSpec, progressive: "yes" } }] })).toBe(false);
    const design = validatorOf("schemas/design.schema.json");
    const minimal = { arms: [{ label: "control", median: 12 }, { label: "treatment", median: 22 }] };
    expect(design(minimal)).toBe(true);
    for (const bad of [{ ...minimal, n: 10.5 }, { ...minimal, alpha: 1 }, { ...minimal, test: "wilcoxon" }, { ...minimal, test: { type: "rmst", tau: 0 } }, { ...minimal, seed: true }, { ...minimal, sequential: { analyses: [0.5, 1], sided: 3 } }, { arms: [minimal.arms[0]] }, { ...minimal, extra: 1 }]) {
      expect(design(bad)).toBe(false);
      expect(() => parseTrialDesign(bad)).toThrow();
    }
  });
});
