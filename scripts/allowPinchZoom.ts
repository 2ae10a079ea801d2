/**
 * Post-build step of `npm run dashboard:build` (issue 13): Framework 1.13 writes
 * `<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">` into every page, which
 * stops a phone user from zooming into a chart. This drops `maximum-scale=1` from the built pages in
 * dashboard-dist/, and fails if a page has no viewport tag (Framework's template changed: look again).
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const site = fileURLToPath(new URL("../dashboard-dist/", import.meta.url));
const pages = (readdirSync(site, { recursive: true }) as string[]).filter((file) => file.endsWith(".html"));
for (const page of pages) {
  const path = join(site, page);
  const html = readFileSync(path, "utf8");
  if (!/<meta name="viewport"/.test(html)) throw new Error(`${path}: no viewport meta tag`);
  writeFileSync(path, html.replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1(")/, "$1$2"));
}
console.log(`allowPinchZoom: ${pages.length} pages without maximum-scale`);
