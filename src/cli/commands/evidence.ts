import { resolve } from "node:path";
import type { Command, CommandIO } from "../Command.js";
import { parseFlags } from "../parseFlags.js";
import { InputError } from "../../util/InputError.js";
import { shownValue } from "../../util/shownValue.js";
import type { EvidenceRegistry } from "../../evidence/EvidenceRegistry.js";
import type { EvidenceFigure } from "../../evidence/EvidenceFigure.js";
import type { EvidenceCurve } from "../../evidence/EvidenceCurve.js";
import { closestIds } from "../../evidence/closestIds.js";
import { formatCitation, doiUrl } from "../../evidence/formatCitation.js";
import { formatQuantity } from "../../evidence/formatQuantity.js";
import { loadRegistry } from "../../io/loadRegistry.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import { packageVersion } from "../main.js";

/** The last line of every table the command prints: which pnen-sim, and the research-use notice. */
const footer = (): string => `pnen-sim ${packageVersion()}. ${researchUseNotice}\n`;
/** Keys added to every JSON object the command prints (arrays from --kind stay arrays). */
const provenance = (): { version: string; notice: string } => ({ version: packageVersion(), notice: researchUseNotice });

const kinds = ["figures", "references", "thresholds", "assumptions", "treatments"] as const;
type Kind = (typeof kinds)[number];

/** The figures `--summary` prints (and `npm start` shows until the engine exists). */
export const headlineFigureIds = [
  "captem.pfs.median",
  "captem.progressionRisk.reduction",
  "conversionThenResection.pfs.median",
  "directResection.pfs.median",
  "surufatinib.pfs.median",
  "sunitinib.os.median",
  "sunitinib.pfs.median",
  "sunitinib.orr",
  "everolimus.os.median",
  "functional.share.china",
  "prrt.g3.dcr",
] as const;

const help = `pnen-sim evidence — the evidence registry: every figure the review reports, its 64 references, the
classification thresholds, the treatment ids and the labelled assumptions.

Usage: pnen-sim evidence [--kind KIND] [--json]
       pnen-sim evidence --id ID [--json]
       pnen-sim evidence --summary

Flags:
  --kind KIND   only one kind: figures, references, thresholds, assumptions, treatments (default: all)
  --id ID       one record with its full citation(s) and DOI link(s): a figure, threshold, treatment or
                assumption id (e.g. captem.pfs.median), or a reference number (e.g. 46)
  --summary     counts of each kind and the headline figures
  --json        print JSON instead of tables
  --data DIR    read DIR/evidence/*.json and DIR/assumptions/*.json instead of the package's data/ folder
  --help        this help

Figures are as the review reports them; see each record's note and sourceCheck before using one.
`;

