import type { ReportAnalysis, ReportEndpoint, StrategyAnalysis } from "./analyseReport.js";
import { ReportEndpoints } from "./analyseReport.js";
import type { ReportInput } from "./ReportInput.js";
import type { ReportTable } from "./ReportTable.js";
import { pathwayShares } from "./pathwayRows.js";

const endpointLabel: Readonly<Record<ReportEndpoint, string>> = { pfs: "PFS", os: "OS" };

/**
 * The tables of the report, each written as `tables/<name>.csv` and printed in report.md / report.html:
 * medians with 95% CI, landmark survival, hazard ratios (overall and by subgroup), RMST, the risk table as
 * data, the calibration table and the pathway shares. Pure; O(strategies × landmarks + subgroups + pathways).
 */
export function reportTables(analysis: ReportAnalysis, input: ReportInput): ReportTable[] {
  const both = (f: (s: StrategyAnalysis, endpoint: ReportEndpoint) => (string | number | null)[][]) =>
    ReportEndpoints.flatMap((endpoint) => analysis.strategies.flatMap((s) => f(s, endpoint)));
  const referenceLabel = analysis.reference.strategy.label;
  const tables: ReportTable[] = [
    {
      name: "medians",
      title: "Median progression-free (PFS) and overall survival (OS) by strategy, months, Kaplan–Meier with 95% CI",
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "n", label: "Patients" },
        { key: "events", label: "Events" },
        { key: "median_months", label: "Median", digits: 1 },
        { key: "lower_95", label: "95% CI lower", digits: 1 },
        { key: "upper_95", label: "95% CI upper", digits: 1 },
      ],
      rows: both((s, e) => [[s.strategy.label, endpointLabel[e], s[e].km.n, s[e].km.events, s[e].km.median.estimate, s[e].km.median.lower, s[e].km.median.upper]]),
      note: "CI of the median as R's print(survfit) (log transform, Brookmeyer–Crowley). A dash (empty in the CSV): not reached.",
    },
    {
      name: "landmark_survival",
      title: `Survival at ${analysis.landmarks.join(", ")} months by strategy, Kaplan–Meier with 95% pointwise CI`,
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "months", label: "Months" },
        { key: "survival", label: "Survival", digits: 3 },
        { key: "lower_95", label: "95% CI lower", digits: 3 },
        { key: "upper_95", label: "95% CI upper", digits: 3 },
      ],
      rows: both((s, e) => s[e].landmarks.map((l) => [s.strategy.label, endpointLabel[e], l.time, l.survival, l.lower, l.upper])),
      note: "A dash (empty in the CSV): beyond the last follow-up time.",
    },
    {
      name: "hazard_ratios",
      title: `Hazard ratios against ${referenceLabel} (Cox proportional hazards, Efron ties, Wald 95% CI)`,
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "reference", label: "Reference" },
        { key: "hazard_ratio", label: "HR", digits: 2 },
        { key: "lower_95", label: "95% CI lower", digits: 2 },
        { key: "upper_95", label: "95% CI upper", digits: 2 },
        { key: "p", label: "p", digits: 4 },
      ],
      rows: both((s, e) => {
        const hr = s[e].hazardRatio;
        return hr === null ? [] : [[s.strategy.label, endpointLabel[e], referenceLabel, hr.estimate, hr.lower, hr.upper, hr.p]];
      }),
      note: `Log-rank test across all strategies: PFS chi-square ${analysis.logRank.pfs.chiSquare.toFixed(1)} on ${analysis.logRank.pfs.df} df, p ${formatP(analysis.logRank.pfs.p)}; OS chi-square ${analysis.logRank.os.chiSquare.toFixed(1)} on ${analysis.logRank.os.df} df, p ${formatP(analysis.logRank.os.p)}. The same synthetic patients go through every strategy; intervals treat arms as independent and are conservative.`,
    },
  ];
  if (analysis.primaryComparison !== null && analysis.subgroupHazardRatios.length > 0) {
    tables.push({
      name: "subgroup_hazard_ratios",
      title: `Hazard ratios of ${analysis.primaryComparison.strategy.label} against ${referenceLabel} by subgroup`,
      columns: [
        { key: "subgroup", label: "Subgroup" },
        { key: "level", label: "Level" },
        { key: "endpoint", label: "Endpoint" },
        { key: "patients_per_arm", label: "Patients (per arm)" },
        { key: "events_both_arms", label: "Events (both arms)" },
        { key: "hazard_ratio", label: "HR", digits: 2 },
        { key: "lower_95", label: "95% CI lower", digits: 2 },
        { key: "upper_95", label: "95% CI upper", digits: 2 },
        { key: "p", label: "p", digits: 4 },
      ],
      rows: analysis.subgroupHazardRatios.map((s) => [s.subgroup, s.level, endpointLabel[s.endpoint], s.hazardRatio.n, s.hazardRatio.events, s.hazardRatio.estimate, s.hazardRatio.lower, s.hazardRatio.upper, s.hazardRatio.p]),
      note: "A dash (empty in the CSV): not estimable (no patients or no events in the subgroup).",
    });
  }
  tables.push(
    {
      name: "rmst",
      title: `Restricted mean survival time up to ${analysis.tau} months, and difference against ${referenceLabel}`,
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "tau_months", label: "Tau (months)" },
        { key: "rmst_months", label: "RMST", digits: 1 },
        { key: "std_err", label: "SE", digits: 2 },
        { key: "lower_95", label: "95% CI lower", digits: 1 },
        { key: "upper_95", label: "95% CI upper", digits: 1 },
        { key: "difference_months", label: "Difference", digits: 1 },
        { key: "difference_lower_95", label: "Difference lower", digits: 1 },
        { key: "difference_upper_95", label: "Difference upper", digits: 1 },
        { key: "difference_p", label: "p", digits: 4 },
      ],
      rows: both((s, e) => {
        const r = s[e].rmst;
        const d = s[e].rmstDifference;
        return [[s.strategy.label, endpointLabel[e], r.tau, r.estimate, r.stdErr, r.lower, r.upper, d?.estimate ?? null, d?.lower ?? null, d?.upper ?? null, d?.p ?? null]];
      }),
      note: "As survRM2::rmst2 and print(survfit, rmean = tau).",
    },
    {
      name: "risk_table",
      title: "Numbers at risk (the table under the Kaplan–Meier figures, as data)",
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "months", label: "Months" },
        { key: "at_risk", label: "At risk" },
      ],
      rows: both((s, e) => analysis.atRiskTimes.map((t, i) => [s.strategy.label, endpointLabel[e], t, s[e].atRisk[i]])),
    },
    ...replicateSpreadTable(input),
    {
      name: "calibration",
      title: "Calibration: every PFS target and every overall-survival target, simulated against target",
      columns: [
        { key: "figure_id", label: "Evidence figure" },
        { key: "treatment", label: "Treatment" },
        { key: "endpoint", label: "Endpoint" },
        { key: "measure", label: "Measure" },
        { key: "population", label: "Population simulated" },
        { key: "role", label: "Role" },
        { key: "target", label: "Target", digits: 1 },
        { key: "range_low", label: "External range low", digits: 1 },
        { key: "range_high", label: "External range high", digits: 1 },
        { key: "simulated", label: "Simulated", digits: 1 },
        { key: "lower_95", label: "95% CI lower", digits: 1 },
        { key: "upper_95", label: "95% CI upper", digits: 1 },
        { key: "relative_error", label: "Relative error", digits: 3 },
      ],
      rows: input.calibration.map((c) => [
        c.id,
        input.treatmentNames[c.treatment] ?? c.treatment,
        endpointLabel[c.endpoint],
        c.measure === "survival at 60 months" ? "5-year survival (%)" : "median (months)",
        c.population ?? "single-treatment cohort of the scenario",
        c.role ?? "calibrated",
        c.target,
        c.range?.[0] ?? null,
        c.range?.[1] ?? null,
        c.simulated,
        c.lower,
        c.upper,
        c.target > 0 ? (c.simulated - c.target) / c.target : null,
      ]),
      note:
        "Calibrated: a treatment's PFS figure (a range's midpoint), reproduced on an independent cohort drawn to match the figure's population, without censoring. " +
        "Fitted: external overall-survival ranges (data/evidence/external.json) whose middle the structure's post-progression death rate was fitted to, for a grade group of the registry's reference cohort under the review's strategy (G3 NET keeps the G1/G2 rate, so it sits below the middle, inside its range). " +
        "Check: a landmark the model is compared with but not fitted to (SEER's 28% 5-year OS covers all metastatic pNET, older and partly untreated patients, so a treated cohort is expected above it).",
    },
    ...sequencingTables(input),
    {
      name: "pathways",
      title: "Treatment pathways by strategy: patients and share",
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "pathway", label: "Pathway (lines joined by >)" },
        { key: "patients", label: "Patients" },
        { key: "share", label: "Share", digits: 3 },
      ],
      rows: input.strategies.flatMap((s) => pathwayShares(s, input.treatmentNames).map((p) => [s.label, p.label, p.count, p.share])),
    },
  );
  return tables;
}

