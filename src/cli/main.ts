import { readFileSync } from "node:fs";
import type { Command, CommandIO } from "./Command.js";
import { isInputError } from "../util/InputError.js";
import { environmentErrorMessage } from "./environmentErrorMessage.js";
import { shownValue } from "../util/shownValue.js";

/**
 * The `pnen-sim` command line.
 *
 *   pnen-sim <command> [flags]      run a command
 *   pnen-sim <command> --help       help for one command
 *   pnen-sim --help | --version
 *
 * Commands are loaded lazily (one dynamic import each) so that start-up stays well under half a second.
 * Bad input (an {@link InputError}) is printed without a stack trace and exits with code 2.
 */
const commands: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  evidence: { summary: "Print the evidence registry (figures of the review, references, thresholds, assumptions)", load: async () => (await import("./commands/evidence.js")).evidenceCommand },
  explain: { summary: "Assign one patient a treatment pathway and explain why, rule by rule", load: async () => (await import("./commands/explain.js")).explainCommand },
  strategies: { summary: "List the treatment strategies that can be compared", load: async () => (await import("./commands/strategies.js")).strategiesCommand },
  simulate: { summary: "Simulate a cohort under each strategy and write patients.csv, summary.json, manifest.json", load: async () => (await import("./commands/simulate.js")).simulateCommand },
  merge: { summary: "Merge the shards of a sharded run (simulate --shard K/N) into the single-process run's files", load: async () => (await import("./commands/merge.js")).mergeCommand },
  slurm: { summary: "Run a simulation as a Slurm job array of shards and a dependent merge job (sbatch script, submit, wait)", load: async () => (await import("./commands/slurm.js")).slurmCommand },
  km: { summary: "Kaplan-Meier, log-rank, Cox and RMST for a CSV of survival times (R survival compatible)", load: async () => (await import("./commands/km.js")).kmCommand },
  report: { summary: "Simulate a scenario and write publication figures, tables and a methods report", load: async () => (await import("./commands/report.js")).reportCommand },
  fit: { summary: "Fit parametric survival models (R survreg compatible, plus Gompertz and piecewise) ranked by AIC", load: async () => (await import("./commands/fit.js")).fitCommand },
  reconstruct: { summary: "Reconstruct patient data (time, event) from a digitised Kaplan-Meier curve and its numbers at risk", load: async () => (await import("./commands/reconstruct.js")).reconstructCommand },
  validate: { summary: "Emulate published randomised trials (RADIANT-3, A6181111, SANET-p) and set the prediction beside the result", load: async () => (await import("./commands/validate.js")).validateCommand },
  power: { summary: "Power and sample size for a trial by simulation, with Schoenfeld and Freedman cross-checks", load: async () => (await import("./commands/power.js")).powerCommand },
};

export function packageVersion(): string {
  const url = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
}

function topLevelHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    `pnen-sim ${packageVersion()} — cohort simulation for pancreatic neuroendocrine neoplasms with liver metastases`,
    "",
    "Usage: pnen-sim <command> [flags]",
    "       pnen-sim <command> --help",
    "",
    "Commands:",
    ...lines,
    "",
    "Research use only: pnen-sim simulates cohorts; it does not advise on the care of any patient.",
    "",
  ].join("\n");
}

const defaultIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

/** Most lines of an error message printed, and most characters per line: a message never echoes megabytes of input. */
const messageLines = 60;
const messageLineLength = 400;

/** An InputError's message with each line cut to {@link messageLineLength} characters and at most {@link messageLines} lines. */
export function cappedMessage(message: string): string {
  const lines = message.split("\n");
  const kept = lines.slice(0, messageLines).map((line) => shownValue(line, messageLineLength));
  if (lines.length > messageLines) kept.push(`  … and ${lines.length - messageLines} more lines`);
  return kept.join("\n");
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(args: readonly string[], io: CommandIO = defaultIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(topLevelHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  // own keys only: `pnen-sim toString` must not find Object.prototype.toString
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (entry === undefined) {
    io.stderr(`pnen-sim: unknown command '${shownValue(name)}'. Commands: ${Object.keys(commands).join(", ")}. See 'pnen-sim --help'.\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(command.help.endsWith("\n") ? command.help : `${command.help}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (isInputError(error)) {
      io.stderr(`${cappedMessage(error.message)}\n`);
      return 2;
    }
    const environment = environmentErrorMessage(name, error);
    if (environment !== null) {
      io.stderr(`${environment}\n`);
      return 2;
    }
    throw error;
  }
}
