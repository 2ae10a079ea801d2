import { readdirSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchRow, BenchSuite } from "./BenchRow.js";

/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or only those whose name contains an argument, e.g.
 * `npm run bench -- analysis`) and prints one table. Speed and memory are measured here, never asserted
 * in timed tests.
 */
const folder = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  // whole-process figures first (what a user waits for), then the kernels
  .sort((a, b) => Number(b.startsWith("wholeProcess")) - Number(a.startsWith("wholeProcess")) || (a < b ? -1 : a > b ? 1 : 0));

console.log(`pnen-sim bench — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown cpu"})\n`);
const rows: { suite: string; row: BenchRow }[] = [];
for (const file of files) {
  const suite = file.replace(/\.bench\.ts$/, "");
  const run = (await import(pathToFileURL(`${folder}/${file}`).href)).default as BenchSuite;
  for (const row of await run()) {
    rows.push({ suite, row });
    const value = Number.isInteger(row.value) ? row.value.toLocaleString("en-US") : row.value.toPrecision(4);
    console.log(`${suite.padEnd(12)} ${row.name.padEnd(64)} ${value.padStart(14)} ${row.unit}${row.note ? `  (${row.note})` : ""}`);
  }
}
if (rows.length === 0) console.log("no bench files matched");
