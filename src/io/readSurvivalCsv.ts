import { maximumSurvivalTime } from "./maximumSurvivalTime.js";
import { readFileSync } from "node:fs";
import { InputError } from "../util/InputError.js";
import { decimalNumber } from "./decimalNumber.js";
import {
  type CodedLabels,
  type DroppedRows,
  type EventCoding,
  type SurvivalColumns,
  type SurvivalData,
  type SurvivalReadOptions,
  RawEvent,
  describeCell,
  expandLabels,
  resolveEventCoding,
} from "./SurvivalData.js";

export { expandLabels };
export type { CodedLabels };
/** The columns of a survival CSV to read (the name used before Arrow and Parquet input). */
export type SurvivalCsvColumns = SurvivalColumns;
/** Survival data read from a CSV (the name used before Arrow and Parquet input). */
export type SurvivalCsv = SurvivalData;

/**
 * Reads right-censored survival data from a CSV or TSV file with a header row (Node only). See
 * {@link parseSurvivalCsv} for the rules and the errors.
 */
export function readSurvivalCsv(path: string, columns: SurvivalColumns, displayName = path, options: SurvivalReadOptions = {}): SurvivalData {
  return parseSurvivalCsv(readInputFile(path, displayName), columns, displayName, options);
}

/** The bytes of an input file, or an InputError saying why it cannot be read (no stack trace). */
export function readInputFile(path: string, displayName = path): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder, expected a file" : code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? String(error));
    throw new InputError(`${displayName}: cannot read the file (${reason})`);
  }
}

const NEWLINE = 10;
const RETURN = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const powersOfTen = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const decoder = new TextDecoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: true });

/** How a cell ended: at a delimiter, at a line break, or at the end of the file. */
const End = { Delimiter: 0, Line: 1, File: 2 } as const;
type End = (typeof End)[keyof typeof End];

/**
 * Parses CSV or TSV (UTF-8 bytes, or a string) with a header row, as R's `read.csv` and `Surv` read it:
 *
 * - cells are separated by `options.delimiter` (default: detected from the header: tab or semicolon when it
 *   holds more of them than commas); double-quoted cells may hold delimiters, `""` and line breaks; an
 *   unterminated quote is an error naming the line where it opened; line ends may be LF, CRLF or CR alone;
 *   blank lines are skipped; a UTF-8 byte-order mark is ignored;
 * - times must be finite non-negative decimal numbers; events are coded 0/1, 1/2 or TRUE/FALSE (see
 *   {@link resolveEventCoding}); group and strata labels are any text, keyed by their bytes (unquoted labels
 *   are trimmed of spaces and tabs, quoted ones are taken as written);
 * - an empty cell, `NA` or `NaN` (and an empty or `NA` label) is missing: with `na: "omit"` (the default, as R)
 *   the row is dropped and counted in `dropped`; with `na: "fail"` it is an error;
 * - a requested header name that appears twice is an error (which column would be meant?); labels and
 *   header names that are not valid UTF-8 are an error naming the row (read Latin-1 files with
 *   `encoding: "latin1"`), so that two labels can never be merged by a lossy decoding.
 *
 * The first bad cell raises an {@link InputError} naming the data row (1 = the first row after the header),
 * the line of the file where the row starts and the column, with the cell's text cut to 40 characters, e.g.
 * `data.csv: row 17 (line 18), column 'time': expected a non-negative number, got 'abc'`.
 *
 * Works on the bytes: only the requested cells are looked at; plain decimals are converted exactly (an
 * integer mantissa below 2^53 divided by an exact power of ten is correctly rounded, as `Number()` would
 * give); decimals with an exponent fall back to `Number()`; any other syntax (hex "0x10", binary, octal,
 * "Infinity", text) is a bad cell. Labels are interned by hashing their bytes. A million rows parse in about
 * a tenth of a second. Runs in O(size of the file).
 */
