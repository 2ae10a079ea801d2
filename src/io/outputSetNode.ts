import { fileSha256Node } from "./fileSha256Node.js";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, normalize, sep } from "node:path";
import { InputError } from "../util/InputError.js";

/**
 * The files of one run, written into an output folder as a set (Node only): the folder always holds exactly
 * one run's files — the previous run's or the new run's, never a mixture — and files of the user's are never
 * touched.
 *
 *   open:    DIR/.pnen-sim.lock  (pid, command, start; a second run into DIR is refused; a dead holder's lock is taken over)
 *            recover earlier runs' leftovers: staging folders of dead runs are removed, or their switch completed
 *   write:   DIR/.pnen-sim-staging.<pid>/<the new files>                      (a failure here changes nothing in DIR)
 *   commit:  DIR/.pnen-sim-staging.<pid>/switch.json   ← the commit point: one rename
 *            remove the previous run's files that its manifest lists, that the new run does not write and that
 *            are unchanged (same SHA-256); rename the new files into DIR, the manifest last; remove staging
 *   close:   remove the lock
 *
 * A write failure (ENOSPC) or an interruption before the commit point leaves DIR exactly as it was; SIGINT and
 * SIGTERM remove the staging folder and the lock and exit with 130 and 143 saying that nothing was changed. The
 * switch itself is synchronous (no signal handler runs inside it); if the process is killed outright during it
 * (SIGKILL, power loss), the switch journal is complete, and the next run into DIR finishes the switch first
 * (roll forward), so DIR becomes exactly the new run. This is the write-ahead journal of databases, applied to
 * a handful of files (Gray & Reuter, Transaction Processing, 1993, ch. 9).
 */
export interface OutputSet {
  /** The output folder (absolute). */
  readonly folder: string;
  /** Messages about leftovers of earlier runs that were cleaned up at open (one line each). */
  readonly recovered: readonly string[];
  /** Where to write the new file `relative` (e.g. "figures/km.svg"): a path inside the staging folder. */
  stagedPath(relative: string): string;
  /** Writes the new file `relative` into the staging folder. */
  writeFile(relative: string, content: string | Uint8Array): void;
  /**
   * Switches the folder to the new set: `files` are the new files (relative paths, all written to the staging
   * folder), `manifest` the text of manifest.json (put in place last). Files of the previous run of the same
   * `kind` that the new set does not contain are removed if unchanged since that run wrote them.
   */
  commit(files: readonly string[], manifest: string): void;
  /** Removes the staging folder and the lock (after a failure; safe to call twice, and after commit; never throws). */
  close(): void;
}

export interface OutputSetOptions {
  /** The manifest's `tool` (e.g. "pnen-sim simulate"): only a previous manifest of the same tool is trusted for removal. */
  readonly tool: string;
  /** The command line, recorded in the lock. */
  readonly command?: string;
  /** How to name the folder in messages, e.g. "pnen-sim simulate: --out". */
  readonly what: string;
  /** Install SIGINT/SIGTERM handlers that clean up and exit with 130/143 (default true; the CLI's behaviour). */
  readonly handleSignals?: boolean;
  /** Folders created for this run (ensureOutputFolderNode's answer): removed again, if empty, when the run fails. */
  readonly createdFolders?: readonly string[];
  /** Where to say a one-line message on an interruption (default stderr). */
  readonly say?: (line: string) => void;
}

const lockName = ".pnen-sim.lock";
const stagingPrefix = ".pnen-sim-staging.";
const journalName = "switch.json";

