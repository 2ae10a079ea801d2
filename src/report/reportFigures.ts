import type { TopLevelSpec } from "vega-lite";
import { compositionSpec } from "../figures/compositionSpec.js";
import { forestPlotSpec, type ForestRow } from "../figures/forestPlotSpec.js";
import type { FigureWidth } from "../figures/journalSize.js";
import { endpointNames } from "../figures/KmCurveInput.js";
import { kmComparisonSpec } from "../figures/kmComparisonSpec.js";
import { strategyStyles } from "../figures/strategyStyle.js";
import { tornadoSpec } from "../figures/tornadoSpec.js";
import type { ReportAnalysis, ReportEndpoint } from "./analyseReport.js";
import { ReportEndpoints } from "./analyseReport.js";
import { firstLineCompositionRows, lineFlowRows } from "./pathwayRows.js";
import type { ReportInput } from "./ReportInput.js";
import { tornadoRowsFromReplicates } from "./tornadoRowsFromReplicates.js";
import { tornadoNoiseBand } from "./tornadoNoiseBand.js";
import type { StrategyComparison } from "../simulate/strategyComparisons.js";

/** One figure of the report: written as figures/<name>.{svg,png,vl.json}. */
export interface ReportFigure {
  readonly name: string;
  /** Caption, starting with what the figure shows. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

export interface ReportFigureOptions {
  /** Width of the Kaplan–Meier and forest figures; default "double" (183 mm). Others are single column. */
  readonly wideFigureWidth?: FigureWidth;
}

/**
 * The figures of the report, from the analysis: Kaplan–Meier comparisons of PFS and OS (with risk tables,
 * hazard ratios with their Monte Carlo interval, no p-value), forest plots of hazard ratios (strategies, and the primary comparison by subgroup),
 * tornado plots from the replicates (when there are at least 3), pathway composition and the flow from first
 * to second line of the reference strategy. Pure; O(table rows).
 */
export function reportFigures(analysis: ReportAnalysis, input: ReportInput, options: ReportFigureOptions = {}): { figures: ReportFigure[]; notes: string[] } {
  const wide = options.wideFigureWidth ?? "double";
  const referenceLabel = analysis.reference.strategy.label;
  const figures: ReportFigure[] = [];
  const notes: string[] = [];
  const styles = strategyStyles(analysis.strategies.map((s) => s.strategy.id));
  for (const endpoint of ReportEndpoints) {
    const words = endpointNames[endpoint];
    figures.push({
      name: `km-${endpoint}`,
      caption: `Kaplan–Meier estimates of ${words.long} by strategy (${input.scenario.n.toLocaleString("en-US")} synthetic patients through each strategy), with 95% pointwise Monte Carlo bands (the simulated patients' sampling error), censoring ticks, medians (dashed) and numbers at risk. Hazard ratios against ${referenceLabel} from Cox models, with their paired 95% Monte Carlo interval (how much the simulation's own randomness could move them; parameter uncertainty is in the hazard-ratio table). No p-value is printed: with thousands of simulated patients almost any difference is "significant"; read the sizes of the differences.`,
      spec: kmComparisonSpec(
        analysis.strategies.map((s) => ({ label: s.strategy.label, km: s[endpoint].km, atRisk: s[endpoint].atRisk, style: styles.get(s.strategy.id) })),
        {
          endpoint,
          width: wide,
          atRiskTimes: analysis.atRiskTimes,
          hazardRatios: analysis.strategies.flatMap((s) => {
            const hr = s[endpoint].hazardRatio;
            return hr === null || hr.estimate === null || hr.lower === null || hr.upper === null ? [] : [{ comparison: `${s.strategy.label} vs ${referenceLabel}`, estimate: hr.estimate, lower: hr.lower, upper: hr.upper }];
          }),
          hazardRatioTitle: "Hazard ratio (95% Monte Carlo interval)",
        },
      ),
    });
  }
  for (const endpoint of ReportEndpoints) {
    const rows = forestRows(analysis, endpoint, input.comparisons ?? []);
    if (rows.length === 0) continue;
    figures.push({
      name: `forest-${endpoint}`,
      caption: `Hazard ratios for ${endpointNames[endpoint].long} (Cox, log scale) with their paired 95% Monte Carlo interval — the simulation's own randomness, not a trial's confidence interval: each strategy against ${referenceLabel}${(input.comparisons ?? []).length > 0 ? ", then the same within the patients whose pathway the strategy changes" : ""}${analysis.primaryComparison === null || analysis.subgroupHazardRatios.length === 0 ? "" : `, and ${analysis.primaryComparison.strategy.label} against ${referenceLabel} within subgroups`}.`,
      spec: forestPlotSpec(rows, { width: wide, endpointName: endpointNames[endpoint].long, favoursBelow: "strategy", favoursAbove: referenceLabel, intervalTitle: "HR (95% Monte Carlo)" }),
    });
  }
  for (const endpoint of ["os", "pfs"] as const) {
    const rows = tornadoRowsFromReplicates(input.replicates, input.referenceStrategy, endpoint);
    if (rows.length === 0) continue;
    figures.push({
      name: `tornado-${endpoint}`,
      caption: `Parameter uncertainty: median ${endpointNames[endpoint].long} of ${referenceLabel} over the replicates whose draw of each input fell in its lowest and highest third (${input.replicates.length} replicates), against the mean over all replicates; the grey band is where a bar would end by chance alone (95%, from the spread of the replicates), so bars inside it are noise, not effects.${fewReplicatesCaution(input.replicates.length)}`,
      spec: tornadoSpec(rows, { width: wide, outcome: `Median ${endpointNames[endpoint].long} (months)`, lowLabel: "Input in its lowest third", highLabel: "Input in its highest third", noiseBand: noiseBandOf(input.replicates, input.referenceStrategy, endpoint) }),
    });
  }
  if (figures.every((f) => !f.name.startsWith("tornado"))) notes.push("No tornado plot: it needs at least 3 replicates with varied parameters (run with --replicates R, e.g. 50).");
  const skip = new Set(input.symptomTreatments);
  figures.push({
    name: "first-line",
    caption: "Cohort composition by first line of treatment under each strategy (symptom control before surgery not counted; the seven most frequent first lines, others pooled). Every pathway, in full, is in the pathways table.",
    spec: compositionSpec(firstLineCompositionRows(input.strategies, input.treatmentNames, skip), { categoryTitle: "First line of treatment", width: wide }),
  });
  figures.push({
    name: "line-flow",
    caption: `Flow from the first to the second line of treatment under ${referenceLabel}: for each first line, the share of patients by second line.`,
    spec: compositionSpec(lineFlowRows(analysis.reference.strategy, input.treatmentNames, skip), {
      categoryTitle: "Second line",
      axisTitle: "Share of patients with this first line",
      width: wide,
    }),
  });
  const secondToThird = lineFlowRows(analysis.reference.strategy, input.treatmentNames, skip, 6, 1);
  if (secondToThird.length > 0) {
    figures.push({
      name: "line-flow-2-3",
      caption: `Flow from the second to the third line of treatment under ${referenceLabel}: for each second line, the share of patients by third line (patients with a second line).`,
      spec: compositionSpec(secondToThird, { categoryTitle: "Third line", axisTitle: "Share of patients with this second line", width: wide }),
    });
  }
  return { figures, notes };
}