export function parseSurvivalCsv(input: Uint8Array | string, columns: SurvivalColumns, source = "input", options: SurvivalReadOptions = {}): SurvivalData {
  let bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  if (options.encoding === "latin1") bytes = new TextEncoder().encode(new TextDecoder("latin1").decode(bytes));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const length = bytes.length;
  const na = options.na ?? "omit";
  const delimiter = delimiterByte(options.delimiter ?? "auto", bytes);

  // The scanner: `position` is the next byte to read, `line` the line it is on (1-based). `readCell` reads one
  // cell into [cellStart, cellEnd), sets `cellEscaped` when a quoted cell holds "" and says how the cell ended.
  let position = 0;
  let line = 1;
  let cellStart = 0;
  let cellEnd = 0;
  let cellQuoted = false;
  let cellEscaped = false;
  const lineBreakAt = (p: number): number => {
    // the number of bytes of a line break at p (LF, CRLF or CR alone), or 0
    const b = bytes[p];
    if (b === NEWLINE) return 1;
    if (b === RETURN) return bytes[p + 1] === NEWLINE ? 2 : 1;
    return 0;
  };
  const readCell = (column: number): End => {
    let p = position;
    while (p < length && (bytes[p] === SPACE || (bytes[p] === TAB && delimiter !== TAB))) p++;
    if (p < length && bytes[p] === QUOTE) {
      const openLine = line;
      cellQuoted = true;
      cellEscaped = false;
      cellStart = ++p;
      for (;;) {
        const close = bytes.indexOf(QUOTE, p);
        const stop = close < 0 ? length : close;
        for (let k = p; k < stop; k++) {
          const b = bytes[k];
          if (b === NEWLINE || (b === RETURN && bytes[k + 1] !== NEWLINE)) line++;
        }
        if (close < 0) {
          throw new InputError(`${source}: line ${openLine}, column '${columnLabel(column)}': a quoted cell is not closed (no matching '"' before the end of the file)`);
        }
        if (bytes[close + 1] === QUOTE) {
          cellEscaped = true;
          p = close + 2;
          continue;
        }
        cellEnd = close;
        p = close + 1;
        break;
      }
      while (p < length && (bytes[p] === SPACE || (bytes[p] === TAB && delimiter !== TAB))) p++;
      if (p < length && bytes[p] !== delimiter && lineBreakAt(p) === 0) {
        throw new InputError(`${source}: line ${line}, column '${columnLabel(column)}': unexpected text after the closing quote of a cell (a quote inside a quoted cell is written "")`);
      }
    } else {
      cellQuoted = false;
      cellEscaped = false;
      cellStart = position;
      while (p < length) {
        const b = bytes[p]!;
        if (b === delimiter || b === NEWLINE || b === RETURN) break;
        p++;
      }
      cellEnd = p;
    }
    if (p >= length) {
      position = length;
      return End.File;
    }
    if (bytes[p] === delimiter) {
      position = p + 1;
      return End.Delimiter;
    }
    position = p + lineBreakAt(p);
    line++;
    return End.Line;
  };
  const cellString = (): string => {
    const text = strictText(bytes.subarray(cellStart, cellEnd));
    return cellEscaped ? text.replaceAll('""', '"') : text;
  };

  const header: string[] = [];
  const columnLabel = (c: number): string => describeCell(header[c] ?? `#${c + 1}`).replace(/^'|'$/g, "");

  // Header row.
  if (length === 0) throw new InputError(`${source}: the file is empty (expected a header row)`);
  for (;;) {
    const end = readCell(header.length);
    let name: string;
    try {
      name = cellString().trim();
    } catch {
      throw new InputError(`${source}: line 1: the header is not valid UTF-8; if the file is Latin-1 (Windows-1252), add --encoding latin1`);
    }
    header.push(name);
    if (end !== End.Delimiter) break;
  }
  if (header.length === 1 && header[0] === "") throw new InputError(`${source}: the file is empty (expected a header row)`);
  const find = (flag: string, name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new InputError(`${source}: no column '${name}' (--${flag}); columns: ${listColumns(header)}`);
    const again = header.indexOf(name, index + 1);
    if (again >= 0) throw new InputError(`${source}: column '${name}' (--${flag}) appears more than once in the header (columns ${index + 1} and ${again + 1}); rename one`);
    return index;
  };
  const timeColumn = find("time", columns.time);
  const eventColumn = find("event", columns.event);
  const groupColumn = columns.group === undefined ? -1 : find("group", columns.group);
  const strataColumn = columns.strata === undefined ? -1 : find("strata", columns.strata);
  const lastWanted = Math.max(timeColumn, eventColumn, groupColumn, strataColumn);

  let capacity = 1;
  for (let at = bytes.indexOf(NEWLINE, position); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) capacity++;
  for (let at = bytes.indexOf(RETURN, position); at >= 0; at = bytes.indexOf(RETURN, at + 1)) capacity++;
  const time = new Float64Array(capacity);
  const event = new Uint8Array(capacity);
  const groups = groupColumn >= 0 ? new LabelInterner(capacity) : null;
  const strata = strataColumn >= 0 ? new LabelInterner(capacity) : null;
  const starts = new Int32Array(lastWanted + 1);
  const ends = new Int32Array(lastWanted + 1);
  /** Per wanted cell of the current row: 0 unquoted, 1 quoted, 2 quoted and holding "" (to collapse). */
  const escaped = new Uint8Array(lastWanted + 1);
  const firstEventAt: (string | undefined)[] = [];
  const dropped = { rows: 0, time: 0, event: 0, group: 0, strata: 0 };
  const cellText = (c: number): string => {
    const text = decoder.decode(bytes.subarray(starts[c]!, ends[c]!));
    return escaped[c] === 2 ? text.replaceAll('""', '"') : text;
  };
  /** Counts a missing value (na = omit) or stops at it (na = fail); returns true. */
  const countMissing = (column: "time" | "event" | "group" | "strata", c: number): boolean => {
    if (na === "fail") throw new InputError(`${at()}, column '${header[c]}': missing value (${describeCell(cellText(c))}); --na omit drops such rows, as R does`);
    dropped[column]++;
    return true;
  };
  let kept = 0;
  let row = 0;
  let nextQuote = bytes.indexOf(QUOTE, position);
  let rowLine = 1;
  const at = (): string => `${source}: row ${row} (line ${rowLine})`;
  while (position < length) {
    rowLine = line;
    const rowStart = position;
    let end: End = End.Delimiter;
    let cells = 0;
    for (let c = 0; c <= lastWanted; c++) {
      const first = bytes[position];
      if (first !== QUOTE && first !== SPACE && first !== TAB) {
        // The common case, inlined: an unquoted cell that does not start with a blank.
        let p = position;
        while (p < length) {
          const b = bytes[p]!;
          if (b === delimiter || b === NEWLINE || b === RETURN) break;
          p++;
        }
        starts[c] = position;
        ends[c] = p;
        escaped[c] = 0;
        cellQuoted = false;
        if (p >= length) {
          position = length;
          end = End.File;
        } else if (bytes[p] === delimiter) {
          position = p + 1;
          end = End.Delimiter;
        } else {
          position = p + (bytes[p] === RETURN && bytes[p + 1] === NEWLINE ? 2 : 1);
          line++;
          end = End.Line;
        }
      } else {
        end = readCell(c);
        starts[c] = cellStart;
        ends[c] = cellEnd;
        escaped[c] = cellEscaped ? 2 : cellQuoted ? 1 : 0;
      }
      cells++;
      if (end !== End.Delimiter) break;
    }
    if (cells === 1 && end !== End.Delimiter && !cellQuoted && isBlank(bytes, starts[0]!, ends[0]!)) continue; // a blank line
    row++;
    if (cells <= lastWanted) throw new InputError(`${source}: row ${row} (line ${rowLine}): expected at least ${lastWanted + 1} cells, got ${cells}`);
    if (end === End.Delimiter) {
      // Skip the rest of the record: a jump to the line end when no quote lies before it, else cell by cell.
      if (nextQuote >= 0 && nextQuote < position) nextQuote = bytes.indexOf(QUOTE, position);
      let stop = position;
      while (stop < length && bytes[stop] !== NEWLINE && bytes[stop] !== RETURN) stop++;
      if (nextQuote < 0 || nextQuote >= stop) {
        position = stop + lineBreakAt(stop);
        if (stop < length) line++;
      } else {
        let c = lastWanted + 1;
        while (readCell(c++) === End.Delimiter);
      }
    }
    let missing = false;
    const t = escaped[timeColumn] === 2 ? decimalNumber(cellText(timeColumn)) : parseNumber(bytes, starts[timeColumn]!, ends[timeColumn]!);
    if (Number.isNaN(t) && isMissing(bytes, starts[timeColumn]!, ends[timeColumn]!)) missing = countMissing("time", timeColumn) || missing;
    else if (!(t >= 0) || t === Infinity) {
      const text = cellText(timeColumn);
      const overflow = t === Infinity && !Number.isNaN(decimalNumber(text));
      throw new InputError(`${at()}, column '${columns.time}': expected a non-negative number, got ${describeCell(text)}${overflow ? " (too large for a double)" : ""}`);
    } else if (t > maximumSurvivalTime) {
      throw new InputError(`${at()}, column '${columns.time}': expected a number <= ${maximumSurvivalTime} (larger times overflow the estimators' arithmetic; use a smaller time unit), got ${describeCell(cellText(timeColumn))}`);
    }

    const e = eventCode(bytes, starts[eventColumn]!, ends[eventColumn]!, escaped[eventColumn] === 2);
    if (e === missingEvent) missing = countMissing("event", eventColumn) || missing;
    else if (e === badEvent) {
      throw new InputError(`${at()}, column '${columns.event}': expected an event code (0/1, 1/2 or TRUE/FALSE), got ${describeCell(cellText(eventColumn))}`);
    }
    if (groups !== null && isMissing(bytes, starts[groupColumn]!, ends[groupColumn]!)) missing = countMissing("group", groupColumn) || missing;
    if (strata !== null && isMissing(bytes, starts[strataColumn]!, ends[strataColumn]!)) missing = countMissing("strata", strataColumn) || missing;
    if (missing) {
      dropped.rows++;
      continue;
    }
    if (firstEventAt[e] === undefined) firstEventAt[e] = at();
    time[kept] = t;
    event[kept] = e;
    if (groups !== null && !groups.add(bytes, starts[groupColumn]!, ends[groupColumn]!, escaped[groupColumn]!)) throw invalidUtf8(at(), columns.group!, bytes, starts[groupColumn]!, ends[groupColumn]!);
    if (strata !== null && !strata.add(bytes, starts[strataColumn]!, ends[strataColumn]!, escaped[strataColumn]!)) throw invalidUtf8(at(), columns.strata!, bytes, starts[strataColumn]!, ends[strataColumn]!);
    kept++;
    if (rowStart === position) break; // cannot happen (every cell advances), but never loop forever
  }
  const eventCoding: EventCoding = resolveEventCoding(event, kept, firstEventAt, options.eventCoding ?? "auto", columns.event);
  return {
    rows: kept,
    time: time.slice(0, kept),
    event: event.slice(0, kept),
    ...(groups === null ? {} : { group: groups.result(kept) }),
    ...(strata === null ? {} : { strata: strata.result(kept) }),
    dropped: dropped as DroppedRows,
    eventCoding,
    format: "csv",
  };
}

