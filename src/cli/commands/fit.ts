import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fitParametricModelsFromTable } from "../../analysis/fitParametric.js";
import { fittedModelParameters, fittedSurvivalModel, type FittedModelParameters } from "../../analysis/fittedSurvivalModel.js";
import { kaplanMeierFromTable } from "../../analysis/kaplanMeier.js";
import { eventTableCore } from "../../analysis/eventTable.js";
import type { KaplanMeierResult } from "../../analysis/KaplanMeierResult.js";
import { fitDistributions, type FitDistribution, type ParametricFit } from "../../analysis/ParametricFit.js";
import { survivalAt } from "../../analysis/survivalAt.js";
import { ensureOutputFolderNode } from "../../figures/ensureOutputFolderNode.js";
import type { FittedCurveInput } from "../../figures/parametricFitSpec.js";
import { inLevelOrder } from "../../io/inLevelOrder.js";
import { readSurvivalCsv } from "../../io/readSurvivalCsv.js";
import { inverseNormalCdf } from "../../math/inverseNormalCdf.js";
import { normalTwoSidedP } from "../../math/normalTwoSidedP.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import { InputError } from "../../util/InputError.js";
import type { Command } from "../Command.js";
import { packageVersion } from "../main.js";
import { numberFlag, parseFlags } from "../parseFlags.js";

const help = `pnen-sim fit — parametric survival models fitted to a CSV of survival times, ranked by AIC

Usage:
  pnen-sim fit --input FILE.csv --time COL --event COL [--group COL] [--dist all|LIST] [--cuts 6,12,24]
               [--times 12,24,60] [--conf-level 0.95] [--json] [--figure FILE] [--horizon T]

Maximum-likelihood fits with right censoring. exponential, weibull, lognormal and loglogistic are R's
survreg families and parameterisation (log T = intercept + group + scale × error, accelerated failure
time): their estimates, standard errors, log-likelihood, AIC and BIC equal R's
survreg(Surv(time, event) ~ group, dist = ...). gompertz (hazard rate × exp(shape × t)) and piecewise
(piecewise exponential with the cut points of --cuts) act on the hazard: a group multiplies it.

Flags:
  --input FILE     CSV file with a header row (e.g. the output of 'pnen-sim reconstruct')
  --time COL       follow-up time column (positive numbers for the survreg families)
  --event COL      event column: 1 = event, 0 = censored
  --group COL      one covariate, as a factor: the first level (numeric or alphabetical order, as R's
                   factor()) is the reference; coefficients are named as R names a factor's terms, e.g.
                   armB (for a numeric column R would write factor(arm)2; here it is arm2)
  --dist LIST      all (default), or a comma list of exponential, weibull, lognormal, loglogistic,
                   gompertz, piecewise. all includes piecewise only with --cuts
  --cuts LIST      cut points of the piecewise-exponential pieces, e.g. 6,12,24 (every piece needs events)
  --times LIST     also print the survival of every fit (and of Kaplan-Meier) at these times
  --conf-level P   coverage of the intervals of time ratios and hazard ratios (default 0.95)
  --json           print JSON: { fits: [ { distribution, logLik, aic, bic, survreg: { coefficients,
                   scale } | null, parameters: { ... }, ... } ] }, best AIC first
  --figure FILE    also draw the Kaplan-Meier curve(s) with every fitted curve: FILE.svg, .png, .pdf and
                   .vl.json (Vega-Lite, to restyle)
  --horizon T      extend the fitted curves in the figure to time T (extrapolation; default: the end of
                   follow-up)

'parameters' are the engine's (src/survival) parameters of the first group: weibull { shape = 1/scale,
scale = exp(intercept) }, lognormal { meanlog = intercept, sdlog = scale }, loglogistic { shape = 1/scale,
scale = exp(intercept) }, exponential { rate = exp(-intercept) }, gompertz { shape, rate }, piecewise
{ cutpoints, rates }; "groups" gives them for every group.
`;

