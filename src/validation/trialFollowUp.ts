import { specField } from "../cohort/fieldSpec.js";

/**
 * The optional `followUp` field of a trial file: how long patients were followed when the published analysis was
 * made, for administrative censoring (see {@link administrativeCensoringTime}). Left out: follow-up is complete.
 */
export const trialFollowUpSpec = specField.object(
  {
    accrualMonths: specField.number({ description: "Months from the first to the last randomisation (entry taken as uniform over it); default 0", minimum: 0, maximum: 600, optional: true }),
    followUpMonths: specField.number({ description: "Months from the last randomisation to the data cut-off of the published analysis", minimum: 0, maximum: 600, optional: true }),
    maximumMonths: specField.number({ description: "Longest follow-up of any one patient, months (a fixed study period, e.g. 96 weeks = 22.1 months)", exclusiveMinimum: 0, maximum: 600, optional: true }),
    source: specField.string({ description: "Where the dates or the study period were read (publication, section)", minLength: 1, optional: true }),
    note: specField.string({ description: "How the months were derived from the published dates", minLength: 1, optional: true }),
  },
  {
    description:
      "Follow-up at the published analysis, for administrative censoring: a patient entering at a uniform time in the accrual period is censored at the data cut-off (accrual + follow-up) and at the study period's end (maximumMonths), whichever is first; give followUpMonths or maximumMonths. Left out: complete follow-up",
    optional: true,
  },
);

/** A trial file's `followUp` part. */
export interface TrialFollowUp {
  readonly accrualMonths?: number;
  readonly followUpMonths?: number;
  readonly maximumMonths?: number;
  readonly source?: string;
  readonly note?: string;
}

/**
 * The cross-field checks of `followUp` the field table cannot express (`parseTrialFile` adds them to its list):
 * either `followUpMonths` or `maximumMonths` must be given (otherwise nobody is censored), and an accrual period
 * needs the follow-up after it. `value` is the already type-checked field (anything else is ignored). O(1).
 */
export function trialFollowUpProblems(value: unknown): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const followUp = value as TrialFollowUp;
  const problems: string[] = [];
  if (followUp.followUpMonths === undefined && followUp.maximumMonths === undefined) problems.push("followUp: give followUpMonths (to the data cut-off) or maximumMonths (a fixed study period), or leave followUp out for complete follow-up");
  else if (followUp.accrualMonths !== undefined && followUp.followUpMonths === undefined) problems.push("followUp.followUpMonths: an accrual period needs the follow-up from the last randomisation to the data cut-off");
  return problems;
}

/**
 * Administrative censoring time of one patient, months from randomisation. Entry is uniform over the accrual
 * period of A months (entry = A·u, u a uniform draw in [0, 1)); the data cut-off is F months after the last
 * randomisation, so the patient is followed for A + F − A·u months; a fixed study period caps it at M. Hence
 * C = min(A(1 − u) + F, M), with F = ∞ when only M is given and M = ∞ when not given. Under uniform entry C is
 * uniform on [F, A + F] (before the cap), the textbook model of staggered entry (Collett, Modelling Survival
 * Data in Medical Research, 3rd ed., §10.2). O(1).
 */
export function administrativeCensoringTime(followUp: TrialFollowUp, uniform: number): number {
  const accrual = followUp.accrualMonths ?? 0;
  const cutOff = followUp.followUpMonths === undefined ? Infinity : accrual * (1 - uniform) + followUp.followUpMonths;
  return Math.min(cutOff, followUp.maximumMonths ?? Infinity);
}
