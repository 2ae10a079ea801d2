import { type FieldSpec, type ObjectField, specField } from "../cohort/fieldSpec.js";
import { evidenceCurveDistributions } from "./EvidenceCurve.js";
import { effectKinds, sourceCheckStatuses } from "./EvidenceFigure.js";
import { populationGrades } from "./PopulationSpec.js";
import { treatmentKinds } from "./Treatment.js";

type Fields = Readonly<Record<string, FieldSpec>>;
type RecordSpec = ObjectField<Fields>;

const idPattern = "^[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)*$";
const idText = 'a dot-separated id of letters and digits ("captem.pfs.median")';
const doiPatternText = "^10\\.\\d{4,9}/\\S*[^\\s.,;?]$";
const doiText = 'a well-formed DOI ("10.1200/JCO.2016.68.0702", no "doi:" prefix, no trailing punctuation)';
/** A data/-relative path of a CSV file, without `..` (the loader reads nothing outside data/). */
const curveIpdPatternText = "^(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9_][A-Za-z0-9._/-]*\\.csv$";

const text = (description: string, optional = false) => ({ kind: "string", pattern: "\\S", expected: "a non-empty string", description, ...(optional ? { optional: true } : {}) }) as const;
const number = (description: string, optional = false) => ({ kind: "number", description, ...(optional ? { optional: true } : {}) }) as const;
const id = (description: string) => specField.string({ description, pattern: idPattern, expected: idText });
const section = specField.string({ description: "Section of the review", pattern: "^(intro|[1-4](\\.[1-9])?)$", expected: 'a section of the review: "intro", "1" … "4" or "1.1" … "3.5"' });
const refs = specField.array(specField.integer({ description: "a reference number of the review", minimum: 1 }), { description: "Reference numbers of the review (references.json)" });
const dois = specField.array(specField.string({ description: "a DOI", pattern: doiPatternText, expected: doiText }), { description: "DOIs of the cited references" });
const booleanOrMixed = (description: string) =>
  specField.anyOf([specField.boolean({ description: "true or false" }), specField.enum(["mixed"] as const, { description: "a mixed population" })], { description, expected: 'true, false or "mixed"' });
const pValue = specField.number({ description: "P value", minimum: 0, maximum: 1, optional: true, expected: "a P value from 0 to 1" });
const share = (description: string) => specField.number({ description, minimum: 0, maximum: 1, optional: true, expected: "a share from 0 to 1" });

/** value, or low and high (both), or all three: the figure's point estimate and range (checked by the parser). */
const rangeFields = {
  value: number("Point value (or give low and high)", true),
  low: number("Lower end of the range (with high)", true),
  high: number("Upper end of the range (with low)", true),
} as const;

/** The structured population of a figure or assumption (`readPopulationSpec`). */
export const populationSpecSpec = specField.object(
  {
    grades: specField.object(Object.fromEntries(populationGrades.map((grade) => [grade, specField.number({ description: `share of ${grade}`, minimum: 0, optional: true })])) as Fields, {
      description: "WHO grade mix (grades left out have share 0); the shares must add up to 1",
      optional: true,
    }),
    line: specField.integer({ description: "Treatment line of the population (1 = first)", minimum: 1 }),
    progressive: booleanOrMixed("Progressive disease at entry"),
    site: specField.enum(["pancreas", "mixed", "extrapancreatic"] as const, { description: "Primary site of the population" }),
    country: text("Where the patients were treated"),
    n: specField.integer({ description: "Patients", minimum: 1, optional: true }),
    functionalShare: share("Share of functional tumours"),
    sstrPositiveShare: share("Share SSTR-positive"),
    extrahepaticDiseaseShare: share("Share with extrahepatic disease"),
    seriousComorbidityShare: share("Share with serious comorbidity"),
    ki67Max: specField.number({ description: "Upper Ki-67 limit of entry, %", minimum: 0, optional: true }),
    ageMax: specField.number({ description: "Upper age limit of entry, years", minimum: 18, optional: true }),
    note: text("A note", true),
  },
  { description: "The figure's population in fields the model can use" },
);

