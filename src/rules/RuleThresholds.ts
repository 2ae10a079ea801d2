import { InputError } from "../util/InputError.js";

/**
 * Where each number the rules use comes from: a threshold id in data/evidence/thresholds.json (stated by the
 * review) or an assumption id in data/assumptions/rules.json (a labelled choice where the review gives none).
 */
export const ruleThresholdSources = {
  /** NET G1 when Ki-67 < this (%). Intro, refs. 4–5. */
  g1Ki67Below: "who2022.g1.ki67.below",
  /** NET G2 when Ki-67 ≤ this (%), G3 above. Intro, refs. 4–5. */
  g2Ki67Upper: "who2022.g2.ki67.upper",
  /** NET G1 when mitoses < this per 10 HPF. Intro, refs. 4–5. */
  g1MitosesBelow: "who2022.g1.mitoses.below",
  /** NET G2 when mitoses ≤ this per 10 HPF, G3 above. Intro, refs. 4–5. */
  g2MitosesUpper: "who2022.g2.mitoses.upper",
  /** G3 NET: temozolomide-based below this Ki-67 (%), platinum-based at or above. §3.1, ref. 39. */
  platinumSplitKi67: "g3.ki67.platinumSplit",
  /** PRRT for selected G3 when Ki-67 > this (%). §3.4, refs. 18, 55. */
  prrtG3Ki67Lower: "prrt.g3.ki67.lower",
  /** PRRT for selected G3 when Ki-67 < this (%). §3.4, refs. 18, 55. */
  prrtG3Ki67Upper: "prrt.g3.ki67.upper",
  /** Debulking for type II G1/G2 when expected cytoreduction ≥ this (%). §1.1, refs. 15–17. */
  debulkingCytoreductionMin: "debulking.cytoreduction.min",
  /** Transplant: Ki-67 < this (%). §1.4, ref. 11. */
  transplantKi67Below: "transplant.ki67.below",
  /** Transplant: liver involvement < this (% of volume). §1.4, ref. 11. */
  transplantInvolvementBelow: "transplant.involvement.below",
  /** Transplant: stable ≥ this many months. §1.4, ref. 11. */
  transplantStableMin: "transplant.stable.min",
  /** Transplant: age < this (years). §1.4, ref. 11. */
  transplantAgeBelow: "transplant.age.below",
  /** Ablation: up to this many lesions count as "a single tumour" (1). §2.1. */
  ablationSingleMaxCount: "ablation.single.maxCount",
  /** Ablation: one lesion ≤ this diameter (cm). §2.1. */
  ablationSingleMaxDiameter: "ablation.single.maxDiameter",
  /** Ablation: from this many lesions (2) the multiple-lesion limits apply. §2.1. */
  ablationMultipleMinCount: "ablation.multiple.minCount",
  /** Ablation: 2 to this many lesions. §2.1. */
  ablationMultipleMaxCount: "ablation.multiple.maxCount",
  /** Ablation: several lesions, largest ≤ this diameter (cm). §2.1. */
  ablationMultipleMaxDiameter: "ablation.multiple.maxDiameter",
  /** SSA first line when Ki-67 < this (%). §3.5, ref. 62. */
  ssaFirstLineKi67Below: "ssa.firstLine.ki67.below",
  /** Assumption: "slow-growing" = stable ≥ this many months (§3.5 gives no figure). */
  slowGrowingMonthsStableMin: "rules.ssa.slowGrowing.monthsStable.min",
  /** Assumption: large hepatic tumour burden = involvement ≥ this (% of volume) (§2, §2.2 give no figure). */
  largeBurdenInvolvementMin: "rules.liverBurden.large.involvement.min",
  /** Assumption: staged (not synchronous) surgery when involvement ≥ this (% of volume) (§1.1 gives no figure). */
  stagedSurgeryInvolvementMin: "rules.surgery.staged.involvement.min",
} as const;

export type RuleThresholdName = keyof typeof ruleThresholdSources;

/**
 * The numbers the treatment rules compare against, as a plain frozen object (cheap to pass into the hot path
 * and to bundle as JSON for the browser). Build it once with {@link ruleThresholds}.
 */
export type RuleThresholds = { readonly [K in RuleThresholdName]: number };

/** A record with an id and a numeric value: a threshold or an assumption of the evidence registry. */
export interface NumberRecord {
  readonly id: string;
  readonly value?: number;
}

/**
 * Builds {@link RuleThresholds} from threshold and assumption records (e.g. `[...registry.thresholds,
 * ...registry.assumptions]`, or the parsed contents of thresholds.json and assumptions/rules.json).
 * Throws an InputError listing every id that is missing or has no numeric value. Runs in O(records).
 */
export function ruleThresholds(records: readonly NumberRecord[]): RuleThresholds {
  const byId = new Map<string, NumberRecord>();
  for (const record of records) byId.set(record.id, record);
  const result: Partial<Record<RuleThresholdName, number>> = {};
  const problems: string[] = [];
  for (const [name, id] of Object.entries(ruleThresholdSources) as [RuleThresholdName, string][]) {
    const record = byId.get(id);
    if (record === undefined) problems.push(`${id}: missing (needed for ${name})`);
    else if (typeof record.value !== "number" || !Number.isFinite(record.value)) problems.push(`${id}: expected a numeric value, got ${JSON.stringify(record.value)}`);
    else result[name] = record.value;
  }
  if (problems.length > 0) throw new InputError(`ruleThresholds: ${problems.length} threshold${problems.length === 1 ? "" : "s"} missing or invalid`, problems);
  // Built key by key, `result` is held by V8 as a slow dictionary; a spread copy is a fast object, and its
  // fields are read for every decision of every patient.
  return Object.freeze({ ...(result as Record<RuleThresholdName, number>) });
}
