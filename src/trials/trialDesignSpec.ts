import { type FieldSpec, specField } from "../cohort/fieldSpec.js";
import { SpendingFamilies } from "./spendingFunction.js";
import { Multiplicities, TestKinds, TrialEndpoints } from "./TrialDesign.js";

/**
 * The largest trial pnen-sim simulates (patients, all arms): the sample-size search's ceiling too. Larger
 * values are refused with a message instead of running out of memory or time.
 */
export const maximumTrialSize = 200_000;

/** The most simulated trials one power run may ask for (each is a whole trial; 1,000,000 already takes hours). */
export const maximumSimulations = 1_000_000;

/** A number > 0, in the words of the design messages ("expected a positive number"). */
const positive = (description: string) => ({ kind: "number", exclusiveMinimum: 0, expected: "a positive number", description }) as const;
const atLeastZero = (description: string) => specField.number({ description, minimum: 0 });
const proportionBelowOne = (description: string) => specField.number({ description, minimum: 0, exclusiveMaximum: 1 });
const spendingFamily = (description: string, extra: { optional?: boolean; default?: string } = {}) => ({ kind: "enum", values: SpendingFamilies, expected: `one of ${SpendingFamilies.join(", ")}`, description, ...extra }) as const;

/** A list of pieces [{fromMonth, …}]: months increasing from 0 (checked by the parser), at most 100. */
const pieces = <const V extends Readonly<Record<string, FieldSpec>>>(description: string, valueFields: V, words: string) =>
  specField.array(
    specField.object({ fromMonth: { ...atLeastZero("start of the piece, months since entry (the first piece: 0, may be left out)"), optional: true }, ...valueFields }, { description: `one piece: fromMonth and ${words}` }),
    { description: `${description} (months increasing from 0; at most 100 pieces)`, minItems: 1, expected: `a non-empty array of {fromMonth, ${words}} (at most 100)` },
  );

/** One arm: a label and exactly one of median, hazardRatio, piecewise, mixture or strategy (checked by the parser). */
const armSpec = specField.object(
  {
    label: specField.string({ description: "Arm name (unique)", pattern: "\\S", expected: "a non-empty string" }),
    allocation: { ...positive("Allocation weight"), optional: true, default: 1 },
    median: { ...positive("Median, months (Weibull with shape, exponential by default)"), optional: true },
    shape: { ...positive("Weibull shape with median (1 = exponential)"), optional: true, default: 1 },
    hazardRatio: { ...positive("Hazard ratio vs the control arm (arms[0]); not for the control"), optional: true },
    delayMonths: { ...atLeastZero("With hazardRatio: no effect before this month (a delayed effect)"), optional: true },
    piecewise: { ...pieces("Piecewise-exponential hazard", { ratePerMonth: { ...positive("hazard per month"), optional: true }, median: { ...positive("median of an exponential with this piece's hazard, months"), optional: true } }, "ratePerMonth | median"), optional: true },
    mixture: specField.array(
      specField.object(
        { weight: positive("weight (normalised over the components)"), median: positive("median, months"), shape: { ...positive("Weibull shape (1 = exponential)"), optional: true, default: 1 }, label: specField.string({ description: "name of the component", optional: true }) },
        { description: "one component" },
      ),
      { description: "Mixture of Weibull components", minItems: 1, optional: true, expected: "a non-empty array of {weight, median, shape?}" },
    ),
    strategy: specField.string({ description: "A strategy id of data/strategies, simulated on the design's scenario", pattern: "\\S", expected: "a non-empty string", optional: true }),
    endpoint: { kind: "enum", values: TrialEndpoints, expected: `one of ${TrialEndpoints.join(", ")}`, description: "With strategy: the endpoint compared", optional: true, default: "pfs" },
    treatment: specField.string({ description: "Not supported: a single treatment has no pathway of its own; give the strategy that uses it", optional: true }),
  },
  { description: "One arm: label and exactly one of median, hazardRatio, piecewise, mixture, strategy" },
);

/** The `sequential` block: interim analyses (see `parseSequentialSpec`). */
export const sequentialSpec = specField.object(
  {
    analyses: specField.array(specField.number({ description: "information rate (share of the maximum events)", exclusiveMinimum: 0, maximum: 1, expected: "values in (0, 1]" }), {
      description: "Information rates of the looks, increasing, the last 1",
      minItems: 1,
      expected: "1 to 20 information rates (shares of the maximum events), e.g. [0.5, 0.75, 1]",
    }),
    spending: spendingFamily("Alpha-spending function (Lan-DeMets): obf, pocock or hsd", { optional: true, default: "obf" }),
    gamma: { ...specField.number({ description: "Gamma of the hsd spending function", minimum: -10, maximum: 5, expected: "a number in [-10, 5]" }), optional: true, default: -4 },
    classical: specField.boolean({ description: "Classical O'Brien-Fleming or Pocock bounds instead of the spending function", optional: true, default: false }),
    sided: specField.anyOf([specField.number({ description: "1 or 2", integer: true, minimum: 1, maximum: 2, expected: "1 or 2" })], { description: "1: efficacy for benefit only, at half the two-sided alpha; 2: two-sided", optional: true, default: 1, expected: "1 or 2" }),
    futility: specField.anyOf(
      [
        spendingFamily("Non-binding beta spending"),
        specField.object(
          {
            spending: spendingFamily("Non-binding beta spending", { optional: true }),
            gamma: { ...specField.number({ description: "Gamma of the hsd beta spending", minimum: -10 }), optional: true },
            z: specField.array(specField.number({ description: "z bound", exclusiveMinimum: -6, exclusiveMaximum: 6 }), { description: "Non-binding bounds on the z scale, one per interim analysis", optional: true }),
          },
          { description: "exactly one of spending and z" },
        ),
      ],
      { description: "Futility bounds: null, a beta-spending family, {spending, gamma} or {z: [...]}", optional: true, nullable: true },
    ),
    targetPower: specField.number({ description: "Size the plan for this power; null: the design's n", exclusiveMinimum: 0, exclusiveMaximum: 1, optional: true, nullable: true }),
  },
  { description: "Interim analyses (group-sequential design, two arms)" },
);