/** A figure's whole survival curve (`readEvidenceCurve`): ipd, fit, or both. */
export const evidenceCurveSpec = specField.object(
  {
    distribution: specField.enum(evidenceCurveDistributions, { description: "The chosen parametric family" }),
    source: text("How the curve was obtained"),
    followUpMonths: specField.number({ description: "How far the data reach, months", exclusiveMinimum: 0, expected: "a positive number of months" }),
    ipd: specField.string({ description: "Reconstructed patient data: a CSV path relative to data/", pattern: curveIpdPatternText, expected: 'a CSV path relative to data/ ("curves/my-curve/ipd.csv")', optional: true }),
    fit: specField.object(
      {
        parameterNames: specField.array(specField.string({ description: "a parameter name" }), { description: "As pnen-sim fit --json gives them for the distribution" }),
        estimates: specField.array(specField.number({ description: "an estimate" }), { description: "Maximum-likelihood estimates, one per parameter", minItems: 1 }),
        covariance: specField.array(specField.array(specField.number({ description: "a covariance" }), { description: "a row" }), { description: "Covariance of the estimates (symmetric positive-definite), one row per parameter" }),
      },
      { description: "The fitted parameters and their covariance", optional: true },
    ),
  },
  { description: "A whole survival curve: patient data (ipd), fitted parameters (fit), or both" },
);

const sourceCheck = specField.object(
  { status: specField.enum(sourceCheckStatuses, { description: "What checking the figure against its source found" }), note: text("What was checked") },
  { description: "The check of the figure against its source" },
);
const ci = specField.object(
  { lower: number("lower limit"), upper: number("upper limit"), level: number("confidence level, e.g. 0.95") },
  { description: "The confidence interval the source reports for value (0 < lower <= value <= upper, 0 < level < 1)", optional: true },
);
const figureCommon = {
  unit: text("Unit of the value"),
  endpoint: text("What was measured"),
  treatment: specField.string({ description: "A treatment id from treatments.json, or null", pattern: "\\S", expected: "a non-empty string", nullable: true }),
  population: text("The population in words"),
  ci,
  events: specField.integer({ description: "Events behind a median (at most the population's n)", minimum: 1, optional: true }),
  curve: { ...evidenceCurveSpec, optional: true },
  design: text("Study design"),
  pancreasSpecific: booleanOrMixed("Pancreatic primaries only"),
  effectKind: specField.enum(effectKinds, { description: "What kind of figure it is" }),
  note: text("A note", true),
  sourceCheck,
} as const;

/** A figure of the review (data/evidence/figures.json). */
export const reviewFigureSpec = specField.object(
  {
    id: id("Dot-separated id"),
    ...rangeFields,
    ...figureCommon,
    populationSpec: { ...populationSpecSpec, optional: true },
    comparator: specField.object(
      { label: text("The comparator"), ...rangeFields, p: pValue },
      { description: "What the figure was compared with", optional: true },
    ),
    section,
    refs,
    dois,
    quote: text("The review's sentence, verbatim"),
  },
  { description: "A figure the review reports, with its provenance" },
);

/** A figure from outside the review (data/evidence/external.json) or an illustrative example (examples.json). */
export const outsideFigureSpec = specField.object(
  {
    evidenceSet: specField.enum(["external", "example"] as const, { description: "external: published outside the review; example: illustrative, NOT evidence" }),
    id: id('Dot-separated id starting with "external." or "example."'),
    ...rangeFields,
    ...figureCommon,
    populationSpec: populationSpecSpec,
    comparator: specField.object({ label: text("The comparator"), value: number("Its value", true), p: pValue }, { description: "What the figure was compared with", optional: true }),
    source: text("Citation of the source"),
    dois: { ...dois, description: "DOIs of the source (at least one for an external figure)" },
  },
  { description: "A figure from outside the review, with its own source" },
);

