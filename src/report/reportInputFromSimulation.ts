import type { Scenario } from "../cohort/Scenario.js";
import { EnetsTypes, Grades } from "../cohort/Patient.js";
import type { EvidenceRegistry } from "../evidence/EvidenceRegistry.js";
import type { Reference } from "../evidence/Reference.js";
import type { CalibrationEntry } from "../simulate/calibrationReport.js";
import type { OutcomeModel } from "../simulate/OutcomeModel.js";
import { outcomeAssumptionSources, sequencingAssumptionSources } from "../simulate/outcomeSources.js";
import { outcomeParameterSampling } from "../simulate/OutcomeParameters.js";
import type { SimulationResult } from "../simulate/simulate.js";
import type { SimulationSummary } from "../simulate/summarise.js";
import type { ReportInput, ReportReplicate, ReportStructureRow } from "./ReportInput.js";
import { sequencingSummary } from "../simulate/sequencingSummary.js";
import { shortTreatmentName } from "./shortTreatmentNames.js";
import { replicateMedianDifferences, strategyComparisons, withParameterUncertainty } from "../simulate/strategyComparisons.js";
import { summariseReplicates } from "../simulate/replicates.js";

/** What the report adapter needs from a run besides the result itself. */
export interface SimulationRun {
  readonly result: SimulationResult;
  readonly registry: EvidenceRegistry;
  /** The strategies compared, with their names in words (src/rules `Strategy`). */
  readonly strategies: readonly { readonly id: string; readonly name: string; readonly description?: string }[];
  readonly calibration: readonly CalibrationEntry[];
  /** Per replicate: the outcome model it drew and its summary. */
  readonly replicates: readonly { readonly model: OutcomeModel; readonly summary: SimulationSummary }[];
  /** `scenarioHash(scenario)`: "sha256:…". */
  readonly scenarioHash: string;
  readonly packageVersion: string;
  readonly command: string;
  /** Medians under both structures (`pnen-sim report --compare-structures`). */
  readonly structureComparison?: readonly ReportStructureRow[];
}

/**
 * Adapts a simulation run (src/simulate) to the report's input: columns per strategy, subgroups from the
 * cohort columns, the methods' distribution and outcome-model lines with their source ids, and the
 * references behind every evidence figure used (by the scenario's sources, the outcome model and the
 * calibration). Pure; O(n × strategies).
 */