/** The line shares and line-1/line-2 correlation per strategy, and the structure comparison when asked for. */
function sequencingTables(input: ReportInput): ReportTable[] {
  const tables: ReportTable[] = [];
  if (input.sequencing !== undefined && input.sequencing.length > 0) {
    const lines = input.sequencing[0].lineShares.length;
    tables.push({
      name: "sequencing",
      title: "Lines of treatment received and the correlation of consecutive progression-free intervals, by strategy",
      columns: [
        { key: "strategy", label: "Strategy" },
        ...Array.from({ length: lines }, (_, k) => ({ key: `line_${k + 1}_share`, label: `Line ${k + 1}`, digits: 3 })),
        { key: "line1_line2_spearman", label: "Spearman PFS1-PFS2", digits: 3 },
        { key: "line1_line2_spearman_within_grade", label: "Within grade", digits: 3 },
        { key: "pairs", label: "Patients with line 2" },
      ],
      rows: input.sequencing.map((s) => [s.strategy, ...s.lineShares, s.spearmanOverall, s.spearmanWithinGrade, s.pairs]),
      note: "Line k: share of patients starting at least k lines (the rest died, or stopped: attrition). Spearman: rank correlation of the simulated (uncensored) durations of lines 1 and 2 among patients who started line 2, computed within blocks of 4,096 patients (and within grade) and averaged.",
    });
  }
  if (input.structureComparison !== undefined && input.structureComparison.length > 0) {
    tables.push({
      name: "structure_comparison",
      title: "Structural uncertainty: median PFS and OS by strategy under the sequencing structure and the earlier sum-of-lines structure, months",
      columns: [
        { key: "structure", label: "Structure" },
        { key: "strategy", label: "Strategy" },
        { key: "pfs_median", label: "Median PFS", digits: 1 },
        { key: "os_median", label: "Median OS", digits: 1 },
      ],
      rows: input.structureComparison.map((r) => [r.structure, r.strategy, r.pfsMedian, r.osMedian]),
      note: "The same patients and seed under both structures. Sum-of-lines adds every planned line's PFS without attrition or deaths from other causes, and back-solves post-progression survival from single-line trial OS, which already includes later lines: it overstates OS about twofold.",
    });
  }
  return tables;
}

