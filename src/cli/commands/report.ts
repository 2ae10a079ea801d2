import { join, relative } from "node:path";
import { dataDir } from "../../io/projectRoot.js";
import { runReportNode } from "../../report/runReportNode.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import { InputError } from "../../util/InputError.js";
import type { Command } from "../Command.js";
import { packageVersion } from "../main.js";
import { numberFlag, parseFlags } from "../parseFlags.js";

const help = `pnen-sim report — simulate a scenario and write publication figures, tables and a methods report

Usage: pnen-sim report --scenario NAME|FILE [--n N] [--seed S] [--replicates R] [--compare-structures]
                       [--validate [--trials DIR|FILE] [--validation-n N]] [--out DIR]

  --scenario NAME|FILE  a scenario in data/scenarios/ (e.g. default) or a scenario JSON file (required)
  --n N                 number of synthetic patients (default: the scenario's cohort size)
  --seed S              master seed, a whole number (default: the scenario's)
  --replicates R        probabilistic-sensitivity replicates for the tornado plots (default 0)
  --compare-structures  also simulate the same patients under the other outcome structure (sequencing or
                        sum-of-lines) and tabulate both (tables/structure_comparison.csv): structural uncertainty
  --validate            add a validation section: the published trials of --trials emulated with the same model
                        and seed, predicted against published medians and hazard ratios, circular ones apart
                        (figures/validation.*, tables/validation.csv; see pnen-sim validate --help)
  --trials DIR|FILE     trial files for --validate (default: the package's data/validation)
  --validation-n N      simulated patients per arm for --validate (default 100,000)
  --out DIR             output folder (default: reports/<scenario name>)

Writes DIR/figures/*.svg, *.png (300 dpi) and *.vl.json (Vega-Lite, to restyle); DIR/tables/*.csv (medians,
landmark survival, hazard ratios, RMST, risk table, calibration with every PFS and OS target, lines received and
the line-1/line-2 correlation, pathways); DIR/report.html, DIR/report.md
and DIR/manifest.json. The same scenario and seed give byte-identical files (manifest times excepted).

${researchUseNotice}
`;

export const reportCommand: Command = {
  name: "report",
  summary: "Simulate a scenario and write publication figures, tables and a methods report",
  help,
  async run(args, io) {
    const { values } = parseFlags("report", args, {
      scenario: { type: "string" },
      n: { type: "string" },
      seed: { type: "string" },
      replicates: { type: "string" },
      out: { type: "string" },
      "compare-structures": { type: "boolean", default: false },
      validate: { type: "boolean", default: false },
      trials: { type: "string" },
      "validation-n": { type: "string" },
    });
    if (!values.validate && (values.trials !== undefined || values["validation-n"] !== undefined)) throw new InputError("pnen-sim report: --trials and --validation-n need --validate (see 'pnen-sim report --help')");
    const validationPatientsPerArm = numberFlag("report", "validation-n", values["validation-n"], 100_000, { integer: true, min: 100, max: 10_000_000 });
    if (values.scenario === undefined) throw new InputError("pnen-sim report: --scenario NAME|FILE is required (see 'pnen-sim report --help')");
    const n = values.n === undefined ? undefined : numberFlag("report", "n", values.n, 0, { integer: true, min: 1, max: 100_000_000 });
    const seed = values.seed === undefined ? undefined : numberFlag("report", "seed", values.seed, 0, { integer: true, min: 0, max: 4294967295 });
    const replicates = numberFlag("report", "replicates", values.replicates, 0, { integer: true, min: 0, max: 10000 });
    const written = await runReportNode({
      scenario: values.scenario,
      n,
      seed,
      replicates,
      out: values.out,
      compareStructures: values["compare-structures"] === true,
      validateTrials: values.validate ? values.trials ?? join(dataDir(), "validation") : null,
      validationPatientsPerArm,
      cwd: io.cwd,
      packageVersion: packageVersion(),
      command: ["pnen-sim", "report", ...args].join(" "),
      onNotice: (line) => io.stderr(`${line}\n`),
      handleSignals: true,
      progress: io.stderrIsTTY ? (message) => io.stderr(`pnen-sim report: ${message}\n`) : undefined,
    });
    for (const warning of written.warnings) io.stderr(`pnen-sim report: warning: ${warning}\n`);
    const inside = relative(io.cwd, written.folder);
    const where = inside === "" ? "." : inside.startsWith("..") ? written.folder : inside;
    io.stdout(`Report written to ${where}/report.html (and report.md): ${written.files.length} files in ${where}/ — figures/, tables/, manifest.json\n`);
    return 0;
  },
};
