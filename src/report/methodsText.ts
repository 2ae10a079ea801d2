import type { ReportAnalysis } from "./analyseReport.js";
import type { ReportInput } from "./ReportInput.js";

/**
 * The methods section, generated from the scenario and the run so it cannot drift from what was done:
 * cohort and strategies, input distributions with their sources, outcome models, censoring, replicates,
 * statistics, randomness and software version. Returns paragraphs of plain text. Pure.
 */
export function methodsText(input: ReportInput, analysis: ReportAnalysis): string[] {
  const s = input.scenario;
  const labels = input.strategies.map((x) => x.label);
  const reference = analysis.reference.strategy.label;
  const n = s.n.toLocaleString("en-US");
  const paragraphs = [
    `We simulated a cohort of ${n} synthetic adults with pancreatic neuroendocrine neoplasms and liver metastases (scenario "${s.name}": ${s.description.replace(/\.$/, "")}). ` +
      `Each synthetic patient was taken through each of ${input.strategies.length} treatment ${input.strategies.length === 1 ? "strategy" : "strategies"} (${labels.join("; ")}), the same patients under every strategy (common random numbers), with ${reference} as the reference.`,
  ];
  if (s.distributions.length > 0) paragraphs.push(`Patient characteristics were drawn as follows: ${s.distributions.join("; ")}.`);
  const model = input.outcomeModel;
  const evidence = model === undefined ? "" : model.evidenceSet === "review"
    ? " Every treatment's figure came from the review (evidence set \"review\")."
    : ` The primary randomised trials' figures replaced the review's for ${model.trialTreatments.join(", ")} (evidence set "${model.evidenceSet}").`;
  if (model === undefined || model.structure === "sum-of-lines") {
    paragraphs.push(
      `Along each patient's treatment pathway, progression-free survival on every line was drawn from a parametric model calibrated to the median the review reports for that treatment, adjusted by patient-level hazard ratios; overall survival added post-progression survival calibrated to the reported overall-survival medians, so that overall survival is never shorter than progression-free survival and death counts as progression (the "sum-of-lines" structure, which adds every planned line and counts later lines twice through single-line trial OS).` +
        (s.outcomeModels.length > 0 ? ` Outcome models: ${s.outcomeModels.join("; ")}.` : "") +
        evidence +
        ` ${s.followUp.replace(/\.?$/, ".")}`,
    );
  } else {
    paragraphs.push(
      "Outcomes followed a multi-state sequencing model. Each line of a patient's pathway lasted until progression or death: progression with a Weibull hazard whose baseline was calibrated, once for the registry, on a synthetic cohort drawn to match the population of the figure behind it (grade mix, line of therapy, SSTR status, Ki-67 limits), then carried to each patient by patient-level hazard ratios, a later-line hazard ratio and a shared log-normal frailty that makes consecutive lines of the same patient correlate; death competed at every stage, from the disease (grade-dependent) and from other causes (a national life table by age and sex). " +
        "After progression the next planned line was started only with a probability depending on grade and line (attrition), after a gap; otherwise, and after the last line, the patient stayed in one post-progression state whose death rate by grade was fitted to external overall-survival evidence: randomised trials in progressive G1/G2 pancreatic NET (RADIANT-3, A6181111, E2211) and series of G3 NET and NEC (NORDIC NEC 2, Raj et al.), with SEER's 5-year survival of metastatic pancreatic NET as a check. " +
        "Overall survival is therefore an output of the model, not a calibrated input; it is never shorter than progression-free survival, and death counts as a progression-free-survival event." +
        (model.sequencingLines.length > 0 ? ` Structure: ${model.sequencingLines.join("; ")}.` : "") +
        (s.outcomeModels.length > 0 ? ` Outcome models: ${s.outcomeModels.join("; ")}.` : "") +
        evidence +
        ` ${s.followUp.replace(/\.?$/, ".")}`,
    );
  }
  const curves = (input.calibration ?? []).filter((c) => c.curve !== undefined);
  if (curves.length > 0) {
    paragraphs.push(
      `Progression-free survival on ${curves.map((c) => `${input.treatmentNames[c.treatment] ?? c.treatment} (${c.id})`).join(", ")} was calibrated to a whole curve rather than a median: the chosen parametric fit of the curve's patient data (reconstructed from the published Kaplan–Meier plot by Guyot's algorithm where the data are not published; Guyot et al. 2012, doi:10.1186/1471-2288-12-9) is the curve of the population it was measured in, so the baseline hazard of the same family was given the shape and scale with which a synthetic cohort matching that population — with its patient-level hazard ratios, frailty and competing deaths — reproduces the curve best over the curve's follow-up (least squares at 40 times); patient-level hazard ratios then carry it to other populations, and beyond the follow-up the fitted family extrapolates. The calibration table sets the simulated curve against the fitted one at 6, 12, 24, 36 and 60 months.`,
    );
  }
  if (input.exampleFigures !== undefined && input.exampleFigures.length > 0) {
    paragraphs.push(`This run uses illustrative example data that is not evidence (${input.exampleFigures.join(", ")}; data/evidence/examples.json): its results show how the method works, not what a treatment achieves.`);
  }
  paragraphs.push(s.replicates > 0 ? replicatesText(s.replicates, input) : "No parameter-uncertainty replicates were run (replicates = 0): the intervals reflect the sampling of patients only, not the uncertainty of the published figures.");
  paragraphs.push(
    `Survival was estimated by the Kaplan–Meier method (Greenwood standard errors, log-transformed limits; medians as R's print(survfit)); survival at ${analysis.landmarks.join(", ")} months; the strategies were compared by Cox proportional-hazards models (Efron ties) against ${reference}, by the restricted mean survival time up to ${analysis.tau} months and, descriptively, by the log-rank statistic. ` +
      "These estimators reproduce R's survival package to rounding error (tested against R fixtures).",
  );
  paragraphs.push(
    "Three kinds of uncertainty are reported and kept apart. (1) Monte Carlo error — how much the simulation's own randomness, i.e. which synthetic patients happened to be drawn, could move a figure. For one strategy's median or landmark survival it is the Kaplan–Meier interval of the simulated patients; for a difference between strategies (hazard ratio, difference in median or restricted mean survival) it is paired, because the same patients go through every strategy, and is estimated by batch means: the Cox hazard ratio and the differences are computed within batches of 512 patients (eight per block of 4,096 patients, the blocks of the random sub-streams), and the spread of the batch values, weighted by their patients, gives the standard error of the whole-cohort figure, with a Student t interval on the batches' degrees of freedom. It shrinks as more patients are simulated and says nothing about the evidence. " +
      `(2) Parameter uncertainty — the 2.5th–97.5th percentile of a figure across the probabilistic-sensitivity replicates, in which the published figures and assumptions are drawn from their sampling distributions (ranges, reported confidence intervals and study sizes, fitted curves)${s.replicates > 0 ? ` (${s.replicates} replicates)` : " (none were run here)"}; it does not shrink with more simulated patients. ` +
      "(3) The spread a real trial of a given size would see — its confidence interval and power — is neither: it is computed by the trial planner (pnen-sim power), with the two strategies as arms. A strategy differs from the reference only for the patients whose pathway it changes, so each comparison also reports that share and the hazard ratio within those patients; a strategy whose changes the outcome model cannot see (no pathway differs, or the treatments swapped share one model) is reported as such, without a hazard ratio.",
  );
  paragraphs.push(
    `Random numbers came from seedrandom's Alea generator with master seed ${s.seed} and independent sub-streams per block of patients, so the results do not depend on the number of worker threads. Software: pnen-sim ${input.packageVersion}; scenario content hash ${s.hash}. ` +
      `The review the figures come from is ${input.source === null ? "listed under References" : `${input.source.authors} (${input.source.year}), doi:${input.source.doi}`}; every number's source is listed in the scenario's sources and the evidence registry${input.externalSources !== undefined && input.externalSources.length > 0 ? "; evidence from outside the review is listed separately under References" : ""}.`,
  );
  return paragraphs;
}

