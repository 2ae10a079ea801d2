// The Monte Carlo run: cohort → pathway → PFS/OS, censoring, calibration, replicates. Browser-safe (no node:*,
// no arquero); the Node-only parts (workers, file output, loading data/) are in the *Node.ts files, exported
// from src/simulate/indexNode.ts.
export * from "./SimulationContext.js";
export * from "./rulesSimulationContext.js";
export * from "./outcomeSources.js";
export * from "./OutcomeParameters.js";
export * from "./OutcomeModel.js";
export * from "./patientHazardRatios.js";
export * from "./compilePathway.js";
export * from "./walkPathway.js";
export * from "./backgroundMortality.js";
export * from "./calibrateSequencingModel.js";
export * from "./calibrateCurveBaseline.js";
export * from "./parameterSampling.js";
export * from "./calibrateOutcomeModel.js";
export * from "./simulateRange.js";
export * from "./simulate.js";
export * from "./summaryTables.js";
export * from "./summarise.js";
export * from "./calibrationReport.js";
export * from "./structureCalibration.js";
export * from "./fitStructure.js";
export * from "./sequencingSummary.js";
export * from "./replicates.js";
export * from "./patientsCsv.js";
export * from "./scenarioHash.js";
export * from "./patientsTableColumns.js";
export * from "./comparisonBatches.js";
export * from "./batchMeansInterval.js";
export * from "./strategyComparisons.js";
export * from "./headToHead.js";
