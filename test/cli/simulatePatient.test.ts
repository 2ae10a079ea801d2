import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parsePatient } from "../../src/cohort/parsePatient.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { scenarioHash } from "../../src/simulate/scenarioHash.js";
import { scenarioStrategies } from "../../src/simulate/simulate.js";
import { simulatePatientOutcomes } from "../../src/simulate/simulatePatientOutcomes.js";
import { runCli } from "./runCli.js";

const dir = mkdtempSync(join(tmpdir(), "pnen-simulate-patient-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => runCli(["simulate", ...args], dir);

const patient = { age: 52, primarySite: "head", ki67: 5, mitoses: 1, enetsType: "I", lesionCount: 2, largestLesionCm: 4, liverInvolvementPct: 10 };

describe("pnen-sim simulate --patient", () => {
  it("main(['simulate', '--patient', @FILE, '--draws', '500', '--seed', '9', '--json']) prints the library's medians with version, scenario hash and seed, and writes nothing", async () => {
    writeFileSync(join(dir, "patient.json"), JSON.stringify(patient));
    const { code, out, err } = await run("--patient", "@patient.json", "--draws", "500", "--seed", "9", "--json");
    expect(err).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(out);
    const { context, strategies } = loadSimulationContextNode();
    const { scenario } = loadScenarioNode("default", process.cwd());
    const expected = simulatePatientOutcomes(scenario, parsePatient(patient), scenarioStrategies(scenario, strategies), { draws: 500, seed: 9 }, context);
    expect(result).toMatchObject({ scenario: "default", scenarioHash: scenarioHash(scenario), seed: 9, draws: 500, level: 0.95, grade: "G2" });
    expect(result.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(result.strategies).toEqual(expected.strategies.map((s) => ({ strategy: s.strategy, pathway: s.pathway, pfs: { median: s.pfs.median, lower: s.pfs.lower, upper: s.pfs.upper }, os: { median: s.os.median, lower: s.os.lower, upper: s.os.upper } })));
    expect(readdirSync(dir)).toEqual(["patient.json"]);
  });

  it("main(['simulate', '--patient', json]) prints a table of medians with their MC interval and the provenance line", async () => {
    const { code, out } = await run("--patient", JSON.stringify(patient), "--draws", "300");
    expect(code).toBe(0);
    expect(out).toMatch(/One patient \(WHO G2\), 300 outcome draws per strategy, scenario default/);
    expect(out).toMatch(/^review\s+\d+\.\d \(\d+\.\d–\d+\.\d\)\s+\d+\.\d \(\d+\.\d–\d+\.\d\)\s+radicalResection>captem>everolimus$/m);
    expect(out).toMatch(/scenario default \(hash sha256:[0-9a-f]{64}\), seed 20250411\./);
  });

  it("main(['simulate', '--patient', ...]) refuses bad input with a message naming the flag or field, exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [["--patient", "{not json"], /pnen-sim simulate: --patient: not valid JSON/],
      [["--patient", "@missing.json"], /pnen-sim simulate: --patient: cannot read missing\.json/],
      [["--patient", JSON.stringify({ ...patient, ki67: 150 })], /patient\.ki67/],
      [["--patient", JSON.stringify(patient), "--draws", "0"], /--draws/],
      [["--patient", JSON.stringify(patient), "--draws", "1.5"], /--draws/],
      [["--patient", JSON.stringify(patient), "--n", "100"], /--patient: --n does not apply to one patient/],
      [["--draws", "100"], /--draws needs --patient/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(...args);
      expect(code, args.join(" ")).toBe(2);
      expect(err, args.join(" ")).toMatch(message);
      expect(err).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it("pnen-sim simulate --help documents --patient and --draws", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toMatch(/--patient JSON\|@FILE/);
    expect(out).toMatch(/--draws N/);
  });
});