/** CLI names of the families. */
const distributionNames: Readonly<Record<string, FitDistribution>> = {
  exponential: "exponential",
  weibull: "weibull",
  lognormal: "logNormal",
  loglogistic: "logLogistic",
  gompertz: "gompertz",
  piecewise: "piecewiseExponential",
  piecewiseexponential: "piecewiseExponential",
};

const displayName: Readonly<Record<FitDistribution, string>> = {
  exponential: "Exponential",
  weibull: "Weibull",
  logNormal: "Log-normal",
  logLogistic: "Log-logistic",
  gompertz: "Gompertz",
  piecewiseExponential: "Piecewise exponential",
};

const cliName: Readonly<Record<FitDistribution, string>> = {
  exponential: "exponential",
  weibull: "weibull",
  logNormal: "lognormal",
  logLogistic: "loglogistic",
  gompertz: "gompertz",
  piecewiseExponential: "piecewise",
};

export const fitCommand: Command = {
  name: "fit",
  summary: "Fit parametric survival models (R survreg compatible, plus Gompertz and piecewise) ranked by AIC",
  help,
  async run(args, io) {
    const { values } = parseFlags("fit", args, {
      input: { type: "string" },
      time: { type: "string" },
      event: { type: "string" },
      group: { type: "string" },
      dist: { type: "string" },
      cuts: { type: "string" },
      times: { type: "string" },
      "conf-level": { type: "string" },
      json: { type: "boolean" },
      figure: { type: "string" },
      horizon: { type: "string" },
    });
    for (const required of ["input", "time", "event"] as const) {
      if (values[required] === undefined) throw new InputError(`pnen-sim fit: --${required} is required (see 'pnen-sim fit --help')`);
    }
    const cuts = values.cuts === undefined ? undefined : listFlag("cuts", values.cuts, { exclusiveMin: 0 });
    if (cuts?.some((c, i) => i > 0 && c <= cuts[i - 1]!)) throw new InputError(`pnen-sim fit: --cuts: expected increasing times, got '${values.cuts}'`);
    const distributions = parseDistributions(values.dist ?? "all", cuts !== undefined);
    if (distributions.includes("piecewiseExponential") && cuts === undefined) throw new InputError("pnen-sim fit: --dist piecewise needs --cuts (the cut points of the pieces, e.g. --cuts 6,12,24)");
    const times = values.times === undefined ? [] : listFlag("times", values.times, { min: 0 });
    const confLevel = numberFlag("fit", "conf-level", values["conf-level"], 0.95, { exclusiveMin: 0, exclusiveMax: 1 });
    const horizon = values.horizon === undefined ? undefined : numberFlag("fit", "horizon", values.horizon, 0, { exclusiveMin: 0 });
    if (values.horizon !== undefined && values.figure === undefined) throw new InputError("pnen-sim fit: --horizon sets the figure's time axis; give --figure FILE too");
    const figurePath = values.figure === undefined ? null : resolve(io.cwd, values.figure);
    if (figurePath !== null) ensureOutputFolderNode(dirname(figurePath), "pnen-sim fit: --figure");

    const inputPath = resolve(io.cwd, values.input!);
    const data = readSurvivalCsv(inputPath, { time: values.time!, event: values.event!, group: values.group }, values.input!, { na: "fail" });
    if (data.rows === 0) throw new InputError(`${values.input}: no data rows after the header (expected one row per subject)`);
    const coding = data.group === undefined ? null : inLevelOrder(data.group);
    if (distributions.some((d) => d !== "gompertz" && d !== "piecewiseExponential")) {
      const zero = data.time.indexOf(0);
      if (zero >= 0) {
        throw new InputError(
          `${values.input}: row ${zero + 1}, column '${values.time}': time 0 cannot be fitted by the exponential, Weibull, log-normal or log-logistic model (they model log time, as R's survreg, which refuses it too); remove the row, or give --dist gompertz,piecewise`,
        );
      }
    }
    if (coding !== null && coding.levels.length < 2) throw new InputError(`${values.input}: column '${values.group}' has a single value '${coding.levels[0]}'; drop --group to fit one curve`);
    // One event table, exact times (as survreg), from the codes the CSV reader made: no labels re-coded.
    const groupIndex = coding?.index ?? new Int32Array(data.rows);
    const levels = coding?.levels ?? ["all"];
    const none = new Int32Array(data.rows);
    let fits: ParametricFit[];
    try {
      const table = eventTableCore(data.time, data.event, groupIndex, levels, none, ["all"], false);
      fits = fitParametricModelsFromTable(table, distributions, { grouped: coding !== null, ...(coding ? { groupName: values.group! } : {}), ...(cuts ? { cutpoints: cuts } : {}) });
    } catch (error) {
      if (error instanceof RangeError && error.message.startsWith("fitParametric")) throw new InputError(`${values.input}: ${error.message.replace(/^fitParametric:?\s*/, "")}`);
      throw error;
    }
    // Kaplan-Meier (R's default timefix) only where printed or drawn.
    const needKaplanMeier = times.length > 0 || figurePath !== null || values.json === true;
    const kmTable = needKaplanMeier ? eventTableCore(data.time, data.event, groupIndex, levels, none, ["all"]) : null;
    const kaplanMeier = kmTable === null ? [] : fits[0]!.groups.map((label, g) => ({ group: label, km: kaplanMeierFromTable(kmTable, g, 0) }));
    const provenance = {
      tool: "pnen-sim fit",
      version: packageVersion(),
      input: values.input!,
      inputSha256: createHash("sha256").update(readFileSync(inputPath)).digest("hex"),
      notice: researchUseNotice,
    };
    const report = { input: values.input!, timeColumn: values.time!, groupName: values.group ?? null, fits, kaplanMeier, times, confLevel, cuts };
    if (figurePath !== null) {
      const written = await drawFigure(report, figurePath, horizon, provenance);
      io.stderr(`figure: ${written.join(", ")}\n`);
    }
    io.stdout(values.json ? `${JSON.stringify(toJson(report, provenance))}\n` : formatReport(report));
    return 0;
  },
};

