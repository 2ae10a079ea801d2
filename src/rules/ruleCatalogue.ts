/**
 * Every rule of the review's treatment logic that the pathway engine applies, with the section and the
 * reference numbers of the review (Lu et al., China J Gen Surg 2025, doi:10.7659/j.issn.1005-6947.230441)
 * that state it. A decision-trace entry always names one of these ids.
 *
 * Sections: "intro" (classification), 1.1 NF-pNEN surgery, 1.2 F-pNEN surgery, 1.3 the primary, 1.4
 * transplant, 1.5 neoadjuvant/conversion, 2 local therapy (2.1 ablation, 2.2 transarterial), 3 systemic
 * (3.1 chemotherapy, 3.2 targeted, 3.4 PRRT, 3.5 endocrine).
 */
export interface RuleDefinition {
  readonly id: string;
  readonly section: string;
  /** Reference numbers of the review (1–64). */
  readonly refs: readonly number[];
  /** The rule in one line. */
  readonly summary: string;
  /** Anything a reader needs: which part is the review's, which is a named default. */
  readonly note?: string;
}

const definitions = [
  { id: "classification.whoGrade", section: "intro", refs: [3, 4, 5], summary: "WHO 2022: NEC if poorly differentiated; NET G1 Ki-67 < 3% and mitoses < 2/10 HPF, G2 Ki-67 3–20% or mitoses 2–20, G3 Ki-67 > 20% or mitoses > 20; the higher grade of the two counts" },
  { id: "classification.enetsType", section: "intro", refs: [11], summary: "ENETS type I: one lobe or two adjacent segments; II: mainly one lobe with small contralateral satellites; III: diffuse bilobar" },
  { id: "surgery.fitness", section: "1.1", refs: [14], summary: "Surgery requires no serious comorbidity; patients who cannot tolerate surgery are offered local and systemic therapy (§2)" },
  { id: "surgery.radical.typeI", section: "1.1", refs: [14], summary: "Radical resection of primary and metastases for ENETS type I with adequate liver reserve and no serious comorbidity, G1/G2 or G3 with curative potential", note: "No extrahepatic disease is required (a radical resection must remove all disease). G3 qualifies under the named choice resectG3WithCurativePotential; NEC never does." },
  { id: "surgery.order.primarySite", section: "1.1", refs: [14], summary: "Order of resection by primary site: head of pancreas — liver metastases first; body or tail — pancreatic primary first" },
  { id: "surgery.synchronousOrStaged", section: "1.1", refs: [14], summary: "Synchronous resection for single-lobe, low-risk disease; staged resection with portal vein embolisation when the resection is extensive", note: "'Extensive' is liver involvement >= the assumption rules.surgery.staged.involvement.min." },
  { id: "surgery.debulking.typeII", section: "1.1", refs: [15, 16, 17], summary: "Debulking surgery for ENETS type II G1/G2 with adequate liver function when the expected cytoreduction is >= 70%", note: "Requires no serious comorbidity (surgery.fitness); extrahepatic disease does not exclude it (the review names no such condition)." },
  { id: "surgery.noRoutineHepatectomy.typeIII", section: "1.1", refs: [14], summary: "No routine hepatectomy for ENETS type III G1/G2" },
  { id: "surgery.highGrade.controversial", section: "1.1", refs: [18], summary: "Debulking for G3 without curative potential or for NEC is controversial: not offered by default" },
  { id: "surgery.functional", section: "1.2", refs: [18, 19], summary: "Functional tumours are operated on whatever the liver metastases (here: resection of the primary when the liver cannot be resected), after symptom control", note: "Not applied to NEC (systemic therapy first); surgery still requires fitness (surgery.fitness)." },
  { id: "symptomControl.functional", section: "1.2", refs: [20], summary: "Control hormone excess first: intravenous glucose for insulinoma hypoglycaemia, PPI for gastrinoma ulcer disease, SSA for other syndromes" },
  { id: "surgery.primary.symptomatic", section: "1.3", refs: [14, 22], summary: "When the disease cannot be resected radically, a primary that bleeds or obstructs may be resected to relieve symptoms", note: "Optional patient field primarySymptomatic (default false); named choice resectSymptomaticPrimary." },
  { id: "transplant.criteria", section: "1.4", refs: [11], summary: "Liver transplant: no extrahepatic disease, well-differentiated G1–G2 with Ki-67 < 10%, primary resected, involvement < 50% of liver volume, stable on treatment >= 6 months, age < 60", note: "Offered only when the liver cannot be resected (named choice transplant) and the patient is fit for surgery." },
  { id: "conversion.therapy", section: "1.5", refs: [23, 24, 25], summary: "Conversion therapy (SSA, CAPTEM, liver-directed therapy) before resection to make resection possible or improve it (median PFS 22 vs 12 months, ref. 24)", note: "Named choice conversionTherapy: borderline (default; type II G1/G2 whose expected cytoreduction is below the debulking cut-off), all-resectable, never." },
  { id: "local.ablation", section: "2.1", refs: [26], summary: "Ablation (mainly radiofrequency) for a single lesion <= 5 cm or 2–3 lesions <= 3 cm, for low-grade or functional tumours not treated by hepatic surgery", note: "The review's criteria sentence carries no citation; ref. 26 is the section's source on radiofrequency ablation." },
  { id: "local.transarterial.functional", section: "2.2", refs: [33], summary: "HAE or HACE for liver metastases of functional tumours, with SSA for symptom control" },
  { id: "local.transarterial.lowBurden", section: "2.2", refs: [33], summary: "Transarterial therapy (HAE, HACE or SIRT; no difference in effect, ref. 33) for low-grade liver-only disease of small burden not treated by surgery or ablation", note: "Section 2 recommends local therapy for patients who cannot have surgery with low-grade tumours and small hepatic burden; small = below rules.liverBurden.large.involvement.min. Large burden only under the named choice transarterialLargeBurden (default false; then staged)." },
  { id: "local.transarterial.staged", section: "2.2", refs: [34], summary: "Large hepatic tumour burden: transarterial therapy in stages to avoid tumour lysis syndrome" },
  { id: "local.transarterial.sirt", section: "2.2", refs: [33, 38], summary: "SIRT (90Y radioembolisation) as the transarterial therapy when the strategy chooses it (no difference from HAE/HACE, ref. 33; synergy with CAPTEM, ref. 38)" },
  { id: "systemic.captem.g12", section: "3.1", refs: [18, 35], summary: "CAPTEM is the preferred chemotherapy for G1/G2 pNET liver metastases" },
  { id: "systemic.temozolomide.g3", section: "3.1", refs: [39], summary: "G3 NET with Ki-67 < 55%: temozolomide-based chemotherapy, as for G1/G2" },
  { id: "systemic.platinum", section: "3.1", refs: [39, 40], summary: "NEC, and G3 NET with Ki-67 >= 55%: platinum-based combination chemotherapy first line" },
  { id: "systemic.targeted.progression", section: "3.2", refs: [18, 20, 39], summary: "Everolimus or sunitinib (or surufatinib, refs. 43–44) for progressive G1/G2 pNET, including after chemotherapy", note: "Named choice targetedOnProgression (default everolimus: the review names it for chemotherapy-pretreated progressive G1/G2)." },
  { id: "systemic.everolimus.g3", section: "3.2", refs: [18, 20, 39], summary: "Everolimus may also be effective in G3 pNET", note: "Named choice everolimusInG3 (default true)." },
  { id: "systemic.prrt.g12", section: "3.4", refs: [53, 54, 57], summary: "PRRT for SSTR-positive G1/G2 NET", note: "Order relative to the targeted drug: named choice prrtOrder (default after-targeted)." },
  { id: "systemic.prrt.g3", section: "3.4", refs: [18, 55], summary: "PRRT for selected SSTR-positive G3 NET (and NEC under prrtForSelectedNec) with Ki-67 > 20% and < 55%" },
  { id: "systemic.ssa.functional", section: "3.5", refs: [39, 62], summary: "SSA is the recommended treatment of the hormone syndrome of functional G1/G2 tumours (antisecretory and antiproliferative)" },
  { id: "systemic.ssa.firstLine", section: "3.5", refs: [62], summary: "SSA first line for G1/G2, Ki-67 < 10%, SSTR-positive, slow-growing pNEN", note: "Slow-growing = monthsStable >= rules.ssa.slowGrowing.monthsStable.min (an assumption)." },
  { id: "systemic.interferon.ssaRefractory", section: "3.5", refs: [20], summary: "Interferon-alpha with SSA for functional tumours whose syndrome is refractory to SSA" },
  { id: "systemic.firstLine.strategy", section: "3", refs: [35, 41, 43, 46, 57], summary: "The strategy's named first systemic line for G1/G2 NET replaces the review's (SSA or CAPTEM); the review's other lines follow" },
] as const satisfies readonly RuleDefinition[];

export type RuleId = (typeof definitions)[number]["id"];

/** The rules by id, frozen. */
export const ruleCatalogue: Readonly<Record<RuleId, RuleDefinition>> = Object.freeze(
  Object.fromEntries(definitions.map((d) => [d.id, Object.freeze({ ...d, refs: Object.freeze([...d.refs]) })])) as Record<RuleId, RuleDefinition>,
);

/** All rules in the order the engine considers them. */
export const ruleDefinitions: readonly RuleDefinition[] = Object.freeze(definitions.map((d) => ruleCatalogue[d.id]));

/** Type guard: is this the id of a rule in {@link ruleCatalogue}? */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === "string" && Object.hasOwn(ruleCatalogue, value);
}