export const evidenceCommand: Command = {
  name: "evidence",
  summary: "Print the evidence registry (figures of the review, references, thresholds, assumptions)",
  help,
  async run(args, io) {
    const { values } = parseFlags("evidence", args, {
      kind: { type: "string" },
      id: { type: "string" },
      summary: { type: "boolean" },
      json: { type: "boolean" },
      data: { type: "string" },
    });
    const kind = values.kind;
    if (kind !== undefined && !(kinds as readonly string[]).includes(kind)) {
      throw new InputError(`pnen-sim evidence: --kind: expected one of ${kinds.join(", ")}, got '${kind}'`);
    }
    const registry = values.data !== undefined ? loadRegistry(resolve(io.cwd, values.data)) : loadRegistry();
    if (values.id !== undefined) return showOne(registry, values.id, values.json === true, io);
    if (values.summary === true) return showSummary(registry, values.json === true, io);
    const shown: readonly Kind[] = kind !== undefined ? [kind as Kind] : kinds;
    if (values.json === true) {
      const body = kind !== undefined ? registry[kind as Kind] : { ...provenance(), source: registry.source, ...Object.fromEntries(kinds.map((k) => [k, registry[k]])) };
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${shown.map((k) => `${heading(k, registry)}\n${table(k, registry)}`).join("\n")}\n${footer()}`);
    return 0;
  },
};

function heading(kind: Kind, registry: EvidenceRegistry): string {
  return `${kind[0].toUpperCase()}${kind.slice(1)} (${registry[kind].length})`;
}

function table(kind: Kind, registry: EvidenceRegistry): string {
  switch (kind) {
    case "figures":
      return formatTable(["id", "value", "endpoint", "treatment", "refs", "check"], registry.figures.map((f) => [f.id, formatQuantity(f), f.endpoint, f.treatment ?? "-", f.refs.join(","), f.sourceCheck.status]));
    case "references":
      return formatTable(["no", "authors", "year", "journal", "doi"], registry.references.map((r) => [String(r.number), r.authorsLatin ?? r.authors, String(r.year), r.journalEnglish ?? r.journal, r.doi ?? "(none)"]));
    case "thresholds":
      return formatTable(["id", "value", "section", "refs", "rule"], registry.thresholds.map((t) => [t.id, formatQuantity(t), t.section, t.refs.join(",") || "-", t.rule]));
    case "treatments":
      return formatTable(["id", "kind", "name"], registry.treatments.map((t) => [t.id, t.kind, t.name]));
    case "assumptions":
      return registry.assumptions.length === 0
        ? "  (none yet: see data/assumptions/README.md)\n"
        : formatTable(["id", "value", "topic", "rationale"], registry.assumptions.map((a) => [a.id, formatQuantity(a), a.topic, a.rationale]));
  }
}

/** Left-aligned columns separated by two spaces; cells longer than 70 characters are cut with an ellipsis. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cut = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
  const cells = [header, ...rows].map((row) => row.map(cut));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  return cells.map((row) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ")}`.trimEnd()).join("\n") + "\n";
}

function showSummary(registry: EvidenceRegistry, json: boolean, io: CommandIO): number {
  const counts = Object.fromEntries(kinds.map((k) => [k, registry[k].length]));
  const headline = headlineFigureIds.map((id) => registry.figure(id));
  if (json) {
    io.stdout(`${JSON.stringify({ ...provenance(), source: registry.source?.doi ?? null, counts, headline }, null, 2)}\n`);
    return 0;
  }
  const examples = registry.figures.filter((f) => f.evidenceSet === "example").length;
  const source = registry.source !== null ? `${registry.source.titleEnglish} (${registry.source.journal}, doi:${registry.source.doi})` : "(no source record)";
  io.stdout(
    [
      `Evidence registry of ${source}`,
      `  ${kinds.map((k) => `${counts[k]} ${k}`).join(", ")} (of the figures, ${registry.figures.filter((f) => f.evidenceSet === "external").length} external: data/evidence/external.json; ${examples} illustrative example${examples === 1 ? "" : "s"}, not evidence: data/evidence/examples.json)`,
      "",
      "Headline figures (as the review reports them; see --id ID for notes and source checks):",
      formatTable(["id", "value", "comparator", "refs", "kind", "check"], headline.map((f) => [f.id, formatQuantity(f), comparatorText(f), f.refs.join(","), f.effectKind, f.sourceCheck.status])),
      footer(),
    ].join("\n"),
  );
  return 0;
}

function comparatorText(figure: EvidenceFigure): string {
  const c = figure.comparator;
  if (c === undefined) return "-";
  const number = c.value !== undefined || (c.low !== undefined && c.high !== undefined) ? ` ${formatQuantity({ ...c, unit: figure.unit })}` : "";
  return `vs ${c.label}${number}${c.p !== undefined ? `, P=${c.p}` : ""}`;
}

function showOne(registry: EvidenceRegistry, id: string, json: boolean, io: CommandIO): number {
  const found = findRecord(registry, id);
  const refs = "refs" in found.record ? found.record.refs.map((n) => registry.reference(n)) : "number" in found.record ? [found.record] : [];
  if (json) {
    io.stdout(`${JSON.stringify({ ...provenance(), kind: found.kind, record: found.record, citations: refs.map(formatCitation) }, null, 2)}\n`);
    return 0;
  }
  const lines = [`${found.kind.replace(/s$/, "")} ${id}`];
  for (const [key, value] of Object.entries(found.record)) {
    // a curve's patient data in a few words (the full arrays are in --json)
    const curve = key === "curve" ? (value as EvidenceCurve) : undefined;
    const shown = curve?.data !== undefined
      ? { ...curve, data: `${curve.data.time.length} patients, ${curve.data.event.filter((e) => e === 1).length} events (from ${curve.ipd ?? "the record"})` }
      : value;
    lines.push(`  ${key}: ${typeof shown === "object" && shown !== null ? JSON.stringify(shown) : String(shown)}`);
  }
  if ("unit" in found.record) lines.splice(1, 0, `  = ${formatQuantity(found.record)}`);
  if (refs.length > 0 && !("number" in found.record)) {
    lines.push("", "Cited references:");
    for (const reference of refs) {
      lines.push(`  ${formatCitation(reference)}`);
      if (reference.doi !== null) lines.push(`      ${doiUrl(reference.doi)}`);
      if (reference.note !== undefined) lines.push(`      note: ${reference.note}`);
    }
  } else if ("number" in found.record && found.record.doi !== null) {
    lines.push("", `  ${formatCitation(found.record)}`, `  ${doiUrl(found.record.doi)}`);
  }
  io.stdout(`${lines.join("\n")}\n\n${footer()}`);
  return 0;
}

type Found =
  | { kind: "figures"; record: EvidenceRegistry["figures"][number] }
  | { kind: "thresholds"; record: EvidenceRegistry["thresholds"][number] }
  | { kind: "treatments"; record: EvidenceRegistry["treatments"][number] }
  | { kind: "assumptions"; record: EvidenceRegistry["assumptions"][number] }
  | { kind: "references"; record: EvidenceRegistry["references"][number] };

function findRecord(registry: EvidenceRegistry, id: string): Found {
  const reference = /^(?:ref(?:erence)?[:#]?)?(\d+)$/i.exec(id.trim());
  if (reference !== null) {
    // the message names the flag and the number as typed (a 17-digit number would be rounded by Number())
    try {
      return { kind: "references", record: registry.reference(Number(reference[1])) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(`pnen-sim evidence: --id: ${error.message.replace(/^unknown reference number \d+/, `unknown reference number ${shownValue(reference[1]!)}`)}`);
    }
  }
  const figure = registry.figures.find((r) => r.id === id);
  if (figure !== undefined) return { kind: "figures", record: figure };
  const threshold = registry.thresholds.find((r) => r.id === id);
  if (threshold !== undefined) return { kind: "thresholds", record: threshold };
  const treatment = registry.treatments.find((r) => r.id === id);
  if (treatment !== undefined) return { kind: "treatments", record: treatment };
  const assumption = registry.assumptions.find((r) => r.id === id);
  if (assumption !== undefined) return { kind: "assumptions", record: assumption };
  const all = [...registry.figures, ...registry.thresholds, ...registry.treatments, ...registry.assumptions].map((r) => r.id);
  const near = closestIds(id, all, 5);
  throw new InputError(
    `pnen-sim evidence: --id: unknown id '${id}'${near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(", ")}?` : ""} (list them with 'pnen-sim evidence --kind figures')`,
  );
}