/** Is a process with this id running (or existing under another user)? */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Opens an output set in `folder` (which must exist and be writable: see ensureOutputFolderNode). */
export function openOutputSetNode(folder: string, options: OutputSetOptions): OutputSet {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const recovered: string[] = [];
  let staging: string | null = null;
  let locked = false;
  let switching = false;
  let committed = false;
  const cleanUp = () => {
    if (staging !== null && !switching) rmSync(staging, { recursive: true, force: true });
    staging = null;
    if (locked) releaseLock(folder);
    locked = false;
    if (!committed) for (const created of [...(options.createdFolders ?? [])].reverse()) rmdirIfEmpty(created);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      cleanUp();
    } finally {
      say(`${options.tool}: interrupted (${signal}); nothing was changed in ${folder}`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
  };
  // The handlers go in before the lock is taken: a signal arriving while the lock and the staging folder are
  // being made then waits for this (synchronous) function to finish and cleans both up, instead of killing the
  // process between them.
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  const removeHandlers = () => {
    if (!handleSignals) return;
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
  try {
    takeLock(folder, options, recovered);
    locked = true;
    recovered.push(...recoverOutputFolderNode(folder));
    staging = join(folder, `${stagingPrefix}${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
  } catch (error) {
    removeHandlers();
    try {
      cleanUp();
    } catch {
      // the error that brought us here matters more
    }
    throw error;
  }
  const inStaging = (relative: string) => {
    if (staging === null) throw new Error(`${folder}: output set written after commit or close`);
    return join(staging, checkedRelative(relative));
  };
  return {
    folder,
    recovered,
    stagedPath(relative) {
      const path = inStaging(relative);
      mkdirSync(dirname(path), { recursive: true });
      return path;
    },
    writeFile(relative, content) {
      const path = this.stagedPath(relative);
      const failAt = process.env.PNEN_SIM_TEST_FAIL_WRITE;
      if (failAt !== undefined && failAt === relative) throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: "ENOSPC", syscall: "write", path });
      writeFileSync(path, content);
    },
    commit(files, manifest) {
      if (staging === null) throw new Error(`${folder}: output set committed twice`);
      const previous = previousFiles(folder, options.tool);
      const wanted = new Set([...files, "manifest.json"]);
      const remove = previous.filter((p) => !wanted.has(p.path));
      writeFileSync(join(staging, "manifest.json"), manifest);
      const journal = { tool: options.tool, files: [...files.filter((f) => f !== "manifest.json"), "manifest.json"], remove };
      writeFileSync(join(staging, `${journalName}.tmp`), JSON.stringify(journal));
      switching = true;
      renameSync(join(staging, `${journalName}.tmp`), join(staging, journalName)); // the commit point
      applySwitch(folder, staging, journal);
      switching = false;
      committed = true;
      staging = null;
    },
    close() {
      removeHandlers();
      try {
        cleanUp();
      } catch {
        // best effort: a cleanup failure must not hide the error that brought us here; the next run into the
        // folder removes what is left (recoverOutputFolderNode)
      }
    },
  };
}

interface Journal {
  readonly tool: string;
  readonly files: readonly string[];
  readonly remove: readonly { path: string; sha256: string }[];
}

/** Carries out a committed switch (also to finish one a killed run left): idempotent. */
function applySwitch(folder: string, staging: string, journal: Journal): void {
  for (const file of journal.remove) {
    const path = join(folder, checkedRelative(file.path));
    if (existsSync(path) && fileSha256Node(path) === file.sha256) rmSync(path, { force: true });
  }
  const killAfter = Number(process.env.PNEN_SIM_TEST_KILL_DURING_SWITCH ?? Number.NaN);
  let renamed = 0;
  for (const relative of journal.files) {
    const from = join(staging, checkedRelative(relative));
    if (!existsSync(from)) continue; // moved before an interruption
    const to = join(folder, relative);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    if (++renamed === killAfter) process.kill(process.pid, "SIGKILL");
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Cleans up what earlier runs into `folder` left behind (Node only): a staging folder of a run that is not
 * running any more is removed — or, when it holds a complete switch journal (the run was killed during its
 * switch), the switch is finished. Also removes the hidden temporary files (`.NAME.<pid>.<time>.tmp`,
 * `.staged`) of dead processes that earlier versions left. Returns one message per thing done. Call it only
 * while holding the folder's lock.
 */
export function recoverOutputFolderNode(folder: string): string[] {
  const messages: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return messages;
  }
  for (const entry of entries) {
    if (entry.startsWith(stagingPrefix)) {
      const pid = Number(entry.slice(stagingPrefix.length));
      if (pid === process.pid) continue;
      const staging = join(folder, entry);
      const journalPath = join(staging, journalName);
      if (existsSync(journalPath)) {
        applySwitch(folder, staging, JSON.parse(readFileSync(journalPath, "utf8")) as Journal);
        messages.push(`completed the switch of an interrupted run (pid ${pid}) in ${folder}`);
      } else {
        rmSync(staging, { recursive: true, force: true });
        messages.push(`removed the staging files of an interrupted run (pid ${pid}, no longer running) in ${folder}`);
      }
      continue;
    }
    const temporary = /^\..+\.(\d+)\.\d+\.(tmp|staged)$/.exec(entry);
    if (temporary !== null && Number(temporary[1]) !== process.pid && !processAlive(Number(temporary[1]))) {
      rmSync(join(folder, entry), { force: true });
      messages.push(`removed ${entry}, a staging file of an interrupted run (pid ${temporary[1]}, no longer running)`);
    }
  }
  return messages;
}

function takeLock(folder: string, options: OutputSetOptions, messages: string[]): void {
  const path = join(folder, lockName);
  const content = `${JSON.stringify({ pid: process.pid, command: options.command ?? options.tool, started: new Date().toISOString() })}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: { pid?: unknown; command?: unknown; started?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(path, "utf8")) as typeof holder;
    } catch {
      // a lock being written this very moment, or garbage: judged by its pid below (none: stale)
    }
    const pid = typeof holder.pid === "number" ? holder.pid : Number.NaN;
    if (pid !== process.pid && processAlive(pid)) {
      throw new InputError(`${options.what}: ${folder} is in use by another pnen-sim run (pid ${pid}${typeof holder.started === "string" ? `, started ${holder.started}` : ""}): wait for it to finish, or choose another folder; nothing was changed`);
    }
    rmSync(path, { force: true });
    messages.push(`removed a stale lock of a run that is no longer running (pid ${Number.isNaN(pid) ? "unknown" : pid}) in ${folder}`);
  }
  throw new InputError(`${options.what}: cannot take the lock ${path}`);
}

function rmdirIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty (or gone): left alone
  }
}

