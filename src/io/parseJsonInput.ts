import { InputError } from "../util/InputError.js";
import { shownValue } from "../util/shownValue.js";

/** How deep a user's JSON file may nest objects and arrays (our deepest format nests about 6 levels). */
export const maxJsonDepth = 64;

/**
 * Property names every JavaScript object inherits (`__proto__`, `constructor`, `toString`, …). A key with one of
 * these names is refused in every JSON input: a validator that looks a key up in a table of known fields would
 * otherwise find the inherited function instead of "unknown field".
 */
const inheritedNames: ReadonlySet<string> = new Set(["__proto__", ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * The shared front door of every JSON input (scenario, strategy, patient, trial design, validation trial, evidence):
 * bytes or text in, a plain JSON value out, or an {@link InputError} that names `label` (the file or flag) and
 * the place. Beyond `JSON.parse` it
 *   - accepts a UTF-8 byte-order mark (as the CSV reader does) and refuses bytes that are not UTF-8;
 *   - refuses a number too large for a double (`1e400` would become Infinity and then print as "null");
 *   - refuses nesting deeper than {@link maxJsonDepth} (validators and message builders recurse);
 *   - refuses keys named like inherited object properties (`__proto__`, `constructor`, `toString`);
 *   - refuses a key given twice in one object (JSON.parse would silently keep the last).
 * The checks walk the text and the value once each without recursion, so any depth is safe: O(size).
 */
export function parseJsonInput(input: string | Uint8Array, label: string): unknown {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      throw new InputError(`${label}: not valid UTF-8 text (save the file as UTF-8)`);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`${label}: not valid JSON: ${shownValue(message, 160)}`);
  }
  checkStructure(text, label);
  checkNumbers(value, label);
  return value;
}

/** Walks JSON text already accepted by JSON.parse: depth, duplicate keys and inherited key names, by path. */
function checkStructure(text: string, label: string): void {
  // one frame per open container: its key set (objects) or null (arrays), the path so far and the current key
  const frames: { keys: Set<string> | null; key: string | number }[] = [];
  const pathOf = (count: number) =>
    frames
      .slice(0, count)
      .map((f) => (typeof f.key === "number" ? `[${f.key}]` : `.${shownValue(f.key, 40)}`))
      .join("")
      .replace(/^\./, "");
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\"") {
      let j = i + 1;
      while (text[j] !== "\"") j += text[j] === "\\" ? 2 : 1;
      const top = frames[frames.length - 1];
      if (expectKey && top !== undefined && top.keys !== null) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const where = pathOf(frames.length - 1);
        const shown = `${where === "" ? "" : `${where}.`}${shownValue(key, 40)}`;
        if (inheritedNames.has(key)) throw new InputError(`${label}: ${shown}: the key '${shownValue(key, 40)}' is not allowed (it names a property every JavaScript object has)`);
        if (top.keys.has(key)) throw new InputError(`${label}: ${shown}: the key is given twice in one object`);
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === "{" || c === "[") {
      if (frames.length >= maxJsonDepth) throw new InputError(`${label}: ${shownValue(pathOf(frames.length), 120) || "the top level"}: nested more than ${maxJsonDepth} levels deep`);
      frames.push({ keys: c === "{" ? new Set() : null, key: c === "{" ? "" : 0 });
      expectKey = c === "{";
    } else if (c === "}" || c === "]") {
      frames.pop();
    } else if (c === ",") {
      const top = frames[frames.length - 1]!;
      if (top.keys !== null) expectKey = true;
      else top.key = (top.key as number) + 1;
    }
  }
}

/** Finds a number JSON.parse could not hold (±Infinity from `1e400`) and names its path. Iterative. */
function checkNumbers(value: unknown, label: string): void {
  const stack: { value: unknown; path: string }[] = [{ value, path: "" }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "number" && !Number.isFinite(v)) {
      throw new InputError(`${label}: ${path || "the top level"}: number out of range (expected a finite number, at most about 1.8e308 in size)`);
    }
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
    else if (v !== null && typeof v === "object") for (const [k, item] of Object.entries(v)) stack.push({ value: item, path: path === "" ? k : `${path}.${k}` });
  }
}
