import { InputError } from "../util/InputError.js";

/** The columns of a survival file to read, by header (or field) name. */
export interface SurvivalColumns {
  readonly time: string;
  readonly event: string;
  readonly group?: string;
  readonly strata?: string;
}

/**
 * How the event column codes an event, as R's `Surv(time, status)` reads it: `0/1` (0 censored, 1 event),
 * `1/2` (1 censored, 2 event) or `logical` (FALSE censored, TRUE event).
 */
export const EventCodings = ["0/1", "1/2", "logical"] as const;
export type EventCoding = (typeof EventCodings)[number];
export const isEventCoding = (value: unknown): value is EventCoding => (EventCodings as readonly unknown[]).includes(value);

/** What to do with a row whose time, event, group or stratum is missing (empty, `NA`, `NaN` or an Arrow/Parquet null). */
export const MissingValueActions = ["omit", "fail"] as const;
export type MissingValueAction = (typeof MissingValueActions)[number];

/** Text encodings of CSV/TSV input. `latin1` is read as Windows-1252 (the WHATWG meaning of the label). */
export const TextEncodings = ["utf-8", "latin1"] as const;
export type TextEncoding = (typeof TextEncodings)[number];

/** How to read a survival file. Every field is optional; the defaults follow R's `read.csv` and `Surv`. */
export interface SurvivalReadOptions {
  /**
   * Cell separator of CSV/TSV text: one character (`,` `;` `\t` `|` …) or `auto` (the default): tab or
   * semicolon when the header row holds more of them than commas, else comma.
   */
  readonly delimiter?: string;
  /** `auto` (the default) decides as R's `Surv` does: TRUE/FALSE → logical; numbers whose largest is 2 → 1/2; else 0/1. */
  readonly eventCoding?: EventCoding | "auto";
  /** `omit` (the default, as R's `na.action = na.omit`) drops rows with a missing value and counts them; `fail` stops at the first. */
  readonly na?: MissingValueAction;
  /** Encoding of CSV/TSV text, default `utf-8`; labels that are not valid UTF-8 are an error naming the row. */
  readonly encoding?: TextEncoding;
}

/** Labels coded as integers: `labels[codes[i]]` is the label of row i; labels in order of first appearance. */
export interface CodedLabels {
  readonly labels: readonly string[];
  readonly codes: Int32Array;
}

/** Rows left out because a value was missing: in all, and by column (a row missing two values counts in both). */
export interface DroppedRows {
  readonly rows: number;
  readonly time: number;
  readonly event: number;
  readonly group: number;
  readonly strata: number;
}

/** The file formats `km --input` reads. */
export const SurvivalFileFormats = ["csv", "arrow", "parquet"] as const;
export type SurvivalFileFormat = (typeof SurvivalFileFormats)[number];

/** Survival data read from a file: one entry per kept row, events as 0/1. */
export interface SurvivalData {
  readonly rows: number;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly group?: CodedLabels;
  readonly strata?: CodedLabels;
  readonly dropped: DroppedRows;
  /** How the event column was read (forced, or detected as R's `Surv` does). */
  readonly eventCoding: EventCoding;
  readonly format: SurvivalFileFormat;
}

/** Expands coded labels to one string per row. */
export function expandLabels(coded: CodedLabels): string[] {
  return Array.from(coded.codes, (code) => coded.labels[code]!);
}

/** One sentence on the dropped rows, e.g. "dropped 3 rows with a missing time"; null when none was dropped. */
export function droppedRowsText(dropped: DroppedRows): string | null {
  if (dropped.rows === 0) return null;
  const rows = `${dropped.rows} row${dropped.rows === 1 ? "" : "s"}`;
  const parts = (["time", "event", "group", "strata"] as const).filter((column) => dropped[column] > 0);
  if (parts.length === 1) return `dropped ${rows} with a missing ${parts[0] === "strata" ? "stratum" : parts[0]}`;
  return `dropped ${rows} with a missing value (${parts.map((column) => `${column} ${dropped[column]}`).join(", ")})`;
}

/** Raw event codes while reading, before the coding is known: numbers 0, 1, 2, then FALSE and TRUE. */
export const RawEvent = { zero: 0, one: 1, two: 2, false: 3, true: 4 } as const;
const rawText = ["0", "1", "2", "FALSE", "TRUE"];

/**
 * Turns raw event codes into 0/1 in place and returns the coding: forced by `requested`, or detected as
 * R's `Surv` does (logical values → TRUE is an event; numbers with a largest value of 2 → 1/2; else 0/1).
 * `firstAt[code]` names where each raw code first appeared (for the error), or is undefined if it never did.
 * Throws an InputError naming the row of the first value the coding cannot read. O(rows).
 */
export function resolveEventCoding(
  raw: Uint8Array,
  rows: number,
  firstAt: readonly (string | undefined)[],
  requested: EventCoding | "auto",
  column: string,
): EventCoding {
  const seen = (code: number) => firstAt[code] !== undefined;
  const logical = seen(RawEvent.false) || seen(RawEvent.true);
  const numeric = seen(RawEvent.zero) || seen(RawEvent.one) || seen(RawEvent.two);
  let coding: EventCoding;
  if (requested !== "auto") coding = requested;
  else if (logical && numeric) {
    const number = [RawEvent.zero, RawEvent.one, RawEvent.two].find(seen)!;
    const flag = [RawEvent.false, RawEvent.true].find(seen)!;
    throw new InputError(
      `${firstAt[number]}, column '${column}': the event column mixes numbers ('${rawText[number]}') and TRUE/FALSE ('${rawText[flag]}' at ${firstAt[flag]}); use one coding: 0/1, 1/2 or TRUE/FALSE`,
    );
  } else if (logical) coding = "logical";
  else if (seen(RawEvent.two)) {
    if (seen(RawEvent.zero)) {
      throw new InputError(
        `${firstAt[RawEvent.zero]}, column '${column}': event 0 in a column whose largest value is 2 (at ${firstAt[RawEvent.two]}); as R's Surv, events must be coded 0/1 (0 censored, 1 event) or 1/2 (1 censored, 2 event)`,
      );
    }
    coding = "1/2";
  } else coding = "0/1";
  const allowed: number[] = coding === "0/1" ? [RawEvent.zero, RawEvent.one] : coding === "1/2" ? [RawEvent.one, RawEvent.two] : [RawEvent.false, RawEvent.true];
  for (let code = 0; code < rawText.length; code++) {
    if (seen(code) && !allowed.includes(code)) {
      const meaning = coding === "0/1" ? "0 (censored) or 1 (event)" : coding === "1/2" ? "1 (censored) or 2 (event)" : "FALSE (censored) or TRUE (event)";
      throw new InputError(`${firstAt[code]}, column '${column}': expected ${meaning} (--event-coding ${coding}), got '${rawText[code]}'`);
    }
  }
  const offset = allowed[0]!;
  for (let i = 0; i < rows; i++) raw[i] = raw[i]! - offset;
  return coding;
}

/** At most this many characters of a cell are echoed in a message. */
export const echoLimit = 40;

/** A cell's text for a message: trimmed, quoted, and cut to {@link echoLimit} characters. */
export function describeCell(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "an empty cell";
  const chars = [...trimmed];
  return chars.length <= echoLimit ? `'${trimmed}'` : `'${chars.slice(0, echoLimit).join("")}…' (${chars.length} characters)`;
}