function forestRows(analysis: ReportAnalysis, endpoint: ReportEndpoint, comparisons: readonly StrategyComparison[]): ForestRow[] {
  const referenceLabel = analysis.reference.strategy.label;
  const rows: ForestRow[] = analysis.strategies.flatMap((s) => {
    const hr = s[endpoint].hazardRatio;
    const c = comparisons.find((x) => x.strategy === s.strategy.id);
    if (c !== undefined && c.note !== null) return [{ group: `Strategy vs ${referenceLabel}`, label: s.strategy.label, hazardRatio: null, lower: null, upper: null, note: c.pathwayDiffers.patients === 0 ? "no pathway differs" : "no difference: same model" }];
    return hr === null ? [] : [{ group: `Strategy vs ${referenceLabel}`, label: s.strategy.label, hazardRatio: hr.estimate, lower: hr.lower, upper: hr.upper }];
  });
  // who each strategy changes: the same comparison within the patients whose pathway differs (issue 12)
  for (const c of comparisons) {
    const changed = c[endpoint].changed;
    if (changed === null) continue;
    const label = analysis.strategies.find((s) => s.strategy.id === c.strategy)?.strategy.label ?? c.strategy;
    rows.push({ group: `Patients whose pathway the strategy changes, vs ${referenceLabel}`, label: `${label} (${Number((100 * c.modelDiffers.share).toPrecision(3))}%)`, hazardRatio: changed.hazardRatio.estimate, lower: changed.hazardRatio.monteCarlo.lower, upper: changed.hazardRatio.monteCarlo.upper, n: changed.patients });
  }
  if (analysis.primaryComparison !== null) {
    for (const s of analysis.subgroupHazardRatios.filter((x) => x.endpoint === endpoint)) {
      if (s.hazardRatio.n === 0) continue;
      rows.push({ group: `${s.subgroup}: ${analysis.primaryComparison.strategy.label} vs ${referenceLabel}`, label: s.level, hazardRatio: s.hazardRatio.estimate, lower: s.hazardRatio.lower, upper: s.hazardRatio.upper, n: s.hazardRatio.n, ...(s.hazardRatio.pathwayDiffers === 0 && { note: "no pathway differs" }) });
    }
  }
  return rows;
}

/**
 * Below 30 replicates a tornado bar is the mean of fewer than 10 runs, so the order of the inputs is mostly
 * Monte Carlo noise (with 5 replicates each bar is a single run): the caption says so.
 */
/** The tornado's noise band (tornadoNoiseBand) as the spec takes it; undefined when there are too few replicates. */
function noiseBandOf(replicates: ReportInput["replicates"], strategy: string, endpoint: "pfs" | "os"): { lower: number; upper: number; label: string } | undefined {
  const band = tornadoNoiseBand(replicates, strategy, endpoint);
  return band === null ? undefined : { lower: band.lower, upper: band.upper, label: `Noise: a bar of an input with no effect ends here 95% of the time (means of ${band.perBar} of ${band.replicates} replicates)` };
}

function fewReplicatesCaution(replicates: number): string {
  if (replicates >= 30) return "";
  const perBar = Math.max(1, Math.floor(replicates / 3));
  return ` Caution: with ${replicates} replicates each bar is the mean of ${perBar} run${perBar === 1 ? "" : "s"}, so the order of the inputs is not reliable; use --replicates 50 or more.`;
}
