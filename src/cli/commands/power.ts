import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { figurePathNode } from "../../figures/figurePathNode.js";
import { powerCurveSpec } from "../../figures/powerCurveSpec.js";
import { writeFigure } from "../../figures/renderNode.js";
import type { SampleSizeResult } from "../../trials/findSampleSize.js";
import { maximumAllocationRatio, maximumSimulations, maximumTrialSize, parseTrialDesign } from "../../trials/parseTrialDesign.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import { packageVersion } from "../main.js";
import { powerCurve } from "../../trials/powerCurve.js";
import type { PowerResult } from "../../trials/PowerResult.js";
import { findSampleSizeParallel, parallelTrialRunner, simulatePowerParallel, defaultWorkers } from "../../trials/powerWorkersNode.js";
import { resolveStrategyArmsNode } from "../../trials/strategyArmsNode.js";
import { isTestKind, TestKinds, type ArmSurvivalSpec, type TestSpec, type TrialDesign } from "../../trials/TrialDesign.js";
import { twoArmDesign } from "../../trials/twoArmDesign.js";
import { sequentialBoundarySpec } from "../../figures/sequentialBoundarySpec.js";
import { planSequential } from "../../trials/planSequential.js";
import type { SequentialSurvivalPlan } from "../../trials/sequentialSurvivalPlan.js";
import { simulateSequential, type SequentialSimulation } from "../../trials/simulateSequential.js";
import { applySequentialFlags, sequentialFlagOptions, sequentialHelp, sequentialJson, sequentialText } from "./powerSequential.js";
import { InputError } from "../../util/InputError.js";
import { parseJsonInput } from "../../io/parseJsonInput.js";
import type { Command } from "../Command.js";
import { numberFlag, parseFlags } from "../parseFlags.js";

const help = `pnen-sim power — power and sample size of a survival trial by simulation

Usage:
  pnen-sim power --median-control M0 (--median-treatment M1 | --hazard-ratio HR) (--n N | --target-power P) [flags]
  pnen-sim power --design FILE.json [--n N | --target-power P] [flags]

Simulates the trial --sims times (accrual, follow-up, dropout, randomisation, the test) and reports the
power with its 95% Monte Carlo interval (Wilson score), the expected events and study duration, the
distribution of the estimated hazard ratio (Cox) and of the difference in Kaplan-Meier
medians, beside Schoenfeld's and Freedman's formulas for the same design. With --target-power it searches
for the smallest n whose simulated power reaches the target (bracket from Schoenfeld's n, then bisection,
with common random numbers across n).

Two-arm flags (time in months; arms exponential):
  --median-control M       median of the control arm
  --median-treatment M     median of the treatment arm, or:
  --hazard-ratio HR        hazard ratio treatment vs control (proportional hazards)
  --n N                    patients randomised, all arms (default 200)
  --target-power P         search for the n giving this power instead (0 < P < 1)
  --allocation R           treatment : control allocation ratio, e.g. 2 for 2:1 (default 1)
  --accrual-months A       uniform accrual over A months (default 24)
  --followup-months F      analysis F months after the last patient enters (default 24)
  --dropout-rate D         exponential loss to follow-up per month, same in both arms (default 0;
                           an annual loss p is D = -ln(1 - p) / 12)
  --test T                 logrank (default) | cox-wald | rmst
  --tau T                  restriction time for --test rmst

Any design:
  --design FILE            a design JSON (arms, accrual rate or duration, ramp, follow-up or target events,
                           dropout, strata, test, alpha, sims, seed); see data/designs/. An arm may be a
                           whole strategy of data/strategies ("strategy": "conversion-first"): its PFS or OS
                           is simulated by the engine on the design's scenario (20,000 patients) first
  --alpha A                two-sided significance level (default 0.05)
  --sims S                 simulated trials (default 2000; Monte Carlo SE of a power p is sqrt(p(1-p)/S))
  --seed S                 seed (default 1); trial i uses sub-stream (seed, "trial", i)
  --workers W              worker threads (default: available cores, at most 8); 1 = in this thread
  --curve FILE             also write a power curve (power against n, one line per effect size) as
                           FILE.vl.json, FILE.svg and FILE.png
  --json                   print the result as JSON: { power, lower, upper, expectedEvents,
                           medianHazardRatio, n, schoenfeld: { events, power, n }, freedman, ...,
                           analytic: { eventProbability, events, n, power, ... }, sequential: { ... } }
                           (schoenfeld.events and .n are for the target power, default 0.8;
                           schoenfeld.power is at this design's expected events; analytic.power is
                           rpact's getPowerSurvival with accrual and dropout; sequential with --looks:
                           { informationRates, efficacy: { z, p, hr, alphaSpent }, futility, maxEvents,
                           maxN, expectedEvents: { h0, h1 }, rejectionProbabilities, ..., simulated })

${sequentialHelp}

Research use only: a planning aid, not a substitute for a statistician's review of the protocol.
`;

