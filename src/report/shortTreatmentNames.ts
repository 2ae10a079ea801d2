/**
 * Short treatment names for figure legends and axis labels (the registry's names, data/evidence/treatments.json,
 * are full descriptions and stay in the tables). Unknown ids fall back to the full name without its
 * parenthesis, then to the id.
 */
const shortNames: Readonly<Record<string, string>> = {
  radicalResection: "R0 resection",
  stagedResection: "Staged resection",
  debulking: "Debulking surgery",
  primaryResection: "Primary resection only",
  liverTransplant: "Liver transplant",
  ablation: "Ablation",
  hae: "HAE",
  hace: "HACE/TACE",
  sirt: "SIRT",
  conversionTherapy: "Conversion therapy",
  captem: "CAPTEM",
  temozolomide: "Temozolomide",
  platinumEtoposide: "Platinum–etoposide",
  everolimus: "Everolimus",
  sunitinib: "Sunitinib",
  surufatinib: "Surufatinib",
  prrt: "PRRT",
  ssa: "SSA",
  interferonSsa: "Interferon-α + SSA",
  glucoseControl: "Glucose control",
  ppi: "PPI",
  bestSupportiveCare: "Best supportive care",
};

export function shortTreatmentName(id: string, fullNames: Readonly<Record<string, string>> = {}): string {
  return shortNames[id] ?? fullNames[id]?.replace(/\s*\(.*\)\s*$/, "") ?? id;
}
