import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../src/analysis/index.js";
import { calibrateSequencingModel, lineTimesAtUnitScale, scaleForMedian, sequencingCalibrationCohort } from "../../src/simulate/calibrateSequencingModel.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { simulate } from "../../src/simulate/simulate.js";
import { summarise } from "../../src/simulate/summarise.js";
import type { PopulationSpec } from "../../src/evidence/PopulationSpec.js";

const { context, strategies } = loadSimulationContextNode();
const { scenario } = loadScenarioNode("default", process.cwd());
const parameters = resolveOutcomeParameters(context.registry);
const model = calibrateSequencingModel(parameters);

/** The Kaplan–Meier median PFS of one line of `treatment` (at its figure's line) on a cohort drawn to match `population`. */
function medianPfs(treatment: string, population: PopulationSpec, size = 20_000): number {
  const cohort = sequencingCalibrationCohort(parameters, model.sequencing!, population, size, "independent check");
  const base = new Float64Array(size);
  lineTimesAtUnitScale(parameters, treatment, cohort, base);
  const scale = model.pfsScale[model.treatmentIds.indexOf(treatment)];
  const pfs = Float64Array.from(base, (b, i) => Math.min(scale * b, cohort.deathMonths[i]));
  return kaplanMeier(pfs, new Uint8Array(size).fill(1)).median.estimate!;
}