const options = {
  design: { type: "string" },
  "median-control": { type: "string" },
  "median-treatment": { type: "string" },
  "hazard-ratio": { type: "string" },
  n: { type: "string" },
  "target-power": { type: "string" },
  allocation: { type: "string" },
  "accrual-months": { type: "string" },
  "followup-months": { type: "string" },
  "dropout-rate": { type: "string" },
  test: { type: "string" },
  tau: { type: "string" },
  alpha: { type: "string" },
  sims: { type: "string" },
  seed: { type: "string" },
  workers: { type: "string" },
  curve: { type: "string" },
  json: { type: "boolean" },
  ...sequentialFlagOptions,
} as const;

export const powerCommand: Command = {
  name: "power",
  summary: "Power and sample size for a trial by simulation, with Schoenfeld and Freedman cross-checks",
  help,
  async run(args, io) {
    const { values } = parseFlags("power", args, options);
    const given = applySequentialFlags(designFromFlags(values, io.cwd), values);
    const provenance = powerProvenance(given);
    const design = resolveStrategyArmsNode(given, { cwd: io.cwd });
    const targetPower = values["target-power"] === undefined ? null : numberFlag("power", "target-power", values["target-power"], 0.8, { exclusiveMin: 0, exclusiveMax: 1 });
    if (targetPower !== null && values.n !== undefined) throw new InputError("pnen-sim power: give --n or --target-power, not both");
    const workers = numberFlag("power", "workers", values.workers, defaultWorkers(), { integer: true, min: 1, max: 64 });
    const curvePath = values.curve === undefined ? undefined : figurePathNode(values.curve as string, io.cwd, "pnen-sim power: --curve");
    const boundaryPath = values["boundary-figure"] === undefined ? undefined : figurePathNode(values["boundary-figure"] as string, io.cwd, "pnen-sim power: --boundary-figure");
    // The analytic plan first: a design that cannot be planned is refused before any simulation runs.
    const plan = design.sequential ? planSequential(design, { n: design.n, targetPower: targetPower ?? design.sequential.targetPower }) : null;
    let result: PowerResult;
    let search: SampleSizeResult | null = null;
    if (targetPower !== null) {
      search = await findSampleSizeParallel(design, targetPower, { workers });
      result = search.result;
    } else {
      result = await simulatePowerParallel(design, { workers });
    }
    let sequential: { plan: SequentialSurvivalPlan; simulation: SequentialSimulation } | null = null;
    if (plan !== null) {
      const runner = parallelTrialRunner({ workers });
      try {
        sequential = { plan, simulation: await simulateSequential(design, plan, runner.run) };
      } finally {
        await runner.close();
      }
    }
    if (curvePath !== undefined) await writeCurve(design, result, targetPower, workers, curvePath, io.stderr, provenance);
    if (sequential !== null && boundaryPath !== undefined) await writeBoundaryFigure(sequential.plan, boundaryPath, io.stderr, provenance);
    if (values.json) io.stdout(`${JSON.stringify(jsonResult(result, search, provenance, sequential), null, 2)}\n`);
    else io.stdout(textReport(design, result, search, provenance, sequential));
    return 0;
  },
};

type Values = Partial<Record<keyof typeof options, string | boolean>>;

