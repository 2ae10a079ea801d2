/**
 * One synthetic (or user-entered) patient with a pancreatic neuroendocrine neoplasm and liver metastases.
 *
 * Field names are the camelCase names accepted by `pnen-sim explain --patient '<json>'`. The review's
 * decision logic (sections 1–3) reads these fields; see `src/rules/`.
 */
export interface Patient {
  /** Age in years at the treatment decision. */
  readonly age: number;
  readonly sex: Sex;
  /** Site of the primary tumour in the pancreas: decides the order of staged surgery (review §1.1, ref. 14). */
  readonly primarySite: PrimarySite;
  /** Hormonal syndrome; "none" is a non-functional tumour (NF-pNEN). */
  readonly syndrome: Syndrome;
  /** Ki-67 proliferation index, percent (0–100). */
  readonly ki67: number;
  /** Mitotic count per 10 high-power fields (≥ 0). */
  readonly mitoses: number;
  /** Differentiation: well = NET (G1–G3), poor = NEC (WHO 2022, review refs. 3–5). */
  readonly differentiation: Differentiation;
  /** ENETS liver-metastasis type (review ref. 11): I single lobe or two adjacent segments; II mainly one lobe with small contralateral satellites; III bilobar diffuse. */
  readonly enetsType: EnetsType;
  /** Number of liver lesions (≥ 1). */
  readonly lesionCount: number;
  /** Largest liver lesion diameter, cm. */
  readonly largestLesionCm: number;
  /** Share of liver volume involved by metastases, percent (0–100). */
  readonly liverInvolvementPct: number;
  readonly extrahepaticDisease: boolean;
  readonly adequateLiverReserve: boolean;
  readonly seriousComorbidity: boolean;
  /** Somatostatin-receptor positive on functional imaging. */
  readonly sstrPositive: boolean;
  /** The primary tumour has already been resected. */
  readonly primaryResected: boolean;
  /** Months of stable disease on treatment so far (transplant criterion: ≥ 6). */
  readonly monthsStable: number;
  /** Cytoreduction expected if debulked, percent of tumour volume (debulking criterion: ≥ 70%). */
  readonly expectedCytoreductionPct: number;
  /**
   * Optional: the primary bleeds or obstructs the bile duct or gut (review §1.3, refs. 14, 22: it may then be
   * resected although the disease cannot be resected radically). Absent means false.
   */
  readonly primarySymptomatic?: boolean;
}

export const Sexes = ["female", "male"] as const;
export type Sex = (typeof Sexes)[number];
export const PrimarySites = ["head", "body", "tail"] as const;
export type PrimarySite = (typeof PrimarySites)[number];
export const Syndromes = ["none", "insulinoma", "gastrinoma", "other"] as const;
export type Syndrome = (typeof Syndromes)[number];
export const Differentiations = ["well", "poor"] as const;
export type Differentiation = (typeof Differentiations)[number];
export const EnetsTypes = ["I", "II", "III"] as const;
export type EnetsType = (typeof EnetsTypes)[number];
/** WHO 2022 grade: NET G1/G2/G3 for well-differentiated tumours, NEC for poorly differentiated carcinoma. */
export const Grades = ["G1", "G2", "G3", "NEC"] as const;
export type Grade = (typeof Grades)[number];

export const isSex = (value: unknown): value is Sex => (Sexes as readonly unknown[]).includes(value);
export const isPrimarySite = (value: unknown): value is PrimarySite => (PrimarySites as readonly unknown[]).includes(value);
export const isSyndrome = (value: unknown): value is Syndrome => (Syndromes as readonly unknown[]).includes(value);
export const isDifferentiation = (value: unknown): value is Differentiation => (Differentiations as readonly unknown[]).includes(value);
export const isEnetsType = (value: unknown): value is EnetsType => (EnetsTypes as readonly unknown[]).includes(value);
export const isGrade = (value: unknown): value is Grade => (Grades as readonly unknown[]).includes(value);
