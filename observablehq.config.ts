import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Observable Framework configuration for the pnen-sim dashboards (`npm run dashboard`, `npm run dashboard:build`).
 *
 * Offline by construction (see the README, "Dashboards"):
 * - pages import the engine through the `notebooks/engine -> ../src` link and their libraries by bare name from
 *   node_modules — never `npm:` specifiers or Framework's implicit CDN globals (Plot, Inputs, html, d3, …);
 * - no Google Fonts stylesheet (`globalStylesheets` holds only the Inputs styles, served from Framework itself),
 *   no search index;
 * - the two preparations below run whenever Framework loads this file (build and preview), so that a cold build
 *   makes no network request at all.
 *
 * The site is built into dashboard-dist/ (git-ignored). Framework's default output folder, `dist/`, is where `tsc`
 * writes the compiled library — and Framework empties its output folder before every build — so it must not be used.
 */

const projectRoot = fileURLToPath(new URL(".", import.meta.url));
const cacheRoot = join(projectRoot, "notebooks", ".observablehq", "cache");

/**
 * Framework's client bundle (`_observablehq/client.js`, `stdlib.js`) names Observable's recommended libraries —
 * the implicit globals `d3`, `Plot`, `Inputs`, `htl`, `arquero`, `react-dom`, … — as lazy `npm:` imports that load
 * from a CDN only if a page uses the global without importing it (none of ours does; the browser tests would
 * report the 404). To write their URLs, a cold build asks registry.npmjs.org for each one's latest version — the
 * only network requests of an otherwise offline build — unless the version is in the cache, which Framework reads
 * from the folder names in `.observablehq/cache/_npm/`. Empty folders answer those questions offline; the version
 * is the one installed in node_modules when there is one. No file of these packages is fetched or served.
 */
const clientNpmLibraries = [
  "@duckdb/duckdb-wasm", "@observablehq/inputs", "@observablehq/plot", "@observablehq/sample-datasets", "apache-arrow",
  "arquero", "d3", "d3-dsv", "echarts", "htl", "leaflet", "lodash", "mapbox-gl", "parquet-wasm", "react", "react-dom",
  "topojson-client",
];

function installedVersion(name: string): string | null {
  const manifest = join(projectRoot, "node_modules", name, "package.json");
  if (!existsSync(manifest)) return null;
  const version = (JSON.parse(readFileSync(manifest, "utf8")) as { version?: unknown }).version;
  return typeof version === "string" ? version : null;
}

function answerClientLibraryVersionsOffline(): void {
  for (const name of clientNpmLibraries) {
    const folder = join(cacheRoot, "_npm", ...name.split("/").slice(0, -1));
    const base = name.split("/").pop()!;
    if (existsSync(folder) && readdirSync(folder).some((entry) => entry.startsWith(`${base}@`))) continue;
    mkdirSync(join(folder, `${base}@${installedVersion(name) ?? "1.0.0"}`), { recursive: true });
  }
}

/** The newest modification time under a folder, in ms (0 when it does not exist). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const status = statSync(path);
  if (!status.isDirectory()) return status.mtimeMs;
  return Math.max(status.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/**
 * Framework re-runs a data loader only when the loader file itself is newer than its cached output, not when the
 * files it reads change. notebooks/data/bundle.json.ts reads data/ (and the library in src/): drop its cached
 * output when anything there is newer, so a preview or build never shows stale data.
 */
function dropStaleDataBundle(): void {
  const cached = join(cacheRoot, "data", "bundle.json");
  if (!existsSync(cached)) return;
  const builtAt = statSync(cached).mtimeMs;
  if (newestMtime(join(projectRoot, "data")) > builtAt || newestMtime(join(projectRoot, "src")) > builtAt) rmSync(cached, { force: true });
}

answerClientLibraryVersionsOffline();
dropStaleDataBundle();

export default {
  title: "pnen-sim dashboards",
  root: "notebooks",
  output: "dashboard-dist",
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  style: "style.css",
  search: false,
  pages: [
    { name: "Compare strategies", path: "/compare" },
    { name: "Cohort", path: "/cohort" },
    { name: "Patient explorer", path: "/patient" },
    { name: "Evidence", path: "/evidence" },
    { name: "Validation", path: "/validation" },
    { name: "Uncertainty", path: "/uncertainty" },
    { name: "Power", path: "/power" },
  ],
  footer: "pnen-sim — research use only: simulated cohorts, not clinical advice.",
};
