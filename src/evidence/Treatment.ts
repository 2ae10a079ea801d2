/** The kinds of treatment a pathway step can be. */
export const treatmentKinds = ["surgery", "local", "systemic", "symptom", "supportive"] as const;
export type TreatmentKind = (typeof treatmentKinds)[number];

/** Type guard for {@link TreatmentKind}. */
export function isTreatmentKind(value: unknown): value is TreatmentKind {
  return typeof value === "string" && (treatmentKinds as readonly string[]).includes(value);
}

/** One treatment a pathway can contain (data/evidence/treatments.json). Ids are stable. */
export interface Treatment {
  readonly id: string;
  readonly name: string;
  readonly kind: TreatmentKind;
  readonly note?: string;
}
