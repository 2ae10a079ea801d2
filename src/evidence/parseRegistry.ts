import { InputError } from "../util/InputError.js";
import type { Assumption } from "./Assumption.js";
import { effectKinds, sourceCheckStatuses, type Comparator, type ConfidenceInterval, type EvidenceFigure } from "./EvidenceFigure.js";
import { createRegistry, type EvidenceRegistry } from "./EvidenceRegistry.js";
import { describeValue } from "../cohort/fieldSpec.js";
import { FieldReader, isPlainObject } from "./FieldReader.js";
import { outsideFigureSpec, registryFileSpecs, assumptionSpec, lifeTableSpec, referenceSpec, reviewFigureSpec, thresholdSpec, treatmentSpec } from "./registrySpec.js";
import type { Reference, SourceDocument } from "./Reference.js";
import type { RegistryFiles } from "./RegistryFile.js";
import type { Threshold } from "./Threshold.js";
import { treatmentKinds, type Treatment } from "./Treatment.js";
import type { LifeTable } from "./LifeTable.js";
import { readPopulationSpec, type PopulationSpec } from "./PopulationSpec.js";
import { checkCurveData, readEvidenceCurve, type CurveData, type EvidenceCurve } from "./EvidenceCurve.js";


/**
 * Validates every registry file and builds the {@link EvidenceRegistry}. Pure and browser-safe.
 *
 *   files ──▶ per file: which kind (by top-level key) ──▶ per record: fields (FieldReader)
 *         ──▶ across files: unique ids, cited references exist, treatment ids exist, DOIs match references
 *         ──▶ createRegistry (lookups by id)
 *
 * A file holds one kind of record under its key — `figures`, `references` (plus an optional `source`),
 * `thresholds`, `treatments` — or, under an `assumptions/` path, `assumptions`. Every file has a `description`.
 * All problems are collected and thrown together as one {@link InputError} whose lines each name the file,
 * the record (index and id) and the field. Runs in O(total records).
 */
