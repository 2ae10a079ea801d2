/**
 * Framework data loader (run by `tsx` at build and preview time): `pnen-sim validate` on the trial files shipped in
 * data/validation/ (the default scenario, its seed, 100,000 simulated patients per arm), for the Validation page.
 * The emulation takes ~10 s, too long for a page load in the browser, so it runs here once per build.
 *
 *   data/validation/*.json ─► runValidationNode ─► {provenance, trials, summary, table (the CLI's text), circularity words}
 */
import { fileURLToPath } from "node:url";
import { circularityWords, validationTable } from "../../src/cli/commands/validate.js";
import { runValidationNode } from "../../src/validation/runValidationNode.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const run = runValidationNode({ trials: "data/validation", cwd: root });
process.stdout.write(JSON.stringify({
  provenance: run.provenance,
  trials: run.trials,
  summary: run.summary,
  table: validationTable(run),
  circularity: Object.fromEntries(run.trials.filter((t) => t.circular).map((t) => [t.id, circularityWords(t)])),
}));
