import { createHash } from "node:crypto";
import { join, relative, resolve } from "node:path";
import { ensureOutputFolderNode, removeCreatedFoldersNode } from "../../figures/ensureOutputFolderNode.js";
import { formatEstimateInterval, formatNumberOrNR } from "../../figures/formatStatistics.js";
import { validationPlotSpec } from "../../figures/validationPlotSpec.js";
import { writeFileAtomic } from "../../io/writeFileAtomic.js";
import { dataDir } from "../../io/projectRoot.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import { safeCsvTable } from "../../report/safeCsvTable.js";
import type { TrialValidation } from "../../validation/compareWithPublished.js";
import { defaultValidationPatientsPerArm, runValidationNode, type ValidationRun } from "../../validation/runValidationNode.js";
import { trialFileJsonSchema } from "../../validation/trialFileJsonSchema.js";
import { validationPlotRows } from "../../report/validationPlotRows.js";
import type { Command } from "../Command.js";
import { numberFlag, parseFlags } from "../parseFlags.js";

const help = `pnen-sim validate — emulate published randomised trials with the model and set the prediction beside the result

Usage: pnen-sim validate [--trials DIR|FILE] [--json] [--n N] [--seed S] [--scenario NAME|FILE] [--out DIR]
       pnen-sim validate --schema

For each trial file (JSON, one per trial; data/validation/ holds RADIANT-3, A6181111 and SANET-p), the trial's
population is drawn from the scenario's cohort narrowed to it (grades, Ki-67 limit, functional and SSTR status,
earlier systemic lines), each arm is run through the outcome model (its treatment or strategy, crossover on
progression, later lines of the review's pathway) and analysed as the trial was: Kaplan-Meier medians and the Cox
hazard ratio of the first arm against the second. The prediction is the analysis of all simulated patients; its
range is the 2.5th-97.5th percentile over emulated trials of the published size (the spread a real trial of that
size would see). A trial is circular when a figure of its own (matched by DOI) is a calibration input or the source
of an assumption of the model, including the overall-survival structure fitted to trial arms: detected from the
registry, reported per endpoint and counted apart in the summary.

Flags:
  --trials DIR|FILE    a folder of trial files (every *.json but *.schema.json) or one file
                       (default: the package's data/validation)
  --json               print the result as JSON instead of a table
  --n N                simulated patients per arm, in whole trials of the published size (default ${defaultValidationPatientsPerArm.toLocaleString("en-US")})
  --seed S             master seed, a whole number (default: the scenario's)
  --scenario NAME|FILE the scenario whose cohort, evidence set and outcome structure are used (default: default)
  --out DIR            also write DIR/validation.json, DIR/validation.csv, the figure DIR/figures/validation.svg,
                       .png (300 dpi), .pdf and .vl.json, and DIR/manifest.json
  --schema             print the JSON Schema of trial files and exit

Trial file fields: id, title, doi, dois (other publications), population {grades, ki67Max, functional,
sstrPositive, progressive, priorSystemicLines, pancreatic, ageMax}, arms [{id, treatment, n}] (first arm
experimental), crossover {from, to, share}, subsequentStrategy, published {pfs, os: {medians, hr {estimate, lower,
upper}, doi}}. A bad field is reported by its path (exit code 2).

${researchUseNotice}
`;

/** The text table of a validation run: one row per trial endpoint with a published HR, circularity, then the summary. */
export function validationTable(run: Pick<ValidationRun, "trials" | "summary">): string {
  const rows: string[][] = [];
  for (const trial of run.trials) {
    for (const endpoint of ["pfs", "os"] as const) {
      const published = trial.published[endpoint];
      if (published === undefined) continue;
      const predicted = trial.predicted[endpoint];
      rows.push([
        trial.id,
        endpoint.toUpperCase(),
        trial.arms.map((a) => `${formatNumberOrNR(predicted.medians[a.id])} (${formatNumberOrNR(published.medians[a.id] ?? null)})`).join(" vs "),
        formatEstimateInterval(predicted.hr.estimate, predicted.hr.lower, predicted.hr.upper),
        formatEstimateInterval(published.hr.estimate, published.hr.lower, published.hr.upper),
        trial.insideCI[endpoint] ? "yes" : "no",
        trial.circularity.endpoints[endpoint] ? "yes" : "no",
      ]);
    }
  }
  const header = ["trial", "endpoint", "median, months: predicted (published), arm 1 vs 2", "HR predicted (trials of that size)", "HR published (95% CI)", "inside CI", "circular"];
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const lines = [header, ...rows].map((r) => r.map((cell, k) => cell.padEnd(widths[k])).join("  ").trimEnd());
  const circular = run.trials.filter((t) => t.circular).map((t) => `  ${t.id}: ${circularityWords(t)}`);
  return [...lines, "", ...(circular.length > 0 ? ["Circular (a figure of the trial feeds the model; found in the registry by DOI):", ...circular, ""] : []), run.summary.text].join("\n");
}

/** Where a trial is circular, in words: per endpoint, the registry ids and what they do. */
export function circularityWords(trial: TrialValidation): string {
  const parts: string[] = [];
  for (const endpoint of ["pfs", "os"] as const) {
    const inputs = trial.circularity.inputs.filter((i) => i.endpoint === endpoint);
    if (inputs.length === 0) continue;
    const seen = new Set<string>();
    const items = inputs.filter((i) => !seen.has(i.registryId) && seen.add(i.registryId)).map((i) => `${i.registryId} (${i.role}${i.arms.length > 0 ? `; arm ${i.arms.join(", ")}` : ""})`);
    parts.push(`${endpoint.toUpperCase()} through ${items.join("; ")}`);
  }
  return parts.join(". ");
}