export function parseRegistry(files: RegistryFiles): EvidenceRegistry {
  const problems: string[] = [];
  const figures: { record: EvidenceFigure; where: FieldReader }[] = [];
  const thresholds: { record: Threshold; where: FieldReader }[] = [];
  const treatments: { record: Treatment; where: FieldReader }[] = [];
  const assumptions: { record: Assumption; where: FieldReader }[] = [];
  const references: { record: Reference; where: FieldReader }[] = [];
  const lifeTables: { record: LifeTable; where: FieldReader }[] = [];
  let source: SourceDocument | null = null;
  // patient data of curves (CSV files the Node loader read for a figure's curve.ipd), by path relative to data/
  const ipdFiles = new Map<string, CurveData | string>();
  for (const file of files) if (file.path.endsWith(".csv")) ipdFiles.set(file.path, checkCurveData(file.content));

  for (const file of files) {
    if (file.path.endsWith(".csv")) continue;
    const content = file.content;
    if (!isPlainObject(content)) {
      problems.push(`${file.path}: expected a JSON object with "description" and a list of records, got ${describeValue(content)}`);
      continue;
    }
    const isAssumptionFile = /(^|[\\/])assumptions[\\/]/.test(file.path) || "assumptions" in content;
    const kind = isAssumptionFile ? "assumptions" : (["figures", "references", "thresholds", "treatments", "lifeTables"] as const).find((k) => k in content);
    if (kind === undefined) {
      problems.push(`${file.path}: expected one of the keys "figures", "references", "thresholds", "treatments", "lifeTables" (or an assumptions/ file with "assumptions")`);
      continue;
    }
    const top = new FieldReader(content, file.path, problems, registryFileSpecs[kind], true);
    top.string("description");
    if (kind === "references" && content.source !== undefined) {
      const reader = top.object("source");
      if (reader !== undefined) source = readSource(reader);
    }
    const list = content[kind];
    if (!Array.isArray(list)) {
      top.problem(kind, `expected an array of records, got ${describeValue(list)}`);
      continue;
    }
    top.rejectUnknownFields();
    const topic = file.path.replace(/^.*[\\/]/, "").replace(/\.json$/, "");
    list.forEach((raw, index) => {
      const label = `${file.path}: ${kind}[${index}]`;
      if (!isPlainObject(raw)) {
        problems.push(`${label}: expected an object, got ${describeValue(raw)}`);
        return;
      }
      const name = typeof raw.id === "string" ? ` "${raw.id}"` : typeof raw.number === "number" ? ` (number ${raw.number})` : "";
      const outside = kind === "figures" && (raw.evidenceSet === "external" || raw.evidenceSet === "example");
      const spec = { figures: outside ? outsideFigureSpec : reviewFigureSpec, lifeTables: lifeTableSpec, references: referenceSpec, thresholds: thresholdSpec, treatments: treatmentSpec, assumptions: assumptionSpec }[kind];
      const reader = new FieldReader(raw, `${label}${name}`, problems, spec);
      if (kind === "figures") push(figures, outside ? readOutsideFigure(reader, raw.evidenceSet as "external" | "example", ipdFiles) : readFigure(reader, ipdFiles), reader);
      else if (kind === "lifeTables") push(lifeTables, readLifeTable(reader), reader);
      else if (kind === "references") push(references, readReference(reader), reader);
      else if (kind === "thresholds") push(thresholds, readThreshold(reader), reader);
      else if (kind === "treatments") push(treatments, readTreatment(reader), reader);
      else push(assumptions, readAssumption(reader, topic), reader);
      reader.rejectUnknownFields();
    });
  }

  // Across files: unique ids (one namespace for figures, thresholds, treatments, assumptions).
  const firstSeen = new Map<string, string>();
  for (const { record, where } of [...figures, ...thresholds, ...treatments, ...assumptions, ...lifeTables]) {
    const earlier = firstSeen.get(record.id);
    if (earlier !== undefined) where.problem("id", `duplicate id "${record.id}" (already used by ${earlier})`);
    else firstSeen.set(record.id, where.where);
  }
  const referenceByNumber = new Map<number, Reference>();
  for (const { record, where } of references) {
    if (referenceByNumber.has(record.number)) where.problem("number", `duplicate reference number ${record.number}`);
    else referenceByNumber.set(record.number, record);
  }
  const treatmentIds = new Set(treatments.map((t) => t.record.id));
  const checkRefs = (refs: readonly number[], where: FieldReader) => {
    refs.forEach((n, i) => {
      if (!referenceByNumber.has(n)) where.problem(`refs[${i}]`, `reference ${n} is not in the reference list (${referenceByNumber.size} references loaded)`);
    });
  };
  for (const { record, where } of thresholds) checkRefs(record.refs, where);
  for (const { record, where } of figures) {
    if (record.treatment !== null && !treatmentIds.has(record.treatment)) where.problem("treatment", `unknown treatment id "${record.treatment}" (not in treatments.json)`);
    if (record.evidenceSet === "external" || record.evidenceSet === "example") continue; // cites its own source, not the review's list
    checkRefs(record.refs, where);
    const cited = new Set(record.refs.map((n) => referenceByNumber.get(n)?.doi).filter((d): d is string => typeof d === "string"));
    record.dois.forEach((doi, i) => {
      if (!cited.has(doi)) where.problem(`dois[${i}]`, `"${doi}" is not the DOI of any cited reference (${record.refs.join(", ")})`);
    });
    for (const doi of cited) if (!record.dois.includes(doi)) where.problem("dois", `missing "${doi}", the DOI of a cited reference`);
  }

  if (problems.length > 0) {
    throw new InputError(`evidence registry: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the data files`, problems);
  }
  return createRegistry({
    source,
    figures: figures.map((f) => f.record),
    references: references.map((r) => r.record).sort((a, b) => a.number - b.number),
    thresholds: thresholds.map((t) => t.record),
    treatments: treatments.map((t) => t.record),
    assumptions: assumptions.map((a) => a.record),
    lifeTables: lifeTables.map((t) => t.record),
  });
}

function push<T>(list: { record: T; where: FieldReader }[], record: T | undefined, where: FieldReader): void {
  if (record !== undefined) list.push({ record, where });
}

/** Reads value / low / high: at least value, or both low and high, with low <= high. */
function readRange(reader: FieldReader): { value?: number; low?: number; high?: number } | undefined {
  const value = reader.number("value");
  const low = reader.number("low");
  const high = reader.number("high");
  if (["value", "low", "high"].some((field) => reader.has(field)) && (value ?? low ?? high) === undefined) return undefined; // already reported
  if (value === undefined && low === undefined && high === undefined) {
    reader.problem("value", "expected a value, or both low and high");
    return undefined;
  }
  if ((low === undefined) !== (high === undefined)) {
    reader.problem(low === undefined ? "low" : "high", "expected low and high together");
    return undefined;
  }
  if (low !== undefined && high !== undefined && low > high) {
    reader.problem("low", `expected low <= high, got ${low} > ${high}`);
    return undefined;
  }
  return { ...(value !== undefined && { value }), ...(low !== undefined && { low }), ...(high !== undefined && { high }) };
}

