import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";

let folder = "";
const write = (name: string, text: string) => writeFileSync(join(folder, name), text);

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "pnen-sim-reconstruct-"));
  // The five-patient example of test/analysis/reconstructIpd.test.ts, in percentages and shuffled.
  write("curve.csv", "time,survival\n2,60\n0,100\n1,80\n4,30\n1,100\n5,30\n2,80\n4,60\n");
  write("risk.csv", "time,nRisk\n0,5\n3.5,2\n");
  write("rising.csv", "time,survival\n0,1\n2,0.6\n6,0.7\n8,0.5\n");
  write("outside.csv", "time,survival\n0,1\n2,0.6\n6,-0.3\n");
  write("late-risk.csv", "time,nRisk\n0,5\n7,1\n");
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("pnen-sim reconstruct", () => {
  it("reconstruct --curve --risk-table --events --out writes time,event and a manifest; km and fit read the output", async () => {
    const { code, out } = await runCli(["reconstruct", "--curve", "curve.csv", "--risk-table", "risk.csv", "--events", "3", "--out", "out/ipd.csv"], folder);
    expect(code).toBe(0);
    expect(readFileSync(join(folder, "out", "ipd.csv"), "utf8")).toBe("time,event\n1,1\n1.5,0\n2,1\n4,1\n4.5,0\n");
    expect(out).toContain("Reconstructed 5 patients from curve.csv: 3 events, 2 censored (Guyot et al. 2012)");
    expect(out).toContain("read as percentages");
    expect(out).toMatch(/3\.5\s+2\s+2/);
    expect(out).toContain("Research use only");
    const manifest = JSON.parse(readFileSync(join(folder, "out", "ipd.manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ tool: "pnen-sim reconstruct", inputs: { totalEvents: 3, curve: { file: "curve.csv" } }, output: { file: "ipd.csv", rows: 5 } });
    expect(manifest.inputs.curve.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.method).toContain("doi:10.1186/1471-2288-12-9");
    const km = await runCli(["km", "--input", "out/ipd.csv", "--time", "time", "--event", "event", "--json"], folder);
    expect(km.code).toBe(0);
    expect(JSON.parse(km.out).groups[0]).toMatchObject({ n: 5, events: 3 });
    const fit = await runCli(["fit", "--input", "out/ipd.csv", "--time", "time", "--event", "event", "--dist", "exponential", "--json"], folder);
    expect(fit.code).toBe(0);
    // 3 events in 1 + 1.5 + 2 + 4 + 4.5 = 13: rate 3/13.
    expect(JSON.parse(fit.out).fits[0].parameters.rate).toBeCloseTo(3 / 13, 12);
  });

  it("reconstruct --n --json prints the summary as JSON", async () => {
    const { code, out } = await runCli(["reconstruct", "--curve", "curve.csv", "--n", "5", "--out", "n-only.csv", "--json"], folder);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ n: 5, riskTable: [{ time: 0, published: 5, reconstructed: 5 }], totalEvents: { published: null } });
    expect(json.notice).toContain("Research use only");
  });

  it("reconstruct rejects a rising curve, survival outside [0, 1], risk-table times outside the curve and missing counts, with exit 2 and nothing written", async () => {
    const cases: [string[], string][] = [
      [["reconstruct", "--curve", "rising.csv", "--n", "10", "--out", "a.csv"], "rising.csv: row 3 (line 4) (time 6, survival 0.7): the curve rises by 0.1 above 0.6 at time 2"],
      [["reconstruct", "--curve", "outside.csv", "--n", "10", "--out", "b.csv"], "outside.csv: row 3 (line 4): survival must be between 0 and 1, got -0.3"],
      [["reconstruct", "--curve", "curve.csv", "--risk-table", "late-risk.csv", "--out", "c.csv"], "late-risk.csv: row 2 (line 3): time 7 is after the curve's last point (time 5)"],
      [["reconstruct", "--curve", "curve.csv", "--out", "d.csv"], "pnen-sim reconstruct: give --risk-table FILE (the numbers at risk under the plot) or --n N"],
      [["reconstruct", "--curve", "curve.csv", "--n", "5", "--events", "6", "--out", "e.csv"], "pnen-sim reconstruct: the total number of events must be a whole number from 0 to 5"],
      [["reconstruct", "--curve", "curve.csv", "--n", "2.5", "--out", "f.csv"], "pnen-sim reconstruct: --n: expected an integer >= 1 <= 10000000, got '2.5'"],
      [["reconstruct", "--curve", "curve.csv", "--n", "5", "--out", "g.txt"], "--out: expected a file name ending in .csv"],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await runCli(args, folder);
      expect(code, args.join(" ")).toBe(2);
      expect(err, args.join(" ")).toContain(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
    for (const name of ["a.csv", "b.csv", "c.csv", "d.csv", "e.csv", "f.csv", "g.txt"]) expect(existsSync(join(folder, name)), name).toBe(false);
  });
});
