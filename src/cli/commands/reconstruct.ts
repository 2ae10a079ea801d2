import { createHash } from "node:crypto";
import { fileSha256Node } from "../../io/fileSha256Node.js";
import { basename, dirname, resolve } from "node:path";
import { prepareDigitisedCurve, type DigitisedCurve } from "../../analysis/digitisedCurve.js";
import { reconstructIpd, type ReconstructedIpd } from "../../analysis/reconstructIpd.js";
import { ensureOutputFolderNode } from "../../figures/ensureOutputFolderNode.js";
import { readNumberColumnsCsv } from "../../io/readNumberColumnsCsv.js";
import { writeFileAtomic } from "../../io/writeFileAtomic.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import { InputError } from "../../util/InputError.js";
import type { Command } from "../Command.js";
import { packageVersion } from "../main.js";
import { numberFlag, parseFlags } from "../parseFlags.js";

const help = `pnen-sim reconstruct — patient data from a digitised Kaplan-Meier curve (Guyot et al. 2012)

Usage:
  pnen-sim reconstruct --curve curve.csv (--risk-table risk.csv | --n N) [--events N] --out ipd.csv
                       [--tolerance 0.02] [--time-tolerance 0.01] [--json]

Reads the points of a Kaplan-Meier curve you read off a published plot (with a digitiser such as
WebPlotDigitizer), the numbers at risk printed under it and the total number of events, and writes
individual data (time, event) whose Kaplan-Meier curve reproduces the plot: the algorithm of Guyot, Ades,
Ouwens & Welton, BMC Med Res Methodol 2012;12:9, doi:10.1186/1471-2288-12-9. The output is readable by
'pnen-sim km' and 'pnen-sim fit' (--time time --event event).

Flags:
  --curve FILE           the digitised curve: CSV with columns time,survival, in any order. Survival is a
                         proportion, or a percentage when any value exceeds 1. Digitising noise is expected:
                         small rises are lowered onto the curve, duplicates dropped, the curve starts at (0, 1)
  --risk-table FILE      the numbers at risk: CSV with columns time,nRisk (times within the curve)
  --n N                  patients at time 0: needed without a risk table, or when it does not start at 0
  --events N             the total number of events, where published (sets the censoring after the last
                         risk-table time)
  --out FILE             write the data here (CSV time,event: 1 = event, 0 = censored) and its provenance
                         beside it, FILE without .csv + .manifest.json
  --tolerance P          the largest rise, on the 0-1 scale, taken for digitising noise (default 0.02);
                         a larger one is an error
  --time-tolerance F     how far back in time, as a share of the curve's length, a point read on a
                         vertical drop may belong (default 0.01)
  --json                 print the summary as JSON

Accuracy depends on what was published: with the numbers at risk or the total events, survival
probabilities, medians and hazard ratios come back close to the originals; with neither, censoring is only
guessed and hazard ratios are unreliable (Guyot et al.). The summary compares the reconstruction with the
curve and with the published numbers.
`;

export const reconstructCommand: Command = {
  name: "reconstruct",
  summary: "Reconstruct patient data (time, event) from a digitised Kaplan-Meier curve and its numbers at risk",
  help,
  async run(args, io) {
    const { values } = parseFlags("reconstruct", args, {
      curve: { type: "string" },
      "risk-table": { type: "string" },
      n: { type: "string" },
      events: { type: "string" },
      out: { type: "string" },
      tolerance: { type: "string" },
      "time-tolerance": { type: "string" },
      json: { type: "boolean" },
    });
    for (const required of ["curve", "out"] as const) {
      if (values[required] === undefined) throw new InputError(`pnen-sim reconstruct: --${required} is required (see 'pnen-sim reconstruct --help')`);
    }
    if (values["risk-table"] === undefined && values.n === undefined) {
      throw new InputError("pnen-sim reconstruct: give --risk-table FILE (the numbers at risk under the plot) or --n N (the patients at time 0)");
    }
    const n = values.n === undefined ? undefined : numberFlag("reconstruct", "n", values.n, 0, { integer: true, min: 1, max: 10_000_000 });
    const events = values.events === undefined ? undefined : numberFlag("reconstruct", "events", values.events, 0, { integer: true, min: 0, max: 10_000_000 });
    const tolerance = numberFlag("reconstruct", "tolerance", values.tolerance, 0.02, { min: 0, exclusiveMax: 0.5 });
    const timeTolerance = numberFlag("reconstruct", "time-tolerance", values["time-tolerance"], 0.01, { min: 0, exclusiveMax: 0.5 });
    const out = resolve(io.cwd, values.out!);
    if (!/\.csv$/i.test(out)) throw new InputError(`pnen-sim reconstruct: --out: expected a file name ending in .csv, got '${values.out}'`);

    const curvePath = resolve(io.cwd, values.curve!);
    const curveCsv = readNumberColumnsCsv(curvePath, ["time", "survival"], values.curve!);
    const curve = wrap(() =>
      prepareDigitisedCurve(curveCsv.columns.time!, curveCsv.columns.survival!, { tolerance, timeTolerance, describePoint: curveCsv.describeRow }),
    );
    let riskPath: string | null = null;
    let riskTable: { time: number[]; nRisk: number[] } | undefined;
    let describeRiskRow: ((i: number) => string) | undefined;
    if (values["risk-table"] !== undefined) {
      riskPath = resolve(io.cwd, values["risk-table"]);
      const risk = readNumberColumnsCsv(riskPath, ["time", "nRisk"], values["risk-table"]);
      riskTable = { time: Array.from(risk.columns.time!), nRisk: Array.from(risk.columns.nRisk!) };
      describeRiskRow = risk.describeRow;
    }
    const ipd = wrap(() =>
      reconstructIpd(curve, { ...(riskTable ? { riskTable } : {}), ...(n === undefined ? {} : { n }), ...(events === undefined ? {} : { totalEvents: events }), ...(describeRiskRow ? { describeRiskRow } : {}) }),
    );

    ensureOutputFolderNode(dirname(out), "pnen-sim reconstruct: --out");
    const csv = ipdCsv(ipd);
    const manifestPath = out.replace(/\.csv$/i, ".manifest.json");
    const manifest = {
      tool: "pnen-sim reconstruct",
      version: packageVersion(),
      method: "Guyot P, Ades AE, Ouwens MJNM, Welton NJ. BMC Med Res Methodol 2012;12:9. doi:10.1186/1471-2288-12-9",
      inputs: {
        curve: { file: values.curve, sha256: fileSha256Node(curvePath) },
        ...(riskPath === null ? {} : { riskTable: { file: values["risk-table"], sha256: fileSha256Node(riskPath) } }),
        n: n ?? null,
        totalEvents: events ?? null,
        tolerance,
        timeTolerance,
      },
      output: { file: basename(out), sha256: createHash("sha256").update(csv).digest("hex"), rows: ipd.n },
      summary: summaryJson(curve, ipd),
      commandLine: ["pnen-sim", "reconstruct", ...args].join(" "),
      notice: researchUseNotice,
    };
    writeFileAtomic(out, csv);
    writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    if (values.json) {
      io.stdout(`${JSON.stringify({ version: manifest.version, notice: researchUseNotice, out: values.out, manifest: basename(manifestPath), ...manifest.summary })}\n`);
    } else {
      io.stdout(formatSummary(values.curve!, values.out!, basename(manifestPath), curve, ipd));
    }
    return 0;
  },
};

