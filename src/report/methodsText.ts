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
  paragraphs.push(
    s.replicates > 0
      ? `Parameter uncertainty was propagated by ${s.replicates} replicates (probabilistic sensitivity analysis): each replicate drew the model's parameters from their reported ranges before simulating the cohort.`
      : "No parameter-uncertainty replicates were run (replicates = 0): the intervals reflect the sampling of patients only, not the uncertainty of the published figures.",
  );
  paragraphs.push(
    `Survival was estimated by the Kaplan–Meier method (Greenwood standard errors, log-transformed limits; medians as R's print(survfit)); survival at ${analysis.landmarks.join(", ")} months; the strategies were compared by Cox proportional-hazards models (Efron ties) against ${reference}, by the restricted mean survival time up to ${analysis.tau} months and, descriptively, by the log-rank statistic. ` +
      "These estimators reproduce R's survival package to rounding error (tested against R fixtures).",
  );
  paragraphs.push(
    "Three kinds of uncertainty are reported and kept apart. (1) Monte Carlo error — how much the simulation's own randomness, i.e. which synthetic patients happened to be drawn, could move a figure. For one strategy's median or landmark survival it is the Kaplan–Meier interval of the simulated patients; for a difference between strategies (hazard ratio, difference in median or restricted mean survival) it is paired, because the same patients go through every strategy, and is estimated by batch means: the Cox hazard ratio and the differences are computed within batches of 512 patients (eight per block of 4,096 patients, the blocks of the random sub-streams), and the spread of the batch values, weighted by their patients, gives the standard error of the whole-cohort figure, with a Student t interval on the batches' degrees of freedom. It shrinks as more patients are simulated and says nothing about the evidence. " +
      `(2) Parameter uncertainty — the 2.5th–97.5th percentile of a figure across the probabilistic-sensitivity replicates, in which the published figures and assumptions are drawn from their ranges${s.replicates > 0 ? ` (${s.replicates} replicates)` : " (none were run here)"}; it does not shrink with more simulated patients. ` +
      "(3) The spread a real trial of a given size would see — its confidence interval and power — is neither: it is computed by the trial planner (pnen-sim power), with the two strategies as arms. A strategy differs from the reference only for the patients whose pathway it changes, so each comparison also reports that share and the hazard ratio within those patients; a strategy whose changes the outcome model cannot see (no pathway differs, or the treatments swapped share one model) is reported as such, without a hazard ratio.",
  );
  paragraphs.push(
    `Random numbers came from seedrandom's Alea generator with master seed ${s.seed} and independent sub-streams per block of patients, so the results do not depend on the number of worker threads. Software: pnen-sim ${input.packageVersion}; scenario content hash ${s.hash}. ` +
      `The review the figures come from is ${input.source === null ? "listed under References" : `${input.source.authors} (${input.source.year}), doi:${input.source.doi}`}; every number's source is listed in the scenario's sources and the evidence registry${input.externalSources !== undefined && input.externalSources.length > 0 ? "; evidence from outside the review is listed separately under References" : ""}.`,
  );
  return paragraphs;
}
