// Public API of pnen-sim: re-exports only (see STYLE.md). Node-only pieces (file output, rendering,
// workers, the CLI) are exported from their own entry points, not from here, so this stays browser-safe.
export * from "./util/index.js";
export * from "./math/index.js";
export * from "./evidence/index.js";
export * from "./random/index.js";
export * from "./cohort/index.js";
export * from "./rules/index.js";
export * from "./survival/index.js";
export * from "./simulate/index.js";
export * from "./analysis/index.js";
export * from "./figures/index.js";
export * from "./report/index.js";
export * from "./trials/index.js";
export * from "./validation/index.js";