/**
 * The fields of a trial design (data/designs/*.json, `pnen-sim power --design`), from which
 * {@link parseTrialDesign} checks every field's type and bounds and `trialDesignJsonSchema` writes
 * data/schemas/design.schema.json. The rules across fields (exactly one survival form per arm, months of pieces
 * increasing from 0, the control has no hazard ratio, targetEvents <= n, …) are the parser's, stated in the
 * descriptions.
 */
export const trialDesignSpec = specField.object(
  {
    description: specField.string({ description: "What the design is, in words (ignored)", optional: true }),
    scenario: specField.string({ description: "Scenario the strategy arms are simulated on (default \"default\"); only with strategy arms", pattern: "\\S", expected: "a non-empty string", optional: true, nullable: true }),
    arms: specField.array(armSpec, { description: "The arms, at least two; the first is the control", minItems: 2, expected: "an array of at least two arms (the first is the control)" }),
    n: specField.integer({ description: "Patients, all arms", minimum: 2, maximum: maximumTrialSize, optional: true, default: 200 }),
    accrual: specField.object(
      {
        months: { ...atLeastZero("Accrual duration, months"), optional: true },
        ratePerMonth: { ...positive("Patients a month"), optional: true },
        rampMonths: { ...atLeastZero("Months over which the rate ramps up linearly (shape ramped)"), optional: true },
        shape: specField.enum(["uniform", "ramped"] as const, { description: "uniform, or ramped over rampMonths", optional: true, expected: "uniform or ramped" }),
        piecewise: { ...pieces("Patients a month by period; the last rate until n are in", { perMonth: positive("patients a month") }, "perMonth"), optional: true },
      },
      { description: "Exactly one of months, ratePerMonth or piecewise (default {months: 24})", optional: true },
    ),
    followUpMonths: { ...atLeastZero("Follow-up after accrual ends, months"), optional: true, default: 24 },
    targetEvents: specField.integer({ description: "Event-driven analysis at this many events (at most n); null: at the end of follow-up", minimum: 1, optional: true, nullable: true }),
    dropout: specField.object(
      {
        ratePerMonth: { ...atLeastZero("Dropout hazard per month"), optional: true },
        annualProportion: { ...proportionBelowOne("Share lost to follow-up per year"), optional: true },
        piecewise: {
          ...pieces("Dropout by period", { ratePerMonth: { ...atLeastZero("dropout hazard per month"), optional: true }, annualProportion: { ...proportionBelowOne("share lost per year"), optional: true } }, "ratePerMonth | annualProportion"),
          optional: true,
        },
      },
      { description: "One of ratePerMonth, annualProportion or piecewise (default no dropout)", optional: true },
    ),
    strata: specField.array(
      specField.object(
        {
          label: specField.string({ description: "Stratum name", pattern: "\\S", expected: "a non-empty string", optional: true }),
          proportion: positive("Share of patients (normalised over the strata)"),
          hazardMultiplier: { ...positive("Hazard multiplier in this stratum"), optional: true, default: 1 },
        },
        { description: "One stratum" },
      ),
      { description: "Strata (at most 255)", optional: true },
    ),
    test: specField.anyOf(
      [
        { kind: "enum", values: TestKinds, expected: `one of ${TestKinds.join(", ")}`, description: "The test" },
        specField.object(
          { type: { kind: "enum", values: TestKinds, expected: `one of ${TestKinds.join(", ")}`, description: "The test" }, tau: { ...positive("Restriction time of the RMST test, months"), optional: true } },
          { description: "A test with options: {type: \"rmst\", tau}" },
        ),
      ],
      { description: "logrank (default), stratified-logrank, cox-wald or {type: \"rmst\", tau}", optional: true, default: "logrank" },
    ),
    alpha: specField.number({ description: "Two-sided significance level", exclusiveMinimum: 0, exclusiveMaximum: 1, optional: true, default: 0.05 }),
    multiplicity: { kind: "enum", values: Multiplicities, expected: `one of ${Multiplicities.join(", ")}`, description: "Adjustment for more than one comparison with the control", optional: true, default: "bonferroni" },
    sims: specField.integer({ description: "Simulated trials (at most 1,000,000: each is a whole trial)", minimum: 1, maximum: maximumSimulations, optional: true, default: 2000 }),
    seed: specField.anyOf([specField.number({ description: "a number" }), specField.string({ description: "a string" })], { description: "Seed of the simulated trials", optional: true, default: 1, expected: "a number or a string" }),
    sequential: { ...sequentialSpec, optional: true, nullable: true },
  },
  { description: "A trial design for pnen-sim power", expected: "an object" },
);
