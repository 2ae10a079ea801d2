import type { ReportInput, ReportReplicate, ReportStrategy } from "../../src/report/ReportInput.js";
import { exponentialSample } from "../figures/kmFixture.js";

/**
 * A small hand-made report input: 3 strategies × 400 patients with exponential PFS/OS (different medians),
 * administrative censoring, two subgroups, a calibration table, 12 replicates whose "Drug X median PFS"
 * drives the reference's median OS, and two references (one with a DOI, one without).
 */
export function reportInputFixture(n = 400): ReportInput {
  const strategy = (id: string, label: string, pfsMedian: number, osMedian: number, seed: number): ReportStrategy => {
    const pfs = exponentialSample(n, pfsMedian, 60, seed);
    const os = exponentialSample(n, osMedian, 60, seed + 100);
    // OS ≥ PFS, as the engine guarantees
    const osTime = os.time.map((t, i) => Math.max(t, pfs.time[i]));
    return {
      id,
      label,
      pfs: { time: Float64Array.from(pfs.time), event: Uint8Array.from(pfs.event) },
      os: { time: Float64Array.from(osTime), event: Uint8Array.from(os.event) },
      // each strategy assigns the pathways in turn from a different start, so every patient's pathway differs between strategies
      pathway: Uint16Array.from({ length: n }, (_, i) => (i + seed - 1) % 3),
      pathwayLabels: ["captem>everolimus", "glucoseControl+hace>ssa", "bestSupportiveCare"],
    };
  };
  const replicates: ReportReplicate[] = Array.from({ length: 12 }, (_, r) => ({
    parameters: { "Drug X median PFS": 10 + r, "HR grade G3": 1.5 + ((r * 7) % 12) / 24, "Fixed input": 3 },
    medians: { review: { pfs: 12 + r * 0.2, os: 40 + r }, alt: { pfs: 14, os: 41 }, bsc: { pfs: 3, os: 9 } },
  }));
  return {
    packageVersion: "9.9.9",
    scenario: {
      name: "fixture",
      description: "A small fixture scenario for tests.",
      hash: "sha256:00ff",
      seed: 4242,
      n,
      replicates: replicates.length,
      distributions: ["Functional share: 57.1% [functional.share.china]", "Grade: G1 20%, G2 80% [cohort.grade.G1.share]"],
      followUp: "All patients entered at once and were followed for 60 months.",
      outcomeModels: ["CAPTEM: PFS median 29 months [captem.pfs.median]"],
    },
    referenceStrategy: "review",
    strategies: [strategy("review", "Review pathway", 20, 40, 1), strategy("alt", "=HYPERLINK(\"x\") first", 26, 46, 2), strategy("bsc", "Best supportive care", 4, 10, 3)],
    subgroups: [{ name: "WHO grade", levels: ["G1", "G2", "G3"], codes: Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : i % 7 === 0 ? 2 : 1)) }],
    calibration: [
      { id: "captem.pfs.median", treatment: "captem", endpoint: "pfs", target: 29, simulated: 28.8, lower: 28.1, upper: 29.6 },
      { id: "sunitinib.os.median", treatment: "sunitinib", endpoint: "os", target: 47.5, simulated: 48.1, lower: null, upper: null },
    ],
    replicates,
    source: { id: "lu2025", authors: "Lu SL, Wang XB, Wan YJ, Lin J, Chen J", title: "胰腺神经内分泌肿瘤肝转移的治疗", titleEnglish: "Treatment of liver metastases of pancreatic neuroendocrine neoplasms", journal: "China Journal of General Surgery", year: 2025, doi: "10.7659/j.issn.1005-6947.230441" },
    references: [
      { number: 36, authors: "Kunz PL, Graham NT, Catalano PJ, et al.", title: "Randomized study of temozolomide or temozolomide and capecitabine", journal: "J Clin Oncol", year: 2023, volume: "41(7)", pages: "1359-1369", doi: "10.1200/JCO.22.01013", language: "en" },
      { number: 35, authors: "Cives M, Ghayouri M, Morse B, et al.", title: "Analysis of potential response predictors to capecitabine/temozolomide", journal: "Endocr Relat Cancer", year: 2016, doi: null, language: "en" },
    ],
    assumptionSources: [{ text: "Frilling A, et al. Lancet Oncol 2014;15:e8-e21. doi:10.1016/S1470-2045(13)70362-0", doi: "10.1016/S1470-2045(13)70362-0", assumptions: ["cohort.enets.I.share", "cohort.enets.II.share"] }],
    treatmentNames: { captem: "Capecitabine plus temozolomide (CAPTEM)", everolimus: "Everolimus (mTOR inhibitor)", hace: "Hepatic artery chemoembolisation (HACE/TACE)", ssa: "Somatostatin analogue", glucoseControl: "Intravenous glucose", bestSupportiveCare: "Best supportive care", sunitinib: "Sunitinib" },
    symptomTreatments: ["glucoseControl"],
    command: "pnen-sim report --scenario fixture",
  };
}
