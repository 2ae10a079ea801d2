import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import type { TopLevelSpec } from "vega-lite";

/**
 * Validates a spec against the Vega-Lite JSON schema shipped with the installed vega-lite (draft-07), as
 * Vega-Lite checks its own examples. The compiled validator is cached across tests (compiling takes ~1 s).
 */
const require = createRequire(import.meta.url);
type Validator = ((spec: unknown) => boolean) & { errors?: unknown };
let validate: Validator | undefined;

export function vegaLiteSchemaErrors(spec: TopLevelSpec): string[] {
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(require.resolve("vega-lite/vega-lite-schema.json"), "utf8"));
    const ajv = new Ajv({ strict: false, allErrors: false, allowUnionTypes: true, validateFormats: false, logger: false });
    validate = ajv.compile(schema) as Validator;
  }
  // JSON round trip: the file a user gets is JSON, so validate exactly that.
  const ok = validate!(JSON.parse(JSON.stringify(spec)));
  return ok ? [] : (validate!.errors as { instancePath: string; message: string }[]).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
}
