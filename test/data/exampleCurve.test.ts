import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeExampleCurve } from "../../data/curves/make-example-curve.js";
import { prepareDigitisedCurve } from "../../src/analysis/digitisedCurve.js";
import { fitParametricModels } from "../../src/analysis/fitParametric.js";
import { reconstructIpd } from "../../src/analysis/reconstructIpd.js";
import { parseNumberColumnsCsv } from "../../src/io/readNumberColumnsCsv.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../cli/runCli.js";

const folder = new URL("../../data/curves/example-captem-pfs/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), "utf8");

describe("data/curves/example-captem-pfs", () => {
  it("makeExampleCurve() regenerates curve.csv, risk-table.csv and source.json byte for byte (provenance)", () => {
    const files = makeExampleCurve();
    expect(files.curveCsv).toBe(read("curve.csv"));
    expect(files.riskTableCsv).toBe(read("risk-table.csv"));
    expect(files.sourceJson).toBe(read("source.json"));
    const source = JSON.parse(files.sourceJson);
    expect(source.kind).toContain("NOT digitised from a publication");
    expect(source.truth.median).toMatchObject({ figure: "captem.pfs.median", value: 29, dois: ["10.3390/cancers12010206", "10.3904/kjim.2022.100"] });
  });

  it("the README's worked example: reconstruct with the risk table and events, then fit — log-logistic (the truth) ranks first", () => {
    const source = JSON.parse(read("source.json"));
    const curveCsv = parseNumberColumnsCsv(read("curve.csv"), ["time", "survival"], "curve.csv");
    const riskCsv = parseNumberColumnsCsv(read("risk-table.csv"), ["time", "nRisk"], "risk-table.csv");
    const curve = prepareDigitisedCurve(curveCsv.columns.time!, curveCsv.columns.survival!);
    expect(curve.percent).toBe(true);
    const ipd = reconstructIpd(curve, { riskTable: { time: Array.from(riskCsv.columns.time!), nRisk: Array.from(riskCsv.columns.nRisk!) }, totalEvents: source.totalEvents });
    expect(ipd.n).toBe(80);
    expect(ipd.riskTable.reconstructed).toEqual(ipd.riskTable.published);
    expect(Math.abs(ipd.events - source.totalEvents)).toBeLessThanOrEqual(1);
    const fits = fitParametricModels(ipd.time, ipd.event, ["exponential", "weibull", "logNormal", "logLogistic", "gompertz"]);
    expect(fits[0]!.distribution).toBe("logLogistic");
  });

  it("ipd.csv is what pnen-sim reconstruct makes of the folder's curve, risk table and 48 events, byte for byte (the registry's example.captem.pfs.curve reads it)", async () => {
    const out = mkdtempSync(join(tmpdir(), "pnen-example-ipd-"));
    try {
      const { code } = await runCli(["reconstruct", "--curve", "data/curves/example-captem-pfs/curve.csv", "--risk-table", "data/curves/example-captem-pfs/risk-table.csv", "--events", "48", "--out", join(out, "ipd.csv")]);
      expect(code).toBe(0);
      expect(readFileSync(join(out, "ipd.csv"), "utf8")).toBe(read("ipd.csv"));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
