import { fileURLToPath } from "node:url";

/**
 * The package's root folder (where package.json and data/ are), found from this module's own location:
 * works from src/ (tsx, vitest) and from dist/ (the compiled CLI). Node only.
 */
export function projectRoot(): string {
  return fileURLToPath(new URL("../../", import.meta.url));
}

/** The package's data/ folder. */
export function dataDir(): string {
  return fileURLToPath(new URL("../../data/", import.meta.url));
}
