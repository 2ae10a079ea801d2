/**
 * One sub-command of the `pnen-sim` CLI. Each lives in `src/cli/commands/<name>.ts` and is loaded lazily by
 * `main.ts`, so that `pnen-sim evidence` does not pay for loading vega.
 */
export interface Command {
  /** The word typed after `pnen-sim`. */
  readonly name: string;
  /** One line for `pnen-sim --help`. */
  readonly summary: string;
  /** The full help text printed by `pnen-sim <name> --help`. */
  readonly help: string;
  /**
   * Runs the command with the arguments after the command name. Returns the exit code.
   * Throw `InputError` for bad input: `main` prints it without a stack trace and exits 2.
   */
  run(args: readonly string[], io: CommandIO): Promise<number>;
}

/** Where a command writes; injected so tests can capture output. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is an interactive terminal (progress bars are shown only then). */
  readonly stderrIsTTY: boolean;
  /** The current working directory, against which relative paths are resolved. */
  readonly cwd: string;
  /** All of standard input, for `--input -` (absent where there is none to read). */
  readonly readStdin?: () => Promise<Uint8Array>;
}