interface FitReport {
  readonly input: string;
  readonly timeColumn: string;
  readonly groupName: string | null;
  readonly fits: readonly ParametricFit[];
  readonly kaplanMeier: readonly { readonly group: string; readonly km: KaplanMeierResult }[];
  readonly times: readonly number[];
  readonly confLevel: number;
  readonly cuts: readonly number[] | undefined;
}

function parseDistributions(text: string, haveCuts: boolean): FitDistribution[] {
  if (text.trim() === "all") return fitDistributions.filter((d) => d !== "piecewiseExponential" || haveCuts);
  const list = text.split(",").map((name) => name.trim());
  const chosen: FitDistribution[] = [];
  for (const name of list) {
    const distribution = distributionNames[name.toLowerCase()];
    if (distribution === undefined) throw new InputError(`pnen-sim fit: --dist: unknown distribution '${name}'; expected all or a comma list of ${Object.values(cliName).join(", ")}`);
    if (!chosen.includes(distribution)) chosen.push(distribution);
  }
  return chosen;
}

function listFlag(name: string, text: string, check: { min?: number; exclusiveMin?: number }): number[] {
  return text.split(",").map((item) => numberFlag("fit", name, item.trim(), 0, check));
}

/** One group's fitted model, its median and mean, and (with --times) its survival at those times. */
function groupSummaries(fit: ParametricFit, times: readonly number[]) {
  return fit.groups.map((group) => {
    const model = fittedSurvivalModel(fit, { group });
    return { group, parameters: fittedModelParameters(fit, { group }), median: model.median, mean: model.mean ?? null, survival: times.map((t) => model.survival(t)) };
  });
}

