/**
 * A treatment strategy: the review's own decision logic (`review`) or an alternative a researcher compares
 * with it, defined by overriding named choices. Where the review leaves a decision open, the choice has a
 * documented default; a strategy file (data/strategies/<id>.json) changes only what it names.
 */
export interface Strategy {
  /** Lower-case words joined by hyphens, the file's name: "review", "captem-first". */
  readonly id: string;
  readonly name: string;
  /** One line. */
  readonly description: string;
  /** Every choice, the file's overrides merged over {@link defaultChoices}. */
  readonly choices: StrategyChoices;
  /** The choices the file set explicitly. */
  readonly overrides: Partial<StrategyChoices>;
}

export const firstSystemicLines = ["review", "captem", "everolimus", "sunitinib", "surufatinib", "prrt"] as const;
export const targetedDrugs = ["everolimus", "sunitinib", "surufatinib"] as const;
export const prrtOrders = ["after-targeted", "before-targeted"] as const;
export const conversionPolicies = ["borderline", "all-resectable", "never"] as const;
export const transarterialAgents = ["hace", "hae", "sirt"] as const;

/** The named choices of the review's treatment logic. */
export interface StrategyChoices {
  /** First systemic line for G1/G2 NET: "review" = SSA when §3.5's criteria hold, CAPTEM otherwise. */
  readonly firstSystemicLine: (typeof firstSystemicLines)[number];
  /** Targeted drug for progressive G1/G2 NET (§3.2). */
  readonly targetedOnProgression: (typeof targetedDrugs)[number];
  /** PRRT before or after the targeted drug for SSTR-positive G1/G2 (§3.2/§3.4 leave the order open). */
  readonly prrtOrder: (typeof prrtOrders)[number];
  /** Who gets conversion therapy before surgery (§1.5). */
  readonly conversionTherapy: (typeof conversionPolicies)[number];
  /** Ablation and transarterial therapy allowed at all (§2). */
  readonly liverDirectedTherapy: boolean;
  /** Transarterial therapy used for non-functional tumours; functional tumours get HAE or HACE (§2.2: HACE when "sirt"). */
  readonly transarterialAgent: (typeof transarterialAgents)[number];
  /** Staged transarterial therapy also for non-functional G1/G2 liver-only disease of large burden (§2: "may" help; §2.2 ref. 34: staged). */
  readonly transarterialLargeBurden: boolean;
  /** Liver transplant offered to patients meeting §1.4's criteria whose liver disease cannot be resected. */
  readonly transplant: boolean;
  /** G3 NET of ENETS type I counts as "G3 with curative potential" for radical resection (§1.1). */
  readonly resectG3WithCurativePotential: boolean;
  /** Everolimus as a later line for G3 NET (§3.2: "may also be effective"). */
  readonly everolimusInG3: boolean;
  /** PRRT also for SSTR-positive NEC with Ki-67 > 20% and < 55% (§3.4: "may" help some NEC). */
  readonly prrtForSelectedNec: boolean;
  /** Resect a bleeding or obstructing primary when the disease cannot be resected radically (§1.3: "may be considered"). */
  readonly resectSymptomaticPrimary: boolean;
}

export type ChoiceName = keyof StrategyChoices;

/** What one choice means, its allowed values, its default and why. */
export interface ChoiceDefinition {
  readonly name: ChoiceName;
  readonly values: readonly (string | boolean)[];
  readonly default: string | boolean;
  readonly section: string;
  readonly refs: readonly number[];
  /** What the choice decides and why the default is what it is. */
  readonly description: string;
}

const bool = [true, false] as const;

/** The named choices, their values, defaults and reasons. */
export const choiceDefinitions: readonly ChoiceDefinition[] = Object.freeze([
  { name: "firstSystemicLine", values: firstSystemicLines, default: "review", section: "3", refs: [18, 35, 62], description: "First systemic line for G1/G2 NET. Default 'review': SSA when G1/G2, Ki-67 < 10%, SSTR-positive and slow-growing (§3.5), otherwise CAPTEM (§3.1); functional tumours start with SSA. Another value puts that drug first (PRRT only if SSTR-positive) and the review's other lines after it." },
  { name: "targetedOnProgression", values: targetedDrugs, default: "everolimus", section: "3.2", refs: [18, 20, 39], description: "Targeted drug on progression of G1/G2 NET. The review names everolimus and sunitinib (and surufatinib) without ranking them; default everolimus because the review names it for chemotherapy-pretreated progressive G1/G2." },
  { name: "prrtOrder", values: prrtOrders, default: "after-targeted", section: "3.4", refs: [57], description: "Order of PRRT and the targeted drug for SSTR-positive G1/G2. The review gives none (it cites a meta-analysis favouring 177Lu over everolimus, ref. 57); default after-targeted: the review presents everolimus and sunitinib as the approved, guideline-recommended targeted drugs (§3.2) and PRRT as an area of active research (§3.4)." },
  { name: "conversionTherapy", values: conversionPolicies, default: "borderline", section: "1.5", refs: [23, 24, 25], description: "Conversion therapy before surgery. Default 'borderline': type II G1/G2 fit patients whose expected cytoreduction is below the debulking cut-off get conversion therapy then debulking; 'all-resectable' gives it before every hepatic resection; 'never' operates upfront on the resectable only." },
  { name: "liverDirectedTherapy", values: bool, default: true, section: "2", refs: [26, 33], description: "Whether ablation and transarterial therapy (HAE, HACE, SIRT) may be used." },
  { name: "transarterialAgent", values: transarterialAgents, default: "hace", section: "2.2", refs: [33], description: "Transarterial therapy for non-functional tumours; the review finds no difference between the three (ref. 33). Functional tumours get HAE or HACE as §2.2 says (HACE when 'sirt' is chosen)." },
  { name: "transarterialLargeBurden", values: bool, default: false, section: "2.2", refs: [34], description: "Staged transarterial therapy for non-functional G1/G2 liver-only disease of large burden (involvement >= rules.liverBurden.large.involvement.min) that is not resected or ablated. Default false: §2 recommends local therapy for small burden and says only that it 'may' also help large burden; §2.2 (ref. 34) then stages it to avoid tumour lysis. Functional tumours get staged HAE/HACE whatever this choice." },
  { name: "transplant", values: bool, default: true, section: "1.4", refs: [11], description: "Offer liver transplantation to fit patients meeting all of §1.4's criteria whose liver disease is not resected." },
  { name: "resectG3WithCurativePotential", values: bool, default: true, section: "1.1", refs: [14], description: "Treat a G3 NET of ENETS type I (fit, adequate reserve, no extrahepatic disease) as 'G3 with curative potential' and resect it radically." },
  { name: "everolimusInG3", values: bool, default: true, section: "3.2", refs: [18, 20, 39], description: "Everolimus as a later line for G3 NET (the review: it 'may also be effective' in G3)." },
  { name: "prrtForSelectedNec", values: bool, default: false, section: "3.4", refs: [18, 55], description: "PRRT for SSTR-positive NEC with Ki-67 > 20% and < 55%. Default false: the review says only that it 'may' help some NEC." },
  { name: "resectSymptomaticPrimary", values: bool, default: true, section: "1.3", refs: [14, 22], description: "Resect a bleeding or obstructing primary (patient field primarySymptomatic) when the disease cannot be resected radically; the review says it 'may be considered'." },
] satisfies readonly ChoiceDefinition[]);

/** The review's own strategy: every choice at its default. */
export const defaultChoices: StrategyChoices = Object.freeze(
  Object.fromEntries(choiceDefinitions.map((c) => [c.name, c.default])) as unknown as StrategyChoices,
);
