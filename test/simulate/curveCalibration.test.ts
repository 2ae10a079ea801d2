import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { survivalModelOfFit } from "../../src/analysis/fittedSurvivalModel.js";
import { parseRegistry } from "../../src/evidence/parseRegistry.js";
import { readRegistryFiles } from "../../src/io/loadRegistry.js";
import { subStream } from "../../src/random/index.js";
import { calibrationReport } from "../../src/simulate/calibrationReport.js";
import { calibrateSequencingModel, lineExposures, sequencingCalibrationCohort, sequencingModelOf, calibrateTreatmentCurve } from "../../src/simulate/calibrateSequencingModel.js";
import { compileBackgroundMortality } from "../../src/simulate/backgroundMortality.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { chooseLifeTable, resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { replicateModel } from "../../src/simulate/replicates.js";
import { isInputError } from "../../src/util/InputError.js";

const { context } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("example-curve", process.cwd());
const curves = { curves: { captem: "example.captem.pfs.curve" } };
// R: survreg(Surv(time, event) ~ 1, data = ipd, dist = "loglogistic") — test/fixtures/r/curves/make-example-fit.R
const r = JSON.parse(readFileSync(new URL("../fixtures/r/curves/example-fit.json", import.meta.url), "utf8")) as { coefficients: number[]; logScale: number; var: number[][] };

describe("a treatment calibrated to a whole curve (issue 16, data/scenarios/example-curve.json)", () => {
  const parameters = resolveOutcomeParameters(context.registry, { kind: "point" }, scenario.evidence);
  const model = calibrateSequencingModel(parameters);
  const index = model.treatmentIds.indexOf("captem");

  it("the example figure's stored fit equals R survreg on its reconstructed patient data (1e-9 relative): estimates and covariance", () => {
    const fit = context.registry.figure("example.captem.pfs.curve").curve!.fit!;
    const close = (a: number, b: number) => expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(1e-9);
    close(fit.estimates[0]!, r.coefficients[0]!);
    close(fit.estimates[1]!, r.logScale);
    fit.covariance.forEach((row, i) => row.forEach((c, j) => close(c, r.var[i]![j]!)));
  });

  it("resolveOutcomeParameters(registry, point, {curves: {captem}}) gives CAPTEM the fitted log-logistic as its target: shape 1/σ, scale (median) e^β₀", () => {
    const curve = parameters.treatments.captem!.curve!;
    expect(curve).toMatchObject({ figure: "example.captem.pfs.curve", distribution: "logLogistic", followUpMonths: 83.436 });
    const target = curve.target as { family: string; shape: number; scale: number };
    expect(target.family).toBe("logLogistic");
    expect(target.shape / Math.exp(-r.logScale)).toBeCloseTo(1, 9);
    expect(target.scale / Math.exp(r.coefficients[0]!)).toBeCloseTo(1, 9);
    expect(parameters.treatments.captem!.pfsMedian).toBeCloseTo(Math.exp(r.coefficients[0]!), 9);
    expect(parameters.treatments.captem!.pfsSource).toBe("example.captem.pfs.curve");
    // without the scenario's choice, the review's median drives CAPTEM (the example is never the default)
    expect(resolveOutcomeParameters(context.registry).treatments.captem).toMatchObject({ pfsSource: "captem.pfs.median", pfsMedian: 29, curve: null });
  });

  it("calibrateSequencingModel(...) gives CAPTEM a log-logistic baseline of its own shape and scale (pinned for the registry's seed); the other treatments keep the shared Weibull", () => {
    expect(model.pfsCurves![index]!.family).toBe("logLogistic");
    expect({ shape: Number(model.pfsCurves![index]!.shape.toFixed(4)), scale: Number(model.pfsScale[index]!.toFixed(3)) }).toEqual({ shape: 0.9009, scale: 177.211 });
    expect(model.pfsCurves!.filter((c) => c !== null).length).toBe(1);
  });

  it("on the calibration cohort the population's PFS stays within 0.025 of the fitted curve at every one of the 40 times (the misfit a proportional-hazards log-logistic baseline leaves in this heterogeneous population)", () => {
    const sequencing = sequencingModelOf(parameters, compileBackgroundMortality(chooseLifeTable(parameters)));
    const cohort = sequencingCalibrationCohort(parameters, sequencing, parameters.treatments.captem!.population, parameters.sequencing.calibrationCohortSize);
    const exposure = new Float64Array(cohort.exposure.length);
    lineExposures(parameters, "captem", cohort, exposure);
    const fitted = calibrateTreatmentCurve(parameters.treatments.captem!.curve!, exposure, cohort.deathMonths, "test");
    expect(fitted.largestDifference).toBeLessThan(0.025);
    expect(fitted.rootMeanSquare).toBeLessThan(0.012);
  });

  it("calibrationReport(...) sets the simulated CAPTEM PFS of an independent cohort against the fitted curve at 6, 12, 24, 36, 60 months: within 0.03 (the misfit above plus 4 SD of two cohorts' Monte Carlo error, 0.02)", () => {
    const entry = calibrationReport(model, scenario, context.registry, scenario.seed).find((e) => e.id === "example.captem.pfs.curve")!;
    expect(entry.curve).toMatchObject({ figure: "example.captem.pfs.curve", distribution: "logLogistic", baseline: { family: "logLogistic" } });
    const target = survivalModelOfFit(parameters.treatments.captem!.curve!.target);
    expect(entry.landmarks!.map((l) => l.months)).toEqual([6, 12, 24, 36, 60]);
    for (const l of entry.landmarks!) {
      expect(l.target).toBeCloseTo(target.survival(l.months), 4);
      expect(Math.abs(l.simulated! - l.target)).toBeLessThan(0.03);
      expect(l.lower! <= l.simulated! && l.simulated! <= l.upper!).toBe(true);
      expect(l.extrapolated).toBe(false);
    }
    expect(Math.abs(entry.simulated / entry.target - 1)).toBeLessThan(0.06);
  });

  it("replicateModel(...) draws the curve's parameters from N(estimates, covariance): over 2,000 replicates their mean and covariance recover the fit's within 4 SE; each draw is recalibrated", () => {
    const fit = context.registry.figure("example.captem.pfs.curve").curve!.fit!;
    const n = 2000;
    const draws = Array.from({ length: n }, (_, k) => resolveOutcomeParameters(context.registry, { kind: "draw", source: subStream(scenario.seed, "replicate", k + 1) }, curves).treatments.captem!.curve!.estimates);
    for (let i = 0; i < 2; i++) {
      const mean = draws.reduce((a, d) => a + d[i]!, 0) / n;
      expect(Math.abs(mean - fit.estimates[i]!)).toBeLessThan(4 * Math.sqrt(fit.covariance[i]![i]! / n));
      for (let j = 0; j < 2; j++) {
        const meanJ = draws.reduce((a, d) => a + d[j]!, 0) / n;
        const covariance = draws.reduce((a, d) => a + (d[i]! - mean) * (d[j]! - meanJ), 0) / (n - 1);
        const se = Math.sqrt((fit.covariance[i]![i]! * fit.covariance[j]![j]! + fit.covariance[i]![j]! ** 2) / n);
        expect(Math.abs(covariance - fit.covariance[i]![j]!)).toBeLessThan(4 * se);
      }
    }
    const first = replicateModel(scenario, context, scenario.seed, 1);
    expect(first.parameters.treatments.captem!.curve!.estimates).toEqual(draws[0]);
    expect(first.pfsScale[index]).not.toBe(model.pfsScale[index]);
    expect(first.pfsCurves![index]!.family).toBe("logLogistic");
  });
});

