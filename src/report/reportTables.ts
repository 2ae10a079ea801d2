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
      title: "Median progression-free (PFS) and overall survival (OS) by strategy, months, Kaplan–Meier with its 95% Monte Carlo interval",
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "n", label: "Patients" },
        { key: "events", label: "Events" },
        { key: "median_months", label: "Median", digits: 1 },
        { key: "monte_carlo_lower_95", label: "Monte Carlo 95% lower", digits: 1 },
        { key: "monte_carlo_upper_95", label: "Monte Carlo 95% upper", digits: 1 },
      ],
      rows: both((s, e) => [[s.strategy.label, endpointLabel[e], s[e].km.n, s[e].km.events, s[e].km.median.estimate, s[e].km.median.lower, s[e].km.median.upper]]),
      note: "The interval is the Monte Carlo error of the simulated patients (computed as R's print(survfit) computes a confidence interval: log transform, Brookmeyer–Crowley); it shrinks as more patients are simulated, and it is not the uncertainty of the published figures (see the replicates) nor a trial's confidence interval. A dash (empty in the CSV): not reached.",
    },
    {
      name: "landmark_survival",
      title: `Survival at ${analysis.landmarks.join(", ")} months by strategy, Kaplan–Meier with its 95% Monte Carlo interval`,
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "months", label: "Months" },
        { key: "survival", label: "Survival", digits: 3 },
        { key: "monte_carlo_lower_95", label: "Monte Carlo 95% lower", digits: 3 },
        { key: "monte_carlo_upper_95", label: "Monte Carlo 95% upper", digits: 3 },
      ],
      rows: both((s, e) => s[e].landmarks.map((l) => [s.strategy.label, endpointLabel[e], l.time, l.survival, l.lower, l.upper])),
      note: "A dash (empty in the CSV): beyond the last follow-up time.",
    },
    {
      name: "hazard_ratios",
      title: `Hazard ratios against ${referenceLabel} (Cox proportional hazards, Efron ties), with the Monte Carlo error and, with replicates, the parameter uncertainty`,
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "reference", label: "Reference" },
        { key: "pathway_changed_share", label: "Patients whose pathway the strategy changes", digits: 3 },
        { key: "hazard_ratio", label: "HR", digits: 3 },
        { key: "monte_carlo_lower_95", label: "Monte Carlo 95% lower", digits: 3 },
        { key: "monte_carlo_upper_95", label: "Monte Carlo 95% upper", digits: 3 },
        { key: "parameter_2_5", label: "Parameter uncertainty 2.5%", digits: 3 },
        { key: "parameter_97_5", label: "Parameter uncertainty 97.5%", digits: 3 },
      ],
      rows: both((s, e) => {
        const c = input.comparisons?.find((x) => x.strategy === s.strategy.id);
        if (s.strategy.id === analysis.reference.strategy.id) return [];
        const hr = s[e].hazardRatio;
        const parameter = c?.[e].hazardRatio?.parameter ?? null;
        if (c !== undefined && c.note !== null) return [[s.strategy.label, endpointLabel[e], referenceLabel, c.modelDiffers.share, null, null, null, null, null]];
        return hr === null ? [] : [[s.strategy.label, endpointLabel[e], referenceLabel, c?.modelDiffers.share ?? null, hr.estimate, hr.lower, hr.upper, parameter?.lower ?? null, parameter?.upper ?? null]];
      }),
      note:
        "Three kinds of uncertainty, kept apart. Monte Carlo 95%: how much the simulation's own randomness (which synthetic patients were drawn) could move the hazard ratio — paired, since the same patients go through every strategy, by batch means over blocks of patients; it shrinks as more patients are simulated (it needs at least 1,024 simulated patients: two batches of 512). Parameter uncertainty: the 2.5th–97.5th percentile across the replicates that draw the published figures from their ranges (empty without replicates); it does not shrink with more patients. " +
        "Neither is the confidence interval a real trial would report: for a trial of a given size, use the trial planner (pnen-sim power with the two strategies as arms). A strategy whose changes the model cannot see (no pathway differs, or only treatments sharing one outcome model) has no hazard ratio: see the table of who each strategy changes. " +
        `Log-rank statistics across all strategies (of the simulated patients, so they grow with n): PFS chi-square ${analysis.logRank.pfs.chiSquare.toFixed(1)} on ${analysis.logRank.pfs.df} df; OS chi-square ${analysis.logRank.os.chiSquare.toFixed(1)} on ${analysis.logRank.os.df} df.`,
    },
    ...changedTables(input, referenceLabel),
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
        { key: "pathway_differs", label: "Patients whose pathway differs" },
        { key: "hazard_ratio", label: "HR", digits: 3 },
        { key: "monte_carlo_lower_95", label: "Monte Carlo 95% lower", digits: 3 },
        { key: "monte_carlo_upper_95", label: "Monte Carlo 95% upper", digits: 3 },
      ],
      rows: analysis.subgroupHazardRatios.map((s) => [s.subgroup, s.level, endpointLabel[s.endpoint], s.hazardRatio.n, s.hazardRatio.events, s.hazardRatio.pathwayDiffers, s.hazardRatio.estimate, s.hazardRatio.lower, s.hazardRatio.upper]),
      note: "Monte Carlo 95%: the simulation's own randomness within the subgroup (paired batch means). A dash (empty in the CSV): no hazard ratio — no patients or no events in the subgroup, or no patient of it whose pathway differs (the strategies are then the same there).",
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
        { key: "std_err", label: "Monte Carlo SE", digits: 2 },
        { key: "monte_carlo_lower_95", label: "Monte Carlo 95% lower", digits: 1 },
        { key: "monte_carlo_upper_95", label: "Monte Carlo 95% upper", digits: 1 },
        { key: "difference_months", label: "Difference", digits: 2 },
        { key: "difference_monte_carlo_lower_95", label: "Difference, Monte Carlo 95% lower", digits: 2 },
        { key: "difference_monte_carlo_upper_95", label: "Difference, Monte Carlo 95% upper", digits: 2 },
      ],
      rows: both((s, e) => {
        const r = s[e].rmst;
        const d = s[e].rmstDifference;
        return [[s.strategy.label, endpointLabel[e], r.tau, r.estimate, r.stdErr, r.lower, r.upper, d?.estimate ?? null, d?.lower ?? null, d?.upper ?? null]];
      }),
      note: "RMST as survRM2::rmst2 and print(survfit, rmean = tau); its interval is the Monte Carlo error of the simulated patients (Greenwood-type standard error). The difference's interval is the paired Monte Carlo error (batch means: the same patients under both strategies).",
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
        { key: "monte_carlo_lower_95", label: "Monte Carlo 95% lower", digits: 1 },
        { key: "monte_carlo_upper_95", label: "Monte Carlo 95% upper", digits: 1 },
        { key: "relative_error", label: "Relative error", digits: 3 },
      ],
      rows: input.calibration.flatMap((c) => [
        [
          c.id,
          input.treatmentNames[c.treatment] ?? c.treatment,
          endpointLabel[c.endpoint],
          c.measure === "survival at 60 months" ? "5-year survival (%)" : c.curve !== undefined ? `median (months) of the ${c.curve.distribution} curve` : "median (months)",
          c.population ?? "single-treatment cohort of the scenario",
          c.role ?? "calibrated",
          c.target,
          c.range?.[0] ?? null,
          c.range?.[1] ?? null,
          c.simulated,
          c.lower,
          c.upper,
          c.target > 0 ? (c.simulated - c.target) / c.target : null,
        ],
        // a whole curve: the target's survival at each landmark against the simulated population's (percent)
        ...(c.landmarks ?? []).map((l) => [
          c.id,
          input.treatmentNames[c.treatment] ?? c.treatment,
          endpointLabel[c.endpoint],
          `survival at ${l.months} months (%)${l.extrapolated ? ", extrapolated" : ""}`,
          c.population ?? "single-treatment cohort of the scenario",
          c.role ?? "calibrated",
          l.target * 100,
          null,
          null,
          l.simulated === null ? null : l.simulated * 100,
          l.lower === null ? null : l.lower * 100,
          l.upper === null ? null : l.upper * 100,
          l.simulated === null ? null : (l.simulated - l.target) / l.target,
        ]),
      ]),
      note:
        "Calibrated: a treatment's PFS figure (a range's midpoint), reproduced on an independent cohort drawn to match the figure's population, without censoring. " +
        "Fitted: external overall-survival ranges (data/evidence/external.json) whose middle the structure's post-progression death rate was fitted to, for a grade group of the registry's reference cohort under the review's strategy (G3 NET keeps the G1/G2 rate, so it sits below the middle, inside its range). " +
        "Check: a landmark the model is compared with but not fitted to (SEER's 28% 5-year OS covers all metastatic pNET, older and partly untreated patients, so a treated cohort is expected above it). " +
        "A treatment calibrated to a whole curve (a registry figure's fitted curve) has rows at 6, 12, 24, 36 and 60 months: the fitted curve's survival against the simulated population's, whose baseline shape and scale were chosen to match the curve over its follow-up (extrapolated: beyond the curve's data).",
    },
    ...parameterUncertaintyTable(input),
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

