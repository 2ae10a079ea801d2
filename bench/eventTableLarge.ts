// Child process of bench/eventTable.bench.ts: builds one event table of N distinct times (default 40,000,000) and
// prints {ms, rows, maxRssMiB} as JSON. Modes:
//   hash    eventTableCore (the hashing core behind km, logRank, coxPh): issue 20 item 5, the hash that degenerated
//           past 2^25 distinct times (36 M did not finish in 600 s)
//   sorted  eventTimes (typed sort) + eventTableFromTimes (the summary's path)
import { readFileSync } from "node:fs";
import { eventTableCore } from "../src/analysis/eventTable.js";
import { eventTableFromTimes } from "../src/analysis/eventTableFromTimes.js";
import { eventTimes } from "../src/analysis/eventTimes.js";
import { randomSource } from "../src/random/randomSource.js";

const mode = process.argv[2] ?? "hash";
const n = Number(process.argv[3] ?? 40_000_000);
const random = randomSource(20);
const time = new Float64Array(n);
const status = new Uint8Array(n);
for (let i = 0; i < n; i++) {
  time[i] = random() * 120; // continuous: ~40 M distinct draws (timefix ties neighbours within √ε × mean: ~29.6 M rows)
  status[i] = random() < 0.7 ? 1 : 0;
}
const start = performance.now();
const rows = mode === "hash" ? eventTableCore(time, status, new Int32Array(n), ["all"], new Int32Array(n), ["all"]).time.length : eventTableFromTimes([eventTimes(time, status)], ["all"]).time.length;
const ms = performance.now() - start;
const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
console.log(JSON.stringify({ ms, rows, maxRssMiB: match === null ? NaN : Number(match[1]) / 1024 }));
