import { validationPlotSpec } from "../figures/validationPlotSpec.js";
import type { TrialValidation } from "../validation/compareWithPublished.js";
import type { ValidationSummary } from "../validation/validationSummary.js";
import type { ReportFigure } from "./reportFigures.js";
import type { ReportTable } from "./ReportTable.js";
import { trialName, validationPlotRows } from "./validationPlotRows.js";

/** What the report needs from a validation run (`pnen-sim report --validate`). */
export interface ReportValidation {
  readonly trials: readonly TrialValidation[];
  readonly summary: ValidationSummary;
  /** Simulated patients per arm of the emulation. */
  readonly patientsPerArm: number;
}

/** A section of the report of its own (after the tables): a heading, text, and the figures and tables it shows. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly figures: readonly ReportFigure[];
  readonly tables: readonly ReportTable[];
}

/**
 * The report's validation section: what was emulated and how (in words), the figure of predicted against published
 * hazard ratios, and the table per trial endpoint with the medians, both intervals, whether the prediction lies in the
 * published CI, and the registry records that make the endpoint circular. Pure; O(trials).
 */
export function validationSection(validation: ReportValidation): ReportSection {
  const { trials, summary } = validation;
  const rows = trials.flatMap((t) =>
    (["pfs", "os"] as const).flatMap((endpoint) => {
      const published = t.published[endpoint];
      if (published === undefined) return [];
      const predicted = t.predicted[endpoint];
      const [first, second] = t.arms;
      const circular = t.circularity.inputs.filter((i) => i.endpoint === endpoint).map((i) => i.registryId).filter((id, k, all) => all.indexOf(id) === k);
      return [[
        trialName(t.id), endpoint.toUpperCase(), `${first.label} vs ${second.label}`,
        predicted.medians[first.id], published.medians[first.id] ?? null, predicted.medians[second.id], published.medians[second.id] ?? null,
        predicted.hr.estimate, predicted.hr.lower, predicted.hr.upper, published.hr.estimate, published.hr.lower, published.hr.upper,
        t.insideCI[endpoint] ? "yes" : "no", circular.length > 0 ? circular.join(", ") : "no",
      ]];
    }),
  );
  const table: ReportTable = {
    name: "validation",
    title: "Published randomised trials emulated by the model: median PFS or OS per arm (months) and hazard ratio, first arm vs second",
    columns: [
      { key: "trial", label: "Trial" },
      { key: "endpoint", label: "Endpoint" },
      { key: "arms", label: "Arms" },
      { key: "predicted_median_1", label: "Median arm 1, predicted", digits: 1 },
      { key: "published_median_1", label: "published", digits: 1 },
      { key: "predicted_median_2", label: "Median arm 2, predicted", digits: 1 },
      { key: "published_median_2", label: "published", digits: 1 },
      { key: "predicted_hr", label: "HR predicted", digits: 2 },
      { key: "predicted_hr_2_5", label: "range of trials of that size, from", digits: 2 },
      { key: "predicted_hr_97_5", label: "to", digits: 2 },
      { key: "published_hr", label: "HR published", digits: 2 },
      { key: "published_hr_lower_95", label: "95% CI lower", digits: 2 },
      { key: "published_hr_upper_95", label: "95% CI upper", digits: 2 },
      { key: "inside_ci", label: "Predicted inside the published CI" },
      { key: "circular", label: "Circular through" },
    ],
    rows,
    note: `${summary.text} Circular: a figure of the same trial (matched by DOI) is a calibration input of the model or the source of one of its assumptions, found in the registry.`,
  };
  const figure: ReportFigure = {
    name: "validation",
    caption:
      "Predicted against published hazard ratios (first arm vs second, log scale) of the emulated randomised trials: the model's prediction (filled square) with the range of hazard ratios that trials of the published size would see under the model (2.5th–97.5th percentile of emulated trials; sampling of patients only), and the published estimate (open diamond) with its 95% confidence interval. Rows marked circular compare an endpoint that a figure of the same trial feeds.",
    spec: validationPlotSpec(validationPlotRows(trials)),
  };
  const named = trials.map((t) => `${trialName(t.id)} (${t.arms.map((a) => `${a.label}, n = ${a.n}`).join("; ")}; doi:${t.doi})`).join("; ");
  const paragraphs = [
    `We emulated ${trials.length} published randomised trial${trials.length === 1 ? "" : "s"} with the same outcome model: ${named}. ` +
      "Each arm's synthetic patients were drawn from the scenario's cohort narrowed to the trial's population (grade mix, Ki-67 limit, functional status, number of earlier systemic lines); each patient received the arm's treatment, crossed over on progression with the published share where the trial allowed it, then continued with the later systemic lines of their own pathway under the review's strategy (attrition between lines as in the model), and was analysed by intention to treat as the trials were: Kaplan–Meier medians and the Cox hazard ratio of the first arm against the second, with complete follow-up. " +
      `The prediction is the analysis of ${validation.patientsPerArm.toLocaleString("en-US")} simulated patients per arm; its range, the 2.5th–97.5th percentile over emulated trials of the published arm sizes, is the spread a real trial of that size would see from the sampling of its patients alone (parameter uncertainty not included).`,
    "A comparison is circular when a figure of the same trial is a calibration input of the model or the source of one of its assumptions: the registry's records are matched to the trial's DOIs, including the overall-survival structure, whose post-progression death rates were fitted to the overall survival of RADIANT-3, A6181111 and E2211 arms. Circular comparisons test the model's consistency, not its predictions, and are counted apart.",
    summary.text,
  ];
  return { id: "validation", title: "Validation against published randomised trials", paragraphs, figures: [figure], tables: [table] };
}
