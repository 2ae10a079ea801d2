import { readFileSync } from "node:fs";

/** The package's version from package.json. Node only. */
export function packageVersionNode(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
