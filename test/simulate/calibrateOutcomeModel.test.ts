import { describe, expect, it } from "vitest";
import { calibrateOutcomeModel, calibrationCohort, sampleMedian } from "../../src/simulate/calibrateOutcomeModel.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../../src/simulate/loadSimulationContextNode.js";
import { type OutcomeParameters, resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { createPatientDraws, outcomeDrawsPerPatient, preparePatientDraws, walkPathway } from "../../src/simulate/walkPathway.js";
import { calibratePostProgression, weibullFromMedian } from "../../src/survival/index.js";

const { context } = loadSimulationContextNode();
// these tests are about the sum-of-lines structure's calibration (the sequencing structure's is in calibrateSequencingModel.test.ts)
const scenario = { ...loadScenarioNode("default", process.cwd()).scenario, structure: "sum-of-lines" as const };
const parameters = resolveOutcomeParameters(context.registry);

describe("calibrateOutcomeModel", () => {
  it("calibrateOutcomeModel(parameters, default, seed) reaches the PFS and OS medians exactly on its own calibration cohort (the search is not the source of calibration error)", () => {
    const size = 20_000;
    const model = calibrateOutcomeModel(parameters, scenario, scenario.seed, size);
    const { hrPfs, hrPps, draws } = calibrationCohort(scenario, parameters, scenario.seed, "calibration", size);
    const pfs = new Float64Array(size);
    const os = new Float64Array(size);
    const walk = new Float64Array(5);
    const patient = createPatientDraws();
    for (const id of ["sunitinib", "everolimus"]) {
      const index = model.treatmentIds.indexOf(id);
      const pathway = { label: id, episodes: Int32Array.of(index), debulking: Uint8Array.of(0) };
      for (let i = 0; i < size; i++) {
        walkPathway(pathway, model, preparePatientDraws(patient, model, draws, i * outcomeDrawsPerPatient, hrPfs[i], hrPps[i], 1), walk);
        pfs[i] = walk[0];
        os[i] = walk[1];
      }
      expect(Math.abs(sampleMedian(pfs) - parameters.treatments[id].pfsMedian), id).toBeLessThan(1e-9);
      // bisection to 1e-9 relative on the post-progression scale
      expect(Math.abs(sampleMedian(os) - parameters.treatments[id].osMedian!), id).toBeLessThan(1e-6);
    }
  });

  // With every patient-factor hazard ratio set to 1 the cohort is homogeneous, so the post-progression median the
  // cohort-level search finds must agree with src/survival's calibratePostProgression, an independent method
  // (numeric convolution of the PFS and PPS curves, no Monte Carlo). On 100,000 patients the sample OS median has
  // a relative standard error of about 0.3%, which the PPS median amplifies about twofold: 3% is over 4 standard errors.
  const homogeneous: OutcomeParameters = {
    ...parameters,
    assumptions: Object.fromEntries(Object.entries(parameters.assumptions).map(([name, value]) => [name, name.startsWith("hr") ? 1 : value])) as OutcomeParameters["assumptions"],
  };
  for (const shape of [1, 1.3]) {
    it(`calibrateOutcomeModel(hazard ratios 1, Weibull shape ${shape}) agrees with calibratePostProgression (numeric convolution) within 3%`, () => {
      const shaped = { ...homogeneous, assumptions: { ...homogeneous.assumptions, pfsShape: shape, ppsShape: shape } };
      const model = calibrateOutcomeModel(shaped, scenario, 7, 100_000);
      for (const id of ["sunitinib", "everolimus"]) {
        const outcome = parameters.treatments[id];
        const exact = calibratePostProgression(weibullFromMedian(outcome.pfsMedian, { shape }), outcome.osMedian!, (median) => weibullFromMedian(median, { shape }), {
          deathShareOfPfsEvents: model.deathShare,
        });
        const simulated = model.ppsScale[model.treatmentIds.indexOf(id)] * Math.pow(Math.LN2, 1 / shape);
        expect(Math.abs(simulated / exact.postProgressionMedian - 1), id).toBeLessThan(0.03);
        // and the PFS scale is the Weibull's: median / (ln 2)^(1/shape), within 1.5% (relative SE of the sample median ≈ 0.3%)
        const pfsMedian = model.pfsScale[model.treatmentIds.indexOf(id)] * Math.pow(Math.LN2, 1 / shape);
        expect(Math.abs(pfsMedian / outcome.pfsMedian - 1), id).toBeLessThan(0.015);
      }
    });
  }

  it("calibrateOutcomeModel(death share 0.6) rejects an unreachable OS target with an InputError instead of searching forever", () => {
    const deadly = { ...parameters, assumptions: { ...parameters.assumptions, deathShare: 0.6 } };
    expect(() => calibrateOutcomeModel(deadly, scenario, 1, 2000)).toThrow(/calibration: (sunitinib|everolimus)\.os\.median \(\d+(\.\d+)? months\) cannot be reached for \w+: with 0\.6 of PFS events being deaths/);
  });
});
