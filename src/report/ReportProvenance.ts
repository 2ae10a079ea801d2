import type { ReportInput } from "./ReportInput.js";

/** What identifies a report's numbers: written into every output file (CSV columns, SVG metadata, PNG text, JSON usermeta). */
export interface ReportProvenance {
  readonly packageVersion: string;
  readonly scenario: string;
  /** Content hash of the scenario: "sha256:" and the hex SHA-256 of its canonical JSON. */
  readonly scenarioHash: string;
  readonly seed: string;
  readonly n: string;
  readonly replicates: string;
}

export function provenanceOf(input: ReportInput): ReportProvenance {
  return {
    packageVersion: input.packageVersion,
    scenario: input.scenario.name,
    scenarioHash: input.scenario.hash,
    seed: String(input.scenario.seed),
    n: String(input.scenario.n),
    replicates: String(input.scenario.replicates),
  };
}

/** "pnen-sim 0.1.0 · scenario default (sha256 3f2a…) · seed 20250411 · 10,000 patients · 0 replicates". */
export function provenanceLine(p: ReportProvenance): string {
  return `pnen-sim ${p.packageVersion} · scenario ${p.scenario} (${p.scenarioHash}) · seed ${p.seed} · ${Number(p.n).toLocaleString("en-US")} patients · ${p.replicates} replicate${p.replicates === "1" ? "" : "s"}`;
}
