import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadScenarioNode } from "../../simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../simulate/loadSimulationContextNode.js";
import { packageVersionNode } from "../../simulate/packageVersionNode.js";
import { readShardNode } from "../../simulate/readShardNode.js";
import { PatientsFormats, type PatientsFormat } from "../../simulate/runSimulationNode.js";
import { scenarioHash } from "../../simulate/scenarioHash.js";
import { type ShardRunIdentity, shardIdentityDifferences, shardRunIdentity } from "../../simulate/ShardManifest.js";
import { shardRange } from "../../simulate/shardRange.js";
import { InputError, isInputError } from "../../util/InputError.js";
import type { Command, CommandIO } from "../Command.js";
import { numberFlag, parseFlags } from "../parseFlags.js";
import { slurmJobScripts } from "../slurmJobScripts.js";

const help = `pnen-sim slurm — run a simulation on a Slurm cluster: a job array of shards, then a merge job

Usage: pnen-sim slurm --shards N --out DIR [--scenario NAME|FILE] [--n N] [--seed S] [--replicates R]
                      [--format csv|arrow|parquet] [--partition P] [--time HH:MM:SS] [--cpus-per-task C]
                      [--mem M] [--account A] [--setup CMD] [--no-patients] [--dry-run] [--resume]
                      [--wait [--timeout SEC]]

Writes two sbatch scripts to DIR/slurm/ and submits them with sbatch:
  shards.sbatch  a job array, one task per shard: task K runs
                 pnen-sim simulate ... --shard K/N --out DIR/shards/K
  merge.sbatch   pnen-sim merge DIR/shards/1 ... DIR/shards/N --out DIR, submitted with
                 --dependency=afterok:<array job id> (it starts when every shard has succeeded, and is
                 cancelled if one fails)
and prints the job ids. DIR then gets the files 'pnen-sim simulate' writes for the same flags in one
process (summary.json byte for byte). Job logs: DIR/slurm/shard-K.out, DIR/slurm/merge.out.

Flags:
  --shards N           number of shards (array tasks), 1 to the number of 4,096-patient blocks
  --out DIR            output folder (required); must be on a file system the compute nodes share
  --scenario, --n, --seed, --replicates, --format   as 'pnen-sim simulate'
  --partition P        Slurm partition (default: the cluster's default)
  --time HH:MM:SS      time limit of each job (default: the partition's)
  --cpus-per-task C    cores per shard (default 1; a shard uses one)
  --mem M              memory per job, e.g. 4G (default: the partition's)
  --account A          Slurm account to charge
  --setup CMD          shell line run first in each job, e.g. 'module load nodejs/20'
  --no-patients        shards keep only the summary's statistics; no patients file (large runs)
  --dry-run            write the scripts and print them and the sbatch commands; submit nothing
  --resume             submit only the shards whose folder is missing or invalid (then the merge)
  --wait               block until the merge job has written DIR/manifest.json (exit 0), or a job failed
                       or --timeout passed (exit 1, naming the shard or the merge and its log)
  --timeout SEC        give up waiting after SEC seconds (default: wait as long as it takes)

The jobs run '${"node"} bin/pnen-sim.js' of this installation by absolute path, in the current folder.

Research use only: simulated cohorts are not clinical evidence.
`;

interface Submitted {
  readonly array: string | null;
  readonly merge: string;
  readonly shards: readonly number[];
}

