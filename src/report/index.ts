// Report assembly: pure and browser-safe (tables, methods text, figures specs, Markdown and HTML).
// Node-only file output is in writeReportNode.ts and runReportNode.ts, imported directly, not from here.
export * from "./safeCsvTable.js";
export * from "./ReportTable.js";
export * from "./ReportInput.js";
export * from "./ReportProvenance.js";
export * from "./researchUseNotice.js";
export * from "./analyseReport.js";
export * from "./reportTables.js";
export * from "./reportFigures.js";
export * from "./methodsText.js";
export * from "./reportDocument.js";
export * from "./reportMarkdown.js";
export * from "./reportHtml.js";
export * from "./displayCell.js";
export * from "./pathwayRows.js";
export * from "./shortTreatmentNames.js";
export * from "./tornadoRowsFromReplicates.js";
export * from "./reportInputFromSimulation.js";
export * from "./buildReport.js";
export * from "./validationPlotRows.js";
export * from "./validationSection.js";
export * from "./tornadoNoiseBand.js";
