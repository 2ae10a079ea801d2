// Validation against published randomised trials (issue 12): trial files, their emulation with the outcome model,
// circularity detected from the registry, and the comparison with the published results. Browser-safe; the Node
// part (reading a folder of trial files) is loadTrialFilesNode.ts / runValidationNode.ts, exported from src/node.ts.
export * from "./trialFileSpec.js";
export * from "./parseTrialFile.js";
export * from "./trialFileJsonSchema.js";
export * from "./trialCohortSpec.js";
export * from "./trialPathwaySteps.js";
export * from "./emulateTrial.js";
export * from "./modelEvidenceInputs.js";
export * from "./trialCircularity.js";
export * from "./compareWithPublished.js";
export * from "./validationSummary.js";
export * from "./validateTrials.js";
