import { resolve } from "node:path";
import { coxPhFromTable, type CoxResult } from "../../analysis/coxPh.js";
import { eventTableCore } from "../../analysis/eventTable.js";
import { isConfType, type KaplanMeierResult } from "../../analysis/KaplanMeierResult.js";
import { kaplanMeierFromTable } from "../../analysis/kaplanMeier.js";
import { logRankFromTable, type LogRankResult } from "../../analysis/logRank.js";
import { maxRmstTau, rmstContrast, rmstFromKaplanMeier, type RmstDifferenceResult, type RmstResult } from "../../analysis/rmst.js";
import { survivalAt, type SurvivalAtResult } from "../../analysis/survivalAt.js";
import { inLevelOrder } from "../../io/inLevelOrder.js";
import { readSurvivalData } from "../../io/readSurvivalData.js";
import { type SurvivalData, droppedRowsText, isEventCoding, MissingValueActions, TextEncodings, type MissingValueAction, type TextEncoding } from "../../io/SurvivalData.js";
import { InputError } from "../../util/InputError.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import type { Command } from "../Command.js";
import { packageVersion } from "../main.js";
import { numberFlag, parseFlags } from "../parseFlags.js";

/** The most groups `km` compares (log-rank and Cox need a (k − 1)-square matrix; more groups are rarely meant, e.g. an id column). */
export const maxGroups = 100;
/** Above this many cells × terms², the Cox model would take minutes: it is not fitted, and the output says why. */
const maxCoxWork = 2e9;

const help = `pnen-sim km — Kaplan-Meier, log-rank, Cox and RMST for a CSV of survival times (R survival compatible)

Usage:
  pnen-sim km --input FILE|- --time COL --event COL [--group COL] [--strata COL]
              [--delimiter auto|,|;|tab|…] [--event-coding auto|0/1|1/2|logical] [--na omit|fail]
              [--encoding utf-8|latin1] [--conf-type log|log-log|plain] [--conf-level 0.95]
              [--times 12,24,60] [--tau T] [--json] [--full]

Flags:
  --input FILE|-     the data: CSV or TSV with a header row, an Apache Arrow IPC file or stream (.arrow,
                     .feather, .arrows) or a Parquet file, recognised from its first bytes; - reads
                     standard input
  --time COL         follow-up time column (non-negative numbers)
  --event COL        event column, coded as R's Surv reads it: 0/1 (1 = event), 1/2 (2 = event) or
                     TRUE/FALSE (TRUE = event)
  --group COL        compare groups: one curve each, log-rank test, Cox hazard ratios (first level = reference);
                     at most ${maxGroups} groups
  --strata COL       stratify the log-rank test and the Cox model by this column
  --delimiter D      CSV/TSV cell separator: one character, or tab; default auto (tab or semicolon when the
                     header holds more of them than commas, else comma)
  --event-coding C   force the event coding: 0/1, 1/2 or logical (default auto: TRUE/FALSE → logical,
                     largest value 2 → 1/2, else 0/1, as R's Surv)
  --na omit|fail     rows with a missing time, event, group or stratum (empty, NA, NaN, Arrow/Parquet null):
                     omit drops them and says how many (default, as R's na.omit); fail stops at the first
  --encoding E       CSV/TSV text encoding: utf-8 (default; invalid UTF-8 is an error naming the row) or latin1
                     (Windows-1252)
  --conf-type T      pointwise limits: log (R's default), log-log or plain
  --conf-level P     coverage of the limits, default 0.95
  --times LIST       survival at these times (landmarks), e.g. 12,24,60
  --tau T            restricted mean survival time up to T (and the difference between two groups)
  --json             print JSON instead of tables
  --full             print every row of each Kaplan-Meier table (by default long tables are abridged)

Output ends with the pnen-sim version and the research-use notice (JSON: "version", "notice").
Numbers agree with R: survfit (summary, print's median), survdiff, coxph (Efron ties), survRM2 (RMST).
Group levels are ordered as R's factor(): numerically if every label is a number, otherwise alphabetically.
CSV: double-quoted cells may hold the delimiter, "" and line breaks; LF, CRLF and CR line ends; blank lines skipped.
`;


