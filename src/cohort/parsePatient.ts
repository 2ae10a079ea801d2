import { InputError } from "../util/InputError.js";
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

type FieldKind =
  | { readonly kind: "number"; readonly min: number; readonly max?: number; readonly exclusiveMin?: boolean; readonly integer?: boolean }
  | { readonly kind: "enum"; readonly values: readonly string[] }
  | { readonly kind: "boolean" };

/** One accepted field of a patient JSON: what it must be and, when optional, its default. */
export interface PatientFieldSpec {
  readonly name: string;
  readonly type: FieldKind;
  /** Absent: the field is required (enetsType: required unless lobesInvolved is given). */
  readonly default?: number | string | boolean;
  readonly description: string;
}

/** The fields `parsePatient` accepts, in the order the help text lists them. */
export const patientFields: readonly PatientFieldSpec[] = Object.freeze([
  { name: "age", type: { kind: "number", min: 0, max: 120 }, description: "years (transplant: < 60)" },
  { name: "sex", type: { kind: "enum", values: Sexes }, default: "female", description: "no rule uses it" },
  { name: "primarySite", type: { kind: "enum", values: PrimarySites }, description: "orders staged surgery (head: liver first)" },
  { name: "syndrome", type: { kind: "enum", values: Syndromes }, default: "none", description: "\"none\" = non-functional" },
  { name: "ki67", type: { kind: "number", min: 0, max: 100 }, description: "Ki-67 index, %" },
  { name: "mitoses", type: { kind: "number", min: 0 }, default: 0, description: "per 10 HPF; default 0 grades by Ki-67 alone" },
  { name: "differentiation", type: { kind: "enum", values: Differentiations }, default: "well", description: "\"poor\" = NEC" },
  { name: "enetsType", type: { kind: "enum", values: EnetsTypes }, description: "ENETS type; derived from lobesInvolved and contralateralSatellites when absent" },
  { name: "lobesInvolved", type: { kind: "number", min: 1, max: 2, integer: true }, default: 1, description: "1 or 2 lobes carrying the metastases (used only when enetsType is absent)" },
  { name: "contralateralSatellites", type: { kind: "boolean" }, default: false, description: "small satellites in the other lobe (used only when enetsType is absent)" },
  { name: "lesionCount", type: { kind: "number", min: 1, integer: true }, description: "number of liver lesions" },
  { name: "largestLesionCm", type: { kind: "number", min: 0, exclusiveMin: true }, description: "largest liver lesion, cm" },
  { name: "liverInvolvementPct", type: { kind: "number", min: 0, max: 100 }, description: "% of liver volume involved" },
  { name: "extrahepaticDisease", type: { kind: "boolean" }, default: false, description: "" },
  { name: "adequateLiverReserve", type: { kind: "boolean" }, default: true, description: "" },
  { name: "seriousComorbidity", type: { kind: "boolean" }, default: false, description: "true = cannot tolerate surgery" },
  { name: "sstrPositive", type: { kind: "boolean" }, default: false, description: "somatostatin-receptor positive (SSA, PRRT need it)" },
  { name: "primaryResected", type: { kind: "boolean" }, default: false, description: "" },
  { name: "monthsStable", type: { kind: "number", min: 0 }, default: 0, description: "months stable on treatment" },
  { name: "expectedCytoreductionPct", type: { kind: "number", min: 0, max: 100 }, default: 0, description: "cytoreduction expected from debulking, %" },
  { name: "primarySymptomatic", type: { kind: "boolean" }, default: false, description: "primary bleeds or obstructs" },
] satisfies readonly PatientFieldSpec[]);

function expectation(type: FieldKind): string {
  if (type.kind === "boolean") return "true or false";
  if (type.kind === "enum") return `one of ${type.values.map((v) => JSON.stringify(v)).join(", ")}`;
  const noun = type.integer ? "an integer" : "a number";
  if (type.max !== undefined) return `${noun} from ${type.min} to ${type.max}`;
  return type.exclusiveMin ? `${noun} greater than ${type.min}` : `${noun} >= ${type.min}`;
}

function valid(type: FieldKind, value: unknown): boolean {
  if (type.kind === "boolean") return typeof value === "boolean";
  if (type.kind === "enum") return typeof value === "string" && type.values.includes(value);
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (type.integer && !Number.isInteger(value)) return false;
  if (type.exclusiveMin ? value <= type.min : value < type.min) return false;
  return type.max === undefined || value <= type.max;
}

/**
 * Validates a patient JSON (already parsed) and returns a frozen {@link Patient}. Every problem is reported
 * at once in one InputError whose lines name the field and the expectation, e.g.
 * `patient.ki67: expected a number from 0 to 100, got 140`. Unknown fields are errors (a typo must not
 * silently become a default). Optional fields take the defaults of {@link patientFields}; `enetsType` is derived
 * from `lobesInvolved` and `contralateralSatellites` when absent (and must agree with them when both are given;
 * `contralateralSatellites` alone must agree too: satellites mean type II).
 * `label` prefixes the field names. Browser-safe; O(fields).
 */
export function parsePatient(json: unknown, label = "patient"): Patient {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError(`${label}: expected a JSON object of patient fields, got ${Array.isArray(json) ? "an array" : JSON.stringify(json)}`);
  }
  const record = json as Record<string, unknown>;
  const problems: string[] = [];
  const names = patientFields.map((f) => f.name);
  for (const key of Object.keys(record)) {
    if (names.includes(key)) continue;
    const near = names.find((n) => n.toLowerCase() === key.toLowerCase());
    problems.push(`${label}.${key}: unknown field${near !== undefined ? `; did you mean '${near}'?` : ` (known: ${names.join(", ")})`}`);
  }
  const values: Record<string, unknown> = {};
  for (const field of patientFields) {
    const value = record[field.name];
    if (value === undefined || value === null) {
      if (field.default !== undefined) values[field.name] = field.default;
      else if (field.name !== "enetsType") problems.push(`${label}.${field.name}: required, expected ${expectation(field.type)}`);
      continue;
    }
    if (!valid(field.type, value)) problems.push(`${label}.${field.name}: expected ${expectation(field.type)}, got ${JSON.stringify(value)}`);
    else values[field.name] = value;
  }
  const hasPattern = record.lobesInvolved !== undefined && record.lobesInvolved !== null;
  const given = record.enetsType ?? undefined;
  if (given === undefined && !hasPattern) {
    problems.push(`${label}.enetsType: required unless lobesInvolved (and contralateralSatellites) are given, expected ${expectation({ kind: "enum", values: EnetsTypes })}`);
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
