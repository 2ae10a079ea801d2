// Figure spec builders: pure and browser-safe (the dashboards render the same specs with vega-embed).
// Node-only rendering (SVG, PNG) is in renderNode.ts and fontMetricsNode.ts, imported directly, not from here.
export * from "./palette.js";
export * from "./strategyStyle.js";
export * from "./journalSize.js";
export * from "./figureTheme.js";
export * from "./formatStatistics.js";
export * from "./estimateTextWidth.js";
export * from "./niceTimeStep.js";
export * from "./KmCurveInput.js";
export * from "./kmStepRows.js";
export * from "./kmComparisonSpec.js";
export * from "./survivalDifferenceSpec.js";
export * from "./forestPlotSpec.js";
export * from "./validationPlotSpec.js";
export * from "./tornadoSpec.js";
export * from "./compositionSpec.js";
export * from "./pngChunks.js";
export * from "./specJson.js";
export * from "./powerCurveSpec.js";
export * from "./sequentialBoundarySpec.js";
export * from "./parametricFitSpec.js";