export const kmCommand: Command = {
  name: "km",
  summary: "Kaplan-Meier, log-rank, Cox and RMST for a CSV of survival times (R survival compatible)",
  help,
  async run(args, io) {
    const { values } = parseFlags("km", args, {
      input: { type: "string" },
      time: { type: "string" },
      event: { type: "string" },
      group: { type: "string" },
      strata: { type: "string" },
      "conf-type": { type: "string" },
      "conf-level": { type: "string" },
      times: { type: "string" },
      tau: { type: "string" },
      json: { type: "boolean" },
      full: { type: "boolean" },
      delimiter: { type: "string" },
      "event-coding": { type: "string" },
      na: { type: "string" },
      encoding: { type: "string" },
    });
    for (const required of ["input", "time", "event"] as const) {
      if (values[required] === undefined) throw new InputError(`pnen-sim km: --${required} is required (see 'pnen-sim km --help')`);
    }
    if (values.input!.trim() === "") throw new InputError("pnen-sim km: --input: expected a file name, or - for standard input, got an empty value");
    for (const flag of ["time", "event", "group", "strata"] as const) {
      if (values[flag] !== undefined && values[flag]!.trim() === "") throw new InputError(`pnen-sim km: --${flag}: expected a column name, got an empty value`);
    }
    const eventCoding = values["event-coding"] ?? "auto";
    if (eventCoding !== "auto" && !isEventCoding(eventCoding)) throw new InputError(`pnen-sim km: --event-coding: expected auto, 0/1, 1/2 or logical, got '${eventCoding.slice(0, 40)}'`);
    const na = (values.na ?? "omit") as MissingValueAction;
    if (!MissingValueActions.includes(na)) throw new InputError(`pnen-sim km: --na: expected omit or fail, got '${values.na!.slice(0, 40)}'`);
    const encodingFlag = values.encoding?.toLowerCase().replace(/^utf8$/, "utf-8").replace(/^(iso-8859-1|windows-1252|cp1252)$/, "latin1");
    if (encodingFlag !== undefined && !TextEncodings.includes(encodingFlag as TextEncoding)) throw new InputError(`pnen-sim km: --encoding: expected utf-8 or latin1, got '${values.encoding!.slice(0, 40)}'`);
    const confType = values["conf-type"] ?? "log";
    if (!isConfType(confType)) throw new InputError(`pnen-sim km: --conf-type: expected log, log-log or plain, got '${confType}'`);
    const confLevel = numberFlag("km", "conf-level", values["conf-level"], 0.95, { exclusiveMin: 0, exclusiveMax: 1 });
    const times = values.times === undefined ? [] : values.times.split(",").map((text) => numberFlag("km", "times", text.trim(), 0, { min: 0 }));
    const tau = values.tau === undefined ? undefined : numberFlag("km", "tau", values.tau, 0, { exclusiveMin: 0, max: maxRmstTau });
    if (values.strata !== undefined && values.group === undefined) {
      throw new InputError("pnen-sim km: --strata needs --group (strata stratify the log-rank test and the Cox model between groups)");
    }
    const input = values.input!;
    const source = input === "-" ? "standard input" : input;
    const data = await readSurvivalData(input === "-" ? "-" : resolve(io.cwd, input), { time: values.time!, event: values.event!, group: values.group, strata: values.strata }, {
      displayName: source,
      readStdin: io.readStdin,
      eventCoding: eventCoding as "auto",
      na,
      ...(values.delimiter === undefined || values.delimiter === "auto" ? {} : { delimiter: values.delimiter }),
      ...(encodingFlag === undefined ? {} : { encoding: encodingFlag as TextEncoding }),
    });
    if (data.rows === 0) {
      const dropped = droppedRowsText(data.dropped);
      throw new InputError(`${source}: no data rows${data.format === "csv" ? " after the header" : ""} (expected one row per subject)${dropped === null ? "" : `; ${dropped}`}`);
    }
    for (const [flag, coded] of [["group", data.group], ["strata", data.strata]] as const) {
      if (flag === "group" && coded !== undefined && coded.labels.length > maxGroups) {
        throw new InputError(`${source}: --group ${values.group}: ${coded.labels.length} distinct labels; km compares at most ${maxGroups} groups (is it an id column?)`);
      }
    }
    const report = analyse(data, { confType, confLevel, times, tau });
    io.stdout(values.json ? `${toJson(report)}\n` : formatReport(report, values.full === true, source));
    return 0;
  },
};