export function reportInputFromSimulation(run: SimulationRun): ReportInput {
  const { result, registry } = run;
  const scenario = result.scenario;
  const names = Object.fromEntries(registry.treatments.map((t) => [t.id, t.name]));
  const strategyInfo = new Map(run.strategies.map((s) => [s.id, s]));
  const model = result.model;
  const usedTreatments = new Set(result.pathwayLabels.flatMap((label) => label.split(/[>+]/)));

  const figureIds = new Set<string>();
  const note = (id: string | null | undefined) => {
    if (id !== null && id !== undefined && registry.figures.some((f) => f.id === id)) figureIds.add(id);
  };
  for (const id of Object.values(scenario.sources ?? {})) note(id);
  for (const [id, t] of Object.entries(model.parameters.treatments)) {
    if (!usedTreatments.has(id)) continue;
    note(t.pfsSource);
    if (model.structure === "sum-of-lines") note(t.osSource);
  }
  for (const c of run.calibration) note(c.id);
  // external evidence (data/evidence/external.json) is cited by its own source, not by the review's reference list
  const externalIds = [...figureIds].filter((id) => registry.figure(id).evidenceSet === "external").sort();
  for (const id of externalIds) figureIds.delete(id);
  // one reference per DOI, cited with the source text of the record that has only that DOI (a range record such
  // as external.lowGrade.os.median cites the trials it spans through their own records)
  const bySourceText = new Map<string, { text: string; doi: string | null; figures: string[] }>();
  for (const id of externalIds) {
    for (const doi of registry.figure(id).dois) {
      const primary = registry.figures.find((f) => f.evidenceSet === "external" && f.dois.length === 1 && f.dois[0] === doi);
      const entry = bySourceText.get(doi) ?? { text: primary?.source ?? registry.figure(id).source ?? id, doi, figures: [] };
      entry.figures.push(id);
      bySourceText.set(doi, entry);
    }
  }
  const externalSources = [...bySourceText.values()];
  const referenceNumbers = new Set<number>();
  for (const id of figureIds) for (const number of registry.figure(id).refs) referenceNumbers.add(number);
  const references: Reference[] = [...referenceNumbers]
    .sort((a, b) => a - b)
    .flatMap((number) => {
      const found = registry.references.find((r) => r.number === number);
      return found === undefined ? [] : [found];
    });

  // Labelled assumptions used: by the scenario, the outcome model's medians and its other numbers.
  const assumptionIds = new Set<string>();
  const noteAssumption = (id: string | null | undefined) => {
    if (id !== null && id !== undefined && registry.assumptions.some((a) => a.id === id)) assumptionIds.add(id);
  };
  for (const id of Object.values(scenario.sources ?? {})) noteAssumption(id);
  for (const [id, t] of Object.entries(model.parameters.treatments)) {
    if (!usedTreatments.has(id)) continue;
    noteAssumption(t.pfsSource);
    noteAssumption(t.osSource);
  }
  for (const id of Object.values(outcomeAssumptionSources)) noteAssumption(id);
  if (model.structure === "sequencing") for (const id of Object.values(sequencingAssumptionSources)) noteAssumption(id);
  const bySource = new Map<string, { text: string; doi: string | null; assumptions: string[] }>();
  for (const id of [...assumptionIds].sort()) {
    const text = registry.assumption(id).source;
    if (text === undefined || text.trim() === "") continue;
    const doi = /\b(10\.\d{4,9}\/[^\s;,]+[^\s;,.)])/.exec(text)?.[1] ?? null;
    const key = doi ?? text;
    const entry = bySource.get(key) ?? { text, doi, assumptions: [] };
    if (text.length > entry.text.length) entry.text = text;
    entry.assumptions.push(id);
    bySource.set(key, entry);
  }
  const assumptionSources = [...bySource.values()];

  const outcomeModels = [...usedTreatments]
    .filter((id) => model.parameters.treatments[id] !== undefined)
    .sort((a, b) => (names[a] ?? a).localeCompare(names[b] ?? b))
    .map((id) => {
      const t = model.parameters.treatments[id];
      const os = t.osMedian === null || model.structure === "sequencing" ? "" : `, OS median ${round(t.osMedian)} months [${t.osSource}]`;
      const index = model.treatmentIds.indexOf(id);
      const baseline = model.pfsCurves?.[index] ?? null;
      if (t.curve !== null && baseline !== null) {
        return `${names[id] ?? id}: PFS from a whole curve, the ${t.curve.distribution} fit of ${t.curve.followUpMonths.toFixed(0)} months of patient data (median ${round(t.pfsMedian)} months) [${t.pfsSource}], its baseline calibrated on the figure's population to a ${baseline.family} of shape ${round(baseline.shape)} and scale ${round(model.pfsScale[index]!)} months${os}`;
      }
      return `${names[id] ?? id}: PFS median ${round(t.pfsMedian)} months [${t.pfsSource}]${os}`;
    });
  if (model.structure === "sum-of-lines") {
    outcomeModels.push(
      `Weibull shapes ${round(model.pfsShape)} for progression-free and ${round(model.ppsShape)} for post-progression survival; ${round(model.deathShare * 100)}% of progression-free-survival events are deaths`,
    );
  } else outcomeModels.push(`Weibull shape ${round(model.pfsShape)} for progression-free survival on every line`);
  const summary = sequencingSummary(result);
  const q = model.parameters.sequencing;
  const sequencingLines = model.sequencing === null ? [] : [
    `next line started after progression with probability ${percent(q.nextLineLowGrade)} (G1/G2), ${percent(q.nextLineG3)} (G3 NET) and ${percent(q.nextLineNec)} (NEC) after the first line, times ${round(q.nextLineDecline)} for each further line [outcome.nextLine.*]`,
    `${round(q.gapMonths)} month${q.gapMonths === 1 ? "" : "s"} from progression to the next line [outcome.gapMonths]`,
    `post-progression death rate ${round(q.ppsRateLowGrade)} (G1/G2), ${round(q.ppsRateG3)} (G3 NET) and ${round(q.ppsRateNec)} (NEC) per month before patient factors, fitted to external overall-survival targets [outcome.pps.rate.*]`,
    `disease death on treatment at ${round(q.onTreatmentDeathRatio)} times the post-progression rate [outcome.onTreatmentDeathRatio]`,
    `a log-normal patient frailty of log-variance ${round(q.frailtyLogVariance)} multiplying the progression hazard of every line [outcome.frailty.logVariance]`,
    `deaths from other causes from the life table ${model.sequencing.background.tableId} (${registry.lifeTables.find((t) => t.id === model.sequencing!.background.tableId)?.name ?? ""})`,
  ];

  return {
    packageVersion: run.packageVersion,
    scenario: {
      name: scenario.name,
      description: scenario.description,
      hash: run.scenarioHash,
      seed: result.seed,
      n: result.n,
      replicates: run.replicates.length,
      distributions: describeCohort(scenario),
      followUp: describeFollowUp(scenario),
      outcomeModels,
    },
    referenceStrategy: result.referenceStrategy,
    strategies: result.strategies.map((id, s) => ({
      id,
      label: strategyInfo.get(id)?.name ?? id,
      description: strategyInfo.get(id)?.description,
      pfs: { time: result.outcomes[s].pfsMonths, event: result.outcomes[s].pfsEvent },
      os: { time: result.outcomes[s].osMonths, event: result.outcomes[s].osEvent },
      pathway: result.outcomes[s].pathway,
      pathwayLabels: result.pathwayLabels,
    })),
    subgroups: [
      { name: "WHO grade", levels: [...Grades], codes: result.cohort.grade },
      { name: "Functional status", levels: ["Non-functional", "Functional"], codes: Uint8Array.from(result.cohort.syndrome, (code) => (code === 0 ? 0 : 1)) },
      { name: "ENETS type", levels: EnetsTypes.map((t) => `Type ${t}`), codes: result.cohort.enetsType },
    ],
    calibration: run.calibration.map((c) => ({
      id: c.id, treatment: c.treatment, endpoint: c.endpoint, target: c.target, simulated: c.simulated, lower: c.lower, upper: c.upper,
      ...(c.measure !== undefined && { measure: c.measure }), ...(c.population !== undefined && { population: c.population }), ...(c.range !== undefined && { range: c.range }), ...(c.role !== undefined && { role: c.role }),
      ...(c.landmarks !== undefined && { landmarks: c.landmarks }), ...(c.curve !== undefined && { curve: c.curve }),
    })),
    parameterUncertainty: outcomeParameterSampling(registry, model.parameters, model.structure)
      .map((row) => ({ ...row, treatments: row.treatments.filter((id) => usedTreatments.has(id)).map((id) => names[id] ?? id) }))
      .filter((row) => row.treatments.length > 0),
    exampleFigures: [...figureIds].filter((id) => registry.figure(id).evidenceSet === "example").sort(),
    replicates: run.replicates.map((r) => replicateRow(r.model, r.summary, names)),
    source: registry.source,
    references,
    assumptionSources,
    treatmentNames: names,
    symptomTreatments: registry.treatments.filter((t) => t.kind === "symptom").map((t) => t.id),
    command: run.command,
    outcomeModel: {
      structure: model.structure,
      evidenceSet: summary.evidence.set,
      trialTreatments: Object.entries(summary.evidence.treatments).filter(([, set]) => set === "trials").map(([id]) => names[id] ?? id),
      sequencingLines,
    },
    sequencing: summary.strategies.map((s) => ({
      strategy: strategyInfo.get(s.strategy)?.name ?? s.strategy,
      lineShares: s.lineShares,
      spearmanOverall: s.line1Line2Spearman.overall.estimate,
      spearmanWithinGrade: s.line1Line2Spearman.withinGrade.estimate,
      pairs: s.line1Line2Spearman.overall.pairs,
    })),
    externalSources,
    comparisons: run.replicates.length === 0
      ? strategyComparisons(result)
      : withParameterUncertainty(strategyComparisons(result), summariseReplicates(run.replicates.map((r) => r.summary)), replicateMedianDifferences(run.replicates.map((r) => r.summary))),
    ...(run.structureComparison !== undefined && { structureComparison: run.structureComparison }),
  };
}