function designFromFlags(values: Values, cwd: string): TrialDesign {
  const text = (name: keyof typeof options) => values[name] as string | undefined;
  const twoArmFlags = ["median-control", "median-treatment", "hazard-ratio", "allocation", "accrual-months", "followup-months", "dropout-rate", "test", "tau"] as const;
  let design: TrialDesign;
  if (values.design !== undefined) {
    const given = twoArmFlags.filter((name) => values[name] !== undefined);
    if (given.length > 0) throw new InputError(`pnen-sim power: --${given[0]} cannot be combined with --design (put it in the design file)`);
    design = readDesign(resolve(cwd, text("design") as string));
  } else {
    if (values["median-control"] === undefined) throw new InputError("pnen-sim power: give --median-control with --median-treatment or --hazard-ratio, or a --design file (see 'pnen-sim power --help')");
    if ((values["median-treatment"] === undefined) === (values["hazard-ratio"] === undefined)) throw new InputError("pnen-sim power: give exactly one of --median-treatment and --hazard-ratio");
    const testName = text("test") ?? "logrank";
    if (!isTestKind(testName) || testName === "stratified-logrank") throw new InputError(`pnen-sim power: --test: expected one of ${TestKinds.filter((k) => k !== "stratified-logrank").join(", ")}, got '${testName}' (stratified tests need strata: use --design)`);
    if (testName === "rmst" && values.tau === undefined) throw new InputError("pnen-sim power: --test rmst needs --tau (months)");
    if (testName !== "rmst" && values.tau !== undefined) throw new InputError("pnen-sim power: --tau is only used with --test rmst");
    const test: TestSpec = testName === "rmst" ? { kind: "rmst", tau: numberFlag("power", "tau", text("tau"), 0, { exclusiveMin: 0 }) } : { kind: testName };
    const medianTreatment = values["median-treatment"] === undefined ? undefined : numberFlag("power", "median-treatment", text("median-treatment"), 0, { exclusiveMin: 0 });
    const hazardRatio = values["hazard-ratio"] === undefined ? undefined : numberFlag("power", "hazard-ratio", text("hazard-ratio"), 0, { exclusiveMin: 0 });
    if (numberFlag("power", "accrual-months", text("accrual-months"), 24, { min: 0 }) === 0 && numberFlag("power", "followup-months", text("followup-months"), 24, { min: 0 }) === 0) {
      throw new InputError("pnen-sim power: --followup-months: expected a number > 0 when --accrual-months is 0 (the analysis would be at month 0, before any event)");
    }
    design = twoArmDesign({
      medianControl: numberFlag("power", "median-control", text("median-control"), 0, { exclusiveMin: 0 }),
      medianTreatment,
      hazardRatio,
      allocation: numberFlag("power", "allocation", text("allocation"), 1, { min: 1 / maximumAllocationRatio, max: maximumAllocationRatio }),
      accrualMonths: numberFlag("power", "accrual-months", text("accrual-months"), 24, { min: 0 }),
      followUpMonths: numberFlag("power", "followup-months", text("followup-months"), 24, { min: 0 }),
      dropoutRate: numberFlag("power", "dropout-rate", text("dropout-rate"), 0, { min: 0 }),
      test,
    });
  }
  const seedText = text("seed");
  return {
    ...design,
    n: numberFlag("power", "n", text("n"), design.n, { integer: true, min: 2, max: maximumTrialSize }),
    alpha: numberFlag("power", "alpha", text("alpha"), design.alpha, { exclusiveMin: 0, exclusiveMax: 1 }),
    sims: numberFlag("power", "sims", text("sims"), design.sims, { integer: true, min: 1, max: maximumSimulations }),
    seed: seedText === undefined ? design.seed : Number.isFinite(Number(seedText)) && seedText.trim() !== "" ? Number(seedText) : seedText,
  };
}

