// Writes every input file type's JSON Schema (src/io/inputSchemas.ts) under data/. Run: npm run schemas
import { writeFileSync } from "node:fs";
import { inputSchemas } from "../src/io/inputSchemas.js";

for (const { file, schema } of inputSchemas) {
  writeFileSync(new URL(`../data/${file}`, import.meta.url), `${JSON.stringify(schema(), null, 2)}\n`);
  console.log(`wrote data/${file}`);
}