/** exp(coefficient) of each non-reference group with its Wald interval: a time ratio (AFT) or a hazard ratio (PH). */
function groupEffects(fit: ParametricFit, confLevel: number) {
  if (fit.groupEffect === null) return [];
  const z = inverseNormalCdf(1 - (1 - confLevel) / 2);
  return fit.groups.slice(1).map((group, j) => {
    const term = `${fit.groupName}${group}`;
    const i = fit.parameterNames.indexOf(term);
    const b = fit.estimates[i]!;
    const se = fit.standardErrors[i]!;
    return { term, group, kind: fit.groupEffect!, estimate: Math.exp(b), lower: Math.exp(b - z * se), upper: Math.exp(b + z * se), p: normalTwoSidedP(b / se), index: j };
  });
}

const finite = (value: number | null | undefined): number | null => (value === null || value === undefined || !Number.isFinite(value) ? null : value);

function jsonParameters(parameters: FittedModelParameters): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, typeof value === "number" ? finite(value) : value]));
}

function toJson(report: FitReport, provenance: Record<string, string>): unknown {
  const best = report.fits[0]!.aic;
  return {
    version: provenance.version,
    notice: researchUseNotice,
    provenance,
    n: report.fits[0]!.n,
    events: report.fits[0]!.events,
    groupName: report.groupName,
    groups: report.fits[0]!.groups,
    confLevel: report.confLevel,
    ...(report.times.length > 0 ? { times: report.times } : {}),
    fits: report.fits.map((fit, rank) => {
      const groups = groupSummaries(fit, report.times);
      return {
        distribution: cliName[fit.distribution],
        rank: rank + 1,
        logLik: fit.logLikelihood,
        aic: fit.aic,
        deltaAic: fit.aic - best,
        bic: fit.bic,
        df: fit.df,
        converged: fit.converged,
        iterations: fit.iterations,
        survreg: fit.survreg,
        parameters: jsonParameters(groups[0]!.parameters),
        groupEffect: fit.groupEffect,
        effects: groupEffects(fit, report.confLevel).map(({ index: _index, ...effect }) => effect),
        estimates: fit.parameterNames.map((term, i) => ({
          term,
          estimate: fit.estimates[i],
          stdErr: finite(fit.standardErrors[i]),
          z: finite(fit.estimates[i]! / fit.standardErrors[i]!),
          p: finite(normalTwoSidedP(fit.estimates[i]! / fit.standardErrors[i]!)),
        })),
        covariance: fit.covariance.map((row) => row.map((v) => finite(v))),
        ...(fit.cutpoints.length > 0 ? { cutpoints: fit.cutpoints } : {}),
        groups: groups.map((g) => ({
          group: g.group,
          parameters: jsonParameters(g.parameters),
          median: finite(g.median),
          mean: finite(g.mean),
          ...(report.times.length > 0 ? { survival: report.times.map((time, i) => ({ time, survival: g.survival[i] })) } : {}),
        })),
      };
    }),
    kaplanMeier: report.kaplanMeier.map(({ group, km }) => ({
      group,
      n: km.n,
      events: km.events,
      median: km.median.estimate,
      ...(report.times.length > 0 ? { survival: report.times.map((time) => ({ time, survival: finite(kmSurvival(km, time)) })) } : {}),
    })),
  };
}

/** Kaplan–Meier survival at t (NaN after the last follow-up, where it is not estimated). */
function kmSurvival(km: KaplanMeierResult, t: number): number {
  const at = survivalAt(km, [t]);
  return at.time.length === 0 ? NaN : at.survival[0]!;
}