/** "< 0.001" or "= 0.012". */
function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : `= ${p.toPrecision(2)}`;
}

/**
 * The spread of each strategy's median PFS and OS across the parameter-uncertainty replicates: mean and the
 * 2.5th, 50th and 97.5th percentiles (type 7, R's default). Empty without at least 2 replicates.
 */
function replicateSpreadTable(input: ReportInput): ReportTable[] {
  if (input.replicates.length < 2) return [];
  const rows = ReportEndpoints.flatMap((endpoint) =>
    input.strategies.map((s) => {
      const values = input.replicates
        .map((r) => r.medians[s.id]?.[endpoint])
        .filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v))
        .sort((a, b) => a - b);
      const mean = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
      return [s.label, endpointLabel[endpoint], values.length, mean, quantile7(values, 0.025), quantile7(values, 0.5), quantile7(values, 0.975)];
    }),
  );
  return [
    {
      name: "replicate_spread",
      title: `Median PFS and OS across ${input.replicates.length} parameter-uncertainty replicates, months`,
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "replicates", label: "Replicates" },
        { key: "mean_months", label: "Mean", digits: 1 },
        { key: "p2_5_months", label: "2.5th percentile", digits: 1 },
        { key: "p50_months", label: "Median", digits: 1 },
        { key: "p97_5_months", label: "97.5th percentile", digits: 1 },
      ],
      rows,
      note: "Each replicate draws every ranged input from its range and simulates the same patients; replicates whose median was not reached are left out.",
    },
  ];
}

/** Quantile of sorted values, R's type 7 (linear interpolation); null when empty. */
function quantile7(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  return sorted[low] + (h - low) * ((sorted[Math.min(low + 1, sorted.length - 1)] ?? sorted[low]) - sorted[low]);
}