/** The header names for a message, cut after 20. */
function listColumns(header: readonly string[]): string {
  const shown = header.slice(0, 20).map((name) => describeCell(name).replace(/^'|'$/g, ""));
  return header.length > 20 ? `${shown.join(", ")}, … (${header.length} columns)` : shown.join(", ");
}

/** The delimiter byte: as given, or detected from the header line (outside quotes). */
function delimiterByte(requested: string, bytes: Uint8Array): number {
  if (requested === "auto") {
    let commas = 0;
    let semicolons = 0;
    let tabs = 0;
    let quoted = false;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === QUOTE) quoted = !quoted;
      else if (quoted) continue;
      else if (b === NEWLINE || b === RETURN) break;
      else if (b === 44) commas++;
      else if (b === 59) semicolons++;
      else if (b === TAB) tabs++;
    }
    if (tabs > commas && tabs >= semicolons) return TAB;
    if (semicolons > commas) return 59;
    return 44;
  }
  const name = requested === "tab" || requested === "\\t" ? "\t" : requested;
  const code = name.length === 1 ? name.charCodeAt(0) : -1;
  if (code < 0 || code > 127 || code === QUOTE || code === NEWLINE || code === RETURN || (code >= 48 && code <= 57) || code === 46 || code === 45 || code === 43) {
    throw new InputError(`--delimiter: expected one ASCII character such as , ; | or tab (not a digit, '.', '+', '-' or a quote), got ${describeCell(requested)}`);
  }
  return code;
}