describe("a whole curve in the sum-of-lines structure", () => {
  it("calibrateOutcomeModel(sum-of-lines) calibrates CAPTEM's curve on the scenario's cohort (no competing deaths there): landmarks within 0.02 of the fitted curve on the independent check cohort", async () => {
    const { calibrateOutcomeModel } = await import("../../src/simulate/calibrateOutcomeModel.js");
    const sumOfLines = { ...scenario, structure: "sum-of-lines" as const };
    const parameters = resolveOutcomeParameters(context.registry, { kind: "point" }, sumOfLines.evidence);
    const model = calibrateOutcomeModel(parameters, sumOfLines, sumOfLines.seed);
    expect(model.pfsCurves![model.treatmentIds.indexOf("captem")]!.family).toBe("logLogistic");
    const entry = calibrationReport(model, sumOfLines, context.registry, sumOfLines.seed).find((e) => e.id === "example.captem.pfs.curve")!;
    for (const l of entry.landmarks!) expect(Math.abs(l.simulated! - l.target)).toBeLessThan(0.02);
  });
});

describe("evidence.curves and curve records: errors", () => {
  const problems = (run: () => unknown): readonly string[] => {
    try {
      run();
    } catch (error) {
      if (isInputError(error)) return [error.message, ...error.problems];
      throw error;
    }
    throw new Error("expected an InputError");
  };

  it("resolveOutcomeParameters rejects a curve choice naming an unknown treatment or figure, a figure without a curve, or another treatment's curve", () => {
    const listed = problems(() => resolveOutcomeParameters(context.registry, { kind: "point" }, { curves: { magic: "example.captem.pfs.curve", prrt: "example.captem.pfs.curve", ssa: "captem.pfs.median", everolimus: "example.nothing" } }));
    expect(listed).toContain("evidence.curves.magic: no outcome model for treatment 'magic'");
    expect(listed).toContain("evidence.curves.prrt: figure 'example.captem.pfs.curve' is a curve of treatment 'captem', not of 'prrt'");
    expect(listed).toContain("evidence.curves.ssa: figure 'captem.pfs.median' carries no curve (a \"curve\" with patient data or a parametric fit)");
    expect(listed).toContain("evidence.curves.everolimus: unknown figure 'example.nothing' (figures with a curve: example.captem.pfs.curve)");
  });

  it("a stored fit that disagrees with the fit of its patient data is an error naming the figure and how to refit", () => {
    const files = readRegistryFiles().map((file) => {
      if (file.path !== "evidence/examples.json") return file;
      const content = structuredClone(file.content) as { figures: { curve: { fit: { estimates: number[] } } }[] };
      content.figures[0]!.curve.fit.estimates[0] = 3.5;
      return { ...file, content };
    });
    const stale = parseRegistry(files);
    expect(problems(() => resolveOutcomeParameters(stale, { kind: "point" }, curves))[0]).toMatch(/example\.captem\.pfs\.curve: curve\.fit disagrees with the logLogistic fit of its patient data curves\/example-captem-pfs\/ipd\.csv.*pnen-sim fit --input data\/curves\/example-captem-pfs\/ipd\.csv/);
  });
});