function readDesign(path: string): TrialDesign {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new InputError(`pnen-sim power: --design: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseTrialDesign(parseJsonInput(bytes, path), path);
}

/** The JSON printed by --json: the issue's keys first, then the rest of the result. */
/**
 * What every output of `pnen-sim power` is traced to: the package version, a SHA-256 of the design as given
 * (flags or file, with n, alpha, sims and seed applied; before strategy arms are simulated) and the seed.
 */
interface PowerProvenance {
  readonly tool: "pnen-sim power";
  readonly version: string;
  readonly designHash: string;
  readonly seed: string;
  readonly notice: string;
}

function powerProvenance(design: TrialDesign): PowerProvenance {
  return {
    tool: "pnen-sim power",
    version: packageVersion(),
    designHash: `sha256:${createHash("sha256").update(JSON.stringify(design)).digest("hex")}`,
    seed: String(design.seed),
    notice: researchUseNotice,
  };
}

function jsonResult(result: PowerResult, search: SampleSizeResult | null, provenance: PowerProvenance, sequential: { plan: SequentialSurvivalPlan; simulation: SequentialSimulation } | null): unknown {
  const { power, lower, upper, expectedEvents, medianHazardRatio, n, schoenfeld, freedman, ...rest } = result;
  return {
    power,
    lower,
    upper,
    expectedEvents,
    medianHazardRatio,
    n,
    schoenfeld,
    freedman,
    ...rest,
    ...(search === null
      ? {}
      : { sampleSize: { targetPower: search.targetPower, n: search.n, nStandardError: search.nStandardError, schoenfeldN: search.schoenfeldN, freedmanN: search.freedmanN, method: search.method, steps: search.steps } }),
    ...(sequential === null ? {} : { sequential: sequentialJson(sequential.plan, sequential.simulation) }),
    provenance,
  };
}

async function writeBoundaryFigure(plan: SequentialSurvivalPlan, path: string, stderr: (text: string) => void, provenance: PowerProvenance): Promise<void> {
  const folder = resolve(path, "..");
  const name = path.slice(folder.length + 1).replace(/\.(vl\.json|json|svg|png|pdf)$/, "");
  const title = plan.mode === "sample-size" ? `Stopping bounds: ${plan.looks.length} analyses, ${plan.maxEvents.toFixed(1)} events at most (${Math.round(100 * plan.power)}% power)` : `Stopping bounds: ${plan.looks.length} analyses of ${Math.round(plan.maxN)} patients, ${plan.maxEvents.toFixed(1)} events at most`;
  const spec = sequentialBoundarySpec(plan.looks, { designHazardRatio: plan.hazardRatio, title });
  const { paths } = await writeFigure(folder, name, spec, { provenance: { generator: provenance.tool, "pnen-sim version": provenance.version, "design hash": provenance.designHash, seed: provenance.seed, notice: provenance.notice } });
  stderr(`boundary figure: ${paths.join(", ")}\n`);
}

async function writeCurve(design: TrialDesign, result: PowerResult, targetPower: number | null, workers: number, path: string, stderr: (text: string) => void, provenance: PowerProvenance): Promise<void> {
  const centre = result.n;
  const ns = [...new Set([0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.7, 2].map((f) => Math.max(4, 2 * Math.round((centre * f) / 2))))];
  const designHazardRatio = result.comparisons[0].designHazardRatio;
  const hazardRatios = [designHazardRatio * 0.85, designHazardRatio * 1.15].filter((hr) => hr > 0 && Math.abs(hr - 1) > 0.01).map((hr) => Math.round(hr * 100) / 100);
  const runner = parallelTrialRunner({ workers });
  try {
    const points = await powerCurve(design, { ns, hazardRatios, sims: Math.min(design.sims, 1000) }, runner.run);
    const folder = resolve(path, "..");
    const name = path.slice(folder.length + 1).replace(/\.(vl\.json|json|svg|png)$/, "");
    const spec = powerCurveSpec(points, { targetPower: targetPower ?? 0.8, title: `Power by n (${Math.min(design.sims, 1000)} simulated trials per point)` });
    const { paths } = await writeFigure(folder, name, spec, { provenance: { generator: provenance.tool, "pnen-sim version": provenance.version, "design hash": provenance.designHash, seed: provenance.seed, notice: provenance.notice } });
    stderr(`power curve: ${paths.join(", ")}\n`);
  } finally {
    await runner.close();
  }
}

function describeSurvival(survival: ArmSurvivalSpec): string {
  switch (survival.kind) {
    case "weibull":
      return `median ${survival.median} mo${survival.shape !== 1 ? `, Weibull shape ${survival.shape}` : ""}`;
    case "hazardRatio":
      return `HR ${survival.hazardRatio} vs control${survival.delayMonths ? ` from month ${survival.delayMonths} (delayed effect)` : ""}`;
    case "piecewise":
      return `piecewise exponential, hazards ${survival.ratesPerMonth.map((rate) => Number(rate.toPrecision(3))).join(", ")}/month from months ${survival.startMonths.join(", ")}`;
    case "mixture":
      return `mixture: ${survival.components.map((c) => `${Math.round((c.weight / survival.components.reduce((sum, d) => sum + d.weight, 0)) * 100)}% median ${c.median} mo`).join(" + ")}`;
    case "strategy":
      return `strategy ${survival.strategy}, ${survival.endpoint.toUpperCase()}`;
    case "empirical":
      return survival.source;
  }
}

function textReport(design: TrialDesign, result: PowerResult, search: SampleSizeResult | null, provenance: PowerProvenance, sequential: { plan: SequentialSurvivalPlan; simulation: SequentialSimulation } | null): string {
  const lines: string[] = [];
  const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
  const fixed = (value: number | null, digits: number) => (value === null || !Number.isFinite(value) ? "—" : value.toFixed(digits));
  const testName = design.test.kind === "rmst" ? `RMST difference at ${design.test.tau} months` : design.test.kind;
  lines.push(`pnen-sim power — ${testName}, two-sided alpha ${design.alpha}${result.comparisonAlpha !== design.alpha ? ` (${fixed(result.comparisonAlpha, 4)} per comparison)` : ""}, ${result.sims} simulated trials, seed ${design.seed}`);
  const arms = design.arms.map((arm) => {
    return `${arm.label} (${describeSurvival(arm.survival)}, allocation ${arm.allocation})`;
  });
  lines.push(`Arms: ${arms.join(" vs ")}`);
  const follow = design.targetEvents === null ? `follow-up ${design.followUpMonths} months after accrual` : `analysis at ${design.targetEvents} events`;
  lines.push(`Accrual ${fixed(result.accrualMonths, 1)} months${design.accrual.rampMonths > 0 ? ` (ramp ${design.accrual.rampMonths} months)` : ""}, ${follow}, dropout ${Number(design.dropout.ratePerMonth.toPrecision(3))}/month`);
  if (search !== null) {
    lines.push("");
    lines.push(`Sample size for ${percent(search.targetPower)} power: n = ${search.n} (Monte Carlo SE of n ≈ ${fixed(search.nStandardError, 1)}); Schoenfeld n = ${search.schoenfeldN}, Freedman n = ${search.freedmanN}`);
    lines.push(`  searched: ${search.steps.map((s) => `${s.n}→${percent(s.power)}`).join(", ")}`);
  }
  lines.push("");
  lines.push(`n = ${result.n}`);
  lines.push(`  power (simulated)       ${percent(result.power)}  (95% Wilson ${percent(result.lower)}–${percent(result.upper)})`);
  lines.push(`  power (Schoenfeld)      ${percent(result.schoenfeld.power)}   events for ${percent(result.analytic.targetPower)}: ${fixed(result.schoenfeld.events, 1)}${result.schoenfeld.n !== null ? `, n ${result.schoenfeld.n}` : ""}`);
  lines.push(`  power (Freedman)        ${percent(result.freedman.power)}   events for ${percent(result.analytic.targetPower)}: ${fixed(result.freedman.events, 1)}${result.freedman.n !== null ? `, n ${result.freedman.n}` : ""}`);
  lines.push(`  expected events         ${fixed(result.expectedEvents, 1)} simulated, ${fixed(result.analytic.expectedEvents, 1)} analytic (event probability ${percent(result.analytic.eventProbability)} over accrual, follow-up and dropout; analytic power ${percent(result.analytic.power)})`);
  lines.push(`  study duration          ${fixed(result.expectedDuration, 1)} months (mean; 95% of trials ${fixed(result.durationQuantiles.q025, 1)}–${fixed(result.durationQuantiles.q975, 1)}), analytic ${fixed(result.analytic.analysisTime, 1)}`);
  for (const comparison of result.comparisons) {
    const prefix = result.comparisons.length > 1 ? `  ${comparison.arm} vs ${design.arms[0].label}: ` : "  ";
    if (result.comparisons.length > 1) lines.push(`${prefix}power ${percent(comparison.power)} (${percent(comparison.lower)}–${percent(comparison.upper)}), Schoenfeld ${percent(comparison.schoenfeld.power)}`);
    const q = comparison.hazardRatioQuantiles;
    lines.push(`${result.comparisons.length > 1 ? "    " : "  "}estimated HR            median ${fixed(q.q50, 3)} (2.5–97.5%: ${fixed(q.q025, 3)}–${fixed(q.q975, 3)}); design HR ${fixed(comparison.designHazardRatio, 3)}${comparison.proportionalHazards ? "" : " (average; hazards not proportional)"}`);
    const d = comparison.medianDifference;
    lines.push(`${result.comparisons.length > 1 ? "    " : "  "}median difference       ${fixed(d.quantiles.q50, 1)} months (2.5–97.5%: ${fixed(d.quantiles.q025, 1)}–${fixed(d.quantiles.q975, 1)}); both medians reached in ${percent(d.reachedFraction)} of trials`);
  }
  if (result.comparisons.length > 1) lines.push(`  any comparison rejects  ${percent(result.anyRejection.power)} (${percent(result.anyRejection.lower)}–${percent(result.anyRejection.upper)})`);
  if (result.notes.length > 0) {
    lines.push("");
    for (const note of result.notes) lines.push(`Note: ${note}`);
  }
  if (sequential !== null) {
    lines.push("");
    lines.push(...sequentialText(sequential.plan, sequential.simulation));
  }
  lines.push("");
  lines.push(`pnen-sim ${provenance.version} · design ${provenance.designHash} · seed ${provenance.seed}`);
  lines.push(provenance.notice);
  lines.push("");
  return lines.join("\n");
}