function readFigure(reader: FieldReader, ipdFiles: ReadonlyMap<string, CurveData | string>): EvidenceFigure | undefined {
  const id = reader.string("id");
  const range = readRange(reader);
  const unit = reader.string("unit");
  const endpoint = reader.string("endpoint");
  const treatment = reader.nullableString("treatment");
  const population = reader.string("population");
  const comparatorReader = reader.object("comparator");
  let comparator: Comparator | undefined;
  let comparatorOk = true;
  if (comparatorReader !== undefined) {
    const label = comparatorReader.string("label");
    const value = comparatorReader.number("value");
    const low = comparatorReader.number("low");
    const high = comparatorReader.number("high");
    const p = comparatorReader.number("p");
    comparatorReader.rejectUnknownFields();
    const pOk = p !== undefined || !comparatorReader.has("p");
    comparatorOk = label !== undefined && pOk;
    if (label !== undefined) comparator = { label, ...(value !== undefined && { value }), ...(low !== undefined && { low }), ...(high !== undefined && { high }), ...(p !== undefined && { p }) };
  }
  const section = reader.string("section");
  const refs = reader.integerArray("refs");
  const dois = reader.stringArray("dois");
  const design = reader.string("design");
  const pancreasSpecific = reader.booleanOrMixed("pancreasSpecific");
  const effectKind = reader.oneOf("effectKind", effectKinds);
  const quote = reader.string("quote");
  const note = reader.string("note");
  const populationSpec = optionalPopulationSpec(reader);
  const sampling = readSampling(reader, range, populationSpec ?? undefined, ipdFiles);
  const checkReader = reader.object("sourceCheck");
  const status = checkReader?.oneOf("status", sourceCheckStatuses);
  const checkNote = checkReader?.string("note");
  checkReader?.rejectUnknownFields();
  if (
    id === undefined || range === undefined || unit === undefined || endpoint === undefined || treatment === undefined || population === undefined ||
    !comparatorOk || section === undefined || refs === undefined || dois === undefined || design === undefined || pancreasSpecific === undefined ||
    effectKind === undefined || quote === undefined || status === undefined || checkNote === undefined || populationSpec === null || sampling === undefined
  ) return undefined;
  return {
    id, ...range, unit, endpoint, treatment, population, ...(populationSpec !== undefined && { populationSpec }), ...sampling, ...(comparator !== undefined && { comparator }), section, refs, dois, design,
    pancreasSpecific, effectKind, quote, ...(note !== undefined && { note }), sourceCheck: { status, note: checkNote },
  };
}

/**
 * The optional fields that say how uncertain a figure is and what stands behind it: `ci` (the confidence interval
 * the source reports for `value`: `{lower, upper, level}`, positive, lower ≤ value ≤ upper), `events` (the number of
 * events behind a median, at most the population's n) and `curve` (a whole curve: {@link readEvidenceCurve}).
 * Undefined when any is broken (already reported).
 */
function readSampling(
  reader: FieldReader,
  range: { value?: number; low?: number; high?: number } | undefined,
  populationSpec: PopulationSpec | undefined,
  ipdFiles: ReadonlyMap<string, CurveData | string>,
): { ci?: ConfidenceInterval; events?: number; curve?: EvidenceCurve } | undefined {
  let ok = true;
  let ci: ConfidenceInterval | undefined;
  const ciReader = reader.object("ci");
  if (ciReader !== undefined) {
    const lower = ciReader.number("lower");
    const upper = ciReader.number("upper");
    const level = ciReader.number("level");
    ciReader.rejectUnknownFields();
    if (lower === undefined || upper === undefined || level === undefined) ok = false;
    else if (!(lower > 0 && lower < upper)) {
      ciReader.problem("lower", `expected 0 < lower < upper (a confidence interval of a positive quantity), got ${lower} and ${upper}`);
      ok = false;
    } else if (!(level > 0 && level < 1)) {
      ciReader.problem("level", `expected a confidence level between 0 and 1 (0.95 for a 95% interval), got ${level}`);
      ok = false;
    } else if (range?.value !== undefined && !(lower <= range.value && range.value <= upper)) {
      ciReader.problem("lower", `the interval ${lower}-${upper} does not contain the value ${range.value}`);
      ok = false;
    } else if (range?.value === undefined) {
      ciReader.problem("lower", "a confidence interval needs the point estimate in value");
      ok = false;
    } else ci = { lower, upper, level };
  } else if (reader.has("ci")) ok = false;
  const events = reader.number("events");
  if (reader.has("events") && events === undefined) ok = false;
  if (events !== undefined && populationSpec?.n !== undefined && events > populationSpec.n) {
    reader.problem("events", `expected at most the population's n (${populationSpec.n}), got ${events}`);
    ok = false;
  }
  const curveReader = reader.object("curve");
  const curve = curveReader === undefined ? undefined : readEvidenceCurve(curveReader, ipdFiles);
  curveReader?.rejectUnknownFields();
  if (reader.has("curve") && curve === undefined) ok = false;
  if (!ok) return undefined;
  return { ...(ci !== undefined && { ci }), ...(events !== undefined && { events }), ...(curve !== undefined && { curve }) };
}

