// Node-only public API of pnen-sim (`import … from "pnen-sim/node"`): reading data/ and survival files, writing
// files, rendering figures, worker threads. Re-exports only, chosen deliberately — README.md's "Public API" section
// documents every name (test/packageApi.test.ts checks). The browser-safe API is src/index.ts.

// Files and data/: the project's data/ folder, registry and strategies, atomic writes
export { projectRoot, dataDir } from "./io/projectRoot.js";
export { writeFileAtomic } from "./io/writeFileAtomic.js";
export { loadRegistry, readRegistryFiles } from "./io/loadRegistry.js";
export { loadStrategies, loadStrategy, loadRuleThresholds } from "./io/loadStrategies.js";

// Reading survival data: CSV, TSV, Arrow and Parquet input of `pnen-sim km`; numeric CSV columns (digitised curves)
export { readSurvivalData, parseSurvivalData, survivalFileFormat } from "./io/readSurvivalData.js";
export { readSurvivalCsv, parseSurvivalCsv } from "./io/readSurvivalCsv.js";
export type { SurvivalCsv, SurvivalCsvColumns } from "./io/readSurvivalCsv.js";
export { readNumberColumnsCsv, parseNumberColumnsCsv } from "./io/readNumberColumnsCsv.js";
export type { NumberColumns } from "./io/readNumberColumnsCsv.js";
export { expandLabels, droppedRowsText, EventCodings, isEventCoding, MissingValueActions, TextEncodings,
  SurvivalFileFormats } from "./io/SurvivalData.js";
export type { SurvivalData, SurvivalColumns, SurvivalReadOptions, CodedLabels, DroppedRows, EventCoding,
  MissingValueAction, TextEncoding, SurvivalFileFormat } from "./io/SurvivalData.js";

// Simulation runs and patients files: the whole `simulate` job, worker threads, patients.csv / .arrow / .parquet
export { runSimulationNode, PatientsFormats } from "./simulate/runSimulationNode.js";
export type { SimulationRunOptions, PatientsFormat } from "./simulate/runSimulationNode.js";
export { loadScenarioNode, scenarioPath } from "./simulate/loadScenarioNode.js";
export { loadSimulationContextNode } from "./simulate/loadSimulationContextNode.js";
export { runPlanOnWorkersNode, simulateOnWorkersNode, runPlanSummaryNode } from "./simulate/runWorkersNode.js";
export { calibrateWithCacheNode, calibrationCacheFolderNode } from "./simulate/calibrateWithCacheNode.js";
export { writePatientsCsvNode } from "./simulate/writePatientsCsvNode.js";
export { writePatientsArrowNode, openPatientsArrowNode, patientsArrowFields } from "./io/writePatientsArrowNode.js";
export type { PatientsFileOptions, PatientsFileWriter } from "./io/writePatientsArrowNode.js";
export { writePatientsParquetNode, openPatientsParquetNode, patientsParquetTypes } from "./io/writePatientsParquetNode.js";

// Sharded runs (issue 15): one shard of a run, the check of a set of shards and their exact merge
export { runShardNode } from "./simulate/runShardNode.js";
export type { ShardRunOptions } from "./simulate/runShardNode.js";
export { mergeShardsNode, checkShardSetNode } from "./simulate/mergeShardsNode.js";
export type { MergeShardsOptions } from "./simulate/mergeShardsNode.js";
export { readShardNode } from "./simulate/readShardNode.js";
export { shardRange } from "./simulate/shardRange.js";
export type { ShardRange } from "./simulate/shardRange.js";
export type { ShardManifest } from "./simulate/ShardManifest.js";

// Figures and reports: SVG, PNG and PDF rendering, the whole `report` job
export { renderFigure, renderSvg, renderPng, writeFigure, specWidthMm, figureFontFiles } from "./figures/renderNode.js";
export type { FigureProvenance, RenderOptions, RenderedFigure } from "./figures/renderNode.js";
export { runReportNode } from "./report/runReportNode.js";
export type { ReportRunOptions } from "./report/runReportNode.js";
export { writeReportNode } from "./report/writeReportNode.js";
export type { WrittenReport } from "./report/writeReportNode.js";

// Trial planning on worker threads: power and sample size on several threads, strategy arms simulated by the engine
export { simulatePowerParallel, findSampleSizeParallel, parallelTrialRunner, defaultWorkers, workerSupport } from "./trials/powerWorkersNode.js";
export type { ParallelTrialRunner } from "./trials/powerWorkersNode.js";
export { resolveStrategyArmsNode } from "./trials/strategyArmsNode.js";

// Validation against published trials: the whole `validate` job, trial files read from a folder
export { runValidationNode, defaultValidationPatientsPerArm } from "./validation/runValidationNode.js";
export type { ValidationRunOptions, ValidationProvenance, ValidationRun } from "./validation/runValidationNode.js";
export { loadTrialFilesNode } from "./validation/loadTrialFilesNode.js";