/**
 * Who each strategy changes (input.comparisons, issue 12): the share of patients whose pathway differs from the
 * reference's, the share whose pathway differs in a way the outcome model sees, and the medians and hazard ratio
 * within those, beside the whole cohort's; a strategy whose changes the model cannot see says so. Empty without
 * comparisons.
 */
function changedTables(input: ReportInput, referenceLabel: string): ReportTable[] {
  const comparisons = input.comparisons ?? [];
  if (comparisons.length === 0) return [];
  const label = (id: string) => input.strategies.find((s) => s.id === id)?.label ?? id;
  return [
    {
      name: "who_changes",
      title: `Who each strategy changes: patients whose pathway differs from ${referenceLabel}'s, and the difference within them`,
      columns: [
        { key: "strategy", label: "Strategy" },
        { key: "endpoint", label: "Endpoint" },
        { key: "pathway_differs_share", label: "Pathway differs", digits: 3 },
        { key: "model_differs_share", label: "Pathway differs as the model sees it", digits: 3 },
        { key: "patients_changed", label: "Patients changed" },
        { key: "median_reference_changed", label: `Median, ${referenceLabel}, among them`, digits: 1 },
        { key: "median_strategy_changed", label: "Median, strategy, among them", digits: 1 },
        { key: "hazard_ratio_changed", label: "HR among them", digits: 3 },
        { key: "monte_carlo_lower_95", label: "Monte Carlo 95% lower", digits: 3 },
        { key: "monte_carlo_upper_95", label: "Monte Carlo 95% upper", digits: 3 },
        { key: "hazard_ratio_all", label: "HR, all patients", digits: 3 },
        { key: "note", label: "Note" },
      ],
      rows: comparisons.flatMap((c) =>
        ReportEndpoints.map((e) => {
          const changed = c[e].changed;
          return [label(c.strategy), endpointLabel[e], c.pathwayDiffers.share, c.modelDiffers.share, changed?.patients ?? 0, changed?.medians.reference ?? null, changed?.medians.strategy ?? null,
            changed?.hazardRatio.estimate ?? null, changed?.hazardRatio.monteCarlo.lower ?? null, changed?.hazardRatio.monteCarlo.upper ?? null, c[e].hazardRatio?.estimate ?? null, c.note ?? ""];
        }),
      ),
      note: "A strategy differs from the reference only for the patients whose pathway it changes; the whole-cohort hazard ratio dilutes that difference over everyone else. \"As the model sees it\": some line follows a different outcome model (two treatments that share one model, such as HACE and SIRT, change the pathway but not the outcome). Monte Carlo 95%: paired batch means within the changed patients.",
    },
  ];
}