/** The optional `populationSpec`: undefined when absent, null when present but broken (already reported). */
function optionalPopulationSpec(reader: FieldReader): PopulationSpec | undefined | null {
  const specReader = reader.object("populationSpec");
  if (specReader === undefined) return reader.has("populationSpec") ? null : undefined;
  return readPopulationSpec(specReader) ?? null;
}

function readComparator(reader: FieldReader): { comparator?: Comparator; ok: boolean } {
  const comparatorReader = reader.object("comparator");
  if (comparatorReader === undefined) return { ok: !reader.has("comparator") };
  const label = comparatorReader.string("label");
  const value = comparatorReader.number("value");
  const p = comparatorReader.number("p");
  comparatorReader.rejectUnknownFields();
  if (label === undefined || (p === undefined && comparatorReader.has("p"))) return { ok: false };
  return { comparator: { label, ...(value !== undefined && { value }), ...(p !== undefined && { p }) }, ok: true };
}

/**
 * A figure from outside the review: "external" (data/evidence/external.json) — like a review figure, but with
 * its own `source` citation and DOIs instead of the review's section, reference numbers and quote, and a
 * required structured population — or "example" (data/evidence/examples.json): an illustrative record that is
 * NOT evidence (e.g. the example curve of data/curves/), which a scenario uses only when it names it; its DOIs
 * (of what it was anchored on) may be empty. The id starts with the set's name ("external.", "example.").
 */
function readOutsideFigure(reader: FieldReader, set: "external" | "example", ipdFiles: ReadonlyMap<string, CurveData | string>): EvidenceFigure | undefined {
  const prefix = `${set}.`;
  const id = reader.string("id");
  if (id !== undefined && !id.startsWith(prefix)) reader.problem("id", `an ${set} figure's id starts with "${prefix}", got "${id}"`);
  const range = readRange(reader);
  const unit = reader.string("unit");
  const endpoint = reader.string("endpoint");
  const treatment = reader.nullableString("treatment");
  const population = reader.string("population");
  const specReader = reader.object("populationSpec");
  const populationSpec = specReader === undefined ? undefined : readPopulationSpec(specReader);
  const sampling = readSampling(reader, range, populationSpec, ipdFiles);
  const { comparator, ok: comparatorOk } = readComparator(reader);
  const design = reader.string("design");
  const pancreasSpecific = reader.booleanOrMixed("pancreasSpecific");
  const effectKind = reader.oneOf("effectKind", effectKinds);
  const source = reader.string("source");
  const dois = reader.stringArray("dois");
  const needsDoi = set === "external";
  if (needsDoi && dois !== undefined && dois.length === 0) reader.problem("dois", "expected at least one DOI for an external figure");
  const note = reader.string("note");
  const checkReader = reader.object("sourceCheck");
  const status = checkReader?.oneOf("status", sourceCheckStatuses);
  const checkNote = checkReader?.string("note");
  checkReader?.rejectUnknownFields();
  if (
    id === undefined || !id.startsWith(prefix) || range === undefined || unit === undefined || endpoint === undefined || treatment === undefined ||
    population === undefined || populationSpec === undefined || sampling === undefined || !comparatorOk || design === undefined || pancreasSpecific === undefined ||
    effectKind === undefined || source === undefined || dois === undefined || (needsDoi && dois.length === 0) || status === undefined || checkNote === undefined
  ) return undefined;
  return {
    evidenceSet: set, id, ...range, unit, endpoint, treatment, population, populationSpec, ...sampling, ...(comparator !== undefined && { comparator }),
    section: set, refs: [], dois, design, pancreasSpecific, effectKind, source, quote: "", ...(note !== undefined && { note }), sourceCheck: { status, note: checkNote },
  };
}

