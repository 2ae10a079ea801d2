// Node-only entry point of the simulation: worker threads, streaming CSV output, loading scenarios and data/.
export * from "./loadScenarioNode.js";
export * from "./loadSimulationContextNode.js";
export * from "./runWorkersNode.js";
export * from "./writePatientsCsvNode.js";
export * from "./runSimulationNode.js";