function replicateRow(model: OutcomeModel, summary: SimulationSummary, names: Readonly<Record<string, string>>): ReportReplicate {
  const parameters: Record<string, number> = {};
  for (const [id, t] of Object.entries(model.parameters.treatments)) {
    parameters[`${shortTreatmentName(id, names)} median PFS`] = t.pfsMedian;
    if (t.osMedian !== null) parameters[`${shortTreatmentName(id, names)} median OS`] = t.osMedian;
  }
  for (const [name, value] of Object.entries(model.parameters.assumptions)) parameters[assumptionNames[name] ?? name] = value;
  if (model.structure === "sequencing") {
    for (const [name, value] of Object.entries(model.parameters.sequencing)) if (sequencingNames[name] !== undefined) parameters[sequencingNames[name]] = value;
  }
  const medians: Record<string, { pfs: number | null; os: number | null }> = {};
  for (const s of summary.strategies) medians[s.strategy] = { pfs: s.pfs.median.estimate, os: s.os.median.estimate };
  return { parameters, medians };
}

/** Words for the outcome model's assumption names (src/simulate/outcomeSources.ts), for the tornado plot. */
const assumptionNames: Readonly<Record<string, string>> = {
  pfsShape: "PFS Weibull shape",
  ppsShape: "Post-progression Weibull shape",
  ppsMedian: "Post-progression median",
  deathShare: "Deaths among PFS events",
  hrLaterLine: "HR per later line",
  hrGradeG2: "HR grade G2",
  hrGradeG3: "HR grade G3",
  hrGradeNec: "HR NEC",
  hrKi67Per10: "HR per 10 Ki-67 points",
  hrFunctional: "HR functional tumour",
  hrEnetsII: "HR ENETS type II",
  hrEnetsIII: "HR ENETS type III",
  hrExtrahepatic: "HR extrahepatic disease",
  hrDebulkingEffective: "HR effective debulking",
  hrComorbidity: "HR serious comorbidity",
  hrInadequateReserve: "HR inadequate liver reserve",
  hrAgePer10Years: "HR per 10 years of age",
  ageReference: "Reference age of the age HR",
};