/** A life table: q by single year of age for "male" and "female", each a probability in [0, 1], as many as each other. */
function readLifeTable(reader: FieldReader): LifeTable | undefined {
  const id = reader.string("id");
  const name = reader.string("name");
  const source = reader.string("source");
  const note = reader.string("note");
  const firstAge = reader.number("firstAge");
  const q = reader.object("probabilityOfDeath");
  const column = (sex: "male" | "female") => q?.numberArray(sex);
  const male = column("male");
  const female = column("female");
  q?.rejectUnknownFields();
  if (male !== undefined && female !== undefined && male.length !== female.length) reader.problem("probabilityOfDeath", `expected as many ages for female as for male, got ${female.length} and ${male.length}`);
  if (id === undefined || name === undefined || source === undefined || firstAge === undefined || male === undefined || female === undefined || male.length !== female.length) return undefined;
  return { id, name, source, ...(note !== undefined && { note }), firstAge, probabilityOfDeath: { male, female } };
}

function readReference(reader: FieldReader): Reference | undefined {
  const number = reader.number("number");
  const authors = reader.string("authors");
  const authorsLatin = reader.string("authorsLatin");
  const title = reader.string("title");
  const titleEnglish = reader.string("titleEnglish");
  const journal = reader.string("journal");
  const journalEnglish = reader.string("journalEnglish");
  const year = reader.number("year");
  const volume = reader.string("volume");
  const pages = reader.string("pages");
  const doi = reader.nullableString("doi");
  const doiAsPrinted = reader.string("doiAsPrinted");
  const language = reader.oneOf("language", ["en", "zh"] as const);
  const note = reader.string("note");
  if (number === undefined || authors === undefined || title === undefined || journal === undefined || year === undefined || doi === undefined || language === undefined) return undefined;
  return {
    number, authors, ...(authorsLatin !== undefined && { authorsLatin }), title, ...(titleEnglish !== undefined && { titleEnglish }), journal,
    ...(journalEnglish !== undefined && { journalEnglish }), year, ...(volume !== undefined && { volume }),
    ...(pages !== undefined && { pages }), doi, ...(doiAsPrinted !== undefined && { doiAsPrinted }), language, ...(note !== undefined && { note }),
  };
}

function readSource(reader: FieldReader): SourceDocument | null {
  const id = reader.string("id");
  const authors = reader.string("authors");
  const title = reader.string("title");
  const titleEnglish = reader.string("titleEnglish");
  const journal = reader.string("journal");
  const year = reader.number("year");
  const doi = reader.string("doi");
  const note = reader.string("note");
  reader.rejectUnknownFields();
  if (id === undefined || authors === undefined || title === undefined || titleEnglish === undefined || journal === undefined || year === undefined || doi === undefined) return null;
  return { id, authors, title, titleEnglish, journal, year, doi, ...(note !== undefined && { note }) };
}

function readThreshold(reader: FieldReader): Threshold | undefined {
  const id = reader.string("id");
  const value = reader.number("value");
  const unit = reader.string("unit");
  const rule = reader.string("rule");
  const section = reader.string("section");
  const refs = reader.integerArray("refs");
  const note = reader.string("note");
  if (id === undefined || value === undefined || unit === undefined || rule === undefined || section === undefined || refs === undefined) return undefined;
  return { id, value, unit, rule, section, refs, ...(note !== undefined && { note }) };
}

function readTreatment(reader: FieldReader): Treatment | undefined {
  const id = reader.string("id");
  const name = reader.string("name");
  const kind = reader.oneOf("kind", treatmentKinds);
  const note = reader.string("note");
  if (id === undefined || name === undefined || kind === undefined) return undefined;
  return { id, name, kind, ...(note !== undefined && { note }) };
}

function readAssumption(reader: FieldReader, topic: string): Assumption | undefined {
  const id = reader.string("id");
  const range = readRange(reader);
  const unit = reader.string("unit");
  const rationale = reader.string("rationale");
  const source = reader.string("source");
  const usedBy = reader.string("usedBy");
  const note = reader.string("note");
  const populationSpec = optionalPopulationSpec(reader);
  if (id === undefined || range === undefined || unit === undefined || rationale === undefined || populationSpec === null) return undefined;
  return { id, ...range, unit, rationale, ...(source !== undefined && { source }), ...(usedBy !== undefined && { usedBy }), ...(note !== undefined && { note }), ...(populationSpec !== undefined && { populationSpec }), topic };
}
