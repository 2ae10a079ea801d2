import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/util/InputError.js";
import { parseTrialFile, trialFileProblems } from "../../src/validation/parseTrialFile.js";
import { trialFileJsonSchema } from "../../src/validation/trialFileJsonSchema.js";
import { shippedTrial } from "./validationFixture.js";

const vocabulary = { treatments: ["everolimus", "bestSupportiveCare", "sunitinib", "surufatinib"], strategies: ["review", "conversion-first"] };
const radiant = () => structuredClone(shippedTrial("radiant-3")) as unknown as Record<string, any>;

describe("parseTrialFile(document, where, vocabulary)", () => {
  it("parseTrialFile(each shipped trial file) accepts it", () => {
    const withSsaAndPrrt = { ...vocabulary, treatments: [...vocabulary.treatments, "prrt", "ssa"] };
    for (const id of ["radiant-3", "sun1111", "sanet-p", "netter-2", "clarinet"]) expect(trialFileProblems(shippedTrial(id), withSsaAndPrrt)).toEqual([]);
  });

  it("parseTrialFile(bad fields) rejects the file naming the file, each field's path and what was expected", () => {
    const doc = radiant();
    doc.arms[1].n = 0;
    doc.population.grades.G1 = 1.4;
    doc.published.pfs.hr.lower = "0.27";
    doc.crossover.shar = doc.crossover.share;
    delete doc.crossover.share;
    let error: unknown;
    try {
      parseTrialFile(doc, "trials/radiant-3.json", vocabulary);
    } catch (caught) {
      error = caught;
    }
    expect(isInputError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(/^trials\/radiant-3\.json: \d+ problems in the trial file/);
    expect(message).toContain("arms[1].n: expected an integer >= 1 and <= 100000, got 0");
    expect(message).toContain("population.grades.G1: expected a number in [0, 1], got 1.4");
    expect(message).toContain('published.pfs.hr.lower: expected a number > 0, got "0.27"');
    expect(message).toContain("crossover.shar: unknown field; did you mean 'share'?");
    expect(message).toContain("crossover.share: required, missing");
  });

  it("trialFileProblems(document) makes the cross-field checks: arms, treatments, crossover, medians, HR order, shares", () => {
    const doc = radiant();
    doc.arms[0].treatment = "aspirin";
    doc.arms[1].id = "everolimus";
    doc.crossover.from = "nobody";
    doc.published.os.hr = { estimate: 0.94, lower: 1.2, upper: 0.73 };
    doc.published.os.medians.other = 3;
    doc.population.priorSystemicLines = { "0": 0.5, "1": 0.4 };
    doc.population.functionalShare = 0.2;
    doc.subsequentStrategy = "whatever";
    expect(trialFileProblems(doc, vocabulary)).toEqual([
      "arms[0].treatment: unknown treatment or strategy 'aspirin'; treatments: everolimus, bestSupportiveCare, sunitinib, surufatinib; strategies: review, conversion-first",
      "arms[1].id: 'everolimus' is used by an earlier arm; arm ids must differ",
      "crossover.from: 'nobody' is not an arm id (arms: everolimus, everolimus)",
      "subsequentStrategy: unknown strategy 'whatever'; known: none, review, conversion-first",
      "published.pfs.medians.placebo: not an arm id (arms: everolimus, everolimus)",
      "published.os.hr: expected lower <= estimate <= upper, got 1.2, 0.94, 0.73",
      "published.os.medians.placebo: not an arm id (arms: everolimus, everolimus)",
      "published.os.medians.other: not an arm id (arms: everolimus, everolimus)",
      "population.priorSystemicLines: the shares must add up to 1, got 0.9",
      "population.functionalShare: give either functional or functionalShare, not both",
    ]);
  });

  it("trialFileProblems(document) accepts null and absent population fields (as in the scenario) and a strategy arm", () => {
    const doc = radiant();
    doc.population = { grades: null, ki67Max: null, functional: null, priorSystemicLines: null };
    doc.arms[0].treatment = "conversion-first";
    doc.crossover = null;
    delete doc.published.os;
    expect(trialFileProblems(doc, vocabulary)).toEqual([]);
    delete doc.published.pfs;
    expect(trialFileProblems(doc, vocabulary)).toEqual(["published: give at least one of pfs and os"]);
  });

  it("trialFileProblems(document) checks followUp: its fields by path, a cut-off or a study period, accrual needs a cut-off", () => {
    const doc = radiant();
    doc.followUp = { accrualMonths: -1, followUpMonths: 6 };
    expect(trialFileProblems(doc, vocabulary)).toEqual(["followUp.accrualMonths: expected a number >= 0 and <= 600, got -1"]);
    doc.followUp = { accrualMonths: 24 };
    expect(trialFileProblems(doc, vocabulary)).toEqual(["followUp: give followUpMonths (to the data cut-off) or maximumMonths (a fixed study period), or leave followUp out for complete follow-up"]);
    doc.followUp = { accrualMonths: 24, maximumMonths: 22 };
    expect(trialFileProblems(doc, vocabulary)).toEqual(["followUp.followUpMonths: an accrual period needs the follow-up from the last randomisation to the data cut-off"]);
    doc.followUp = { maximumMonths: 22.1, sorce: "x" };
    expect(trialFileProblems(doc, vocabulary)).toEqual(["followUp.sorce: unknown field; did you mean 'source'?"]);
    for (const followUp of [{ maximumMonths: 22.1 }, { accrualMonths: 35, followUpMonths: 22 }, { accrualMonths: 35, followUpMonths: 22, maximumMonths: 40 }]) {
      doc.followUp = followUp;
      expect(trialFileProblems(doc, vocabulary)).toEqual([]);
    }
  });

  it("trialFileJsonSchema() is the committed data/validation/trial.schema.json", () => {
    const committed = JSON.parse(readFileSync(new URL("../../data/validation/trial.schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(trialFileJsonSchema());
  });
});
