import { InputError } from "../util/InputError.js";
import { describeValue, fieldExpectation, validateField, type FieldSpec, type ObjectField } from "./fieldSpec.js";
import { Differentiations, EnetsTypes, PrimarySites, Sexes, Syndromes, type EnetsType, type Patient } from "./Patient.js";

/** The liver-metastasis pattern from which the ENETS type is derived. */
export interface MetastasisPattern {
  /** Liver lobes carrying the bulk of the metastases: 1 or 2. */
  readonly lobesInvolved: number;
  /** Small satellite lesions in the contralateral lobe. */
  readonly contralateralSatellites: boolean;
}

/**
 * ENETS type of pNEN liver metastases (review, introduction, ref. 11): type I — confined to one lobe (or two
 * adjacent segments); type II — mainly in one lobe with small satellites in the other lobe; type III — diffuse
 * bilobar spread. Mapping: contralateral satellites make type II whether the bulk was reported as one lobe or
 * two; otherwise one lobe is type I and two lobes type III. O(1). (Re-exported by src/rules as `enetsType`.)
 */
export function enetsTypeFromPattern(pattern: MetastasisPattern): EnetsType {
  if (pattern.contralateralSatellites) return "II";
  return pattern.lobesInvolved >= 2 ? "III" : "I";
}

/** A number field of a patient, its bounds in the words of the messages ("a number from 0 to 100"). */
function patientNumber(description: string, bounds: { min: number; max?: number; exclusiveMin?: boolean; integer?: boolean }, fallback?: number): FieldSpec {
  const noun = bounds.integer ? "an integer" : "a number";
  const expected = bounds.max !== undefined ? `${noun} from ${bounds.min} to ${bounds.max}` : bounds.exclusiveMin ? `${noun} > ${bounds.min}` : `${noun} >= ${bounds.min}`;
  return {
    kind: "number",
    description,
    expected,
    ...(bounds.integer ? { integer: true } : {}),
    ...(bounds.exclusiveMin ? { exclusiveMinimum: bounds.min } : { minimum: bounds.min }),
    ...(bounds.max !== undefined ? { maximum: bounds.max } : {}),
    ...(fallback !== undefined ? { optional: true, nullable: true, default: fallback } : {}),
  };
}
const patientEnum = (values: readonly string[], description: string, fallback?: string): FieldSpec => ({
  kind: "enum",
  values,
  description,
  ...(fallback !== undefined ? { optional: true, nullable: true, default: fallback } : {}),
});
const patientBoolean = (description: string, fallback: boolean): FieldSpec => ({ kind: "boolean", description, optional: true, nullable: true, default: fallback });

/**
 * The fields of a patient JSON (`pnen-sim explain --patient`), from which {@link parsePatient} checks a patient
 * and `patientJsonSchema` writes data/schemas/patient.schema.json. Optional fields carry their default (null
 * also means the default); `enetsType` is required unless `lobesInvolved` is given (a cross-field rule the
 * schema states in words).
 */
export const patientSpec = {
  kind: "object",
  description: "One patient with pNEN liver metastases, as pnen-sim explain reads it (enetsType is required unless lobesInvolved is given)",
  expected: "a JSON object of patient fields",
  fields: {
    age: patientNumber("years (transplant: < 60)", { min: 0, max: 120 }),
    sex: patientEnum(Sexes, "no rule uses it", "female"),
    primarySite: patientEnum(PrimarySites, "orders staged surgery (head: liver first)"),
    syndrome: patientEnum(Syndromes, '"none" = non-functional', "none"),
    ki67: patientNumber("Ki-67 index, %", { min: 0, max: 100 }),
    mitoses: patientNumber("per 10 HPF; default 0 grades by Ki-67 alone", { min: 0 }, 0),
    differentiation: patientEnum(Differentiations, '"poor" = NEC', "well"),
    enetsType: { kind: "enum", values: EnetsTypes, optional: true, nullable: true, description: "ENETS type; derived from lobesInvolved and contralateralSatellites when absent" },
    lobesInvolved: patientNumber("1 or 2 lobes carrying the metastases (used only when enetsType is absent)", { min: 1, max: 2, integer: true }, 1),
    contralateralSatellites: patientBoolean("small satellites in the other lobe (used only when enetsType is absent)", false),
    lesionCount: patientNumber("number of liver lesions", { min: 1, integer: true }),
    largestLesionCm: patientNumber("largest liver lesion, cm", { min: 0, exclusiveMin: true }),
    liverInvolvementPct: patientNumber("% of liver volume involved", { min: 0, max: 100 }),
    extrahepaticDisease: patientBoolean("", false),
    adequateLiverReserve: patientBoolean("", true),
    seriousComorbidity: patientBoolean("true = cannot tolerate surgery", false),
    sstrPositive: patientBoolean("somatostatin-receptor positive (SSA, PRRT need it)", false),
    primaryResected: patientBoolean("", false),
    monthsStable: patientNumber("months stable on treatment", { min: 0 }, 0),
    expectedCytoreductionPct: patientNumber("cytoreduction expected from debulking, %", { min: 0, max: 100 }, 0),
    primarySymptomatic: patientBoolean("primary bleeds or obstructs", false),
  },
} as const satisfies ObjectField<Readonly<Record<string, FieldSpec>>>;