/**
 * How each evidence figure behind the treatments is drawn in a parameter-uncertainty replicate: its distribution,
 * where the spread comes from, and the 95% range of the draw. Empty when the input has no such rows.
 */
function parameterUncertaintyTable(input: ReportInput): ReportTable[] {
  const rows = input.parameterUncertainty ?? [];
  if (rows.length === 0) return [];
  const distribution: Record<string, string> = {
    fixed: "fixed (no range, CI, events or n known)",
    uniform: "uniform on the range (base case as its median)",
    logNormal: "log-normal",
    curve: "multivariate normal on the curve's fitted parameters",
  };
  const basis: Record<string, string> = { range: "reported range", ci: "reported confidence interval", events: "events (SE of a log median 1/√d)", n: "patients (SE of a log median √(2/n))", "fit covariance": "covariance of the fit" };
  return [
    {
      name: "parameter_uncertainty",
      title: "Parameter uncertainty: how each figure behind the treatments is drawn in a replicate",
      columns: [
        { key: "figure_id", label: "Evidence figure" },
        { key: "treatments", label: "Treatments" },
        { key: "endpoint", label: "Endpoint" },
        { key: "value", label: "Base case (months)", digits: 2 },
        { key: "distribution", label: "Drawn from" },
        { key: "basis", label: "Spread from" },
        { key: "low_2_5", label: "2.5% of the draw", digits: 2 },
        { key: "high_97_5", label: "97.5% of the draw", digits: 2 },
      ],
      rows: rows.map((r) => [r.id, r.treatments.join(", "), endpointLabel[r.endpoint], r.value, distribution[r.distribution] ?? r.distribution, r.basis === null ? "" : (basis[r.basis] ?? r.basis), r.low, r.high]),
      note: "A range is drawn uniformly, each side of the base value with probability one half (so that the base case is the median draw); a median with a reported confidence interval from the log-normal matching it; a median with only its events d or patients n from a log-normal with the standard error of a log median, 1/√d or √(2/n) (d taken as n/2); a whole curve by drawing its fitted parameters from their multivariate normal (for the curve, the range is that of its median). Figures with none of these stay fixed and add no parameter uncertainty. The labelled assumptions (data/assumptions) are drawn from their ranges the same way.",
    },
  ];
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
