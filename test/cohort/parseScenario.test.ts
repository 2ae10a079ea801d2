import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseScenario, scenarioProblems } from "../../src/cohort/parseScenario.js";
import { scenarioJsonSchema } from "../../src/cohort/scenarioJsonSchema.js";
import { isInputError } from "../../src/util/InputError.js";

const defaultScenario = JSON.parse(readFileSync(new URL("../../data/scenarios/default.json", import.meta.url), "utf8"));
const committedSchema = JSON.parse(readFileSync(new URL("../../data/scenarios/scenario.schema.json", import.meta.url), "utf8"));
const clone = () => structuredClone(defaultScenario);

describe("parseScenario", () => {
  it("parseScenario(default.json) accepts the shipped scenario", () => {
    const scenario = parseScenario(defaultScenario, "default.json", ["review", "conversion-first", "upfront-surgery", "captem-first"]);
    expect(scenario.cohort.functionalShare).toBe(0.571);
    expect(scenario.referenceStrategy).toBe("review");
  });

  it("parseScenario(bad) throws one InputError line per problem, naming the field path", () => {
    const bad = clone();
    bad.cohort.size = -3;
    bad.cohort.grade.G1 = 0.5;
    bad.cohort.ki67ByGrade.G2 = { min: 30, max: 20 };
    bad.followUp.lossToFollowUpPerYear = "often";
    delete bad.seed;
    bad.cohort.colour = "blue";
    let caught: unknown;
    try {
      parseScenario(bad, "bad.json");
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    const problems = (caught as { problems: string[] }).problems;
    expect(problems).toEqual([
      "seed: required, missing (Master seed of the random numbers; the same seed gives the same patients and outcomes)",
      "cohort.size: expected an integer >= 1 and <= 100000000, got -3",
      "cohort.grade: the shares must add up to 1, got 1.3",
      "cohort.ki67ByGrade.G2: min (30) must not exceed max (20)",
      "cohort.colour: unknown field; expected one of " + Object.keys(defaultScenario.cohort).join(", "),
      'followUp.lossToFollowUpPerYear: expected a number >= 0 and < 1, got "often"',
    ]);
    expect((caught as Error).message.startsWith("bad.json: 6 problems in the scenario")).toBe(true);
  });

  it("scenarioProblems(scenario, known) checks the strategies and the reference", () => {
    const bad = clone();
    bad.strategies = ["review", "nonsense"];
    bad.referenceStrategy = "captem-first";
    expect(scenarioProblems(bad, ["review", "captem-first"])).toEqual([
      "referenceStrategy: 'captem-first' is not one of strategies (review, nonsense)",
      "strategies[1]: unknown strategy 'nonsense'; known: review, captem-first",
    ]);
  });
});

describe("parseScenario (age window)", () => {
  it("scenarioProblems(age window with no probability) names cohort.ageYears instead of throwing a RangeError later", () => {
    const bad = clone();
    bad.cohort.ageYears = { mean: 20, sd: 1, min: 110, max: 120 };
    expect(scenarioProblems(bad)).toEqual(["cohort.ageYears: the window [min, max + 1) = [110, 121) holds no probability under a normal with mean 20 and sd 1"]);
    expect(() => parseScenario(bad, "bad.json")).toThrow("bad.json: 1 problem in the scenario");
  });

  it("scenarioProblems(a far but possible age window) accepts it, and a malformed ageYears is reported once", () => {
    const far = clone();
    far.cohort.ageYears = { mean: 55, sd: 12, min: 95, max: 100 };
    expect(scenarioProblems(far)).toEqual([]);
    const malformed = clone();
    malformed.cohort.ageYears.sd = "wide";
    expect(scenarioProblems(malformed)).toEqual(['cohort.ageYears.sd: expected a number > 0, got "wide"']);
  });
});

describe("parseScenario (sources)", () => {
  it("scenarioProblems(scenario, strategies, sourceIds) names a source key that is no field and a source id that is not in the registry", () => {
    const bad = clone();
    bad.sources = { ...bad.sources, "cohort.functonalShare": "functional.share.china", "cohort.grade.G1": "cohort.grade.G1.shar" };
    expect(scenarioProblems(bad, undefined, ["functional.share.china", ...Object.values(defaultScenario.sources as Record<string, string>)])).toEqual([
      // in the order of the keys: cohort.grade.G1 was already there, the misspelt key is new
      "sources.cohort.grade.G1: unknown evidence figure or assumption 'cohort.grade.G1.shar' (see pnen-sim evidence)",
      "sources.cohort.functonalShare: no field 'cohort.functonalShare' in the scenario to give the provenance of",
    ]);
    // without the registry's ids only the field paths are checked
    expect(scenarioProblems(bad)).toEqual(["sources.cohort.functonalShare: no field 'cohort.functonalShare' in the scenario to give the provenance of"]);
  });
});

describe("scenarioJsonSchema", () => {
  it("scenarioJsonSchema() equals the committed data/scenarios/scenario.schema.json (regenerate: pnen-sim simulate --schema > data/scenarios/scenario.schema.json)", () => {
    expect(committedSchema).toEqual(scenarioJsonSchema());
  });

  it("scenarioJsonSchema() accepts default.json and rejects what parseScenario rejects (ajv)", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(scenarioJsonSchema());
    expect(validate(defaultScenario)).toBe(true);
    const bad = clone();
    bad.cohort.size = 0;
    bad.followUp.extra = 1;
    expect(validate(bad)).toBe(false);
    expect(scenarioProblems(bad).length).toBe(2);
  });
});
