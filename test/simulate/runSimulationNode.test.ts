import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSimulationNode } from "../../src/simulate/runSimulationNode.js";
import { scenarioHash } from "../../src/simulate/scenarioHash.js";

const folder = mkdtempSync(join(tmpdir(), "pnen-sim-run-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("runSimulationNode", () => {
  it("runSimulationNode({out}) makes every file traceable: summary.json provenance and the manifest's SHA-256 of patients.csv and summary.json", async () => {
    const out = join(folder, "traced");
    const run = await runSimulationNode({ scenario: "default", cwd: process.cwd(), n: 1500, seed: 3, out });
    const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(summary.provenance).toEqual({ package: "pnen-sim", version, scenario: "default", scenarioHash: scenarioHash(run.scenario), dataHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), seed: 3, n: 1500 });
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.sha256).toEqual({ "patients.csv": sha256(join(out, "patients.csv")), "summary.json": sha256(join(out, "summary.json")) });
    expect(manifest.scenario.hash).toBe(summary.provenance.scenarioHash);
    expect(manifest.data.hash).toBe(summary.provenance.dataHash);
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "patients.csv", "summary.json"]);
  });

  it("runSimulationNode({out}) that fails after patients.csv is written leaves the earlier run's three files untouched and no staging file", async () => {
    const out = join(folder, "kept");
    await runSimulationNode({ scenario: "default", cwd: process.cwd(), n: 1000, seed: 1, out });
    const before = Object.fromEntries(["patients.csv", "summary.json", "manifest.json"].map((name) => [name, readFileSync(join(out, name))]));
    const failing = runSimulationNode({
      scenario: "default",
      cwd: process.cwd(),
      n: 1200,
      seed: 2,
      replicates: 1,
      out,
      onProgress(phase) {
        if (phase === "replicates") throw new Error("interrupted");
      },
    });
    await expect(failing).rejects.toThrow("interrupted");
    expect(readdirSync(out).sort()).toEqual(["manifest.json", "patients.csv", "summary.json"]);
    for (const [name, bytes] of Object.entries(before)) expect(readFileSync(join(out, name)).equals(bytes), name).toBe(true);
  });
});
