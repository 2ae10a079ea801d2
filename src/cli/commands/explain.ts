import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parsePatient, patientFields } from "../../cohort/parsePatient.js";
import { loadRuleThresholds, loadStrategy } from "../../io/loadStrategies.js";
import { explainPathway, type PathwayExplanation } from "../../rules/index.js";
import { InputError } from "../../util/InputError.js";
import { parseJsonInput } from "../../io/parseJsonInput.js";
import { shownValue } from "../../util/shownValue.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import type { Command } from "../Command.js";
import { packageVersion } from "../main.js";
import { parseFlags } from "../parseFlags.js";

const fieldHelp = patientFields
  .map((f) => `  ${f.name.padEnd(25)}${f.default === undefined ? (f.name === "enetsType" ? "required*" : "required") : `default ${JSON.stringify(f.default)}`}${f.description ? `  — ${f.description}` : ""}`)
  .join("\n");

const help = `pnen-sim explain — assign one patient a treatment pathway and explain it, rule by rule

Usage: pnen-sim explain --patient '<json>' [--strategy NAME] [--json]
       pnen-sim explain --patient @patient.json ...

Flags:
  --patient JSON     the patient as a JSON object (or @FILE to read it from a file)
  --strategy NAME    a strategy of data/strategies (default: review; see 'pnen-sim strategies')
  --json             print {version, notice, strategy, grade, enetsType, code, pathway: [{treatment, intent, line, ...}], trace: [...]}

Patient fields (camelCase):
${fieldHelp}
  * enetsType may be left out when lobesInvolved (and contralateralSatellites) are given.

Example:
  pnen-sim explain --patient '{"age":52,"primarySite":"head","ki67":5,"mitoses":1,"enetsType":"I","lesionCount":2,"largestLesionCm":4,"liverInvolvementPct":10}'

Every rule names the section and reference numbers of the review (Lu et al. 2025). Research use only:
this simulates the review's logic; it does not advise on the care of any patient.
`;

/** The explanation as text: the pathway by line, then the trace with a mark per rule (+ fired, - rejected). */
export function formatExplanation(explanation: PathwayExplanation): string {
  const lines = [`Strategy ${explanation.strategy}: ${explanation.grade}, ENETS type ${explanation.enetsType}`, "", "Pathway:"];
  for (const step of explanation.pathway) {
    const extras = [step.order, step.staged ? "staged" : undefined].filter(Boolean).join(", ");
    lines.push(`  line ${step.line}  ${step.treatment.padEnd(18)} ${step.intent}${extras ? ` (${extras})` : ""}`);
  }
  lines.push("", "Decision trace (+ fired, - considered and rejected):");
  for (const entry of explanation.trace) {
    lines.push(`  ${entry.fired ? "+" : "-"} ${entry.text}  [${entry.rule}; §${entry.section}; ref. ${entry.refs.join(", ")}]`);
  }
  lines.push("", `pnen-sim ${packageVersion()}, rules of Lu et al. 2025 (doi:10.7659/j.issn.1005-6947.230441). ${researchUseNotice}`);
  return `${lines.join("\n")}\n`;
}

function readPatientJson(text: string, cwd: string): unknown {
  if (!text.startsWith("@")) return parseJsonInput(text, "pnen-sim explain: --patient");
  const file = text.slice(1);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(cwd, file));
  } catch (error) {
    throw new InputError(`pnen-sim explain: --patient: cannot read ${shownValue(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseJsonInput(bytes, `pnen-sim explain: --patient ${shownValue(file)}`);
}

export const explainCommand: Command = {
  name: "explain",
  summary: "Assign one patient a treatment pathway and explain why, rule by rule",
  help,
  async run(args, io) {
    const { values } = parseFlags("explain", args, {
      patient: { type: "string" },
      strategy: { type: "string", default: "review" },
      json: { type: "boolean", default: false },
    });
    if (values.patient === undefined) throw new InputError("pnen-sim explain: --patient is required (a JSON object; see 'pnen-sim explain --help')");
    const patient = parsePatient(readPatientJson(values.patient, io.cwd));
    const strategy = loadStrategy(values.strategy);
    const explanation = explainPathway(patient, strategy, loadRuleThresholds());
    io.stdout(values.json ? `${JSON.stringify({ version: packageVersion(), notice: researchUseNotice, ...explanation }, null, 2)}\n` : formatExplanation(explanation));
    return 0;
  },
};
