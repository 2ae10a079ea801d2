/** What the Slurm job scripts of a sharded run need (see {@link slurmJobScripts}). */
export interface SlurmJobOptions {
  /** The node executable and pnen-sim's bin/pnen-sim.js, absolute paths as the compute nodes see them. */
  readonly node: string;
  readonly bin: string;
  /** The folder the jobs run in (relative paths of the flags are resolved against it). */
  readonly cwd: string;
  /** The run's output folder (absolute): shards in OUT/shards/K, logs in OUT/slurm/, the merged files in OUT. */
  readonly out: string;
  /** The flags of `pnen-sim simulate` that define the run (scenario, n, seed, replicates). */
  readonly simulateFlags: readonly string[];
  readonly shards: number;
  /** The array tasks to run: every shard ("1-N") or, resuming, the missing ones ("2,5"). */
  readonly array: string;
  /** Patients file format of the merge. */
  readonly format: string;
  readonly partition?: string;
  readonly time?: string;
  readonly cpusPerTask?: number;
  readonly mem?: string;
  readonly account?: string;
  /** Shell lines run before pnen-sim in each job, e.g. "module load nodejs/20". */
  readonly setup?: string;
}

/** A word quoted for a POSIX shell (single quotes; a quote inside as '\''). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The two sbatch scripts of a sharded run (issue 15): a job array with one task per shard, task K running
 * `pnen-sim simulate … --shard K/N --out OUT/shards/K`, and the merge job, submitted with
 * `--dependency=afterok:<array id>`, running `pnen-sim merge OUT/shards/1 … OUT/shards/N --out OUT`. Each job logs to
 * OUT/slurm/. Pure text; `pnen-sim slurm` writes and submits them. O(N) (the merge's list of folders).
 */
export function slurmJobScripts(o: SlurmJobOptions): { readonly shards: string; readonly merge: string } {
  const q = shellQuote;
  const directives = (name: string, output: string, extra: string[]) => [
    "#!/bin/bash",
    `#SBATCH --job-name=${name}`,
    ...extra,
    `#SBATCH --output=${q(`${o.out}/slurm/${output}`)}`,
    "#SBATCH --ntasks=1",
    ...(o.cpusPerTask === undefined ? [] : [`#SBATCH --cpus-per-task=${o.cpusPerTask}`]),
    ...(o.partition === undefined ? [] : [`#SBATCH --partition=${q(o.partition)}`]),
    ...(o.time === undefined ? [] : [`#SBATCH --time=${o.time}`]),
    ...(o.mem === undefined ? [] : [`#SBATCH --mem=${q(o.mem)}`]),
    ...(o.account === undefined ? [] : [`#SBATCH --account=${q(o.account)}`]),
  ];
  const prologue = ["set -euo pipefail", `cd ${q(o.cwd)}`, ...(o.setup === undefined ? [] : [o.setup])];
  const pnen = `${q(o.node)} ${q(o.bin)}`;
  const shards = [
    ...directives("pnen-sim-shards", "shard-%a.out", [`#SBATCH --array=${o.array}`]),
    `# pnen-sim: one array task per shard; task K simulates the K-th of ${o.shards} parts of the run (pnen-sim simulate --help)`,
    ...prologue,
    `exec ${pnen} simulate ${o.simulateFlags.map(q).join(" ")} --shard "$SLURM_ARRAY_TASK_ID/${o.shards}" --out ${q(`${o.out}/shards`)}/"$SLURM_ARRAY_TASK_ID"`,
    "",
  ].join("\n");
  const folders = Array.from({ length: o.shards }, (_, k) => q(`${o.out}/shards/${k + 1}`));
  const merge = [
    ...directives("pnen-sim-merge", "merge.out", []),
    `# pnen-sim: merges the ${o.shards} shards into summary.json, patients.${o.format} and manifest.json (pnen-sim merge --help)`,
    ...prologue,
    `exec ${pnen} merge ${folders.join(" ")} --format ${q(o.format)} --out ${q(o.out)}`,
    "",
  ].join("\n");
  return { shards, merge };
}
