import { describe, expect, it } from "vitest";
import { calibrateSequencingModel } from "../../src/simulate/calibrateSequencingModel.js";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { modelEvidenceInputs } from "../../src/validation/modelEvidenceInputs.js";
import type { TrialFile } from "../../src/validation/parseTrialFile.js";
import { trialCircularity, trialDois } from "../../src/validation/trialCircularity.js";
import { context, shippedTrial } from "./validationFixture.js";

const reviewModel = calibrateSequencingModel(resolveOutcomeParameters(context.registry));
const trialsModel = calibrateSequencingModel(resolveOutcomeParameters(context.registry, { kind: "point" }, { set: "trials" }));
const reviewInputs = modelEvidenceInputs(reviewModel, context.registry);
const trialsInputs = modelEvidenceInputs(trialsModel, context.registry);

/** A CAPTEM trial whose DOI is given: arms captem vs best supportive care. */
const captemTrial = (doi: string): TrialFile => ({
  id: "captem-trial",
  title: "CAPTEM vs best supportive care",
  doi,
  population: {},
  arms: [{ id: "captem", treatment: "captem", n: 70 }, { id: "control", treatment: "bestSupportiveCare", n: 70 }],
  published: { pfs: { medians: { captem: 22.7, control: 14.4 }, hr: { estimate: 0.58, lower: 0.36, upper: 0.93 } } },
});

describe("trialCircularity(trial, modelEvidenceInputs(model, registry))", () => {
  it("trialCircularity(a trial whose figure calibrates CAPTEM) is circular for PFS, naming the registry record", () => {
    // the review's CAPTEM figure (captem.pfs.median, Thomas 2020, doi:10.3390/cancers12010206) calibrates CAPTEM's PFS
    const found = trialCircularity(captemTrial("10.3390/cancers12010206"), reviewInputs);
    expect(found.circular).toBe(true);
    expect(found.endpoints).toEqual({ pfs: true, os: true });
    expect(found.registryIds).toEqual(["captem.pfs.median"]);
    expect(found.inputs.find((i) => i.endpoint === "pfs")).toMatchObject({ registryId: "captem.pfs.median", role: "calibrates the PFS of captem", doi: "10.3390/cancers12010206", arms: ["captem"] });
  });

  it("trialCircularity(E2211) depends on the evidence set: circular when the trials set calibrates CAPTEM to it", () => {
    const e2211 = captemTrial("10.1200/JCO.22.01013"); // upper case, as written in the registry: matched case-insensitively
    // review set: CAPTEM stands on the retrospective 29 months; E2211's OS arms are part of the structural fit's OS range
    const review = trialCircularity(e2211, reviewInputs);
    expect(review.endpoints).toEqual({ pfs: false, os: true });
    expect(review.registryIds).toEqual(["external.lowGrade.os.median"]);
    const trials = trialCircularity(e2211, trialsInputs);
    expect(trials.endpoints).toEqual({ pfs: true, os: true });
    expect(trials.registryIds).toEqual(["external.e2211.captem.pfs.median", "external.lowGrade.os.median"]);
  });

  it("trialCircularity(a trial no figure of the registry comes from) is not circular", () => {
    const found = trialCircularity(captemTrial("10.9999/nothing.in.the.registry"), reviewInputs);
    expect(found).toEqual({ circular: false, registryIds: [], endpoints: { pfs: false, os: false }, inputs: [] });
  });

  it("trialCircularity(NETTER-2, CLARINET) is not circular in either evidence set: no registry record cites their DOIs", () => {
    for (const id of ["netter-2", "clarinet"]) {
      const trial = shippedTrial(id);
      expect(trialDois(trial).length).toBeGreaterThan(1);
      for (const inputs of [reviewInputs, trialsInputs]) expect(trialCircularity(trial, inputs)).toEqual({ circular: false, registryIds: [], endpoints: { pfs: false, os: false }, inputs: [] });
    }
    // the check can fail: the same file with a DOI the registry uses (RADIANT-3's) is circular
    const borrowed = { ...shippedTrial("clarinet"), dois: ["10.1056/NEJMoa1009290"] };
    expect(trialCircularity(borrowed, reviewInputs).circular).toBe(true);
  });

  it("trialCircularity(shipped trials) finds RADIANT-3 circular through both arms and the structural fit, SANET-p through surufatinib", () => {
    const radiant = trialCircularity(shippedTrial("radiant-3"), reviewInputs);
    expect(radiant.registryIds).toEqual(["external.lowGrade.os.median", "simulation.bestSupportiveCare.pfs.median", "simulation.everolimus.pfs.median"]);
    expect(radiant.inputs.filter((i) => i.endpoint === "pfs").map((i) => [i.registryId, i.arms])).toEqual([
      ["simulation.everolimus.pfs.median", ["everolimus"]],
      ["simulation.bestSupportiveCare.pfs.median", ["placebo"]],
    ]);
    // the placebo arm crosses over to everolimus: its OS contains everolimus's calibrated line
    expect(radiant.inputs.find((i) => i.endpoint === "os" && i.registryId === "simulation.everolimus.pfs.median")?.arms).toEqual(["everolimus", "placebo"]);
    const sanet = trialCircularity(shippedTrial("sanet-p"), reviewInputs);
    expect(sanet.inputs.filter((i) => i.endpoint === "pfs").map((i) => [i.registryId, i.arms])).toEqual([["surufatinib.pfs.median", ["surufatinib"]]]);
    expect(trialDois(shippedTrial("radiant-3"))).toEqual(["10.1056/nejmoa1009290", "10.1200/jco.2016.68.0702"]);
  });
});
