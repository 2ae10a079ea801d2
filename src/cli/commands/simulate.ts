import { resolve } from "node:path";
import { scenarioJsonSchema } from "../../cohort/scenarioJsonSchema.js";
import { defaultCalibrationCohortSize } from "../../simulate/calibrateOutcomeModel.js";
import { PatientsFormats, type PatientsFormat, runSimulationNode } from "../../simulate/runSimulationNode.js";
import { InputError } from "../../util/InputError.js";
import { runShardNode } from "../../simulate/runShardNode.js";
import { parseShardFlag } from "../../simulate/shardRange.js";
import type { SimulationSummary } from "../../simulate/summarise.js";
import type { Command, CommandIO } from "../Command.js";
import { numberFlag, parseFlags } from "../parseFlags.js";
import { runSimulatePatient } from "./simulatePatient.js";

const help = `pnen-sim simulate — simulate a cohort under each strategy of a scenario

Usage: pnen-sim simulate [--scenario NAME|FILE] [--n N] [--seed S] [--out DIR] [--workers K] [--replicates R]
                         [--format csv|arrow|parquet] [--no-patients] [--shard K/N]
       pnen-sim simulate --patient JSON|@FILE [--draws N] [--scenario NAME|FILE] [--seed S] [--json]
       pnen-sim simulate --schema

The same synthetic patients go through every strategy of the scenario (common random numbers). Each line's PFS
comes from a model calibrated to its figure on a cohort matching the figure's population; after progression
the next line is started or not (attrition), death competes throughout (disease, and other causes from a life
table), and overall survival emerges (sequencing structure; "structure": "sum-of-lines" in a scenario gives the
earlier model). Patient factors act as hazard ratios. A treatment whose figure carries a whole curve (scenario
"evidence": {"curves": {"captem": "example.captem.pfs.curve"}}, e.g. --scenario example-curve) is calibrated to
that curve's shape and scale, and the calibration shows its survival at 6, 12, 24, 36 and 60 months.

Flags:
  --scenario NAME|FILE  a scenario in data/scenarios/ (e.g. default) or a JSON file (default: default)
  --n N                 number of patients (default: the scenario's cohort.size)
  --seed S              master seed, an integer (default: the scenario's seed)
  --out DIR             output folder (default: reports/<scenario name>)
  --workers K           worker threads, 1-64 (default 1); the output does not depend on K
  --replicates R        probabilistic sensitivity analysis: R extra runs of the same patients, parameters
                        drawn from their sampling distributions (ranges uniformly; medians with a CI, events
                        or n log-normally; whole curves from their fit's covariance); summary.json gets the
                        spread across runs (default 0)
  --format F            patients file format: csv (default, patients.csv), arrow (patients.arrow, an Apache
                        Arrow IPC file, also read as Feather v2) or parquet (patients.parquet); Arrow and
                        Parquet keep full-precision months, code text as dictionaries and carry the version,
                        scenario hash and seed in their metadata
  --no-patients         summary only: no patients file; the run streams in chunks of 65,536 patients, so memory
                        is the summary's tables (about 84 bytes per patient for 4 strategies), not the columns;
                        with --shard: a shard without patient rows (the merge then writes no patients file)
  --shard K/N           run only the K-th of N parts of the run (whole blocks of 4,096 patients under the base
                        case and the replicates, dealt out evenly) and write a shard folder (DIR, default
                        reports/shards/K-of-N): shard.json (version, scenario hash, seed, n, K, N), tables.bin
                        (the summary's sufficient statistics: sorted event and censoring times per strategy and
                        endpoint, counts, Monte Carlo batches) and columns.bin (the patient rows). 'pnen-sim
                        merge' turns the N shard folders into this command's files, byte for byte; 'pnen-sim
                        slurm' runs the shards as a Slurm job array. --format is the merge's
  --force               run even when the run's estimated peak memory exceeds the memory available (by default
                        such a run is refused before it starts, naming a --n that fits; the estimate is a model
                        fitted to measured runs, see README Performance; PNEN_SIM_MEMORY_LIMIT_MB=M sets the limit)
  --schema              print the JSON Schema of scenario files and exit

One patient (--patient): instead of a cohort, N outcome draws of the same patient under each strategy of the
scenario (the cohort engine with every patient this one, the same calibrated model and seeded streams, no
censoring), printed as the median PFS and OS per strategy with a 95% Monte Carlo interval (order statistics);
no files are written.
  --patient JSON|@FILE  the patient as 'pnen-sim explain --patient' takes it: a JSON object, or @FILE to read one
  --draws N             outcome draws of the patient per strategy, 1-1000000 (default 4000)
  --json                print the result as JSON (medians, intervals, pathways; version, scenario hash, seed)

Writes (atomically) DIR/patients.csv (one row per patient per strategy), DIR/summary.json (per strategy n,
events, median PFS and OS with their Monte Carlo interval, landmark survival, hazard ratio against the reference
strategy with its Monte Carlo interval; "comparisons": who each strategy changes and each difference with its
Monte Carlo error (paired batch means; shrinks with n) and, with --replicates, its parameter uncertainty (does
not), and a design for the trial planner (pnen-sim power) for the spread a real trial would see; the calibration
targets against their simulated values; provenance: version, scenario hash, seed) and
DIR/manifest.json (version, scenario hash, seed, n, command line, start and end time, SHA-256 of the other
two files). The files appear together at the end of the run, switched in one committed step; a failed,
interrupted (Ctrl-C: exit 130, SIGTERM: 143) or killed run leaves the folder as it was, and removes only files
an earlier manifest of simulate lists, never yours. DIR is locked while a run writes to it (a second run into it
is refused); leftovers of killed runs are removed by the next run, which says so. An invalid scenario is
reported one problem per line (exit code 2).

Research use only: simulated cohorts are not clinical evidence.
`;