function releaseLock(folder: string): void {
  const path = join(folder, lockName);
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown };
    if (holder.pid === process.pid) rmSync(path, { force: true });
  } catch {
    // no lock, or not ours: nothing to release
  }
}

/** A relative path inside the folder (no "..", not absolute); anything else is refused. */
function checkedRelative(relative: string): string {
  const normal = normalize(relative);
  if (relative === "" || normal.startsWith("..") || normal.startsWith(sep) || normal.split(sep).includes("..")) throw new Error(`not a relative path inside the output folder: ${relative}`);
  return normal;
}

/** The files (with their SHA-256) that the previous manifest of this tool in `folder` says it wrote. */
function previousFiles(folder: string, tool: string): { path: string; sha256: string }[] {
  let manifest: { tool?: unknown; files?: unknown; sha256?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as typeof manifest;
  } catch {
    return [];
  }
  if (manifest.tool !== tool || !Array.isArray(manifest.files)) return [];
  const hashes = (manifest.sha256 ?? {}) as Record<string, unknown>;
  const listed = manifest.files.map((file: unknown) =>
    typeof file === "string" ? { path: file, sha256: hashes[file] } : { path: (file as { path?: unknown })?.path, sha256: (file as { sha256?: unknown })?.sha256 },
  );
  return listed.filter((file): file is { path: string; sha256: string } => {
    if (typeof file.path !== "string" || typeof file.sha256 !== "string" || file.path === "manifest.json") return false;
    try {
      checkedRelative(file.path);
      return true;
    } catch {
      return false;
    }
  });
}