export const referenceSpec = specField.object(
  {
    number: specField.integer({ description: "Number in the review's reference list", minimum: 1 }),
    authors: text("Authors"),
    authorsLatin: text("Authors in Latin script", true),
    title: text("Title"),
    titleEnglish: text("Title in English", true),
    journal: text("Journal"),
    journalEnglish: text("Journal in English", true),
    year: specField.integer({ description: "Year", minimum: 1900 }),
    volume: text("Volume", true),
    pages: text("Pages", true),
    doi: specField.string({ description: "DOI, or null when it has none", pattern: doiPatternText, expected: doiText, nullable: true }),
    doiAsPrinted: text("The DOI as the review prints it, when it differs", true),
    language: specField.enum(["en", "zh"] as const, { description: "Language" }),
    note: text("A note", true),
  },
  { description: "A reference of the review" },
);

export const sourceDocumentSpec = specField.object(
  {
    id: text("Id"),
    authors: text("Authors"),
    title: text("Title"),
    titleEnglish: text("Title in English"),
    journal: text("Journal"),
    year: specField.integer({ description: "Year", minimum: 1900 }),
    doi: specField.string({ description: "DOI", pattern: doiPatternText, expected: doiText }),
    note: text("A note", true),
  },
  { description: "The review itself", optional: true },
);

export const thresholdSpec = specField.object(
  { id: id("Dot-separated id"), value: number("Value"), unit: text("Unit"), rule: text("The rule in words"), section, refs, note: text("A note", true) },
  { description: "A threshold of a rule of the review" },
);

export const treatmentSpec = specField.object(
  { id: id("Dot-separated id"), name: text("Name"), kind: specField.enum(treatmentKinds, { description: "Kind of treatment" }), note: text("A note", true) },
  { description: "A treatment" },
);

export const assumptionSpec = specField.object(
  {
    id: id("Dot-separated id"),
    ...rangeFields,
    unit: text("Unit"),
    rationale: specField.string({ description: "Why this value, in one line", pattern: "^[^\\r\\n]*\\S[^\\r\\n]*$", expected: "one line (no line breaks), not empty" }),
    source: text("Where the value comes from", true),
    usedBy: text("What uses it", true),
    note: text("A note", true),
    populationSpec: { ...populationSpecSpec, optional: true },
  },
  { description: "A labelled modelling assumption" },
);

export const lifeTableSpec = specField.object(
  {
    id: specField.string({ description: "Lower-case id with dashes", pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", expected: 'a lower-case id with dashes ("us-2014")' }),
    name: text("Name"),
    source: text("Source"),
    note: text("A note", true),
    firstAge: specField.integer({ description: "Age of the first entry, years", minimum: 0 }),
    probabilityOfDeath: specField.object(
      Object.fromEntries(
        (["male", "female"] as const).map((sex) => [
          sex,
          specField.array(specField.number({ description: "probability of death within the year", minimum: 0, maximum: 1, expected: "a probability from 0 to 1" }), {
            description: `q by single year of age, ${sex}`,
            minItems: 1,
          }),
        ]),
      ) as Fields,
      { description: "q by single year of age and sex, as many ages for each" },
    ),
  },
  { description: "A national period life table" },
);

/** A registry file's spec: `description`, the list of records under `key`, and (references.json) `source`. */
const registryFile = (key: string, record: FieldSpec, extra: Fields = {}): RecordSpec =>
  specField.object({ description: text("What the file holds"), [key]: specField.array(record, { description: `The ${key}`, expected: "an array of records" }), ...extra } as Fields, {
    description: `pnen-sim evidence registry: ${key}`,
  });

/** Every kind of registry file, by its key: what {@link parseRegistry} reads and the schemas of data/schemas/evidence-*.schema.json. */
export const registryFileSpecs = {
  figures: registryFile("figures", specField.anyOf([reviewFigureSpec, outsideFigureSpec], { description: "A figure: of the review, or (with evidenceSet) external or example" })),
  references: registryFile("references", referenceSpec, { source: sourceDocumentSpec }),
  thresholds: registryFile("thresholds", thresholdSpec),
  treatments: registryFile("treatments", treatmentSpec),
  assumptions: registryFile("assumptions", assumptionSpec),
  lifeTables: registryFile("lifeTables", lifeTableSpec),
} as const satisfies Readonly<Record<string, RecordSpec>>;
