import { createIntegerKeyTable, integerKeyGet, integerKeySet } from "../util/integerKeyTable.js";

/**
 * A treatment pathway: the ordered steps one patient receives, grouped into lines of treatment.
 *
 * Steps with the same `line` are given together, in the order listed (e.g. symptom control, then conversion
 * therapy, then resection, then ablation). A new line starts when the previous line's disease progresses, so a
 * simulation walks the lines in order and draws one progression-free interval per line.
 *
 * Line 1 is the initial treatment: symptom control (functional tumours), conversion therapy, surgery and/or
 * liver-directed therapy — or, when none of these treats the liver (no treatment, or a resection of the primary
 * only), the first systemic treatment. Every later line is one systemic treatment. Every line holds at least one
 * step whose intent is not "symptom-control".
 */
export interface PathwayStep {
  /** A treatment id of data/evidence/treatments.json. */
  readonly treatment: TreatmentId;
  readonly intent: Intent;
  /** Line of treatment, from 1. */
  readonly line: number;
  /** Resections of primary and liver: which is operated on first (§1.1, ref. 14). */
  readonly order?: "liver-first" | "pancreas-first";
  /** Transarterial therapy given in stages because of large tumour burden (§2.2, ref. 34). */
  readonly staged?: true;
}

export const intents = ["curative", "cytoreductive", "conversion", "systemic", "symptom-control", "palliative"] as const;
export type Intent = (typeof intents)[number];

/** The treatment ids the rules can put in a pathway (all are in data/evidence/treatments.json). */
export const pathwayTreatments = [
  "radicalResection", "stagedResection", "debulking", "primaryResection", "liverTransplant",
  "ablation", "hae", "hace", "sirt", "conversionTherapy",
  "captem", "temozolomide", "platinumEtoposide", "everolimus", "sunitinib", "surufatinib", "prrt", "ssa", "interferonSsa",
  "glucoseControl", "ppi",
] as const;
export type TreatmentId = (typeof pathwayTreatments)[number];

/**
 * A pathway, frozen and shared: every patient with the same decisions gets the same object. `code` is a
 * non-negative integer that identifies it (see {@link pathwayFromCode}); `lineCount` is the last line number.
 */
export interface Pathway {
  readonly code: number;
  readonly steps: readonly PathwayStep[];
  readonly lineCount: number;
}

// ---- The plan: the decisions, as small integers, that determine a pathway. ----

export const Prep = { none: 0, glucoseControl: 1, ppi: 2, ssa: 3 } as const;
export const Surgery = { none: 0, radical: 1, staged: 2, debulking: 3, primaryFunctional: 4, primarySymptomatic: 5, transplant: 6 } as const;
export const Order = { none: 0, liverFirst: 1, pancreasFirst: 2 } as const;
export const Local = { none: 0, ablation: 1, hae: 2, hace: 3, sirt: 4 } as const;
/** Systemic treatments by code (0 = empty slot). */
export const systemicTreatments = [null, "captem", "temozolomide", "platinumEtoposide", "everolimus", "sunitinib", "surufatinib", "prrt", "ssa", "interferonSsa"] as const;
export const Sys = { captem: 1, temozolomide: 2, platinumEtoposide: 3, everolimus: 4, sunitinib: 5, surufatinib: 6, prrt: 7, ssa: 8, interferonSsa: 9 } as const;
export const maxSystemicLines = 6;

/** Mutable scratch for the decisions; reused by the hot path (one per caller, never shared across calls). */
export interface Plan {
  prep: number;
  conversion: number;
  surgery: number;
  order: number;
  local: number;
  localStaged: number;
  systemic: Uint8Array;
  systemicCount: number;
}

export function createPlan(): Plan {
  return { prep: 0, conversion: 0, surgery: 0, order: 0, local: 0, localStaged: 0, systemic: new Uint8Array(maxSystemicLines), systemicCount: 0 };
}

export function resetPlan(plan: Plan): void {
  plan.prep = 0;
  plan.conversion = 0;
  plan.surgery = 0;
  plan.order = 0;
  plan.local = 0;
  plan.localStaged = 0;
  plan.systemicCount = 0;
  // a plain loop: for six entries, a typed array's fill() builtin costs more than the stores (hot path)
  const systemic = plan.systemic;
  for (let i = 0; i < maxSystemicLines; i++) systemic[i] = 0;
}

/** Appends a systemic treatment unless it is already planned. */
export function pushSystemic(plan: Plan, code: number): void {
  for (let i = 0; i < plan.systemicCount; i++) if (plan.systemic[i] === code) return;
  if (plan.systemicCount < maxSystemicLines) plan.systemic[plan.systemicCount++] = code;
}

/** Puts a systemic treatment first, removing it from later in the plan. */
export function unshiftSystemic(plan: Plan, code: number): void {
  let write = 0;
  const kept = plan.systemic;
  for (let i = 0; i < plan.systemicCount; i++) if (kept[i] !== code) kept[write++] = kept[i];
  const count = Math.min(write, maxSystemicLines - 1);
  for (let i = count; i > 0; i--) kept[i] = kept[i - 1];
  kept[0] = code;
  plan.systemicCount = count + 1;
  for (let i = plan.systemicCount; i < maxSystemicLines; i++) kept[i] = 0;
}

