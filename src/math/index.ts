// Special functions shared by random/, survival/, analysis/ and trials/: one implementation of each, tested
// against R. Browser-safe: no Node APIs, no dependencies.
export * from "./logGamma.js";
export * from "./standardNormalCdf.js";
export * from "./standardNormalDensity.js";
export * from "./inverseNormalCdf.js";
export * from "./normalTwoSidedP.js";
export * from "./regularizedGamma.js";
export * from "./chiSquareUpperTail.js";
export * from "./regularizedIncompleteBeta.js";
export * from "./scaledExponentialIntegral.js";
export * from "./choleskyFactor.js";
export * from "./studentTQuantile.js";
