import { createHash } from "node:crypto";
import { canonicalJson } from "./scenarioHash.js";

/**
 * {@link scenarioHash} with Node's native SHA-256: the same "sha256:…" string (SHA-256 of the canonical JSON in
 * UTF-8), about 20 times faster on the data/ records than the pure implementation the browser needs. Node only.
 */
export function scenarioHashNode(value: unknown): string {
  return `sha256:${createHash("sha256").update(canonicalJson(value), "utf8").digest("hex")}`;
}
