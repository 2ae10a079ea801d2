// Treatment-pathway rules of the review (sections 1–3): classification, pathway assignment with an
// explainable trace, and strategies as data. Browser-safe: no node:* imports (the Node reader of strategy
// files is src/io/loadStrategies.ts).
export * from "./RuleThresholds.js";
export * from "./whoGrade.js";
export * from "./enetsType.js";
export * from "./ruleCatalogue.js";
export * from "./Strategy.js";
export * from "./parseStrategy.js";
export * from "./strategyJsonSchema.js";
export { intents, pathwayTreatments, pathwayFromCode, type Intent, type Pathway, type PathwayStep, type TreatmentId } from "./Pathway.js";
export type { TraceEntry } from "./decide.js";
export * from "./assignPathway.js";
export * from "./explainPathway.js";
