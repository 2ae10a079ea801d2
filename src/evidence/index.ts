// Evidence registry: the review's figures, references, thresholds, treatments and labelled assumptions.
// Browser-safe (no node:*); the Node reader is src/io/loadRegistry.ts.
export * from "./Assumption.js";
export * from "./EvidenceCurve.js";
export * from "./EvidenceFigure.js";
export * from "./EvidenceRegistry.js";
export * from "./LifeTable.js";
export * from "./PopulationSpec.js";
export * from "./Reference.js";
export * from "./RegistryFile.js";
export * from "./Threshold.js";
export * from "./Treatment.js";
export * from "./closestIds.js";
export * from "./doiPattern.js";
export * from "./formatCitation.js";
export * from "./formatQuantity.js";
export * from "./parseRegistry.js";
export * from "./registryJsonSchema.js";