interface KmReport {
  /** How many rows were read, and the sentence on those dropped for a missing value (null when none). */
  readonly rowsRead: number;
  readonly dropped: SurvivalData["dropped"];
  readonly droppedText: string | null;
  readonly eventCoding: SurvivalData["eventCoding"];
  readonly format: SurvivalData["format"];
  readonly confType: string;
  readonly confLevel: number;
  readonly groups: { readonly group: string; readonly km: KaplanMeierResult; readonly at: SurvivalAtResult | null; readonly rmst: RmstResult | null }[];
  readonly logRank: LogRankResult | null;
  readonly cox: CoxResult | null;
  /** Why there is no Cox model, or why its numbers must not be used (non-convergence); null when all is well. */
  readonly coxNote: string | null;
  readonly rmstDifference: RmstDifferenceResult | null;
  readonly stratified: boolean;
}

/**
 * One event table for the groups (and one for groups × strata when stratified) feeds every estimate:
 *
 *   CSV codes ─▶ level order ─▶ eventTableCore ─┬▶ kaplanMeierFromTable per group ─▶ survivalAt, RMST
 *                                               └▶ (with strata) logRankFromTable, coxPhFromTable
 */
function analyse(
  data: SurvivalData,
  options: { confType: "log" | "log-log" | "plain"; confLevel: number; times: number[]; tau: number | undefined },
): KmReport {
  if (data.rows === 0) throw new InputError("pnen-sim km: the file has no data rows");
  const group = data.group === undefined ? { levels: ["all"], index: new Int32Array(data.rows) } : inLevelOrder(data.group);
  const strata = data.strata === undefined ? null : inLevelOrder(data.strata);
  const none = new Int32Array(data.rows);
  const table = eventTableCore(data.time, data.event, group.index, group.levels, none, ["all"]);
  const groups = group.levels.map((label, g) => {
    const km = kaplanMeierFromTable(table, g, 0, { confType: options.confType, confLevel: options.confLevel });
    return {
      group: label,
      km,
      at: options.times.length > 0 ? survivalAt(km, options.times) : null,
      rmst: options.tau !== undefined && km.time.length > 0 ? rmstFromKaplanMeier(km, options.tau, options.confLevel) : null,
    };
  });
  const compare = group.levels.length > 1;
  const testTable = strata === null ? table : eventTableCore(data.time, data.event, group.index, group.levels, strata.index, strata.levels);
  const logRankResult = compare ? logRankFromTable(testTable) : null;
  let cox: CoxResult | null = null;
  let coxNote: string | null = null;
  let coxCells = 0;
  for (let cell = 0; cell < testTable.nEvent.length; cell++) if (testTable.nEvent[cell]! + testTable.nCensor[cell]! > 0) coxCells++;
  if (compare && coxCells * (group.levels.length - 1) ** 2 > maxCoxWork) {
    coxNote = `not fitted: ${coxCells.toLocaleString("en")} time × group cells with ${group.levels.length - 1} terms would take minutes; compare fewer groups`;
  } else if (compare && groups.some((g) => g.km.events > 0)) {
    try {
      cox = coxPhFromTable(testTable, { confLevel: options.confLevel });
      if (!cox.converged) {
        coxNote = `the Cox model did not converge in ${cox.iterations} iterations (as R's "Ran out of iterations and did not converge"): a group's hazard ratio is probably 0 or infinite; do not use these estimates`;
      } else if (cox.possiblyInfinite.length > 0) {
        coxNote = `the log-likelihood converged before ${cox.possiblyInfinite.map((i) => cox!.terms[i]).join(", ")} (as R's "Loglik converged before variable ${cox.possiblyInfinite.map((i) => i + 1).join(",")}; coefficient may be infinite"): the hazard ratio is probably 0 or infinite (a group with no events, or all of them); do not use its estimate or limits`;
      }
    } catch (error) {
      // A singular information matrix (e.g. no events in one group): no hazard ratio, as R reports NA. Anything
      // else is a bug and must not be hidden.
      if (!(error instanceof RangeError) || !error.message.startsWith("coxPh")) throw error;
      coxNote = `not estimable: ${error.message.replace(/^coxPh:\s*/, "")}`;
    }
  } else if (compare) {
    coxNote = "not estimable: no events";
  }
  const [first, second] = groups;
  const difference =
    groups.length === 2 && first!.rmst !== null && second!.rmst !== null ? rmstContrast(first!.rmst, second!.rmst, [first!.group, second!.group]) : null;
  return {
    rowsRead: data.rows + data.dropped.rows,
    dropped: data.dropped,
    droppedText: droppedRowsText(data.dropped),
    eventCoding: data.eventCoding,
    format: data.format,
    confType: options.confType,
    confLevel: options.confLevel,
    groups,
    logRank: logRankResult,
    cox,
    coxNote,
    rmstDifference: difference,
    stratified: strata !== null,
  };
}

