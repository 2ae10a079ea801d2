import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recoverOutputFolderNode } from "../../src/io/outputSetNode.js";
import { runCli } from "./runCli.js";

// Issue 20 (data safety) items 1, 3, 6 (--out) and issue 19 items 1, 4, 5: the output folder is one run or
// the previous one, files of the user's are never removed, interrupted runs clean up. The kill tests run the
// compiled CLI (bin/pnen-sim.js → dist/, built by `npm test`) as real child processes.
const launcher = new URL("../../bin/pnen-sim.js", import.meta.url).pathname;
const built = existsSync(new URL("../../dist/cli/main.js", import.meta.url));

const folders: string[] = [];
const fresh = () => {
  const folder = mkdtempSync(join(tmpdir(), "pnen-safety-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
/** Every file under `folder` (relative path → SHA-256), hidden files included. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(folder, sub), { withFileTypes: true })) {
      const relative = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else files[relative] = sha(readFileSync(join(folder, relative)));
    }
  };
  walk("");
  return files;
}
/** The files simulate's manifest lists, each with the SHA-256 it records: all must match. */
function simulateManifestHolds(folder: string): boolean {
  const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as { sha256: Record<string, string> };
  return Object.entries(manifest.sha256).every(([path, hash]) => existsSync(join(folder, path)) && sha(readFileSync(join(folder, path))) === hash);
}
const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.startsWith("."));

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [launcher, ...args], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}
async function waitFor(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("waitFor: timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
/** True once the run's staging folder holds a file with bytes in it (the patients file being written). */
function writing(folder: string): boolean {
  const staging = readdirSync(folder).find((f) => f.startsWith(".pnen-sim-staging."));
  if (staging === undefined) return false;
  try {
    return readdirSync(join(folder, staging)).some((f) => statSync(join(folder, staging, f)).size > 0);
  } catch {
    return false;
  }
}

describe("output safety", () => {
  it("report --out . into a paper folder leaves the user's figures/ and tables/ files byte-identical, and --out '' is refused as an empty value without touching them (issue 20.1)", async () => {
    const folder = fresh();
    mkdirSync(join(folder, "figures"));
    mkdirSync(join(folder, "tables"));
    writeFileSync(join(folder, "figures", "figure1-final.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    writeFileSync(join(folder, "figures", "my-figure.svg"), "<svg/>");
    writeFileSync(join(folder, "tables", "patients-2024.csv"), "id,age\n1,61\n");
    writeFileSync(join(folder, "paper.md"), "# Draft\n");
    const mine = snapshot(folder);
    // an empty value is an error for every flag (issue 20.8: it used to mean the current folder, silently)
    const empty = await runCli(["report", "--scenario", "default", "--n", "200", "--out", ""], folder);
    expect(empty).toMatchObject({ code: 2, err: "pnen-sim report: --out: expected a value, got an empty value\n" });
    expect(snapshot(folder)).toEqual(mine);
    for (const out of ["."]) {
      const { code, err } = await runCli(["report", "--scenario", "default", "--n", "200", "--out", out], folder);
      expect({ out, code, err }).toEqual({ out, code: 0, err: "" });
      const now = snapshot(folder);
      for (const [path, hash] of Object.entries(mine)) expect({ path, hash: now[path] }).toEqual({ path, hash });
      const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
      for (const file of manifest.files) expect({ path: file.path, hash: now[file.path] }).toEqual({ path: file.path, hash: file.sha256 });
      expect(leftovers(folder)).toEqual([]);
    }
  }, 180_000);

  it("simulate --format arrow after --format csv into one folder removes the csv its previous manifest lists, and nothing of the user's (issue 20.3)", async () => {
    const folder = fresh();
    writeFileSync(join(folder, "notes.txt"), "mine");
    writeFileSync(join(folder, "patients-2024.csv"), "id\n1\n");
    expect((await runCli(["simulate", "--n", "300", "--out", folder])).code).toBe(0);
    expect(existsSync(join(folder, "patients.csv"))).toBe(true);
    expect((await runCli(["simulate", "--n", "300", "--format", "arrow", "--out", folder])).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["manifest.json", "notes.txt", "patients-2024.csv", "patients.arrow", "summary.json"]);
    expect(simulateManifestHolds(folder)).toBe(true);
  }, 120_000);

  it("simulate --out a file, /dev/null, a 300-character name, /proc or /sys exits 2 at once, before simulating; spaces and non-ASCII names work (issue 19.5, 20.6)", async () => {
    const folder = fresh();
    writeFileSync(join(folder, "a-file"), "x");
    const cases: [string, RegExp][] = [
      [join(folder, "a-file"), /--out: cannot write to .*a-file: EEXIST \(a file of that name is in the way\)$/],
      ["/dev/null", /--out: cannot write to \/dev\/null: EEXIST/],
      [join(folder, "x".repeat(300)), /--out: cannot write to .*: ENAMETOOLONG \(a name in the path is longer than the file system allows \(255 bytes\)\)$/],
      ["/proc/pnen-sim-out", /--out: cannot write to \/proc\/pnen-sim-out: (ENOENT|EACCES|EPERM|EROFS)/],
      ["/sys/pnen-sim-out", /--out: cannot write to \/sys\/pnen-sim-out: (ENOENT|EACCES|EPERM|EROFS)/],
    ];
    for (const [out, message] of cases) {
      const started = Date.now();
      // 5,000,000 patients would take minutes: an answer within seconds shows the check came first
      const { code, err } = await runCli(["simulate", "--n", "5000000", "--out", out], folder);
      expect({ out, code, err: err.trim() }).toEqual({ out, code: 2, err: expect.stringMatching(message) });
      expect(err).not.toMatch(/\n\s+at /);
      expect(Date.now() - started).toBeLessThan(20_000);
    }
    for (const name of ["with spaces/and more", "Größe — 結果"]) {
      expect((await runCli(["simulate", "--n", "200", "--out", name], folder)).code).toBe(0);
      expect(simulateManifestHolds(join(folder, name))).toBe(true);
    }
    expect(readdirSync(folder).sort()).toEqual(["Größe — 結果", "a-file", "with spaces"]);
  }, 120_000);

  it("simulate and report with a full disk (ENOSPC injected while staging) exit 2 with one line, and leave the earlier run exactly as it was (issue 20.3, 20.6)", async () => {
    for (const [command, file, extra] of [["simulate", "summary.json", []], ["report", "report.html", ["--scenario", "default"]]] as const) {
      const folder = fresh();
      expect((await runCli([command, ...extra, "--n", "200", "--out", folder])).code).toBe(0);
      const before = snapshot(folder);
      process.env.PNEN_SIM_TEST_FAIL_WRITE = file;
      try {
        const { code, err } = await runCli([command, ...extra, "--n", "300", "--seed", "5", "--out", folder]);
        expect({ code, err }).toEqual({ code: 2, err: `pnen-sim ${command}: no space left on the device writing ${join(folder, `.pnen-sim-staging.${process.pid}`, file)} (ENOSPC); the output folder was left as it was\n` });
      } finally {
        delete process.env.PNEN_SIM_TEST_FAIL_WRITE;
      }
      expect(snapshot(folder)).toEqual(before);
    }
  }, 120_000);

  it("simulate with a 300-character scenario name (default --out reports/<name>) exits 2 naming the folder, leaving no empty reports/ (issue 20.6)", async () => {
    const folder = fresh();
    const scenario = JSON.parse(readFileSync(new URL("../../data/scenarios/default.json", import.meta.url), "utf8")) as { name: string };
    writeFileSync(join(folder, "long.json"), JSON.stringify({ ...scenario, name: "n".repeat(300) }));
    const { code, err } = await runCli(["simulate", "--scenario", "long.json", "--n", "200"], folder);
    expect(code).toBe(2);
    expect(err.trim()).toMatch(/^pnen-sim simulate: --out: cannot write to .*reports\/n+… \(\d+ characters\): ENAMETOOLONG/);
    expect(readdirSync(folder)).toEqual(["long.json"]);
  }, 60_000);
});

describe.skipIf(!built)("interrupted runs (real child processes, issue 19.1)", () => {
  async function earlierRun(): Promise<{ folder: string; before: Record<string, string> }> {
    const folder = fresh();
    const { code } = await start(["simulate", "--n", "500", "--out", folder]).done;
    expect(code).toBe(0);
    return { folder, before: snapshot(folder) };
  }

  it("simulate killed with SIGINT before writing and SIGTERM while writing: exit 130/143, one line saying nothing was changed, earlier output byte-identical, no staging files", async () => {
    for (const [signal, moment, exit] of [["SIGINT", "before", 130], ["SIGTERM", "during", 143]] as const) {
      const { folder, before } = await earlierRun();
      const run = start(["simulate", "--n", "200000", "--out", folder]);
      await waitFor(() => (moment === "before" ? existsSync(join(folder, ".pnen-sim.lock")) : writing(folder)));
      run.child.kill(signal);
      const { code, stderr } = await run.done;
      if (code === 0) {
        // the signal came after the commit point: then the folder is exactly the new run
        expect(simulateManifestHolds(folder)).toBe(true);
      } else {
        expect({ signal, code, stderr }).toEqual({ signal, code: exit, stderr: `pnen-sim simulate: interrupted (${signal}); nothing was changed in ${folder}\n` });
        expect(snapshot(folder)).toEqual(before);
      }
      expect(leftovers(folder)).toEqual([]);
    }
  }, 240_000);

  it("simulate killed with SIGKILL while writing leaves the earlier output byte-identical; the next run removes the staging files and the stale lock, saying so", async () => {
    const { folder, before } = await earlierRun();
    const run = start(["simulate", "--n", "200000", "--out", folder]);
    await waitFor(() => writing(folder));
    run.child.kill("SIGKILL");
    await run.done;
    const after = Object.entries(snapshot(folder)).filter(([p]) => p !== ".pnen-sim.lock" && !p.startsWith(".pnen-sim-staging."));
    expect(Object.fromEntries(after)).toEqual(before);
    const next = await start(["simulate", "--n", "500", "--out", folder]).done;
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`pnen-sim simulate: removed a stale lock of a run that is no longer running (pid ${run.child.pid}) in ${folder}\n`);
    expect(next.stderr).toContain(`pnen-sim simulate: removed the staging files of an interrupted run (pid ${run.child.pid}, no longer running) in ${folder}\n`);
    expect(leftovers(folder)).toEqual([]);
    expect(simulateManifestHolds(folder)).toBe(true);
  }, 240_000);

  it("simulate killed during the switch (SIGKILL after the first rename, injected) becomes exactly the new run once the switch is finished, checked by the manifest's hashes", async () => {
    const { folder } = await earlierRun();
    const run = start(["simulate", "--n", "800", "--seed", "7", "--out", folder], { PNEN_SIM_TEST_KILL_DURING_SWITCH: "1" });
    expect((await run.done).signal).toBe("SIGKILL");
    expect(simulateManifestHolds(folder)).toBe(false); // the new patients.csv beside the old manifest, until the switch is finished
    expect(readdirSync(folder).some((f) => f.startsWith(".pnen-sim-staging."))).toBe(true);
    expect(recoverOutputFolderNode(folder)).toEqual([`completed the switch of an interrupted run (pid ${run.child.pid}) in ${folder}`]);
    const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as { seed: number; n: number };
    expect({ seed: manifest.seed, n: manifest.n }).toEqual({ seed: 7, n: 800 });
    expect(simulateManifestHolds(folder)).toBe(true);
  }, 120_000);

  it("a second simulate into a folder a running simulate holds is refused at once naming the holder's pid (issue 19.4)", async () => {
    const folder = fresh();
    const first = start(["simulate", "--n", "200000", "--out", folder]);
    await waitFor(() => existsSync(join(folder, ".pnen-sim.lock")));
    const second = await start(["simulate", "--n", "500", "--out", folder]).done;
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^pnen-sim simulate: --out: ${folder} is in use by another pnen-sim run \\(pid ${first.child.pid}, started [^)]+\\): wait for it to finish, or choose another folder; nothing was changed\\n$`));
    first.child.kill("SIGINT");
    const { code } = await first.done;
    // interrupted: nothing left (not even the lock); finished already (a loaded machine): exactly its run
    if (code === 0) expect(simulateManifestHolds(folder)).toBe(true);
    else expect({ code, files: readdirSync(folder) }).toEqual({ code: 130, files: [] });
  }, 240_000);

  it("report killed with SIGINT while rendering, and with SIGKILL: earlier report byte-identical, the next run leaves no staging files", async () => {
    const folder = fresh();
    writeFileSync(join(folder, "notes.md"), "mine");
    expect((await start(["report", "--scenario", "default", "--n", "200", "--out", folder]).done).code).toBe(0);
    const before = snapshot(folder);
    const interrupted = start(["report", "--scenario", "default", "--n", "200", "--seed", "9", "--out", folder]);
    await waitFor(() => readdirSync(folder).some((f) => f.startsWith(".pnen-sim-staging.")));
    interrupted.child.kill("SIGINT");
    const { code, stderr } = await interrupted.done;
    if (code !== 0) {
      expect({ code, stderr }).toEqual({ code: 130, stderr: `pnen-sim report: interrupted (SIGINT); nothing was changed in ${folder}\n` });
      expect(snapshot(folder)).toEqual(before);
    }
    const killed = start(["report", "--scenario", "default", "--n", "200", "--seed", "9", "--out", folder]);
    await waitFor(() => readdirSync(folder).some((f) => f.startsWith(".pnen-sim-staging.")));
    killed.child.kill("SIGKILL");
    await killed.done;
    const next = await start(["report", "--scenario", "default", "--n", "200", "--out", folder]).done;
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`removed the staging files of an interrupted run (pid ${killed.child.pid}, no longer running)`);
    expect(leftovers(folder)).toEqual([]);
    expect(snapshot(folder)).toEqual({ ...before, "manifest.json": expect.any(String) });
  }, 300_000);
});