describe("calibrateSequencingModel", () => {
  it("scaleForMedian(base, deaths, m) makes exactly half the cohort event-free past m (the closed form is exact on its own cohort)", () => {
    const cohort = sequencingCalibrationCohort(parameters, model.sequencing!, parameters.treatments.captem.population, 20_000);
    const base = new Float64Array(20_000);
    lineTimesAtUnitScale(parameters, "captem", cohort, base);
    const scale = scaleForMedian(base, cohort.deathMonths, 29, "captem");
    expect(scale).toBe(model.pfsScale[model.treatmentIds.indexOf("captem")]);
    let beyond = 0;
    for (let i = 0; i < base.length; i++) if (Math.min(scale * base[i], cohort.deathMonths[i]) > 29 * (1 + 1e-12)) beyond++;
    expect(beyond).toBe(10_000 - 1); // the (n/2)-th largest sits exactly at 29
  });

  it("calibrateSequencingModel(parameters) does not depend on the scenario: a G1/G2-only scenario and the default get the same baselines (no re-imposed target)", () => {
    const restricted = { ...scenario, cohort: { ...scenario.cohort, grade: { G1: 0.4, G2: 0.6, G3: 0, NEC: 0 } } };
    const a = simulate(scenario, strategies, { n: 1 }, context).model;
    const b = simulate(restricted, strategies, { n: 1, seed: 99 }, context).model;
    expect(b.pfsScale).toEqual(a.pfsScale);
    expect(a.pfsScale).toEqual(model.pfsScale);
  });

  it("a restricted population (G1/G2 progressive pNET only) gets CAPTEM medians that differ from the all-grade figure in the direction the hazard ratios say", () => {
    // CAPTEM's 29 months is calibrated on its figure's population: G1 30%, G2 60%, G3 10%, line 2
    const figure = parameters.treatments.captem.population!;
    expect(figure.grades).toEqual({ G1: 0.3, G2: 0.6, G3: 0.1 });
    const onFigure = medianPfs("captem", figure);
    const lowGrade = medianPfs("captem", { ...figure, grades: { G1: 0.4, G2: 0.6 }, progressive: true });
    const g1 = medianPfs("captem", { ...figure, grades: { G1: 1 } });
    const g2 = medianPfs("captem", { ...figure, grades: { G2: 1 } });
    const g3 = medianPfs("captem", { ...figure, grades: { G3: 1 } });
    // an independent cohort of the figure's population reproduces the target (relative SE ≈ 1.4%; 5% > 3 SE)
    expect(Math.abs(onFigure / 29 - 1)).toBeLessThan(0.05);
    // removing the G3 tail (HR 2.5) and shifting to G1 (HR 1) lengthens PFS; G2 (HR 1.5) lies between; G3 is shortest
    expect(lowGrade).toBeGreaterThan(onFigure * 1.03);
    expect(g1).toBeGreaterThan(g2);
    expect(g2).toBeGreaterThan(g3);
    expect(g3).toBeLessThan(onFigure);
    // and the ratio of G2 to G1 medians is about the G2 hazard ratio's inverse (exponential lines, same other factors): 1/1.5, within frailty and competing-death distortion
    expect(g2 / g1).toBeGreaterThan(0.55);
    expect(g2 / g1).toBeLessThan(0.8);
  });

  it("calibrateSequencingModel(later line): a figure measured on line 2 gives a longer first-line baseline, by the later-line ratio", () => {
    const figure = parameters.treatments.captem.population!;
    const onLine1 = { ...parameters, treatments: { ...parameters.treatments, captem: { ...parameters.treatments.captem, population: { ...figure, line: 1 } } } };
    const scale1 = calibrateSequencingModel(onLine1).pfsScale[model.treatmentIds.indexOf("captem")];
    const scale2 = model.pfsScale[model.treatmentIds.indexOf("captem")];
    // shape 1: the line-2 hazard is r = 1.3 times the first line's, so the same median on line 2 needs a baseline about r times longer (deaths blur it a little)
    expect(scale2 / scale1).toBeGreaterThan(1.2);
    expect(scale2 / scale1).toBeLessThan(1.4);
  });

  it("resolveOutcomeParameters(registry, point, {set: 'trials'}) takes the randomised trials' figures and their populations; the summary says so", () => {
    const trials = resolveOutcomeParameters(context.registry, { kind: "point" }, { set: "trials" });
    expect(trials.treatments.captem).toMatchObject({ pfsMedian: 22.7, pfsSource: "external.e2211.captem.pfs.median", evidence: "trials" });
    expect(trials.treatments.surufatinib).toMatchObject({ pfsMedian: 10.9, pfsSource: "surufatinib.pfs.median.pancreatic" });
    expect(trials.treatments.everolimus.pfsMedian).toBe(11);
    expect(trials.treatments.sunitinib.pfsMedian).toBe(11.4);
    expect(trials.treatments.bestSupportiveCare.pfsMedian).toBe(4.6);
    expect(trials.treatments.captem.population?.n).toBe(72);
    // a treatment without a trial figure keeps the review's
    expect(trials.treatments.temozolomide.evidence).toBe("review");
    const mixed = resolveOutcomeParameters(context.registry, { kind: "point" }, { treatments: { surufatinib: "trials" } });
    expect(mixed.treatments.surufatinib.pfsMedian).toBe(10.9);
    expect(mixed.treatments.captem.pfsMedian).toBe(29);
    const result = simulate({ ...scenario, evidence: { treatments: { surufatinib: "trials" } } }, strategies, { n: 4096 }, context);
    expect(summarise(result).sequencing.evidence).toMatchObject({ set: "mixed", treatments: { surufatinib: "trials", captem: "review" } });
  });

  it("resolveOutcomeParameters(registry, point, {treatments: {temozolomide: 'trials'}}) names the treatments that have a trial figure", () => {
    expect(() => resolveOutcomeParameters(context.registry, { kind: "point" }, { treatments: { temozolomide: "trials", nosuch: "review" } })).toThrow(/2 problems in the evidence choice/);
    try {
      resolveOutcomeParameters(context.registry, { kind: "point" }, { treatments: { temozolomide: "trials" } });
    } catch (error) {
      expect((error as { problems: string[] }).problems[0]).toMatch(/evidence\.treatments\.temozolomide: the registry has no randomised-trial figure for 'temozolomide' \(treatments with one: captem, everolimus, sunitinib, surufatinib, bestSupportiveCare\)/);
    }
  });
});
