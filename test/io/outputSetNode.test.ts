import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openOutputSetNode, processAlive, recoverOutputFolderNode } from "../../src/io/outputSetNode.js";

const folders: string[] = [];
const fresh = () => {
  const folder = mkdtempSync(join(tmpdir(), "pnen-outset-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
afterEach(() => {
  delete process.env.PNEN_SIM_TEST_FAIL_WRITE;
});

const sha = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");
/** Every file under `folder` (relative path → content), hidden files included. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(folder, sub), { withFileTypes: true })) {
      const relative = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else files[relative] = readFileSync(join(folder, relative), "latin1");
    }
  };
  walk("");
  return files;
}
const options = { tool: "test tool", what: "test: --out", handleSignals: false, say: () => {} };
/** Writes one run's set the way simulate and report do: files, then a manifest with their SHA-256 last. */
function writeRun(folder: string, files: Record<string, string>): void {
  const set = openOutputSetNode(folder, options);
  try {
    for (const [path, content] of Object.entries(files)) set.writeFile(path, content);
    const manifest = { tool: "test tool", files: Object.entries(files).map(([path, content]) => ({ path, sha256: sha(content) })) };
    set.commit(Object.keys(files), `${JSON.stringify(manifest)}\n`);
  } finally {
    set.close();
  }
}
/** A pid that is certainly not running: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("openOutputSetNode(folder, options)", () => {
  it("openOutputSetNode: a new run replaces the previous run's files and removes those its manifest lists that the new run does not write; the user's files stay byte-identical", () => {
    const folder = fresh();
    mkdirSync(join(folder, "figures"));
    mkdirSync(join(folder, "tables"));
    writeFileSync(join(folder, "figures", "my-figure.png"), "the user's figure");
    writeFileSync(join(folder, "tables", "my-own-data.csv"), "a,b\n");
    writeRun(folder, { "figures/a.svg": "<svg>a1</svg>", "figures/b.svg": "<svg>b1</svg>", "report.md": "# one" });
    writeRun(folder, { "figures/a.svg": "<svg>a2</svg>", "report.md": "# two" });
    expect(snapshot(folder)).toEqual({
      "figures/my-figure.png": "the user's figure",
      "tables/my-own-data.csv": "a,b\n",
      "figures/a.svg": "<svg>a2</svg>",
      "report.md": "# two",
      "manifest.json": expect.stringContaining('"tool":"test tool"'),
    });
  });

  it("openOutputSetNode: a file the previous manifest lists but the user changed since is left alone", () => {
    const folder = fresh();
    writeRun(folder, { "figures/b.svg": "<svg>b1</svg>", "report.md": "# one" });
    writeFileSync(join(folder, "figures", "b.svg"), "<svg>edited by hand</svg>");
    writeRun(folder, { "report.md": "# two" });
    expect(readFileSync(join(folder, "figures", "b.svg"), "utf8")).toBe("<svg>edited by hand</svg>");
  });

  it("openOutputSetNode: a manifest of another tool, or one listing paths outside the folder, removes nothing", () => {
    const folder = fresh();
    const outside = join(fresh(), "precious.txt");
    writeFileSync(outside, "x");
    writeFileSync(join(folder, "notes.md"), "y");
    writeFileSync(join(folder, "manifest.json"), JSON.stringify({ tool: "test tool", files: [{ path: outside, sha256: sha("x") }, { path: "../precious.txt", sha256: sha("x") }] }));
    writeRun(folder, { "report.md": "# one" });
    writeFileSync(join(folder, "manifest.json"), JSON.stringify({ tool: "another tool", files: [{ path: "notes.md", sha256: sha("y") }] }));
    writeRun(folder, { "report.md": "# two" });
    expect(readFileSync(outside, "utf8")).toBe("x");
    expect(readFileSync(join(folder, "notes.md"), "utf8")).toBe("y");
  });

  it("openOutputSetNode with a write failing for lack of space (ENOSPC, injected) leaves the folder exactly as the previous run left it", () => {
    const folder = fresh();
    writeRun(folder, { "patients.csv": "old rows", "summary.json": "{}" });
    const before = snapshot(folder);
    process.env.PNEN_SIM_TEST_FAIL_WRITE = "summary.json";
    expect(() => writeRun(folder, { "patients.csv": "new rows", "summary.json": '{"new": true}' })).toThrow(/ENOSPC/);
    expect(snapshot(folder)).toEqual(before);
    const manifest = JSON.parse(before["manifest.json"]!) as { files: { path: string; sha256: string }[] };
    for (const file of manifest.files) expect(sha(readFileSync(join(folder, file.path)))).toBe(file.sha256);
  });

  it("openOutputSetNode refuses a second run into a folder whose lock a running process holds, naming its pid; a dead holder's lock is taken over, saying so", () => {
    const folder = fresh();
    writeFileSync(join(folder, ".pnen-sim.lock"), JSON.stringify({ pid: process.ppid, started: "2026-01-01T00:00:00.000Z" }));
    expect(processAlive(process.ppid)).toBe(true);
    expect(() => openOutputSetNode(folder, options)).toThrow(`test: --out: ${folder} is in use by another pnen-sim run (pid ${process.ppid}, started 2026-01-01T00:00:00.000Z): wait for it to finish, or choose another folder; nothing was changed`);
    const dead = deadPid();
    expect(processAlive(dead)).toBe(false);
    writeFileSync(join(folder, ".pnen-sim.lock"), JSON.stringify({ pid: dead }));
    const set = openOutputSetNode(folder, options);
    expect(set.recovered).toEqual([`removed a stale lock of a run that is no longer running (pid ${dead}) in ${folder}`]);
    expect(JSON.parse(readFileSync(join(folder, ".pnen-sim.lock"), "utf8")).pid).toBe(process.pid);
    set.close();
    expect(readdirSync(folder)).toEqual([]);
  });

  it("recoverOutputFolderNode removes a dead run's staging folder and old-style staging files, and finishes a switch whose journal was committed", () => {
    const folder = fresh();
    const dead = deadPid();
    writeRun(folder, { "patients.csv": "old", "summary.json": "{old}" });
    // a run killed while writing: staging folder without a journal; an earlier version's hidden staging file
    mkdirSync(join(folder, `.pnen-sim-staging.${dead}`));
    writeFileSync(join(folder, `.pnen-sim-staging.${dead}`, "patients.csv"), "half");
    writeFileSync(join(folder, `..patients.csv.${dead}.1700000000000.staged.${dead}.1700000000001.tmp`), "half");
    const before = { "patients.csv": "old", "summary.json": "{old}" };
    expect(recoverOutputFolderNode(folder).sort()).toEqual([
      `removed ..patients.csv.${dead}.1700000000000.staged.${dead}.1700000000001.tmp, a staging file of an interrupted run (pid ${dead}, no longer running)`,
      `removed the staging files of an interrupted run (pid ${dead}, no longer running) in ${folder}`,
    ]);
    expect(Object.fromEntries(Object.entries(snapshot(folder)).filter(([p]) => p !== "manifest.json"))).toEqual(before);
    // a run killed during its switch: the journal is complete and one file has already moved
    const staging = join(folder, `.pnen-sim-staging.${dead}`);
    mkdirSync(staging);
    writeFileSync(join(folder, "patients.csv"), "new");
    writeFileSync(join(staging, "summary.json"), "{new}");
    const manifest = JSON.stringify({ tool: "test tool", files: [{ path: "patients.csv", sha256: sha("new") }, { path: "summary.json", sha256: sha("{new}") }] });
    writeFileSync(join(staging, "manifest.json"), manifest);
    writeFileSync(join(staging, "switch.json"), JSON.stringify({ tool: "test tool", files: ["patients.csv", "summary.json", "manifest.json"], remove: [] }));
    expect(recoverOutputFolderNode(folder)).toEqual([`completed the switch of an interrupted run (pid ${dead}) in ${folder}`]);
    expect(snapshot(folder)).toEqual({ "patients.csv": "new", "summary.json": "{new}", "manifest.json": manifest });
  });
});