/** One accepted field of a patient JSON: what it must be and, when optional, its default. */
export interface PatientFieldSpec {
  readonly name: string;
  /** The field's entry in {@link patientSpec}. */
  readonly type: FieldSpec;
  /** Absent: the field is required (enetsType: required unless lobesInvolved is given). */
  readonly default?: number | string | boolean;
  readonly description: string;
}

/** The fields `parsePatient` accepts, in the order the help text lists them (read from {@link patientSpec}). */
export const patientFields: readonly PatientFieldSpec[] = Object.freeze(
  Object.entries(patientSpec.fields).map(([name, type]: [string, FieldSpec]) => ({ name, type, ...(type.default !== undefined ? { default: type.default } : {}), description: type.description })),
);

/**
 * Validates a patient JSON (already parsed) and returns a frozen {@link Patient}. Every problem is reported
 * at once in one InputError whose lines name the field and the expectation, e.g.
 * `patient.ki67: expected a number from 0 to 100, got 140`. Unknown fields are errors (a typo must not
 * silently become a default). Checked against {@link patientSpec}; optional fields take its defaults; `enetsType` is derived
 * from `lobesInvolved` and `contralateralSatellites` when absent (and must agree with them when both are given;
 * `contralateralSatellites` alone must agree too: satellites mean type II).
 * `label` prefixes the field names. Browser-safe; O(fields).
 */
export function parsePatient(json: unknown, label = "patient"): Patient {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError(`${label}: expected ${patientSpec.expected}, got ${describeValue(json)}`);
  }
  const record = json as Record<string, unknown>;
  const problems: string[] = [];
  validateField(patientSpec, record, label, problems, true);
  const values: Record<string, unknown> = {};
  for (const field of patientFields) values[field.name] = record[field.name] ?? field.default;
  const hasPattern = record.lobesInvolved !== undefined && record.lobesInvolved !== null;
  const given = record.enetsType ?? undefined;
  if (given === undefined && !hasPattern) {
    problems.push(`${label}.enetsType: required unless lobesInvolved (and contralateralSatellites) are given, expected ${fieldExpectation(patientSpec.fields.enetsType)}`);
  }
  if (problems.length === 0) {
    const derived = enetsTypeFromPattern({ lobesInvolved: values.lobesInvolved as number, contralateralSatellites: values.contralateralSatellites as boolean });
    if (given === undefined) values.enetsType = derived;
    else if (hasPattern && given !== derived) {
      problems.push(`${label}.enetsType: "${String(given)}" disagrees with lobesInvolved ${String(values.lobesInvolved)} and contralateralSatellites ${String(values.contralateralSatellites)} (type ${derived}); give one or the other`);
    } else if (!hasPattern && record.contralateralSatellites !== undefined && record.contralateralSatellites !== null && (values.contralateralSatellites === true) !== (given === "II")) {
      // Without lobesInvolved the satellites alone still decide type II (ref. 11): they must agree with a given type.
      problems.push(`${label}.enetsType: "${String(given)}" disagrees with contralateralSatellites ${String(values.contralateralSatellites)} (contralateral satellites mean type II, and type II means contralateral satellites); give one or the other`);
    }
  }
  if (problems.length > 0) throw new InputError(problems.length === 1 ? problems[0] : `${label}: ${problems.length} invalid fields`, problems.length === 1 ? [] : problems);
  return Object.freeze({
    age: values.age as number,
    sex: values.sex as Patient["sex"],
    primarySite: values.primarySite as Patient["primarySite"],
    syndrome: values.syndrome as Patient["syndrome"],
    ki67: values.ki67 as number,
    mitoses: values.mitoses as number,
    differentiation: values.differentiation as Patient["differentiation"],
    enetsType: values.enetsType as Patient["enetsType"],
    lesionCount: values.lesionCount as number,
    largestLesionCm: values.largestLesionCm as number,
    liverInvolvementPct: values.liverInvolvementPct as number,
    extrahepaticDisease: values.extrahepaticDisease as boolean,
    adequateLiverReserve: values.adequateLiverReserve as boolean,
    seriousComorbidity: values.seriousComorbidity as boolean,
    sstrPositive: values.sstrPositive as boolean,
    primaryResected: values.primaryResected as boolean,
    monthsStable: values.monthsStable as number,
    expectedCytoreductionPct: values.expectedCytoreductionPct as number,
    primarySymptomatic: values.primarySymptomatic as boolean,
  });
}