const finite = (value: number | null | undefined): number | null => (value === null || value === undefined || !Number.isFinite(value) ? null : value);

/** The JSON shape of the issue (more keys are welcome); NaN and missing values as null. */
/** The columns of a survival table (the curve, or its values at chosen times) as JSON rows; NaN → null. */
function jsonRows(columns: SurvivalAtResult): object[] {
  return Array.from(columns.time, (time, i) => ({
    time,
    nRisk: columns.nRisk[i],
    nEvent: columns.nEvent[i],
    nCensor: columns.nCensor[i],
    survival: finite(columns.survival[i]!),
    stdErr: finite(columns.stdErr[i]!),
    lower: finite(columns.lower[i]!),
    upper: finite(columns.upper[i]!),
  }));
}

function toJson(report: KmReport): string {
  const groups = report.groups.map(({ group, km, at, rmst }) => {
    const table = jsonRows(km);
    return {
      group,
      n: km.n,
      events: km.events,
      table,
      median: km.median,
      ...(at === null
        ? {}
        : {
            at: jsonRows(at),
          }),
      ...(rmst === null ? {} : { rmst: { tau: rmst.tau, estimate: rmst.estimate, stdErr: rmst.stdErr, lower: rmst.lower, upper: rmst.upper } }),
    };
  });
  const lr = report.logRank;
  const cox = report.cox;
  const single = cox !== null && cox.terms.length === 1;
  return JSON.stringify({
    version: packageVersion(),
    notice: researchUseNotice,
    input: { format: report.format, rows: report.rowsRead, eventCoding: report.eventCoding, dropped: report.dropped },
    confType: report.confType,
    confLevel: report.confLevel,
    groups,
    logRank:
      lr === null
        ? null
        : { chiSquare: finite(lr.chiSquare), df: lr.df, p: finite(lr.p), stratified: report.stratified, observed: lr.observed, expected: lr.expected },
    cox:
      cox === null
        ? null
        : {
            reference: cox.referenceGroup,
            hazardRatio: single ? finite(cox.hazardRatios[0]) : null,
            lower: single ? finite(cox.lower[0]) : null,
            upper: single ? finite(cox.upper[0]) : null,
            p: single ? finite(cox.p[0]) : finite(cox.likelihoodRatio.p),
            ties: cox.ties,
            converged: cox.converged,
            possiblyInfinite: cox.possiblyInfinite.map((i) => cox.terms[i]),
            terms: cox.terms.map((term, i) => ({ term, coefficient: finite(cox.coefficients[i]), hazardRatio: finite(cox.hazardRatios[i]), lower: finite(cox.lower[i]), upper: finite(cox.upper[i]), p: finite(cox.p[i]) })),
            likelihoodRatio: cox.likelihoodRatio,
            wald: cox.wald,
            score: cox.score,
          },
    ...(report.coxNote === null ? {} : { coxNote: report.coxNote }),
    ...(report.rmstDifference === null ? {} : { rmstDifference: report.rmstDifference }),
  });
}

const abridgedRows = 30;