/** Decodes UTF-8 strictly; throws on invalid bytes. */
function strictText(bytes: Uint8Array): string {
  return strictDecoder.decode(bytes);
}

function invalidUtf8(at: string, column: string, bytes: Uint8Array, from: number, to: number): InputError {
  const shown = Array.from(bytes.subarray(from, Math.min(to, from + 24)), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
  return new InputError(
    `${at}, column '${column}': the label is not valid UTF-8 (bytes ${shown}${to - from > 24 ? " …" : ""}); if the file is Latin-1 (Windows-1252), add --encoding latin1`,
  );
}

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== SPACE && bytes[i] !== TAB) return false;
  return true;
}

/** True for a missing cell: empty (after trimming), `NA` or `NaN`, as R's read.csv reads a numeric column. */
function isMissing(bytes: Uint8Array, from: number, to: number): boolean {
  while (from < to && (bytes[from] === SPACE || bytes[from] === TAB)) from++;
  while (to > from && (bytes[to - 1] === SPACE || bytes[to - 1] === TAB)) to--;
  const n = to - from;
  if (n === 0) return true;
  if (n === 2) return bytes[from] === 78 && bytes[from + 1] === 65; // NA
  if (n === 3) return bytes[from] === 78 && bytes[from + 1] === 97 && bytes[from + 2] === 78; // NaN
  return false;
}

