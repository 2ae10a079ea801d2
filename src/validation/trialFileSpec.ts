import { specField } from "../cohort/fieldSpec.js";
import { trialFollowUpSpec } from "./trialFollowUp.js";

const idPattern = "^[A-Za-z][A-Za-z0-9]*([.-][A-Za-z0-9]+)*$";
const doiPatternText = "^10\\.\\d{4,9}/\\S*[^\\s.,;?]$";
const share = (description: string) => specField.number({ description, minimum: 0, maximum: 1, optional: true, nullable: true });

/** A published comparison of one endpoint: the arms' medians and the hazard ratio with its 95% CI, first arm vs second. */
const publishedEndpoint = (endpoint: string) =>
  specField.object(
    {
      medians: specField.record(specField.number({ description: "median, months", exclusiveMinimum: 0 }), {
        description: `Published median ${endpoint} per arm id, months (arms whose median was not reached are left out)`,
      }),
      hr: specField.object(
        {
          estimate: specField.number({ description: "hazard ratio, first arm vs second", exclusiveMinimum: 0 }),
          lower: specField.number({ description: "lower 95% confidence limit", exclusiveMinimum: 0 }),
          upper: specField.number({ description: "upper 95% confidence limit", exclusiveMinimum: 0 }),
        },
        { description: `Published hazard ratio for ${endpoint}, first arm vs second, with its 95% confidence interval (lower <= estimate <= upper)` },
      ),
      doi: specField.string({ description: `DOI of the publication the ${endpoint} figures come from (default: the trial's doi)`, pattern: doiPatternText, optional: true }),
      source: specField.string({ description: "Citation of that publication, and where in it the figures are", minLength: 1, optional: true }),
      note: specField.string({ description: "Anything a reader must know about these figures (interim analysis, stratified HR, assessment)", minLength: 1, optional: true }),
    },
    { description: `The published ${endpoint} result`, optional: true },
  );

/**
 * The field table of a trial file (data/validation/*.json, or any folder given to `pnen-sim validate --trials`):
 * one published randomised trial — its population, its two arms, crossover, and the published medians and hazard
 * ratios. `parseTrialFile` checks a document against it (plus the cross-field checks it cannot express) and
 * `trialFileJsonSchema` turns it into the JSON Schema editors use (data/validation/trial.schema.json).
 * Population fields left out or null are "as in the scenario's cohort".
 */
export const trialFileSpec = specField.object(
  {
    id: specField.string({ description: "Short id of the trial (lower case, digits and dashes), e.g. radiant-3", pattern: "^[a-z0-9][a-z0-9-]*$" }),
    title: specField.string({ description: "What the trial compared, in a line", minLength: 1 }),
    doi: specField.string({ description: "DOI of the trial's primary publication", pattern: doiPatternText }),
    dois: specField.array(specField.string({ description: "a DOI", pattern: doiPatternText }), {
      description: "DOIs of the trial's other publications (e.g. the final overall-survival report); every DOI of the trial is matched against the registry to detect circularity",
      optional: true,
      uniqueItems: true,
    }),
    citation: specField.string({ description: "Citation of the primary publication", minLength: 1, optional: true }),
    population: specField.object(
      {
        grades: specField.object(
          {
            G1: share("share of G1"),
            G2: share("share of G2"),
            G3: share("share of G3 NET"),
            NEC: share("share of NEC"),
          },
          { description: "WHO 2022 grade mix (grades left out or null have share 0; the shares must add up to 1); null: the scenario's", optional: true, nullable: true },
        ),
        ki67Max: specField.number({ description: "Upper limit of Ki-67 for entry, percent", minimum: 0, maximum: 100, optional: true, nullable: true }),
        functional: specField.boolean({ description: "true: functional tumours only; false: non-functional only; null: the scenario's share (or give functionalShare)", optional: true, nullable: true }),
        functionalShare: share("Share of functional tumours (instead of functional)"),
        sstrPositive: specField.boolean({ description: "true: SSTR-positive only; false: SSTR-negative only; null: the scenario's share (or give sstrPositiveShare)", optional: true, nullable: true }),
        sstrPositiveShare: share("Share SSTR-positive (instead of sstrPositive)"),
        progressive: specField.boolean({ description: "Progression required for entry (recorded; it does not change who is drawn)", optional: true, nullable: true }),
        priorSystemicLines: specField.record(specField.number({ description: "share of patients", minimum: 0, maximum: 1 }), {
          description: "Share of patients by the number of earlier systemic lines (keys 0-5, shares adding up to 1): a patient with k earlier lines starts the trial on line k + 1 (later-line hazard ratio, attrition); null: all on line 1",
          keyPattern: "^[0-5]$",
          optional: true,
          nullable: true,
        }),
        pancreatic: share("Share with a pancreatic primary (the model simulates pancreatic primaries only; a share below 1 is noted)"),
        ageMax: specField.number({ description: "Upper age limit for entry, years", minimum: 18, maximum: 120, optional: true, nullable: true }),
        country: specField.string({ description: "Where the trial recruited", minLength: 1, optional: true }),
        note: specField.string({ description: "How the population was read from the publication", minLength: 1, optional: true }),
      },
      { description: "The trial's population; fields left out or null are as in the scenario's cohort" },
    ),
    arms: specField.array(
      specField.object(
        {
          id: specField.string({ description: "Arm id, used by crossover and published", pattern: idPattern }),
          label: specField.string({ description: "Arm in words", minLength: 1, optional: true }),
          treatment: specField.string({ description: "A treatment id of the registry (pnen-sim evidence --kind treatments) or a strategy id (pnen-sim strategies)", pattern: idPattern }),
          n: specField.integer({ description: "Patients randomised to the arm", minimum: 1, maximum: 100000 }),
        },
        { description: "One arm" },
      ),
      { description: "The two arms: the first is the experimental one, and hazard ratios are first arm vs second", minItems: 2 },
    ),
    crossover: specField.object(
      {
        from: specField.string({ description: "The arm whose patients may cross over (usually the control)", pattern: idPattern }),
        to: specField.string({ description: "The treatment they cross over to: a treatment id, or the id of the other arm (its treatment)", pattern: idPattern }),
        share: specField.number({ description: "Share of the arm's patients who start the crossover treatment on progression (as published)", minimum: 0, maximum: 1 }),
        note: specField.string({ description: "Where the share comes from", minLength: 1, optional: true }),
      },
      { description: "Crossover on progression; null or left out: none", optional: true, nullable: true },
    ),
    subsequentStrategy: specField.string({
      description:
        "Later lines after the trial's treatment: each patient continues with the lines of their own pathway under this strategy, minus the lines taken as received before the trial and minus the trial's treatments; \"none\" for no later line (default \"review\")",
      pattern: idPattern,
      optional: true,
    }),
    followUp: trialFollowUpSpec,
    published: specField.object(
      { pfs: publishedEndpoint("PFS"), os: publishedEndpoint("OS") },
      { description: "The published results; at least one of pfs and os" },
    ),
    notes: specField.array(specField.string({ description: "a note", minLength: 1 }), { description: "Notes on the trial and how it is emulated", optional: true }),
  },
  { description: "A published randomised trial that pnen-sim validate emulates" },
);