function formatReport(report: KmReport, full: boolean, input: string): string {
  const out: string[] = [];
  const level = `${Math.round(report.confLevel * 1000) / 10}%`;
  out.push(`Kaplan-Meier estimates for ${input} (${report.confType} limits, ${level})`);
  out.push(`Read ${report.rowsRead} row${report.rowsRead === 1 ? "" : "s"} (${report.format === "csv" ? "CSV" : report.format === "arrow" ? "Arrow" : "Parquet"}, events coded ${report.eventCoding === "logical" ? "TRUE/FALSE" : report.eventCoding})${report.droppedText === null ? "" : `; ${report.droppedText}`}.`, "");
  for (const { group, km, at, rmst } of report.groups) {
    const median = km.median;
    out.push(
      `${report.groups.length > 1 ? `Group ${group}: ` : ""}n = ${km.n}, events = ${km.events}, median ${fmt(median.estimate)} (${level} CI ${fmt(median.lower)} to ${fmt(median.upper)})` +
        (rmst === null ? "" : `, RMST to ${fmt(rmst.tau)} = ${fmt(rmst.estimate)} (SE ${fmt(rmst.stdErr)})`),
    );
    const rows = km.time.length;
    const shown = full || rows <= abridgedRows ? [...Array(rows).keys()] : abridge(rows);
    const table = [["time", "n.risk", "n.event", "n.censor", "survival", "std.err", "lower", "upper"]];
    let previous = -1;
    for (const i of shown) {
      if (i !== previous + 1) table.push(["…", "", "", "", "", "", "", ""]);
      table.push([fmt(km.time[i]), String(km.nRisk[i]), String(km.nEvent[i]), String(km.nCensor[i]), fmt4(km.survival[i]), fmt4(km.stdErr[i]), fmt4(km.lower[i]), fmt4(km.upper[i])]);
      previous = i;
    }
    if (previous !== rows - 1) table.push(["…", "", "", "", "", "", "", ""]);
    out.push(...alignTable(table));
    if (shown.length < rows) out.push(`(${rows} rows; showing ${shown.length} — use --full or --json for all)`);
    if (at !== null) {
      out.push("", "Survival at the requested times:");
      const landmark = [["time", "n.risk", "survival", "std.err", "lower", "upper"]];
      for (let i = 0; i < at.time.length; i++) landmark.push([fmt(at.time[i]), String(at.nRisk[i]), fmt4(at.survival[i]), fmt4(at.stdErr[i]), fmt4(at.lower[i]), fmt4(at.upper[i])]);
      if (at.time.length === 0) landmark.push(["(all requested times are after the last follow-up)", "", "", "", "", ""]);
      out.push(...alignTable(landmark));
    }
    out.push("");
  }
  const lr = report.logRank;
  if (lr !== null) {
    out.push(`Log-rank test${report.stratified ? " (stratified)" : ""}: chi-square = ${fmt(lr.chiSquare)} on ${lr.df} df, ${pText(lr.p)}`);
    out.push(...alignTable([["group", "observed", "expected"], ...lr.groups.map((g, i) => [g, fmt(lr.observed[i]), fmt(lr.expected[i])])]));
  }
  const cox = report.cox;
  if (cox !== null) {
    out.push("", `Cox model (${cox.ties} ties${report.stratified ? ", stratified" : ""}), reference group ${cox.referenceGroup}:`);
    out.push(...alignTable([["term", "hazard ratio", `lower ${level}`, `upper ${level}`, "p"], ...cox.terms.map((t, i) => [t, fmt(cox.hazardRatios[i]), fmt(cox.lower[i]), fmt(cox.upper[i]), fmtP(cox.p[i])])]));
    out.push(`Likelihood ratio ${fmt(cox.likelihoodRatio.statistic)} (${pText(cox.likelihoodRatio.p)}), Wald ${fmt(cox.wald.statistic)} (${pText(cox.wald.p)}), score ${fmt(cox.score.statistic)} (${pText(cox.score.p)}) on ${cox.score.df} df`);
  }
  if (report.coxNote !== null) out.push("", cox === null ? `Cox model ${report.coxNote}` : `Warning: ${report.coxNote}`);
  const d = report.rmstDifference;
  if (d !== null) {
    out.push(
      "",
      `RMST to ${fmt(d.tau)}, ${d.groups[1]} minus ${d.groups[0]}: ${fmt(d.difference.estimate)} (${level} CI ${fmt(d.difference.lower)} to ${fmt(d.difference.upper)}, ${pText(d.difference.p)}); ratio ${fmt(d.ratio.estimate)} (${fmt(d.ratio.lower)} to ${fmt(d.ratio.upper)})`,
    );
  }
  out.push("", `pnen-sim ${packageVersion()} km. ${researchUseNotice}`);
  return `${out.join("\n")}\n`;
}

/** Row indices of an abridged table: the first and last rows and evenly spaced rows between. */
function abridge(rows: number): number[] {
  const picked = new Set<number>();
  for (let i = 0; i < 5; i++) picked.add(i);
  for (let i = rows - 5; i < rows; i++) picked.add(i);
  for (let k = 1; k < abridgedRows - 10; k++) picked.add(Math.round((k * (rows - 1)) / (abridgedRows - 10)));
  return [...picked].sort((a, b) => a - b);
}

function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "NA";
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

function fmt4(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? "NA" : value.toFixed(4);
}

function pText(value: number | null | undefined): string {
  const text = fmtP(value);
  return text.startsWith("<") ? `p ${text}` : `p = ${text}`;
}

function fmtP(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "NA";
  if (value < 2.2e-16) return "< 2.2e-16";
  return value < 0.001 ? value.toExponential(2) : value.toFixed(4);
}

function alignTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => `  ${row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")}`.trimEnd());
}
