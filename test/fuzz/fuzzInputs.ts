import fc from "fast-check";

/**
 * Generators of hostile input for the fuzz suite (issue 19 item 3, issue 20 item 8): values of the wrong type,
 * non-finite and extreme numbers, empty and huge strings, unicode, prototype-pollution keys, deep nesting,
 * duplicate keys, byte-order marks, CRLF and CR-only line ends, bytes that are not UTF-8.
 */

/** Nesting deep enough to overflow a recursive walker (issue 20: ~4,500 levels crashed the message builder). */
export const deepNesting = 4500;
const deepArray = `${"[".repeat(deepNesting)}${"]".repeat(deepNesting)}`;
const deepObject = `${'{"a":'.repeat(deepNesting)}1${"}".repeat(deepNesting)}`;

/** Names every JavaScript object has: as commands, keys and flags they must never reach an inherited function. */
export const prototypeNames = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype", "__defineGetter__", "isPrototypeOf"] as const;

/** JSON texts to put where a value goes (some are not JSON at all: NaN, Infinity, 1e400 overflows). */
export const weirdJsonValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "null", "true", "false", '""', '" "', '"x"', '"12"', "[]", "{}", "[1,2,3]", '{"a":1}',
    "0", "-0", "-1", "1.5", "2147483648", "9007199254740993", "1e308", "-1e308", "1e400", "-1e400", "5e-324", "1e-400",
    "NaN", "Infinity", "-Infinity", '"NaN"', '"Infinity"', '"1e400"', '"0x12C"',
    '"é😀\\u0000\\u202e\\ud800"', '"<script>alert(1)</script>"', '"javascript:alert(1)"', '"=cmd|\' /C calc\'!A0"', '"../../etc/passwd"',
    '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"toString":1}',
    deepArray, deepObject,
  ),
  fc.integer({ min: 1, max: 300_000 }).map((n) => JSON.stringify("a".repeat(n))),
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => JSON.stringify(s)),
  fc.double().map((x) => (Number.isFinite(x) ? JSON.stringify(x) : "1e400")),
);

/** Keys to add to an object. */
export const weirdKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...prototypeNames, "", " ", "zz", "é", "😀", "a.b", "0"), fc.string({ maxLength: 12 }));

/** Every path in a JSON document (object keys and array indices), the root first. */
export function jsonPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, i) => jsonPaths(item, [...path, i], out));
  else if (value !== null && typeof value === "object") for (const [k, item] of Object.entries(value)) jsonPaths(item, [...path, k], out);
  return out;
}

const placeholder = "\u0001fuzz-placeholder\u0001";

/** The document as JSON text with the value at `path` replaced by the raw text `raw` (which may be invalid JSON). */
function replaceAt(document: unknown, path: readonly (string | number)[], raw: string): string {
  if (path.length === 0) return raw;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = placeholder;
  return JSON.stringify(copy, null, 2).replace(JSON.stringify(placeholder), raw);
}

/** The document with the raw member `"key": raw` inserted first into the object at `path` (or the root). */
function insertMember(document: unknown, path: readonly (string | number)[], key: string, raw: string): string {
  const copy = structuredClone(document) as Record<string, unknown>;
  let node: unknown = copy;
  for (const k of path) node = (node as Record<string | number, unknown>)[k];
  if (node === null || typeof node !== "object" || Array.isArray(node)) return JSON.stringify(copy);
  const marker = `${placeholder}key`;
  const target = node as Record<string, unknown>;
  const entries = Object.entries(target);
  for (const k of Object.keys(target)) delete target[k];
  target[marker] = 0;
  for (const [k, v] of entries) target[k] = v;
  return JSON.stringify(copy, null, 2).replace(`${JSON.stringify(marker)}: 0`, `${JSON.stringify(key)}: ${raw}`);
}

