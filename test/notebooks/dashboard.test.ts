import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type Browser } from "./browser.js";
import { serveStatic, type StaticServer } from "./staticServer.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const site = join(root, "dashboard-dist");
const shots = join(root, "test-output", "dashboard");

/** The pages of the site, and an element each must show once its cells have run. */
const pages = [
  { name: "index", path: "/", ready: "h1" },
  { name: "evidence", path: "/evidence", ready: ".pnen-evidence-figures table tbody tr", contains: "Review (Lu et al. 2025)" },
  { name: "validation", path: "/validation", ready: ".pnen-validation-table table tbody tr", contains: "RADIANT-3" },
  { name: "patient", path: "/patient", ready: ".pnen-trace li" },
  { name: "compare", path: "/compare", ready: "figure.pnen-chart svg" },
  { name: "cohort", path: "/cohort", ready: "#cohort-timing[data-ms]" },
  { name: "uncertainty", path: "/uncertainty", ready: '#psa-progress[data-done="30"]' },
  { name: "power", path: "/power", ready: "figure.pnen-chart svg" },
] as const;

let server: StaticServer;
let browser: Browser;
const measurements: Record<string, unknown> = {};

beforeAll(async () => {
  if (!existsSync(join(site, "index.html"))) throw new Error(`no built site in ${site}: run 'npm run dashboard:build' first`);
  mkdirSync(shots, { recursive: true });
  server = await serveStatic(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (Object.keys(measurements).length > 0) writeFileSync(join(shots, "measurements.json"), `${JSON.stringify(measurements, null, 2)}\n`);
});

/** Waits until no cell is pending (Framework marks pending cells with `.observablehq--loading`). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector(".observablehq--loading") === null);
  await page.waitForLoadState("networkidle");
}

/** The text of every cell that threw (Framework renders it in an `.observablehq--error` element). */
async function cellErrors(page: Page): Promise<string[]> {
  return page.locator(".observablehq--error").allInnerTexts();
}

/**
 * For each `figure.pnen-chart`: its name and how many data marks its SVG draws — children of Vega's
 * `g.role-mark` groups, or of Observable Plot's mark groups (`g[aria-label]` other than axes, ticks, grids).
 */
async function chartMarks(page: Page): Promise<{ name: string; marks: number }[]> {
  return page.$$eval("figure.pnen-chart", (figures) =>
    figures.map((figure) => {
      const vega = figure.querySelectorAll("svg g.role-mark > *").length;
      const plot = [...figure.querySelectorAll("svg g[aria-label]")]
        .filter((g) => !/axis|tick|grid|frame|rule/.test(g.getAttribute("aria-label") ?? ""))
        .reduce((sum, g) => sum + g.children.length, 0);
      return { name: (figure as HTMLElement).dataset.name ?? "?", marks: vega + plot };
    }),
  );
}

async function open(name: string, path: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  await page.waitForSelector(ready, { timeout: 60_000 }).catch(() => undefined);
  await settle(page);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  return page;
}

describe("dashboard site", () => {
  it("has exactly the expected pages (an .md file under src/ would become a page through the engine link)", () => {
    const html = (readdirSync(site, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).sort();
    expect(html).toEqual([...pages.map((p) => (p.path === "/" ? "index.html" : `${p.path.slice(1)}.html`))].sort());
  });
});

describe.each(pages)("page $path", ({ name, path, ready, ...rest }) => {
  it("loads with no cell error, console error or request outside localhost, and every chart has marks", async () => {
    const before = browser.problems.length;
    const page = await open(name, path, ready);
    expect(await cellErrors(page)).toEqual([]);
    expect(await page.locator(ready).count()).toBeGreaterThan(0);
    for (const chart of await chartMarks(page)) expect(chart.marks, `chart ${chart.name} on ${path}`).toBeGreaterThan(0);
    if ("contains" in rest) expect(await page.locator(ready).allInnerTexts().then((texts) => texts.join("\n"))).toContain(rest.contains);
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
});

describe("page /cohort", () => {
  it("re-simulates in the browser when an input changes: the Kaplan-Meier chart is redrawn with different data, and the time is measured", async () => {
    const before = browser.problems.length;
    const page = await browser.newPage();
    await page.goto(`${server.url}/cohort`, { waitUntil: "networkidle" });
    const timing = page.locator("#cohort-timing[data-ms]");
    await timing.waitFor({ timeout: 60_000 });
    const kmPaths = () => page.$$eval('figure.pnen-chart[data-name^="cohort-km"] svg g.role-mark path', (paths) => paths.map((p) => p.getAttribute("d") ?? "").join("|"));
    const initial = await kmPaths();
    expect(initial.length).toBeGreaterThan(0);
    const seedInput = page.getByLabel("Seed", { exact: true });
    const base = Number(await seedInput.inputValue());
    const runs: { ms: number; simulateMs: number; analyseMs: number; drawMs: string; patients: number; strategies: number }[] = [];
    let previous = initial;
    for (let k = 1; k <= 7; k++) {
      await seedInput.fill(String(base + k));
      const done = page.locator(`#cohort-timing[data-ms][data-seed="${base + k}"]`);
      await done.waitFor({ timeout: 60_000 });
      const data = await done.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
      runs.push({ ms: Number(data.ms), simulateMs: Number(data.simulateMs), analyseMs: Number(data.analyseMs), drawMs: data.drawMs ?? "", patients: Number(data.patients), strategies: Number(data.strategies) });
      const paths = await kmPaths();
      expect(paths, `seed ${base + k} redraws the Kaplan-Meier curves with different data`).not.toEqual(previous);
      previous = paths;
    }
    await page.screenshot({ path: join(shots, "cohort-after-change.png"), fullPage: true });
    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    measurements.cohortResimulation = {
      what: "input change on /cohort → 20,000 patients re-simulated under every strategy of the default scenario, Kaplan–Meier per strategy, composition counted, three charts redrawn and painted",
      patients: runs[0]!.patients,
      strategies: runs[0]!.strategies,
      medianMs: sorted[Math.floor(sorted.length / 2)],
      minMs: sorted[0],
      loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
      runs,
    };
    expect(runs[0]!.patients).toBe(20000);
    expect(await cellErrors(page)).toEqual([]);
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
});

// The Compare page's downloads, colours, head-to-head view and empty selection: test/notebooks/pages.test.ts.

describe("page /patient", () => {
  it("recomputes the pathway and its trace when the patient changes", async () => {
    const before = browser.problems.length;
    const page = await browser.newPage();
    await page.goto(`${server.url}/patient`, { waitUntil: "networkidle" });
    const heading = page.locator(".pnen-pathway h2");
    await heading.waitFor({ timeout: 30_000 });
    expect(await heading.innerText()).toContain("WHO G2");
    await page.getByLabel("Ki-67 (%)", { exact: true }).fill("35");
    await page.waitForFunction(() => document.querySelector(".pnen-pathway h2")?.textContent?.includes("WHO G3"), undefined, { timeout: 30_000 });
    expect(await page.locator(".pnen-trace li").count()).toBeGreaterThan(0);
    expect(await cellErrors(page)).toEqual([]);
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
});

describe("page /power", () => {
  it("finds the sample size for a target power on request", async () => {
    const before = browser.problems.length;
    const page = await browser.newPage();
    await page.goto(`${server.url}/power`, { waitUntil: "networkidle" });
    await page.locator("figure.pnen-chart svg").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Find n" }).click();
    const answer = page.locator(".pnen-sample-size");
    await answer.waitFor({ timeout: 60_000 });
    expect(await answer.innerText()).toMatch(/^n = \d+ patients reach/);
    await page.screenshot({ path: join(shots, "power-sample-size.png"), fullPage: true });
    expect(await cellErrors(page)).toEqual([]);
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
});