function formatReport(report: FitReport): string {
  const { fits } = report;
  const first = fits[0]!;
  const out: string[] = [];
  const grouped = first.groups.length > 1;
  out.push(
    `Parametric survival fits for ${report.input}: n = ${first.n}, ${first.events} events` +
      (grouped ? `; groups by ${report.groupName}: ${first.groups[0]} (reference), ${first.groups.slice(1).join(", ")}` : "") +
      `; time in the units of '${report.timeColumn}'`,
    "",
  );
  const best = first.aic;
  const medianHeads = first.groups.map((g) => (grouped ? `median ${g}` : "median"));
  const meanHeads = first.groups.map((g) => (grouped ? `mean ${g}` : "mean"));
  const rows = [["rank", "distribution", "df", "logLik", "AIC", "ΔAIC", "BIC", ...medianHeads, ...meanHeads]];
  fits.forEach((fit, rank) => {
    const groups = groupSummaries(fit, []);
    rows.push([
      String(rank + 1),
      displayName[fit.distribution] + (fit.converged ? "" : " (!)"),
      String(fit.df),
      fmt(fit.logLikelihood, 2),
      fmt(fit.aic, 2),
      fmt(fit.aic - best, 2),
      fmt(fit.bic, 2),
      ...groups.map((g) => fmtTime(g.median)),
      ...groups.map((g) => fmtTime(g.mean)),
    ]);
  });
  out.push(...align(rows, [0, 2, 3, 4, 5, 6, ...rows[0]!.slice(7).map((_, i) => 7 + i)]));
  out.push("Median and mean of each fitted curve (extrapolated; 'inf' where the curve levels off above 0.5 or the mean is infinite).");
  if (fits.some((f) => !f.converged)) out.push("(!) did not converge: the maximum may not exist (e.g. a degenerate shape); do not use these estimates.");

  if (grouped) {
    const level = `${Math.round(report.confLevel * 1000) / 10}%`;
    out.push("", `Group effects vs ${first.groups[0]} (${level} CI): time ratio for the AFT families (quantiles multiply), hazard ratio for Gompertz and piecewise`);
    for (const fit of fits) {
      const effects = groupEffects(fit, report.confLevel).map((e) => `${e.group}: ${e.kind === "timeRatio" ? "TR" : "HR"} ${fmt(e.estimate, 3)} (${fmt(e.lower, 3)} to ${fmt(e.upper, 3)}), p ${fmtP(e.p)}`);
      out.push(`  ${displayName[fit.distribution].padEnd(22)} ${effects.join("; ")}`);
    }
  }

  out.push("", "Estimates (estimation scale; for the first four exactly as R's summary(survreg(...))):");
  for (const fit of fits) {
    const formula = `Surv(time, event) ~ ${report.groupName ?? "1"}`;
    out.push("", `${displayName[fit.distribution]}${fit.survreg === null ? (fit.distribution === "piecewiseExponential" ? ` (cut points ${fit.cutpoints.join(", ")})` : "") : ` — survreg(${formula}, dist = "${cliName[fit.distribution]}")`}`);
    const table = [["term", "estimate", "std.err", "z", "p"]];
    fit.parameterNames.forEach((term, i) => {
      const estimate = fit.estimates[i]!;
      const se = fit.standardErrors[i]!;
      table.push([term, fmt(estimate, 5), fmt(se, 5), fmt(estimate / se, 2), fmtP(normalTwoSidedP(estimate / se))]);
    });
    out.push(...align(table, [1, 2, 3, 4]).map((line) => `  ${line}`));
    if (fit.survreg !== null && fit.distribution !== "exponential") out.push(`  Scale = ${fmt(fit.survreg.scale, 5)}`);
    const models = groupSummaries(fit, []).map((g) => `${grouped ? `${g.group} ` : ""}${describeModel(g.parameters)}`);
    out.push(`  Engine model: ${models.join("; ")}`);
  }

  if (report.times.length > 0) {
    out.push("", `Survival at ${report.times.join(", ")} (Kaplan-Meier, then each fit):`);
    const head = ["group", "time", "Kaplan-Meier", ...fits.map((f) => displayName[f.distribution])];
    const table = [head];
    const summaries = fits.map((fit) => groupSummaries(fit, report.times));
    first.groups.forEach((group, g) => {
      report.times.forEach((time, i) => {
        table.push([grouped ? group : "all", String(time), fmtProbability(kmSurvival(report.kaplanMeier[g]!.km, time)), ...summaries.map((s) => fmtProbability(s[g]!.survival[i]!))]);
      });
    });
    out.push(...align(table, head.map((_, i) => i).filter((i) => i > 0)));
    out.push("Kaplan-Meier is NA after the last follow-up; the fits extrapolate.");
  }
  out.push("", `pnen-sim ${packageVersion()} fit. ${researchUseNotice}`);
  return `${out.join("\n")}\n`;
}