const missingEvent = 255;
const badEvent = 254;
const logicalWords = new Map<string, number>([
  ["TRUE", RawEvent.true],
  ["True", RawEvent.true],
  ["true", RawEvent.true],
  ["T", RawEvent.true],
  ["FALSE", RawEvent.false],
  ["False", RawEvent.false],
  ["false", RawEvent.false],
  ["F", RawEvent.false],
]);

/** The raw event code of a cell (see {@link RawEvent}), `missingEvent` or `badEvent`. */
function eventCode(bytes: Uint8Array, from: number, to: number, escaped: boolean): number {
  if (isMissing(bytes, from, to)) return missingEvent;
  const value = escaped ? NaN : parseNumber(bytes, from, to);
  if (value === 0 || value === 1 || value === 2) return value;
  if (!Number.isNaN(value)) return badEvent;
  return logicalWords.get(decoder.decode(bytes.subarray(from, to)).trim()) ?? badEvent;
}


/** A plain decimal from bytes [from, to), exactly as Number() reads it; NaN for an empty or bad cell. */
function parseNumber(bytes: Uint8Array, from: number, to: number): number {
  while (from < to && (bytes[from] === SPACE || bytes[from] === TAB)) from++;
  while (to > from && (bytes[to - 1] === SPACE || bytes[to - 1] === TAB)) to--;
  if (from === to) return NaN;
  let i = from;
  let negative = false;
  if (bytes[i] === 45 || bytes[i] === 43) {
    negative = bytes[i] === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let seenPoint = false;
  let anyDigit = false;
  for (; i < to; i++) {
    const b = bytes[i]!;
    if (b >= 48 && b <= 57) {
      mantissa = mantissa * 10 + (b - 48);
      anyDigit = true;
      if (mantissa > 0) digits++;
      if (seenPoint) decimals++;
    } else if (b === 46 && !seenPoint) {
      seenPoint = true;
    } else {
      return decimalNumber(decoder.decode(bytes.subarray(from, to))); // exponents; NA, hex and text are NaN
    }
  }
  if (!anyDigit) return NaN; // "", ".", "-"
  if (digits > 15 || decimals > 22) return decimalNumber(decoder.decode(bytes.subarray(from, to)));
  const value = decimals === 0 ? mantissa : mantissa / powersOfTen[decimals]!;
  return negative ? -value : value;
}

/**
 * Interns labels by their bytes (FNV-1a hash, then a byte comparison), coding each row. A new label must
 * be valid UTF-8 (else `add` returns false): distinct byte strings then decode to distinct strings, so
 * labels that differ only in bytes a lossy decoder would replace are never merged.
 */
class LabelInterner {
  readonly labels: string[] = [];
  private readonly bytesOf: Uint8Array[] = [];
  private readonly byHash = new Map<number, number[]>();
  private readonly codes: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  /**
   * Adds the label in bytes [from, to): an unquoted label (`quoting` 0) is trimmed of spaces and tabs, a quoted
   * one (1) is taken as written, with `""` collapsed to `"` (2). Returns false if it is not valid UTF-8.
   */
  add(source: Uint8Array, from: number, to: number, quoting: number): boolean {
    let bytes = source;
    if (quoting === 0) {
      while (from < to && (bytes[from] === SPACE || bytes[from] === TAB)) from++;
      while (to > from && (bytes[to - 1] === SPACE || bytes[to - 1] === TAB)) to--;
    }
    if (quoting === 2) {
      bytes = unescapeQuotes(source.subarray(from, to));
      from = 0;
      to = bytes.length;
    }
    let hash = 0x811c9dc5;
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    const candidates = this.byHash.get(hash);
    if (candidates !== undefined) {
      for (const code of candidates) {
        const known = this.bytesOf[code]!;
        if (known.length !== to - from) continue;
        let same = true;
        for (let i = 0; i < known.length; i++) {
          if (known[i] !== bytes[from + i]) {
            same = false;
            break;
          }
        }
        if (same) {
          this.codes[this.count++] = code;
          return true;
        }
      }
    }
    const copy = bytes.slice(from, to);
    let label: string;
    try {
      label = strictText(copy);
    } catch {
      return false;
    }
    const code = this.labels.length;
    this.labels.push(label);
    this.bytesOf.push(copy);
    if (candidates === undefined) this.byHash.set(hash, [code]);
    else candidates.push(code);
    this.codes[this.count++] = code;
    return true;
  }

  result(rows: number): CodedLabels {
    return { labels: this.labels, codes: this.codes.slice(0, rows) };
  }
}

/** The bytes with every `""` collapsed to `"`. */
function unescapeQuotes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let k = 0;
  for (let i = 0; i < bytes.length; i++) {
    out[k++] = bytes[i]!;
    if (bytes[i] === QUOTE && bytes[i + 1] === QUOTE) i++;
  }
  return out.subarray(0, k);
}
