import { type FieldSpec, specField } from "./fieldSpec.js";
import { EnetsTypes, Grades, PrimarySites } from "./Patient.js";

const idPattern = "^[A-Za-z][A-Za-z0-9]*([.-][A-Za-z0-9]+)*$";

const byGrade = <const R extends FieldSpec>(range: R) => specField.object({ G1: range, G2: range, G3: range, NEC: range }, { description: "one entry per WHO 2022 grade" });
const byEnetsType = <const R extends FieldSpec>(range: R) => specField.object({ I: range, II: range, III: range }, { description: "one entry per ENETS liver-metastasis type" });

/**
 * The field table of a scenario file (data/scenarios/*.json). {@link parseScenario} checks a document against it
 * and {@link scenarioJsonSchema} turns it into the JSON Schema that editors use to autocomplete scenario files;
 * `Scenario` is its TypeScript type. Every default number of data/scenarios/default.json names its provenance
 * (an evidence figure or a labelled assumption) in the scenario's `sources`.
 */
export const scenarioSpec = specField.object(
  {
    name: specField.string({ description: "Short name of the scenario (lower case, digits and dashes)", pattern: "^[a-z0-9][a-z0-9-]*$" }),
    description: specField.string({ description: "What the scenario represents, in a sentence or two", minLength: 1 }),
    seed: specField.integer({ description: "Master seed of the random numbers; the same seed gives the same patients and outcomes", minimum: 0, maximum: 4294967295 }),
    strategies: specField.array(specField.string({ description: "A strategy id (see `pnen-sim strategies`)", pattern: idPattern }), {
      description: "The treatment strategies to compare; every patient goes through each (common random numbers)",
      minItems: 1,
      uniqueItems: true,
    }),
    referenceStrategy: specField.string({ description: "The strategy the hazard ratios are computed against; one of `strategies`", pattern: idPattern }),
    cohort: specField.object(
      {
        size: specField.integer({ description: "Number of synthetic patients (each goes through every strategy)", minimum: 1, maximum: 100000000 }),
        ageYears: specField.object(
          {
            mean: specField.number({ description: "mean age before truncation, years", minimum: 0, maximum: 120 }),
            sd: specField.number({ description: "standard deviation before truncation, years", exclusiveMinimum: 0 }),
            min: specField.number({ description: "youngest age, years", minimum: 0, maximum: 120 }),
            max: specField.number({ description: "oldest age, years", minimum: 0, maximum: 120 }),
          },
          { description: "Age at the treatment decision: a normal distribution truncated to [min, max], whole years", ordered: ["min", "max"] },
        ),
        femaleShare: specField.share("Share of women"),
        primarySite: specField.mix(PrimarySites, "Site of the primary tumour in the pancreas"),
        functionalShare: specField.share("Share of functional tumours (F-pNEN) when functionalShareByGrade is not given; the review gives 57.1% of all pNEN in China (ref. 2)"),
        functionalSyndrome: specField.mix(["insulinoma", "gastrinoma", "other"] as const, "Hormonal syndrome among functional tumours"),
        functionalShareByGrade: specField.object(
          { G1: specField.share("share functional among G1"), G2: specField.share("share functional among G2"), G3: specField.share("share functional among G3 NET"), NEC: specField.share("share functional among NEC") },
          { description: "Share of functional tumours within each grade (insulinoma is mostly benign G1, NEC rarely functional); when given, it replaces functionalShare", optional: true },
        ),
        functionalSyndromeByGrade: specField.object(
          {
            G1: specField.mix(["insulinoma", "gastrinoma", "other"] as const, "syndrome mix of functional G1 tumours"),
            G2: specField.mix(["insulinoma", "gastrinoma", "other"] as const, "syndrome mix of functional G2 tumours"),
            G3: specField.mix(["insulinoma", "gastrinoma", "other"] as const, "syndrome mix of functional G3 NET"),
            NEC: specField.mix(["insulinoma", "gastrinoma", "other"] as const, "syndrome mix of functional NEC"),
          },
          { description: "Hormonal syndrome among functional tumours, within each grade; when given, it replaces functionalSyndrome", optional: true },
        ),
        grade: specField.mix(Grades, "WHO 2022 grade mix (NEC = poorly differentiated carcinoma)"),
        ki67ByGrade: byGrade(specField.range("Ki-67 within the grade, percent: log-uniform on [min, max], rounded to 0.1", { minimum: 0, maximum: 100, unit: "%" })),
        mitosesByGrade: byGrade(specField.range("Mitoses per 10 HPF within the grade: uniform whole numbers in [min, max]", { minimum: 0, maximum: 1000, integer: true, unit: "per 10 HPF" })),
        enetsType: specField.mix(EnetsTypes, "ENETS liver-metastasis type mix (I single lobe, II mainly one lobe with satellites, III bilobar diffuse)"),
        lesionCountByType: byEnetsType(specField.range("Number of liver lesions: uniform whole numbers in [min, max]", { minimum: 1, maximum: 1000, integer: true, unit: "lesions" })),
        largestLesionCmByType: byEnetsType(specField.range("Largest liver lesion, cm: log-uniform on [min, max], rounded to 0.1", { minimum: 0.1, unit: "cm" })),
        liverInvolvementPctByType: byEnetsType(specField.range("Share of the liver volume involved, percent: uniform on [min, max], whole numbers", { minimum: 0, maximum: 100, unit: "%" })),
        extrahepaticDiseaseShare: specField.share("Share with extrahepatic disease"),
        adequateLiverReserveShare: specField.share("Share with adequate liver reserve"),
        seriousComorbidityShare: specField.share("Share with a serious comorbidity"),
        sstrPositiveByGrade: byGrade(specField.share("Share SSTR-positive on functional imaging, within the grade")),
        primaryResectedShare: specField.share("Share whose primary tumour has already been resected"),
        primarySymptomaticShare: specField.share("Share whose primary bleeds or obstructs the bile duct or gut (review §1.3)"),
        monthsStable: specField.range("Months of stable disease on treatment so far: uniform whole numbers in [min, max]", { minimum: 0, maximum: 600, integer: true, unit: "months" }),
        expectedCytoreductionPct: specField.range("Cytoreduction expected if debulked, percent: uniform whole numbers in [min, max]", { minimum: 0, maximum: 100, integer: true, unit: "%" }),
      },
      { description: "The synthetic cohort: its size and the distributions of the patient characteristics" },
    ),
    followUp: specField.object(
      {
        accrualMonths: specField.number({ description: "Staggered accrual: patients enter uniformly over this many months (0 = all at once)", minimum: 0 }),
        additionalFollowUpMonths: specField.number({
          description: "Administrative censoring: the analysis happens this many months after the last patient enters; leave out for no administrative censoring",
          exclusiveMinimum: 0,
          optional: true,
        }),
        lossToFollowUpPerYear: specField.number({ description: "Probability of loss to follow-up per year (constant hazard)", minimum: 0, exclusiveMaximum: 1 }),
      },
      { description: "Censoring: staggered accrual, administrative censoring and loss to follow-up" },
    ),
    structure: specField.enum(["sequencing", "sum-of-lines"] as const, {
      description:
        "Outcome-model structure: \"sequencing\" (default: lines with attrition between them, competing deaths from the disease and other causes, one post-progression model, a shared frailty; baselines calibrated on each figure's population) or \"sum-of-lines\" (the earlier model: every planned line's PFS added up, post-progression survival back-solved from single-line OS, calibrated on this scenario's cohort)",
      optional: true,
    }),
    evidence: specField.object(
      {
        set: specField.enum(["review", "trials"] as const, { description: "Evidence set for every treatment that has a randomised-trial figure: the review's figures (default) or the primary randomised trials'", optional: true }),
        treatments: specField.record(specField.enum(["review", "trials"] as const, { description: "review or trials" }), { description: "Per treatment id (e.g. surufatinib), the evidence set, overriding `set`", optional: true }),
      },
      { description: "Which figure drives each treatment's PFS: the review's (default) or a primary randomised trial's (CAPTEM E2211, surufatinib SANET-p, everolimus RADIANT-3, sunitinib A6181111, best supportive care RADIANT-3 placebo)", optional: true },
    ),
    lifeTable: specField.string({ description: "Life table for deaths from other causes (data/evidence/lifeTables.json; default us-2014); sequencing structure only", pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", optional: true }),
    calibrationCohortSize: specField.integer({
      description: "Patients in each single-treatment calibration cohort of the sum-of-lines structure (default 20,000; the sequencing structure calibrates on the registry's own cohorts)",
      minimum: 1000,
      maximum: 10000000,
      optional: true,
    }),
    sources: specField.record(specField.string({ description: "An evidence-figure or assumption id", pattern: idPattern }), {
      description: "Provenance of the numbers: field path (e.g. `cohort.functionalShare`, `cohort.grade`) → the evidence figure or labelled assumption it comes from",
      optional: true,
    }),
  },
  { description: "A pnen-sim scenario: the synthetic cohort, its follow-up and the strategies to compare" },
);