/** Mixed-radix integer of a plan: the pathway code. No allocation. */
export function encodePlan(plan: Plan): number {
  let code = 0;
  for (let i = maxSystemicLines - 1; i >= 0; i--) code = code * 10 + plan.systemic[i];
  code = code * 2 + plan.localStaged;
  code = code * 5 + plan.local;
  code = code * 3 + plan.order;
  code = code * 7 + plan.surgery;
  code = code * 2 + plan.conversion;
  code = code * 4 + plan.prep;
  return code;
}

function decodePlan(code: number): Plan {
  const plan = createPlan();
  let rest = code;
  const take = (radix: number) => {
    const digit = rest % radix;
    rest = (rest - digit) / radix;
    return digit;
  };
  plan.prep = take(4);
  plan.conversion = take(2);
  plan.surgery = take(7);
  plan.order = take(3);
  plan.local = take(5);
  plan.localStaged = take(2);
  for (let i = 0; i < maxSystemicLines; i++) {
    plan.systemic[i] = take(10);
    if (plan.systemic[i] !== 0) plan.systemicCount = i + 1;
  }
  return plan;
}

const prepTreatments = [null, "glucoseControl", "ppi", "ssa"] as const;
const surgerySteps: readonly (readonly [TreatmentId, Intent] | null)[] = [
  null,
  ["radicalResection", "curative"],
  ["stagedResection", "curative"],
  ["debulking", "cytoreductive"],
  ["primaryResection", "cytoreductive"],
  ["primaryResection", "symptom-control"],
  ["liverTransplant", "curative"],
];
const localSteps: readonly (readonly [TreatmentId, Intent] | null)[] = [null, ["ablation", "cytoreductive"], ["hae", "palliative"], ["hace", "palliative"], ["sirt", "palliative"]];

/** Builds the steps of a plan (not on the hot path: once per distinct pathway). */
function buildPathway(code: number): Pathway {
  const plan = decodePlan(code);
  const steps: PathwayStep[] = [];
  const firstSystemic = plan.systemicCount > 0 ? systemicTreatments[plan.systemic[0]] : null;
  // Line 1 treats the liver disease when it has conversion therapy, hepatic surgery or liver-directed therapy;
  // systemic therapy then waits for progression. A resection of the primary alone leaves the liver untreated,
  // so the first systemic treatment joins it in line 1.
  const primaryOnly = plan.surgery === Surgery.primaryFunctional || plan.surgery === Surgery.primarySymptomatic;
  const hasLocalTreatment = plan.conversion === 1 || (plan.surgery !== Surgery.none && !primaryOnly) || plan.local !== Local.none;
  const prep = prepTreatments[plan.prep];
  // An SSA for symptom control is not listed twice when the first line is SSA anyway.
  if (prep !== null && !(prep === "ssa" && !hasLocalTreatment && firstSystemic === "ssa")) steps.push(Object.freeze({ treatment: prep, intent: "symptom-control", line: 1 }));
  if (plan.conversion === 1) steps.push(Object.freeze({ treatment: "conversionTherapy", intent: "conversion", line: 1 }));
  const surgery = surgerySteps[plan.surgery];
  if (surgery !== null) {
    const order = plan.order === Order.liverFirst ? "liver-first" : plan.order === Order.pancreasFirst ? "pancreas-first" : undefined;
    steps.push(Object.freeze({ treatment: surgery[0], intent: surgery[1], line: 1, ...(order !== undefined && { order }) }));
  }
  const local = localSteps[plan.local];
  if (local !== null) steps.push(Object.freeze({ treatment: local[0], intent: local[1], line: 1, ...(plan.localStaged === 1 && { staged: true as const }) }));
  let line = hasLocalTreatment ? 1 : 0;
  for (let i = 0; i < plan.systemicCount; i++) {
    const treatment = systemicTreatments[plan.systemic[i]];
    if (treatment === null) continue;
    line += 1;
    steps.push(Object.freeze({ treatment, intent: "systemic", line }));
  }
  return Object.freeze({ code, steps: Object.freeze(steps), lineCount: Math.max(1, line) });
}

// Memo of built pathways: code → index into `built` (an integer hash table; codes are below 2³¹).
const codeIndex = createIntegerKeyTable();
const built: Pathway[] = [];

/**
 * The pathway with this code, built on first use and shared afterwards (a memo table: there are a few
 * hundred distinct pathways in practice). O(1) after the first call for a code, no allocation.
 */
export function pathwayFromCode(code: number): Pathway {
  const index = integerKeyGet(codeIndex, code);
  if (index >= 0) return built[index]!;
  const pathway = buildPathway(code);
  integerKeySet(codeIndex, code, built.length);
  built.push(pathway);
  return pathway;
}