/** Words for the sequencing structure's drawn numbers (the calibration seed and cohort size are not drawn). */
const sequencingNames: Readonly<Record<string, string>> = {
  ppsRateLowGrade: "Post-progression death rate G1/G2",
  ppsRateG3: "Post-progression death rate G3",
  ppsRateNec: "Post-progression death rate NEC",
  onTreatmentDeathRatio: "On-treatment death ratio",
  nextLineLowGrade: "Next-line probability G1/G2",
  nextLineG3: "Next-line probability G3",
  nextLineNec: "Next-line probability NEC",
  nextLineDecline: "Next-line decline per line",
  gapMonths: "Gap between lines",
  frailtyLogVariance: "Frailty log-variance",
};

const round = (x: number) => String(Number(x.toPrecision(4)));
const percent = (x: number) => `${Number((x * 100).toPrecision(3))}%`;

/** One methods line per cohort field: words, values and the source ids the scenario gives for it. */
function describeCohort(scenario: Scenario): string[] {
  const sources = scenario.sources ?? {};
  const lines: string[] = [];
  for (const [key, value] of Object.entries(scenario.cohort as Record<string, unknown>)) {
    if (key === "size") continue;
    const ids = [...new Set(Object.entries(sources).filter(([path]) => path === `cohort.${key}` || path.startsWith(`cohort.${key}.`)).map(([, id]) => id))];
    const text = describeValue(value);
    if (text === null) continue;
    lines.push(`${fieldWords(key)} ${text}${ids.length === 0 ? "" : ` [${ids.join(", ")}]`}`);
  }
  return lines;
}

function describeValue(value: unknown): string | null {
  if (typeof value === "number") return value >= 0 && value <= 1 ? percent(value) : round(value);
  if (value === null || typeof value !== "object") return null;
  const record = value as Record<string, unknown>;
  if (typeof record.mean === "number" && typeof record.sd === "number") {
    return `normal, mean ${round(record.mean)}, SD ${round(record.sd)}${typeof record.min === "number" && typeof record.max === "number" ? `, truncated to ${round(record.min)}–${round(record.max)}` : ""}`;
  }
  if (typeof record.min === "number" && typeof record.max === "number") return `${round(record.min)}–${round(record.max)}`;
  const entries = Object.entries(record);
  if (entries.every(([, v]) => typeof v === "number")) return entries.map(([k, v]) => `${k} ${percent(v as number)}`).join(", ");
  if (entries.every(([, v]) => typeof v === "object" && v !== null)) {
    const parts = entries.map(([k, v]) => `${k} ${describeValue(v)}`);
    return parts.join(", ");
  }
  return null;
}

/** "functionalShare" → "Functional share:"; "ki67ByGrade" → "Ki-67 by grade:"; "largestLesionCmByType" → "Largest lesion (cm) by type:". */
function fieldWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\bki67\b/, "Ki-67")
    .replace(/\bpct\b/, "(%)")
    .replace(/\bcm\b/, "(cm)")
    .replace(/\byears\b/, "(years)")
    .replace(/\bsstr\b/, "SSTR")
    .replace(/\benets\b/, "ENETS");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}:`;
}

function describeFollowUp(scenario: Scenario): string {
  const f = scenario.followUp;
  const accrual = f.accrualMonths > 0 ? `Patients entered uniformly over ${round(f.accrualMonths)} months of accrual` : "All patients entered at once";
  const administrative =
    f.additionalFollowUpMonths === undefined ? "without administrative censoring" : `and were followed until ${round(f.additionalFollowUpMonths)} months after the last entry (administrative censoring)`;
  const loss = f.lossToFollowUpPerYear > 0 ? `, with loss to follow-up of ${percent(f.lossToFollowUpPerYear)} per year` : ", without loss to follow-up";
  return `${accrual} ${administrative}${loss}.`;
}
