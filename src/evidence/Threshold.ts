/**
 * A classification or eligibility cut-off stated in the review (data/evidence/thresholds.json). The rule text
 * spells out the comparison so that a value equal to the cut-off falls where the review puts it.
 */
export interface Threshold {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly rule: string;
  /** Section of the review ("intro", "1.1", …, "3.5"). */
  readonly section: string;
  /** Reference numbers as cited; empty when the review cites none for it. */
  readonly refs: readonly number[];
  readonly note?: string;
}
