import { maximumSurvivalTime } from "./maximumSurvivalTime.js";
import { InputError } from "../util/InputError.js";
import { decimalNumber } from "./decimalNumber.js";
import {
  type CodedLabels,
  type SurvivalColumns,
  type SurvivalData,
  type SurvivalFileFormat,
  type SurvivalReadOptions,
  RawEvent,
  describeCell,
  resolveEventCoding,
} from "./SurvivalData.js";

/** The requested columns of a typed file (Arrow, Parquet) as arrays of values, one per row; null is missing. */
export interface SurvivalValues {
  readonly time: ArrayLike<unknown>;
  readonly event: ArrayLike<unknown>;
  readonly group?: ArrayLike<unknown>;
  readonly strata?: ArrayLike<unknown>;
}

/**
 * Survival data from typed column values (what an Arrow or Parquet reader returns), with the same rules as
 * the CSV reader: times are finite non-negative numbers (integers, floats, 64-bit integers, or decimal text);
 * events are booleans, or numbers coded 0/1 or 1/2, or the text of either; labels are text, numbers or
 * booleans (TRUE/FALSE, as R prints them). null, undefined and NaN are missing: dropped and counted with
 * `na: "omit"` (the default), an error with `na: "fail"`. Errors name the row (1 = the first record).
 * O(rows).
 */
export function survivalDataFromValues(values: SurvivalValues, columns: SurvivalColumns, source: string, format: SurvivalFileFormat, options: SurvivalReadOptions = {}): SurvivalData {
  const n = values.time.length;
  const na = options.na ?? "omit";
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const group = values.group === undefined ? null : new Labels(n);
  const strata = values.strata === undefined ? null : new Labels(n);
  const firstEventAt: (string | undefined)[] = [];
  const dropped = { rows: 0, time: 0, event: 0, group: 0, strata: 0 };
  let kept = 0;
  const at = (i: number) => `${source}: row ${i + 1}`;
  /** Counts a missing value (na = omit) or stops at it (na = fail). */
  const count = (i: number, column: "time" | "event" | "group" | "strata", name: string): void => {
    if (na === "fail") throw new InputError(`${at(i)}, column '${name}': missing value; --na omit drops such rows, as R does`);
    dropped[column]++;
  };
  // Typed arrays (Arrow and Parquet columns without nulls) are read directly; anything else value by value.
  const timeTyped = ArrayBuffer.isView(values.time) && !(values.time instanceof BigInt64Array) && !(values.time instanceof BigUint64Array);
  const eventTyped = ArrayBuffer.isView(values.event) && !(values.event instanceof BigInt64Array) && !(values.event instanceof BigUint64Array);
  const timeValues = values.time as ArrayLike<number>;
  const eventValues = values.event as ArrayLike<number>;
  for (let i = 0; i < n; i++) {
    let missing = false;
    const rawTime = values.time[i];
    const t = timeTyped ? (Number.isNaN(timeValues[i]!) ? null : timeValues[i]!) : numberOf(rawTime);
    if (t === null) {
      count(i, "time", columns.time);
      missing = true;
    } else if (!(t >= 0) || t === Infinity) throw new InputError(`${at(i)}, column '${columns.time}': expected a non-negative number, got ${describeValue(rawTime)}`);
    else if (t > maximumSurvivalTime) throw new InputError(`${at(i)}, column '${columns.time}': expected a number <= ${maximumSurvivalTime} (larger times overflow the estimators' arithmetic; use a smaller time unit), got ${describeValue(rawTime)}`);
    const rawEvent = eventTyped ? eventValues[i]! : values.event[i];
    const e = eventTyped ? (rawEvent === 0 || rawEvent === 1 || rawEvent === 2 ? (rawEvent as number) : Number.isNaN(rawEvent) ? null : -1) : eventOf(rawEvent);
    if (e === null) {
      count(i, "event", columns.event);
      missing = true;
    } else if (e < 0) throw new InputError(`${at(i)}, column '${columns.event}': expected an event code (0/1, 1/2 or TRUE/FALSE), got ${describeValue(rawEvent)}`);
    const g = group === null ? null : labelOf(values.group![i]);
    if (group !== null && g === null) {
      count(i, "group", columns.group!);
      missing = true;
    }
    const s = strata === null ? null : labelOf(values.strata![i]);
    if (strata !== null && s === null) {
      count(i, "strata", columns.strata!);
      missing = true;
    }
    if (missing) {
      dropped.rows++;
      continue;
    }
    if (firstEventAt[e!] === undefined) firstEventAt[e!] = at(i);
    time[kept] = t!;
    event[kept] = e!;
    if (group !== null) group.add(g!, kept);
    if (strata !== null) strata.add(s!, kept);
    kept++;
  }
  const eventCoding = resolveEventCoding(event, kept, firstEventAt, options.eventCoding ?? "auto", columns.event);
  return {
    rows: kept,
    time: time.slice(0, kept),
    event: event.slice(0, kept),
    ...(group === null ? {} : { group: group.result(kept) }),
    ...(strata === null ? {} : { strata: strata.result(kept) }),
    dropped,
    eventCoding,
    format,
  };
}

/** A number from a typed value; null when missing; NaN when it is not a number. */
function numberOf(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isNaN(value) ? null : value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "" || text === "NA" || text === "NaN") return null;
    return decimalNumber(text);
  }
  return NaN;
}

/** The raw event code (see RawEvent) of a typed value; null when missing; -1 when it is not an event code. */
function eventOf(value: unknown): number | null {
  if (typeof value === "boolean") return value ? RawEvent.true : RawEvent.false;
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "TRUE" || text === "True" || text === "true" || text === "T") return RawEvent.true;
    if (text === "FALSE" || text === "False" || text === "false" || text === "F") return RawEvent.false;
  }
  const number = numberOf(value);
  if (number === null) return null;
  return number === 0 || number === 1 || number === 2 ? number : -1;
}

/** A label from a typed value (text as is, numbers in JavaScript's shortest form, booleans as R prints them); null when missing. */
function labelOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isNaN(value) ? null : String(value);
  if (typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return describeCell(value);
  return describeCell(typeof value === "bigint" ? `${value}` : String(value));
}

/** Labels interned by value, in order of first appearance. */
class Labels {
  private readonly labels: string[] = [];
  private readonly codeOf = new Map<string, number>();
  private readonly codes: Int32Array;

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  add(label: string, row: number): void {
    let code = this.codeOf.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.labels.push(label);
      this.codeOf.set(label, code);
    }
    this.codes[row] = code;
  }

  result(rows: number): CodedLabels {
    return { labels: this.labels, codes: this.codes.slice(0, rows) };
  }
}
