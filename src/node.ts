// Node-only public API of pnen-sim (`import … from "pnen-sim/node"`): reading data/, writing files, rendering
// figures, worker threads. Re-exports only. The browser-safe API is `src/index.ts`.
export * from "./io/projectRoot.js";
export * from "./io/writeFileAtomic.js";
export * from "./io/loadRegistry.js";
export * from "./io/loadStrategies.js";
export * from "./io/readSurvivalCsv.js";
export * from "./io/readNumberColumnsCsv.js";
export * from "./simulate/indexNode.js";
export * from "./figures/renderNode.js";
export * from "./report/runReportNode.js";
export * from "./report/writeReportNode.js";
export * from "./trials/powerWorkersNode.js";
export * from "./trials/strategyArmsNode.js";
export * from "./validation/loadTrialFilesNode.js";
export * from "./validation/runValidationNode.js";
