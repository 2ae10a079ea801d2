import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { mergeShardsNode } from "../../simulate/mergeShardsNode.js";
import { PatientsFormats, type PatientsFormat } from "../../simulate/runSimulationNode.js";
import { InputError } from "../../util/InputError.js";
import type { Command } from "../Command.js";
import { progressBar, table } from "./simulate.js";

const help = `pnen-sim merge — combine the shards of a run into the single-process run's files

Usage: pnen-sim merge SHARD_DIR... --out DIR [--format csv|arrow|parquet] [--no-patients]

Each SHARD_DIR is a folder written by 'pnen-sim simulate ... --shard K/N' (or by the job array of
'pnen-sim slurm'). The merge checks that the folders are exactly the N parts of one run — the same version,
scenario hash, data hash, seed, n, replicates and N; every K from 1 to N present once; each shard's
files matching the SHA-256 in its shard.json — and then writes DIR/patients.csv (or .arrow, .parquet),
DIR/summary.json and DIR/manifest.json: the files 'pnen-sim simulate' writes for the same scenario, seed, n
and replicates in one process, summary.json and the patients file byte for byte (the manifest's times,
command line and list of shards differ). The merge is exact: each shard holds the sufficient statistics of
its patients (per strategy and endpoint the sorted event and censoring times, counts, per-block correlations
and Monte Carlo batches), which merge exactly, and Kaplan-Meier, log-rank, Cox and RMST are functions of the
merged event tables.

A missing, duplicated or foreign shard (another scenario, seed, n, N or version), or a damaged one, is named
in the message and nothing is written (exit code 2). The scenario file and data/ must be unchanged since the
shards ran.

Flags:
  --out DIR       output folder (required)
  --format F      patients file format: csv (default), arrow or parquet
  --no-patients   write no patients file (automatic when the shards ran with --no-patients)

Research use only: simulated cohorts are not clinical evidence.
`;

export const mergeCommand: Command = {
  name: "merge",
  summary: "Merge the shards of a sharded run (simulate --shard K/N) into the single-process run's files",
  help,
  async run(args, io) {
    const options = { out: { type: "string" }, format: { type: "string", default: "csv" }, "no-patients": { type: "boolean", default: false } } as const;
    let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true; strict: true }>>;
    try {
      parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new InputError(`pnen-sim merge: ${(error instanceof Error ? error.message : String(error)).replace(/\. To specify.*$/s, "")} (see 'pnen-sim merge --help')`);
    }
    const { values, positionals } = parsed;
    if (values.out === undefined) throw new InputError(`pnen-sim merge: --out DIR is required (the folder for patients file, summary.json, manifest.json)`);
    if (positionals.length === 0) throw new InputError(`pnen-sim merge: expected the shard folders (SHARD_DIR...), got none`);
    if (!PatientsFormats.includes(values.format as PatientsFormat)) throw new InputError(`pnen-sim merge: --format: expected csv, arrow or parquet, got '${values.format!.slice(0, 40)}'`);
    const bar = progressBar(io, "merge");
    const run = await mergeShardsNode({
      shards: positionals,
      cwd: io.cwd,
      out: values.out,
      format: values.format as PatientsFormat,
      ...(values["no-patients"] && { patients: false }),
      command: ["pnen-sim", "merge", ...args].join(" "),
      onProgress(phase, done, total) {
        if (phase !== "replicates") bar.update(phase === "simulate" ? done : total + done, 2 * total);
      },
    });
    bar.finish();
    const files = [...(run.result === null ? [] : [`patients.${values.format}`]), "summary.json", "manifest.json"];
    io.stdout(`${table(run.summary)}\n\nMerged ${positionals.length} shards (n ${run.summary.n.toLocaleString("en-US")}, seed ${run.summary.seed}) into ${resolve(io.cwd, values.out)}/${files.join(", ")}\n`);
    return 0;
  },
};