/** Library checks throw RangeError with the point or row named; at the CLI they are bad input (exit 2). */
function wrap<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(error.message.replace(/^reconstructIpd: /, "pnen-sim reconstruct: "));
    throw error;
  }
}

/** time,event rows; times to 6 decimals (far below what a plot can show). */
function ipdCsv(ipd: ReconstructedIpd): string {
  const lines = ["time,event"];
  for (let i = 0; i < ipd.n; i++) lines.push(`${Math.round(ipd.time[i]! * 1e6) / 1e6},${ipd.event[i]}`);
  return `${lines.join("\n")}\n`;
}


function summaryJson(curve: DigitisedCurve, ipd: ReconstructedIpd) {
  return {
    n: ipd.n,
    events: ipd.events,
    censored: ipd.censored,
    curve: { pointsGiven: curve.pointsGiven, pointsUsed: curve.time.length, pointsLowered: curve.pointsLowered, pointsJittered: curve.pointsJittered, pointsDropped: curve.pointsDropped, largestRise: curve.largestRise, percent: curve.percent },
    riskTable: ipd.riskTable.time.map((time, i) => ({ time, published: ipd.riskTable.published[i], reconstructed: ipd.riskTable.reconstructed[i] })),
    totalEvents: ipd.totalEvents,
    maxCurveDifference: ipd.maxCurveDifference,
    warnings: ipd.warnings,
  };
}

function formatSummary(curveFile: string, outFile: string, manifestFile: string, curve: DigitisedCurve, ipd: ReconstructedIpd): string {
  const lines: string[] = [];
  lines.push(`Reconstructed ${ipd.n} patients from ${curveFile}: ${ipd.events} events, ${ipd.censored} censored (Guyot et al. 2012)`);
  lines.push(
    `Curve: ${curve.pointsGiven} points read${curve.percent ? " as percentages" : ""}, ${curve.time.length} used` +
      (curve.pointsLowered > 0 ? `; ${curve.pointsLowered} lowered onto the curve (largest rise ${round(curve.largestRise, 4)})` : "") +
      (curve.pointsJittered > 0 ? `; ${curve.pointsJittered} set aside as time jitter on a drop` : "") +
      (curve.pointsDropped > 0 ? `; ${curve.pointsDropped} duplicate or redundant` : ""),
  );
  lines.push(`Largest difference between the reconstructed Kaplan-Meier curve and the digitised points: ${round(ipd.maxCurveDifference, 4)}`);
  lines.push("", "Numbers at risk:");
  const table = [["time", "published", "reconstructed"], ...ipd.riskTable.time.map((t, i) => [String(t), String(ipd.riskTable.published[i]), String(ipd.riskTable.reconstructed[i])])];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  for (const row of table) lines.push(`  ${row.map((cell, c) => cell.padStart(widths[c]!)).join("  ")}`);
  lines.push(`Total events: ${ipd.totalEvents.published === null ? "not given" : `published ${ipd.totalEvents.published}`}, reconstructed ${ipd.totalEvents.reconstructed}`);
  for (const warning of ipd.warnings) lines.push(`Warning: ${warning}`);
  lines.push("", `Wrote ${outFile} (time,event) and ${manifestFile} (provenance). Next: pnen-sim km --input ${outFile} --time time --event event`);
  lines.push("", `pnen-sim ${packageVersion()} reconstruct. ${researchUseNotice}`);
  return `${lines.join("\n")}\n`;
}

const round = (value: number, digits: number) => String(Math.round(value * 10 ** digits) / 10 ** digits);
