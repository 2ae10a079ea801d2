/**
 * A spec as JSON a person can restyle: indented two spaces like JSON.stringify(spec, null, 2), except that
 * arrays of flat records (the inline data) and arrays of numbers or strings take one line per record or one
 * line in all, which keeps a 10,000-patient Kaplan–Meier spec small and readable. Parses back to exactly
 * JSON.parse(JSON.stringify(spec)). Pure; O(size).
 */
export function specJson(value: unknown): string {
  return `${serialize(value, "")}\n`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isPrimitive = (value: unknown) => value === null || typeof value !== "object";
const isFlatRecord = (value: unknown) => value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).every(isPrimitive);

function serialize(value: unknown, indent: string): string {
  const json = value as Json;
  if (isPrimitive(json)) return JSON.stringify(json) ?? "null";
  const inner = `${indent}  `;
  if (Array.isArray(json)) {
    if (json.length === 0) return "[]";
    if (json.every(isPrimitive)) return JSON.stringify(json);
    if (json.every(isFlatRecord)) return `[\n${json.map((item) => `${inner}${JSON.stringify(item)}`).join(",\n")}\n${indent}]`;
    return `[\n${json.map((item) => `${inner}${serialize(item === undefined ? null : item, inner)}`).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(json as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== "function");
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, v]) => `${inner}${JSON.stringify(key)}: ${serialize(v, inner)}`).join(",\n")}\n${indent}}`;
}