function describeModel(p: FittedModelParameters): string {
  switch (p.family) {
    case "exponential":
      return `exponential(rate ${fmt(p.rate, 5)})`;
    case "weibull":
      return `weibull(shape ${fmt(p.shape, 4)}, scale ${fmt(p.scale, 4)})`;
    case "logNormal":
      return `logNormal(meanlog ${fmt(p.meanlog, 4)}, sdlog ${fmt(p.sdlog, 4)})`;
    case "logLogistic":
      return `logLogistic(shape ${fmt(p.shape, 4)}, scale ${fmt(p.scale, 4)})`;
    case "gompertz":
      return `gompertz(shape ${fmt(p.shape, 5)}, rate ${fmt(p.rate, 5)})`;
    case "piecewiseExponential":
      return `piecewiseExponential([${p.cutpoints.join(", ")}], [${p.rates.map((r) => fmt(r, 5)).join(", ")}])`;
  }
}

async function drawFigure(report: FitReport, path: string, horizon: number | undefined, provenance: Record<string, string>): Promise<string[]> {
  const followUp = Math.max(...report.kaplanMeier.map(({ km }) => (km.time.length > 0 ? km.time[km.time.length - 1]! : 0)));
  const end = horizon ?? followUp;
  const grid = Array.from({ length: 241 }, (_, i) => (i / 240) * end);
  const fitted: FittedCurveInput[] = report.fits.flatMap((fit) =>
    fit.groups.map((group) => {
      const model = fittedSurvivalModel(fit, { group });
      const name = fit.distribution === "piecewiseExponential" ? "Piecewise exp." : displayName[fit.distribution];
      return { label: `${name} (AIC ${fmt(fit.aic, 1)})`, group, time: grid, survival: grid.map((t) => model.survival(t)) };
    }),
  );
  // Loaded only when a figure is asked for: vega and resvg take a few hundred milliseconds to load.
  const { parametricFitSpec } = await import("../../figures/parametricFitSpec.js");
  const { writeFigure } = await import("../../figures/renderNode.js");
  const spec = parametricFitSpec(report.kaplanMeier, fitted, { timeTitle: report.timeColumn, ...(horizon === undefined ? {} : { maxTime: horizon }) });
  const folder = dirname(path);
  const name = basename(path).replace(/\.(vl\.json|json|svg|png|pdf)$/i, "");
  const { paths } = await writeFigure(folder, name, spec, { provenance: { generator: provenance.tool!, "pnen-sim version": provenance.version!, input: provenance.input!, "input sha256": provenance.inputSha256!, notice: provenance.notice! } });
  return paths;
}

function align(rows: string[][], rightAligned: number[]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  return rows.map((row) => row.map((cell, c) => (rightAligned.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd());
}

function fmt(value: number, digits: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NA" : value > 0 ? "inf" : "-inf";
  return value.toFixed(digits);
}

function fmtTime(value: number | null): string {
  if (value === null || Number.isNaN(value)) return "NA";
  if (!Number.isFinite(value)) return "inf";
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function fmtProbability(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : "NA";
}

function fmtP(p: number): string {
  if (!Number.isFinite(p)) return "NA";
  return p < 0.0001 ? "<0.0001" : p.toFixed(4);
}
