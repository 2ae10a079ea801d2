export * from "./KaplanMeierResult.js";