/**
 * A progress bar on stderr: shown only on a terminal, and only once the run has taken more than a second;
 * redrawn at most every 100 ms. `clock` is injectable for tests.
 */
export function progressBar(io: CommandIO, label: string, clock: () => number = Date.now): { update: (done: number, total: number) => void; finish: () => void } {
  const start = clock();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      if (!io.stderrIsTTY) return;
      const now = clock();
      if (now - start < 1000 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const width = 30;
      const filled = Math.round((width * done) / total);
      io.stderr(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.floor((100 * done) / total)}%`);
    },
    finish() {
      if (shown) io.stderr("\n");
    },
  };
}

const formatEstimate = (e: { estimate: number | null; lower: number | null; upper: number | null } | null) =>
  e === null ? "—" : e.estimate === null ? "not reached" : `${e.estimate.toFixed(1)} (${e.lower?.toFixed(1) ?? "NA"}–${e.upper?.toFixed(1) ?? "NA"})`;

const limits = (lower: number | null, upper: number | null, digits: number) => (lower === null || upper === null ? "NA" : `${lower.toFixed(digits)}–${upper.toFixed(digits)}`);

/**
 * The strategies' table: medians with their Monte Carlo interval (Kaplan–Meier limits of the simulated patients),
 * who each strategy changes, and the hazard ratio for death with its Monte Carlo interval and, with replicates, its
 * parameter-uncertainty range; then the comparisons' notes and what each kind of interval means.
 */
export function table(summary: SimulationSummary): string {
  const withReplicates = summary.comparisons.some((c) => c.os.hazardRatio?.parameter != null);
  const rows = summary.strategies.map((s) => {
    const c = summary.comparisons.find((x) => x.strategy === s.strategy);
    const hr = c?.os.hazardRatio ?? null;
    const hrCell = c === undefined ? "reference" : hr === null ? "no difference (see note)" : hr.estimate === null || hr.estimate === undefined ? "not estimable" : `${hr.estimate.toFixed(3)} (${limits(hr.monteCarlo.lower, hr.monteCarlo.upper, 3)})`;
    const changed = c === undefined ? "—" : `${(100 * c.modelDiffers.share).toFixed(1)}%`;
    const parameter = hr?.parameter == null ? (c === undefined ? "—" : "NA") : limits(hr.parameter.lower, hr.parameter.upper, 3);
    return [s.strategy, String(s.n), formatEstimate(s.pfs.median), formatEstimate(s.os.median), changed, hrCell, ...(withReplicates ? [parameter] : [])];
  });
  const header = ["strategy", "n", "median PFS, months (MC 95%)", "median OS, months (MC 95%)", "pathway changed", "HR for death vs reference (MC 95%)", ...(withReplicates ? ["parameter 2.5–97.5%"] : [])];
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const lines = [header, ...rows].map((r) => r.map((cell, k) => cell.padEnd(widths[k])).join("  ").trimEnd());
  const notes = summary.comparisons.filter((c) => c.note !== null).map((c) => `Note, ${c.strategy}: ${c.note}`);
  const changedRows = summary.comparisons.filter((c) => c.os.changed !== null).map((c) => {
    const x = c.os.changed!;
    return `  ${c.strategy}: ${x.patients.toLocaleString("en-US")} patients (${(100 * c.modelDiffers.share).toFixed(1)}%): median OS ${x.medians.strategy?.toFixed(1) ?? "not reached"} vs ${x.medians.reference?.toFixed(1) ?? "not reached"} months, HR ${x.hazardRatio.estimate?.toFixed(3) ?? "not estimable"} (MC ${limits(x.hazardRatio.monteCarlo.lower, x.hazardRatio.monteCarlo.upper, 3)})`;
  });
  return [
    ...lines,
    ...(changedRows.length > 0 ? ["", `Within the patients whose pathway each strategy changes (against ${summary.referenceStrategy}):`, ...changedRows] : []),
    ...(notes.length > 0 ? ["", ...notes] : []),
    "",
    "MC 95%: Monte Carlo error — how much the simulation's own randomness could move the figure (paired: the same patients under each strategy); it shrinks as more patients are simulated.",
    withReplicates
      ? "Parameter 2.5–97.5%: parameter uncertainty — the spread across the replicates that draw the published figures from their ranges; it does not shrink with more patients."
      : "Parameter uncertainty (the published figures' ranges) needs --replicates R; it does not shrink with more patients.",
    "The spread a real trial of a given size would see is the trial planner's: pnen-sim power --design FILE with the two strategies as arms (summary.json: comparisons[].trialPlanner).",
  ].join("\n");
}

export const simulateCommand: Command = {
  name: "simulate",
  summary: "Simulate a cohort under each strategy and write patients.csv, summary.json, manifest.json",
  help,
  async run(args, io) {
    const { values } = parseFlags("simulate", args, {
      scenario: { type: "string", default: "default" },
      n: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      workers: { type: "string" },
      replicates: { type: "string" },
      schema: { type: "boolean", default: false },
      format: { type: "string", default: "csv" },
      shard: { type: "string" },
      "no-patients": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      patient: { type: "string" },
      draws: { type: "string" },
      json: { type: "boolean", default: false },
    });
    if (values.schema) {
      io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      return 0;
    }
    // --- one patient's predicted outcomes (issue 13 part C) ---
    if (values.patient === undefined) {
      for (const flag of ["draws", "json"] as const) if (values[flag] !== undefined && values[flag] !== false) throw new InputError(`pnen-sim simulate: --${flag} needs --patient (one patient's outcome draws)`);
    } else {
      const cohortOnly: string[] = (["n", "out", "workers", "replicates"] as const).filter((flag) => values[flag] !== undefined);
      if (values.format !== "csv") cohortOnly.push("format");
      if (values["no-patients"]) cohortOnly.push("no-patients");
      if (values.force) cohortOnly.push("force");
      if (cohortOnly.length > 0) throw new InputError(`pnen-sim simulate: --patient: ${cohortOnly.map((f) => `--${f}`).join(", ")} do${cohortOnly.length === 1 ? "es" : ""} not apply to one patient (use --draws for the number of draws; nothing is written)`);
      const draws = numberFlag("simulate", "draws", values.draws, 4000, { integer: true, min: 1, max: 1_000_000 });
      const patientSeed = values.seed === undefined ? undefined : numberFlag("simulate", "seed", values.seed, 0, { integer: true, min: 0, max: 4294967295 });
      return runSimulatePatient({ patient: values.patient, draws, scenario: values.scenario, seed: patientSeed, json: values.json }, io);
    }
    // --- end ---
    // --- patients file format (issue 14) ---
    if (!PatientsFormats.includes(values.format as PatientsFormat)) throw new InputError(`pnen-sim simulate: --format: expected csv, arrow or parquet, got '${values.format.slice(0, 40)}'`);
    const format = values.format as PatientsFormat;
    // --- end ---
    const workers = numberFlag("simulate", "workers", values.workers, 1, { integer: true, min: 1, max: 64 });
    const replicates = numberFlag("simulate", "replicates", values.replicates, 0, { integer: true, min: 0, max: 10000 });
    const n = values.n === undefined ? undefined : numberFlag("simulate", "n", values.n, 0, { integer: true, min: 1, max: 100_000_000 });
    const seed = values.seed === undefined ? undefined : numberFlag("simulate", "seed", values.seed, 0, { integer: true, min: 0, max: 4294967295 });
    // --- shards (issue 15): one part of the run, written as a shard folder for pnen-sim merge ---
    if (values.shard !== undefined) {
      const { shard, shards } = parseShardFlag(values.shard);
      const bar = progressBar(io, `shard ${shard}/${shards}`);
      const manifest = runShardNode({
        scenario: values.scenario, cwd: io.cwd, n, seed, replicates, shard, shards, patients: !values["no-patients"],
        out: resolve(io.cwd, values.out ?? `reports/shards/${shard}-of-${shards}`),
        command: ["pnen-sim", "simulate", ...args].join(" "),
        onProgress: bar.update,
      });
      bar.finish();
      const parts = manifest.parts.map((p) => `${p.replicate === 0 ? "base case" : `replicate ${p.replicate}`} patients ${(p.first + 1).toLocaleString("en-US")}–${(p.first + p.count).toLocaleString("en-US")} (${p.blocks} blocks)`);
      io.stdout(`Shard ${shard}/${shards} of scenario ${manifest.scenario.name} (seed ${manifest.seed}, n ${manifest.n.toLocaleString("en-US")}${replicates > 0 ? `, ${replicates} replicates` : ""}): ${parts.length <= 3 ? parts.join("; ") : `${parts[0]}; … ${parts.length - 2} more …; ${parts[parts.length - 1]}`}\n`);
      io.stdout(`Wrote ${resolve(io.cwd, values.out ?? `reports/shards/${shard}-of-${shards}`)}/shard.json, tables.bin${manifest.columns === null ? "" : ", columns.bin"}; combine the shards with: pnen-sim merge SHARD_DIR... --out DIR\n`);
      return 0;
    }
    // --- end of shards ---
    const bars = { simulate: progressBar(io, "simulate"), replicates: progressBar(io, "replicates") };
    const run = await runSimulationNode({
      scenario: values.scenario,
      cwd: io.cwd,
      n,
      seed,
      workers,
      replicates,
      out: (scenario) => resolve(io.cwd, values.out ?? `reports/${scenario.name}`),
      command: ["pnen-sim", "simulate", ...args].join(" "),
      format,
      patients: !values["no-patients"],
      onNotice: (line) => io.stderr(`${line}\n`),
      handleSignals: true,
      force: values.force === true,
      onProgress(phase, done, total) {
        if (phase === "replicates") bars.replicates.update(done, total);
        else bars.simulate.update(phase === "simulate" ? done : total + done, values["no-patients"] ? total : 2 * total);
        if ((phase === "write" || values["no-patients"]) && done === total) bars.simulate.finish();
        if (phase === "replicates" && done === total) bars.replicates.finish();
      },
    });
    const { summary, calibration, scenario, out } = run;

    const sequencing = summary.sequencing;
    const where = sequencing.structure === "sequencing"
      ? "PFS on independent cohorts matching each figure's population; OS of the registry's reference cohort under the review's strategy"
      : `single-treatment cohorts of ${scenario.calibrationCohortSize ?? defaultCalibrationCohortSize} patients`;
    io.stdout(`${table(summary)}\n\nOutcome structure: ${sequencing.structure}; evidence set: ${sequencing.evidence.set}${sequencing.lifeTable === null ? "" : `; deaths from other causes: life table ${sequencing.lifeTable}`}\n`);
    io.stdout(`Lines started (share with at least 1, 2, 3, 4 lines) and line-1/line-2 PFS Spearman (within grade):\n`);
    for (const s of sequencing.strategies) {
      io.stdout(`  ${s.strategy.padEnd(18)} ${s.lineShares.slice(0, 4).map((x) => x.toFixed(2)).join(" / ")}   ${s.line1Line2Spearman.overall.estimate?.toFixed(2) ?? "–"} (${s.line1Line2Spearman.withinGrade.estimate?.toFixed(2) ?? "–"})\n`);
    }
    io.stdout(`\nCalibration (${where}):\n`);
    for (const c of calibration) {
      const interval = c.lower === null || c.upper === null ? "" : ` (${c.lower.toFixed(2)}–${c.upper.toFixed(2)})`;
      const unit = c.measure === "survival at 60 months" ? "% at 5 years" : "";
      const range = c.range === undefined ? "" : `  external range ${c.range[0]}–${c.range[1]}`;
      io.stdout(`  ${c.id.padEnd(36)} ${c.endpoint.toUpperCase().padEnd(3)} target ${String(c.target).padStart(6)}  simulated ${c.simulated.toFixed(2).padStart(6)}${interval}${unit}${range}${c.role === undefined || c.role === "calibrated" ? "" : `  [${c.role}]`}\n`);
      if (c.curve !== undefined && c.landmarks !== undefined) {
        // a whole curve: its fitted survival against the simulated population's at the landmarks
        const b = c.curve.baseline;
        io.stdout(`    whole ${c.curve.distribution} curve, ${c.curve.followUpMonths.toFixed(0)} months of data; baseline ${b.family} shape ${b.shape} scale ${b.scale}; survival target/simulated:\n`);
        io.stdout(`    ${c.landmarks.map((l) => `${l.months} mo ${(l.target * 100).toFixed(1)}/${l.simulated === null ? "–" : (l.simulated * 100).toFixed(1)}%${l.extrapolated ? "*" : ""}`).join("  ")}${c.landmarks.some((l) => l.extrapolated) ? "  (* beyond the data: extrapolated)" : ""}\n`);
      }
    }
    io.stdout(`\nWrote ${values["no-patients"] ? `${out}/summary.json, manifest.json (no patients file: --no-patients)` : `${out}/patients.${format}, summary.json, manifest.json`}\n`);
    return 0;
  },
};