/**
 * The probabilistic sensitivity analysis in words: how the replicates drew each kind of number (ranges uniformly;
 * medians with a CI, events or n log-normally; whole curves from their fit's covariance), and which figures stayed
 * fixed because the registry knows no spread for them.
 */
function replicatesText(replicates: number, input: ReportInput): string {
  const rows = input.parameterUncertainty ?? [];
  const ids = (test: (r: (typeof rows)[number]) => boolean) => rows.filter(test).map((r) => r.id);
  const ranged = ids((r) => r.distribution === "uniform");
  const ci = ids((r) => r.basis === "ci");
  const size = ids((r) => r.basis === "events" || r.basis === "n");
  const curves = ids((r) => r.distribution === "curve");
  const fixed = ids((r) => r.distribution === "fixed");
  const parts = [
    `ranges uniformly, each side of the base value with probability one half so that the base case is the median draw (the labelled assumptions${ranged.length > 0 ? ` and ${ranged.join(", ")}` : ""})`,
    ...(ci.length > 0 ? [`medians reported with a confidence interval from the log-normal matching it (${ci.join(", ")})`] : []),
    ...(size.length > 0 ? [`medians known with their number of events d or patients n from a log-normal with the standard error of a log median, 1/√d, or √(2/n) with d taken as n/2 (Machin, Cheung & Parmar, Survival Analysis: A Practical Approach, 2006) (${size.join(", ")})`] : []),
    ...(curves.length > 0 ? [`whole curves from the multivariate normal of their fitted parameters, the maximum-likelihood estimates and their covariance (${curves.join(", ")}), each draw recalibrated`] : []),
  ];
  return (
    `Parameter uncertainty was propagated by ${replicates} replicates (probabilistic sensitivity analysis) of the same patients: each replicate drew the model's numbers from their sampling distributions — ${parts.join("; ")} — before simulating the cohort.` +
    (fixed.length > 0 ? ` ${fixed.length} figure${fixed.length === 1 ? " is" : "s are"} known only as a single value, with no range, confidence interval or study size in the registry, and stayed fixed (${fixed.join(", ")}): the replicate spread leaves out their uncertainty.` : "")
  );
}
