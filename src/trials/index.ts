// Trial planner: power and sample size by simulation, with Schoenfeld and Freedman cross-checks, and
// group-sequential designs computed as rpact does.
// Browser-safe. Node-only (not re-exported here): powerWorkersNode.ts (worker threads) and
// strategyArmsNode.ts (strategy arms simulated by the engine from data/).
export * from "./TrialDesign.js";
export * from "./parseTrialDesign.js";
export * from "./trialDesignJsonSchema.js";
export * from "./twoArmDesign.js";
export * from "./armModel.js";
export * from "./empiricalArmSpec.js";
export * from "./accrual.js";
export * from "./resolveDesign.js";
export * from "./generateTrial.js";
export * from "./compareArms.js";
export * from "./twoGroupCox.js";
export * from "./simulateTrials.js";
export * from "./TrialRunner.js";
export * from "./PowerResult.js";
export * from "./summarizePower.js";
export * from "./simulatePower.js";
export * from "./findSampleSize.js";
export * from "./powerCurve.js";
export * from "./schoenfeld.js";
export * from "./freedman.js";
export * from "./eventProbability.js";
export * from "./analyticPower.js";
export * from "./wilsonInterval.js";
export * from "./piecewiseHazard.js";
export * from "./spendingFunction.js";
export * from "./groupSequentialProbabilities.js";
export * from "./groupSequentialDesign.js";
export * from "./sequentialCharacteristics.js";
export * from "./sequentialSurvivalPlan.js";
export * from "./planSequential.js";
export * from "./simulationLooks.js";
export * from "./simulateSequential.js";
