// Survival analysis compatible with R's survival package. Browser-safe: no Node APIs, no arquero.
export * from "./KaplanMeierResult.js";
export * from "./eventTable.js";
export * from "./kaplanMeier.js";
export * from "./survivalQuantile.js";
export * from "./survivalAt.js";
export * from "./logRank.js";
export * from "./solveLinear.js";
export * from "./coxPh.js";
export * from "./rmst.js";
