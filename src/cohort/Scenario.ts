import type { FieldValue } from "./fieldSpec.js";
import type { scenarioSpec } from "./scenarioSpec.js";

/** A validated scenario (see {@link scenarioSpec} for every field and its meaning). */
export type Scenario = FieldValue<typeof scenarioSpec> & { readonly $schema?: string };

/** The cohort part of a scenario. */
export type CohortSpec = Scenario["cohort"];

/** The censoring part of a scenario. */
export type FollowUpSpec = Scenario["followUp"];
