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