export const validateCommand: Command = {
  name: "validate",
  summary: "Emulate published randomised trials (RADIANT-3, A6181111, SANET-p) and set the prediction beside the result",
  help,
  async run(args, io) {
    const { values } = parseFlags("validate", args, {
      trials: { type: "string" },
      json: { type: "boolean", default: false },
      n: { type: "string" },
      seed: { type: "string" },
      scenario: { type: "string", default: "default" },
      out: { type: "string" },
      schema: { type: "boolean", default: false },
    });
    if (values.schema) {
      io.stdout(`${JSON.stringify(trialFileJsonSchema(), null, 2)}\n`);
      return 0;
    }
    const patientsPerArm = numberFlag("validate", "n", values.n, defaultValidationPatientsPerArm, { integer: true, min: 100, max: 10_000_000 });
    const seed = values.seed === undefined ? undefined : numberFlag("validate", "seed", values.seed, 0, { integer: true, min: 0, max: 4294967295 });
    const folder = values.out === undefined ? undefined : resolve(io.cwd, values.out);
    const created = folder === undefined ? undefined : ensureOutputFolderNode(folder, "pnen-sim validate: output folder (--out)");
    const started = new Date();
    let run: ValidationRun;
    try {
      run = runValidationNode({ trials: values.trials ?? join(dataDir(), "validation"), cwd: io.cwd, scenario: values.scenario, seed, patientsPerArm });
    } catch (error) {
      // bad trial files or scenario: nothing was written, so the --out folder made for it goes too
      if (folder !== undefined) removeCreatedFoldersNode(created ?? []);
      throw error;
    }
    const json = `${JSON.stringify({ provenance: run.provenance, trials: run.trials, summary: run.summary, notice: researchUseNotice }, null, 2)}\n`;
    io.stdout(values.json ? json : `${validationTable(run)}\n\nEmulated with ${patientsPerArm.toLocaleString("en-US")} simulated patients per arm (seed ${run.provenance.seed}, scenario ${run.provenance.scenario}, evidence set ${run.provenance.evidenceSet}, ${run.provenance.structure} structure); the predicted HR's range is that of emulated trials of the published size.\n${researchUseNotice}\n`);
    if (folder !== undefined) {
      await writeValidationFiles(folder, run, json, ["pnen-sim", "validate", ...args].join(" "), started);
      const inside = relative(io.cwd, folder);
      io.stderr(`pnen-sim validate: wrote ${inside === "" ? "." : inside}/validation.json, validation.csv, figures/validation.*, manifest.json\n`);
    }
    return 0;
  },
};

/** Writes the validation files (rendered in memory first, each file atomically, manifest last). */
async function writeValidationFiles(folder: string, run: ValidationRun, json: string, command: string, started: Date): Promise<void> {
  const { renderFigure } = await import("../../figures/renderNode.js");
  const p = run.provenance;
  const provenance = { "pnen-sim version": p.version, scenario: p.scenario, "scenario hash": p.scenarioHash, seed: String(p.seed), "patients per arm": String(p.patientsPerArm), notice: researchUseNotice };
  const figure = await renderFigure(validationPlotSpec(validationPlotRows(run.trials)), { provenance });
  const csvRows = run.trials.flatMap((t) =>
    (["pfs", "os"] as const).flatMap((endpoint) => {
      const published = t.published[endpoint];
      if (published === undefined) return [];
      const predicted = t.predicted[endpoint];
      const [first, second] = t.arms;
      return [[t.id, endpoint, first.id, second.id, predicted.medians[first.id], predicted.medians[second.id], published.medians[first.id] ?? null, published.medians[second.id] ?? null,
        predicted.hr.estimate, predicted.hr.lower, predicted.hr.upper, published.hr.estimate, published.hr.lower, published.hr.upper, t.insideCI[endpoint] ? 1 : 0, t.circularity.endpoints[endpoint] ? 1 : 0,
        t.circularity.inputs.filter((i) => i.endpoint === endpoint).map((i) => i.registryId).filter((id, k, all) => all.indexOf(id) === k).join(" "), t.replicates, p.version, p.scenarioHash, p.seed]];
    }),
  );
  const csv = safeCsvTable(
    ["trial", "endpoint", "arm_1", "arm_2", "predicted_median_1", "predicted_median_2", "published_median_1", "published_median_2", "predicted_hr", "predicted_hr_2_5", "predicted_hr_97_5",
      "published_hr", "published_hr_lower_95", "published_hr_upper_95", "inside_ci", "circular", "circular_registry_ids", "emulated_trials", "pnen_sim_version", "scenario_hash", "seed"],
    csvRows,
  );
  const files = new Map<string, string | Uint8Array>([
    ["validation.json", json],
    ["validation.csv", csv],
    ["figures/validation.svg", figure.svg],
    ["figures/validation.png", figure.png],
    ["figures/validation.pdf", figure.pdf],
    ["figures/validation.vl.json", figure.json],
  ]);
  for (const [path, content] of files) writeFileAtomic(join(folder, path), content);
  const manifest = {
    tool: "pnen-sim validate",
    ...p,
    command,
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    notice: researchUseNotice,
    files: [...files].map(([path, content]) => ({ path, sha256: createHash("sha256").update(content).digest("hex") })),
  };
  writeFileAtomic(join(folder, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
}
