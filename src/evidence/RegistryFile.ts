/**
 * One registry data file as the loader sees it: its path relative to data/ ("evidence/figures.json",
 * "assumptions/survival.json") and its parsed JSON content. In Node, `readRegistryFiles()` in
 * src/io/loadRegistry.ts reads them from disk; a dashboard can ship the same array as a JSON bundle and hand
 * it to `parseRegistry`.
 */
export interface RegistryFile {
  readonly path: string;
  readonly content: unknown;
}

/** Every data file of a registry, in the shape `parseRegistry` takes and a JSON bundle can carry. */
export type RegistryFiles = readonly RegistryFile[];