/** A mutation of a valid JSON document, described for the failure message, producing the bytes of a file. */
export interface JsonCase {
  readonly description: string;
  readonly bytes: Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Valid documents of one kind turned into hostile files: one mutation each. */
export function jsonCase(documents: readonly unknown[]): fc.Arbitrary<JsonCase> {
  const withPath = fc.constantFrom(...documents).chain((document) => fc.constantFrom(...jsonPaths(document)).map((path) => ({ document, path })));
  const text = (document: unknown) => JSON.stringify(document, null, 2);
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(withPath, weirdJsonValue).map(([{ document, path }, raw]) => ({ description: `set ${path.join(".") || "root"} to ${raw.slice(0, 60)}`, bytes: utf8(replaceAt(document, path, raw)) })) },
    { weight: 3, arbitrary: fc.tuple(withPath, weirdKey, weirdJsonValue).map(([{ document, path }, key, raw]) => ({ description: `insert key ${JSON.stringify(key)} = ${raw.slice(0, 40)} at ${path.join(".") || "root"}`, bytes: utf8(insertMember(document, path, key, raw)) })) },
    {
      weight: 2,
      arbitrary: withPath.map(({ document, path }) => {
        // the key that comes first in the object at `path` given twice (JSON.parse would keep the last silently)
        let node: unknown = document;
        for (const k of path) node = (node as Record<string | number, unknown>)[k];
        const first = node !== null && typeof node === "object" && !Array.isArray(node) ? Object.keys(node)[0] : undefined;
        if (first === undefined) return { description: "unchanged", bytes: utf8(text(document)) };
        return { description: `duplicate key ${first} at ${path.join(".") || "root"}`, bytes: utf8(insertMember(document, path, first, JSON.stringify((node as Record<string, unknown>)[first]))) };
      }),
    },
    {
      weight: 2,
      arbitrary: withPath.filter(({ path }) => path.length > 0).map(({ document, path }) => {
        const copy = structuredClone(document) as Record<string | number, unknown>;
        let node = copy;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        const last = path[path.length - 1]!;
        if (Array.isArray(node)) node.splice(last as number, 1);
        else delete node[last];
        return { description: `remove ${path.join(".")}`, bytes: utf8(text(copy)) };
      }),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(...documents), fc.constantFrom("bom", "crlf", "cr", "bom+crlf", "latin1", "invalid-utf8", "truncate", "trailing-garbage", "empty", "spaces", "deep", "top-array", "top-number", "nul")).chain(([document, how]) =>
        fc.nat().map((seed) => {
          const t = text(document);
          const bytes = (() => {
            switch (how) {
              case "bom": return utf8(`\ufeff${t}`);
              case "crlf": return utf8(t.replace(/\n/g, "\r\n"));
              case "cr": return utf8(t.replace(/\n/g, "\r"));
              case "bom+crlf": return utf8(`\ufeff${t.replace(/\n/g, "\r\n")}`);
              case "latin1": return Uint8Array.from(Buffer.from(t.replace(/"([^"\\]{1,40})"/, '"$1\u00e9\u00f6"'), "latin1"));
              case "invalid-utf8": { const b = utf8(t.replace(/"([^"\\]{1,40})"/, '"$1@@"')); const i = Buffer.from(b).indexOf("@@"); if (i >= 0) { b[i] = 0xc3; b[i + 1] = 0x28; } return b; }
              case "truncate": return utf8(t.slice(0, seed % Math.max(1, t.length)));
              case "trailing-garbage": return utf8(`${t} }`);
              case "empty": return new Uint8Array(0);
              case "spaces": return utf8(" \n\t ");
              case "deep": return utf8(deepArray);
              case "top-array": return utf8(`[${t}]`);
              case "top-number": return utf8("42");
              case "nul": return utf8(`${t}\u0000`);
            }
          })();
          return { description: `whole file: ${how}`, bytes };
        }),
      ),
    },
  );
}

/** Values given to command-line flags. */
export const weirdFlagValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e400", "-0", "0", "-1", "1", "2", "1.5", "0x12C", "0b11", "0o7", "1e12", "1e3", "300", "abc", "true", "-", "--", ".", "..", "/", "é", "😀", "__proto__", "constructor", "toString", " 12 ", "12abc", "1,2,3", "0,0", "1,-1", "NA"),
  // long numbers and long text (at least 21 digits: beyond every bound, so that no case asks for a valid hours-long run)
  fc.integer({ min: 21, max: 200_000 }).map((n) => "9".repeat(Math.min(n, 400)) + "x".repeat(Math.max(0, n - 400))),
  fc.string({ maxLength: 20 }),
);

/** Names for output paths (relative to the case's own folder; never the real root, which the suite must not write). */
export const weirdOutputPath: fc.Arbitrary<string> = fc.constantFrom("", ".", "out", "sub/out", "a b", "ü-ñ", "x".repeat(300), "in.csv", "in.json", "out/", "./out.svg", "fig.png");