/** Runs a Slurm command; its output, or an error naming it. */
function slurmCall(command: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.error !== undefined) {
    if ((r.error as NodeJS.ErrnoException).code === "ENOENT") throw new InputError(`pnen-sim slurm: '${command}' not found: is this a Slurm login node? (--dry-run writes the scripts without submitting)`);
    throw r.error;
  }
  return { ok: r.status === 0, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

function sbatch(args: readonly string[]): string {
  const r = slurmCall("sbatch", ["--parsable", ...args]);
  if (!r.ok) throw new Error(`pnen-sim slurm: sbatch ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r.stdout.split(";")[0].trim();
}

/** Which shard folders of DIR/shards/ are valid parts of this run, and why the others are not. */
function shardStatus(out: string, shards: number, identity: ShardRunIdentity): { valid: number[]; redo: { shard: number; why: string }[] } {
  const valid: number[] = [];
  const redo: { shard: number; why: string }[] = [];
  for (let k = 1; k <= shards; k++) {
    const dir = join(out, "shards", String(k));
    try {
      const m = readShardNode(dir);
      const differences = shardIdentityDifferences(shardRunIdentity(m), identity);
      if (m.shard !== k) differences.push(`shard ${m.shard} (expected ${k})`);
      if (differences.length > 0) redo.push({ shard: k, why: `another run: ${differences.join(", ")}` });
      else valid.push(k);
    } catch (error) {
      if (!isInputError(error)) throw error;
      redo.push({ shard: k, why: existsSync(dir) ? error.message.split("\n")[0] : "missing" });
    }
  }
  return { valid, redo };
}

/** Array ranges as sbatch takes them: 1,2,3,5 → "1-3,5". */
export function arraySpec(tasks: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < tasks.length; ) {
    let j = i;
    while (j + 1 < tasks.length && tasks[j + 1] === tasks[j] + 1) j++;
    parts.push(i === j ? String(tasks[i]) : `${tasks[i]}-${tasks[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the merge job's manifest.json (new since submission); 0 when written, 1 naming what failed. */
async function waitForMerge(io: CommandIO, out: string, submitted: Submitted, before: string | null, shards: number, identity: ShardRunIdentity, timeoutSeconds: number | undefined): Promise<number> {
  const manifestPath = join(out, "manifest.json");
  const started = Date.now();
  const fresh = () => existsSync(manifestPath) && readFileSync(manifestPath, "utf8") !== before;
  const ids = [submitted.array, submitted.merge].filter((x): x is string => x !== null);
  for (let polls = 0; ; polls++) {
    if (fresh()) {
      io.stdout(`Merge job ${submitted.merge} finished: ${join(out, "summary.json")}\n`);
      return 0;
    }
    const queue = slurmCall("squeue", ["-h", "-j", ids.join(","), "-o", "%i %T %r"]);
    const lines = queue.ok ? queue.stdout.split("\n").filter((l) => l.trim() !== "") : [];
    const mergeQueued = lines.some((l) => l.split(" ")[0] === submitted.merge);
    if (!mergeQueued && polls > 0) {
      await sleep(1000);
      if (fresh()) continue;
      const { redo } = shardStatus(out, shards, identity);
      const failed = redo.filter((r) => submitted.shards.includes(r.shard));
      if (failed.length > 0) {
        io.stderr(`pnen-sim slurm: ${failed.map((r) => `shard ${r.shard}/${shards} failed (${r.why}; log ${join(out, "slurm", `shard-${r.shard}.out`)})`).join("; ")}; the merge job ${submitted.merge} did not run. Fix and rerun with --resume.\n`);
      } else {
        io.stderr(`pnen-sim slurm: the merge job ${submitted.merge} ended without writing ${manifestPath} (log ${join(out, "slurm", "merge.out")})\n`);
      }
      return 1;
    }
    if (timeoutSeconds !== undefined && Date.now() - started > timeoutSeconds * 1000) {
      io.stderr(`pnen-sim slurm: timed out after ${timeoutSeconds} s waiting for the merge job ${submitted.merge}; still queued: ${lines.join("; ") || "nothing"}. The jobs keep running; rerun with --resume --wait to pick up.\n`);
      return 1;
    }
    await sleep(polls < 10 ? 1000 : 3000);
  }
}

export const slurmCommand: Command = {
  name: "slurm",
  summary: "Run a simulation as a Slurm job array of shards and a dependent merge job (sbatch script, submit, wait)",
  help,
  async run(args, io) {
    const { values } = parseFlags("slurm", args, {
      scenario: { type: "string", default: "default" },
      n: { type: "string" },
      seed: { type: "string" },
      replicates: { type: "string" },
      format: { type: "string", default: "csv" },
      shards: { type: "string" },
      out: { type: "string" },
      partition: { type: "string" },
      time: { type: "string" },
      "cpus-per-task": { type: "string" },
      mem: { type: "string" },
      account: { type: "string" },
      setup: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      resume: { type: "boolean", default: false },
      wait: { type: "boolean", default: false },
      timeout: { type: "string" },
      "no-patients": { type: "boolean", default: false },
    });
    if (values.shards === undefined) throw new InputError(`pnen-sim slurm: --shards N is required (the number of array tasks)`);
    if (values.out === undefined) throw new InputError(`pnen-sim slurm: --out DIR is required (on a file system the compute nodes share)`);
    if (!PatientsFormats.includes(values.format as PatientsFormat)) throw new InputError(`pnen-sim slurm: --format: expected csv, arrow or parquet, got '${values.format.slice(0, 40)}'`);
    const shards = numberFlag("slurm", "shards", values.shards, 1, { integer: true, min: 1, max: 100_000 });
    const replicates = numberFlag("slurm", "replicates", values.replicates, 0, { integer: true, min: 0, max: 10000 });
    const n = values.n === undefined ? undefined : numberFlag("slurm", "n", values.n, 0, { integer: true, min: 1, max: 100_000_000 });
    const seed = values.seed === undefined ? undefined : numberFlag("slurm", "seed", values.seed, 0, { integer: true, min: 0, max: 4294967295 });
    const cpusPerTask = values["cpus-per-task"] === undefined ? undefined : numberFlag("slurm", "cpus-per-task", values["cpus-per-task"], 1, { integer: true, min: 1, max: 1024 });
    const timeout = values.timeout === undefined ? undefined : numberFlag("slurm", "timeout", values.timeout, 0, { min: 1 });
    if (values.time !== undefined && !/^(\d+-)?\d+(:\d{2}){0,2}$/.test(values.time)) throw new InputError(`pnen-sim slurm: --time: expected a Slurm time limit such as 02:00:00 or 1-12:00:00, got '${values.time.slice(0, 40)}'`);
    for (const flag of ["partition", "mem", "account"] as const) {
      const v = values[flag];
      if (v !== undefined && !/^[A-Za-z0-9_.,:+-]+$/.test(v)) throw new InputError(`pnen-sim slurm: --${flag}: expected letters, digits and _ . , : + -, got '${v.slice(0, 40)}'`);
    }

    // the run's identity, checked here so that a bad scenario or too many shards fails before anything is queued
    const { context, strategies } = loadSimulationContextNode();
    const sourceIds = [...context.registry.figures.map((f) => f.id), ...context.registry.assumptions.map((a) => a.id)];
    const { scenario, path } = loadScenarioNode(values.scenario, io.cwd, strategies.map((s) => s.id), sourceIds);
    const size = n ?? scenario.cohort.size;
    shardRange(size, shards, 1, replicates);
    const { figures, thresholds, treatments, assumptions } = context.registry;
    const identity: ShardRunIdentity = {
      version: packageVersionNode(),
      scenarioHash: scenarioHash(scenario),
      dataHash: scenarioHash({ figures, thresholds, treatments, assumptions, strategies }),
      seed: seed ?? scenario.seed,
      n: size,
      replicates,
      shards,
    };
    const out = resolve(io.cwd, values.out);
    let tasks = Array.from({ length: shards }, (_, k) => k + 1);
    if (values.resume) {
      const { valid, redo } = shardStatus(out, shards, identity);
      tasks = redo.map((r) => r.shard);
      io.stdout(`Resume: ${valid.length} of ${shards} shards valid${redo.length > 0 ? `; to run again: ${redo.map((r) => `${r.shard} (${r.why})`).join("; ")}` : ""}\n`);
    }
    const simulateFlags = ["--scenario", path, "--n", String(size), ...(seed === undefined ? [] : ["--seed", String(seed)]), "--replicates", String(replicates), ...(values["no-patients"] ? ["--no-patients"] : [])];
    const scripts = slurmJobScripts({
      node: process.execPath,
      bin: fileURLToPath(new URL("../../../bin/pnen-sim.js", import.meta.url)),
      cwd: io.cwd,
      out,
      simulateFlags,
      shards,
      array: arraySpec(tasks.length > 0 ? tasks : [1]),
      format: values.format,
      partition: values.partition,
      time: values.time,
      cpusPerTask,
      mem: values.mem,
      account: values.account,
      setup: values.setup,
    });
    const slurmDir = join(out, "slurm");
    mkdirSync(join(out, "shards"), { recursive: true });
    mkdirSync(slurmDir, { recursive: true });
    const shardsScript = join(slurmDir, "shards.sbatch");
    const mergeScript = join(slurmDir, "merge.sbatch");
    writeFileSync(shardsScript, scripts.shards, { mode: 0o755 });
    writeFileSync(mergeScript, scripts.merge, { mode: 0o755 });
    if (values["dry-run"]) {
      io.stdout(`# ${shardsScript}\n${scripts.shards}\n# ${mergeScript}\n${scripts.merge}\n`);
      io.stdout(`Dry run: nothing submitted. To submit by hand:\n  ARRAY=$(sbatch --parsable ${shardsScript})\n  sbatch --parsable --dependency=afterok:$ARRAY --kill-on-invalid-dep=yes ${mergeScript}\n`);
      return 0;
    }
    const manifestPath = join(out, "manifest.json");
    const before = existsSync(manifestPath) ? readFileSync(manifestPath, "utf8") : null;
    const array = tasks.length > 0 ? sbatch([shardsScript]) : null;
    const merge = sbatch([...(array === null ? [] : [`--dependency=afterok:${array}`, "--kill-on-invalid-dep=yes"]), mergeScript]);
    const submitted: Submitted = { array, merge, shards: tasks };
    writeFileSync(join(slurmDir, "jobs.json"), `${JSON.stringify({ ...submitted, submitted: new Date().toISOString() }, null, 2)}\n`);
    io.stdout(`${array === null ? "All shards valid: no array job." : `Submitted array job ${array} (shards ${arraySpec(tasks)} of ${shards})`}\nSubmitted merge job ${merge}${array === null ? "" : ` (after array job ${array} succeeds)`}\nLogs: ${slurmDir}/; result: ${join(out, "summary.json")}\n`);
    if (!values.wait) return 0;
    return waitForMerge(io, out, submitted, before, shards, identity, timeout);
  },
};
