import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseScenario } from "../../src/cohort/parseScenario.js";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type Browser } from "./browser.js";
import { serveStatic, type StaticServer } from "./staticServer.js";

// Issue 13, part A: phone layout, checked inputs, state in the URL, no long main-thread blocks during a slider
// drag, and navigation under a plain static file server. Screenshots at 1280×900 and 390×844 go to
// test-output/dashboard/ (git-ignored).

const root = fileURLToPath(new URL("../../", import.meta.url));
const site = join(root, "dashboard-dist");
const shots = join(root, "test-output", "dashboard");
const phone = { width: 390, height: 844 };

let server: StaticServer;
let browser: Browser;
const measurements: Record<string, unknown> = {};

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serveStatic(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (Object.keys(measurements).length > 0) writeFileSync(join(shots, "longtasks.json"), `${JSON.stringify(measurements, null, 2)}\n`);
});

async function cellErrors(page: Page): Promise<string[]> {
  return page.locator(".observablehq--error").allInnerTexts();
}

/** Opens a page at a viewport size and waits for `ready` and for no pending cell. */
async function open(path: string, ready: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  await page.locator(ready).first().waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => document.querySelector(".observablehq--loading") === null, undefined, { timeout: 90_000 });
  return page;
}

/** The problem message shown under the input labelled `label`. */
function problemAt(page: Page, label: string) {
  return page.locator(".pnen-checked", { has: page.getByLabel(label, { exact: true }) }).locator(".pnen-input-problem");
}

describe("navigation under a plain static file server (no /cohort → cohort.html mapping)", () => {
  it("every link of the sidebar and the pager opens its page", async () => {
    const before = browser.problems.length;
    const page = await open("/", "h1");
    const links = await page.$$eval("#observablehq-sidebar a[href], nav a[href]", (anchors) => [...new Set(anchors.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""))]);
    expect(links.length).toBeGreaterThanOrEqual(7);
    for (const href of links) expect(href, "a link a plain server can answer").toMatch(/^\.\/(?:[a-z]+\.html)?$/);
    for (const name of ["Compare strategies", "Cohort", "Patient explorer", "Evidence", "Uncertainty", "Power"]) {
      await page.locator("#observablehq-sidebar").getByRole("link", { name, exact: true }).click();
      await page.waitForLoadState("domcontentloaded");
      expect(await page.locator("h1").first().innerText()).not.toBe("");
      expect(new URL(page.url()).pathname).toMatch(/\.html$/);
    }
    expect(browser.problems.slice(before).filter((p) => /HTTP 404/.test(p))).toEqual([]);
    await page.close();
  });
});

describe("checked inputs: an out-of-range typed value shows the CLI's message and is not used", () => {
  it("Cohort: patients 50000 and 0, seed 1.5", async () => {
    const page = await open("/cohort.html", "#cohort-timing[data-ms]");
    const patients = page.getByLabel("Patients", { exact: true });
    for (const typed of ["50000", "0"]) {
      await patients.fill(typed);
      await expect.poll(() => problemAt(page, "Patients").innerText()).toBe(`pnen-sim simulate: --n: expected an integer >= 1000 <= 20000, got '${typed}'`);
      expect(await patients.inputValue(), "the typed value stays on screen").toBe(typed);
      await page.locator("#cohort-blocked").waitFor();
      expect(await page.locator("#cohort-timing").count(), "nothing simulated with another value").toBe(0);
    }
    await patients.fill("2000");
    await page.locator('#cohort-timing[data-ms][data-patients="2000"]').waitFor({ timeout: 60_000 });
    expect(await problemAt(page, "Patients").isHidden()).toBe(true);
    const seed = page.getByLabel("Seed", { exact: true });
    await seed.fill("1.5");
    await expect.poll(() => problemAt(page, "Seed").innerText()).toBe("pnen-sim simulate: --seed: expected an integer >= 0 <= 4294967295, got '1.5'");
    await page.locator("#cohort-blocked").waitFor();
    await page.screenshot({ path: join(shots, "cohort-invalid.png"), fullPage: true });
    expect(await cellErrors(page)).toEqual([]);
    await page.close();
  });

  it("Compare: RMST horizon 1000 (max 120)", async () => {
    const page = await open("/compare.html", "figure.pnen-chart svg");
    await page.getByLabel("RMST horizon (months)", { exact: true }).fill("1000");
    await expect.poll(() => problemAt(page, "RMST horizon (months)").innerText()).toBe("pnen-sim km: --tau: expected a number >= 6 > 0 <= 120, got '1000'");
    await page.locator("#compare-blocked").waitFor();
    expect(await page.locator("text=RMST τ=120").count(), "no table computed at the clamped horizon").toBe(0);
    expect(await cellErrors(page)).toEqual([]);
    await page.close();
  });

  it("Patient explorer: Ki-67 150 gets the patient parser's message; the pathway is not recomputed", async () => {
    const page = await open("/patient.html", ".pnen-trace li");
    const heading = await page.locator(".pnen-pathway h2").innerText();
    await page.getByLabel("Ki-67 (%)", { exact: true }).fill("150");
    await expect.poll(() => problemAt(page, "Ki-67 (%)").innerText()).toMatch(/^patient\.ki67: expected .*100.*, got 150$/);
    await page.locator("#patient-blocked").waitFor();
    expect(await page.locator(".pnen-pathway h2").allInnerTexts()).not.toContain(heading.replace("G2", "G3"));
    expect(await cellErrors(page)).toEqual([]);
    await page.close();
  });

  it("Power: patients 0; a hazard ratio above 1 says the effect is reversed; the HR input is hidden in median mode", async () => {
    const page = await open("/power.html", "#power-status[data-status=done]");
    expect(await page.getByLabel("Hazard ratio", { exact: true }).isVisible()).toBe(false);
    await page.getByLabel("Patients (n)", { exact: true }).fill("0");
    await expect.poll(() => problemAt(page, "Patients (n)").innerText()).toBe("pnen-sim power: --n: expected an integer >= 10 <= 1000, got '0'");
    await page.locator('#power-status[data-status="blocked"]').waitFor();
    await page.getByLabel("Patients (n)", { exact: true }).fill("200");
    await page.getByRole("radio", { name: "hazard ratio" }).check();
    expect(await page.getByLabel("Treatment median (months)", { exact: true }).isVisible()).toBe(false);
    await page.getByLabel("Hazard ratio", { exact: true }).fill("1.3");
    await page.locator(".pnen-reversed").waitFor();
    expect(await page.locator(".pnen-reversed").innerText()).toContain("reversed");
    expect(await page.locator("body").innerText()).not.toContain("InputError");
    await page.locator("#power-status[data-status=done]").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(shots, "power-reversed.png"), fullPage: true });
    expect(await cellErrors(page)).toEqual([]);
    await page.close();
  });
});

describe("state in the URL", () => {
  it("Cohort: a copied link restores seed, patients and endpoint", async () => {
    const page = await open("/cohort.html", "#cohort-timing[data-ms]");
    await page.getByLabel("Seed", { exact: true }).fill("777");
    await page.getByLabel("Patients", { exact: true }).fill("3000");
    await page.getByRole("radio", { name: "OS" }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("cohort.endpoint")).toBe("os");
    await expect.poll(() => new URL(page.url()).searchParams.get("cohort.seed")).toBe("777");
    const link = page.url();
    await page.close();
    const copy = await browser.newPage();
    await copy.goto(link, { waitUntil: "networkidle" });
    const timing = copy.locator("#cohort-timing[data-ms]");
    await timing.waitFor({ timeout: 60_000 });
    expect(await timing.getAttribute("data-seed")).toBe("777");
    expect(await timing.getAttribute("data-patients")).toBe("3000");
    expect(await copy.getByLabel("Seed", { exact: true }).inputValue()).toBe("777");
    expect(await copy.getByRole("radio", { name: "OS" }).isChecked()).toBe(true);
    expect(await copy.locator("h2", { hasText: "overall survival" }).count()).toBeGreaterThan(0);
    await copy.close();
  });

  it("Power: the effect given as a hazard ratio, n and the looks come back from the link; an invalid value in a link is shown, not replaced", async () => {
    const page = await open("/power.html?design.effectKind=hazard%20ratio&design.hazardRatio=0.7&design.n=300&sequential.looks=0.5%2C%201", "#power-status[data-status=done]");
    expect(await page.getByLabel("Hazard ratio", { exact: true }).inputValue()).toBe("0.7");
    expect(await page.getByLabel("Patients (n)", { exact: true }).inputValue()).toBe("300");
    expect(await page.getByLabel("Treatment median (months)", { exact: true }).isVisible()).toBe(false);
    expect(await page.locator("#sequential-summary").innerText()).toMatch(/^2 looks;/);
    await page.close();
    const bad = await browser.newPage();
    await bad.goto(`${server.url}/power.html?design.n=5000`, { waitUntil: "networkidle" });
    await expect.poll(() => problemAt(bad, "Patients (n)").innerText(), { timeout: 30_000 }).toBe("pnen-sim power: --n: expected an integer >= 10 <= 1000, got '5000'");
    expect(await bad.getByLabel("Patients (n)", { exact: true }).inputValue()).toBe("5000");
    await bad.close();
  });
});

describe("state in the URL: Uncertainty", () => {
  it("the number of replicates comes from the link, and seed 1.5 in a link is shown with its message", async () => {
    const page = await open("/uncertainty.html?psa.replicates=5&psa.n=1000", '#psa-progress[data-done="5"]');
    expect(await page.getByLabel("Replicates", { exact: true }).inputValue()).toBe("5");
    await page.close();
    const bad = await browser.newPage();
    await bad.goto(`${server.url}/uncertainty.html?psa.seed=1.5`, { waitUntil: "networkidle" });
    await expect.poll(() => problemAt(bad, "Seed").innerText(), { timeout: 30_000 }).toBe("pnen-sim report: --seed: expected an integer >= 0 <= 4294967295, got '1.5'");
    await bad.locator("#psa-blocked").waitFor();
    await bad.close();
  });
});

describe("scenario JSON on the Cohort page (the CLI's format and validation)", () => {
  it("saves what the inputs show, loads a changed file, and refuses an invalid one with the parser's message", async () => {
    const page = await open("/cohort.html", "#cohort-timing[data-ms]");
    await page.getByLabel("Seed", { exact: true }).fill("4242");
    await page.locator('#cohort-timing[data-seed="4242"]').waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save scenario (JSON)" }).click()]);
    const file = join(shots, "downloads", download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    const scenario = parseScenario(saved, file); // the CLI's parser accepts it
    expect(scenario.seed).toBe(4242);
    expect(scenario.cohort.size).toBe(20000);
    const changed = join(shots, "downloads", "changed-scenario.json");
    writeFileSync(changed, JSON.stringify({ ...saved, seed: 99, cohort: { ...saved.cohort, size: 3000 } }));
    await page.getByLabel("Load scenario (JSON)").setInputFiles(changed);
    await page.locator('#cohort-timing[data-seed="99"][data-patients="3000"]').waitFor({ timeout: 60_000 });
    expect(await page.getByLabel("Seed", { exact: true }).inputValue()).toBe("99");
    const invalid = join(shots, "downloads", "invalid-scenario.json");
    const bad = { ...saved, cohort: { ...saved.cohort, size: -3 } };
    writeFileSync(invalid, JSON.stringify(bad));
    let expected = "";
    try {
      parseScenario(bad, "invalid-scenario.json", ["review", "conversion-first", "upfront-surgery", "captem-first"]);
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).toMatch(/cohort\.size/);
    await page.getByLabel("Load scenario (JSON)").setInputFiles(invalid);
    await expect.poll(() => page.locator("#scenario-problem").innerText()).toContain(expected.split("\n")[0]);
    expect(await page.getByLabel("Seed", { exact: true }).inputValue(), "an invalid file changes nothing").toBe("99");
    expect(await cellErrors(page)).toEqual([]);
    await page.close();
  });
});

/** Main-thread tasks seen while `action` ran: wall-clock long tasks (PerformanceObserver) and each task's CPU time (Chromium's trace). */
interface Blocks {
  /** Long tasks (over 50 ms) as the page's PerformanceObserver reports them, wall-clock ms. */
  readonly longTasksMs: number[];
  /** The longest main-thread tasks by thread CPU time (the trace's `tdur`), ms: what the page itself made the thread do. */
  readonly longestCpuMs: number[];
  /** The same trace's longest tasks by wall-clock time, ms (they should match the long tasks). */
  readonly longestTraceWallMs: number[];
}

/**
 * Runs `action` while recording main-thread blocks two ways. A PerformanceObserver "longtask" entry is wall-clock
 * time, which on a machine shared with other jobs also counts the time the thread waited for a core; Chromium's
 * trace gives each task's thread CPU time as well, which does not depend on the machine's load.
 */
async function measureBlocks(page: Page, action: () => Promise<void>): Promise<Blocks> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.__longTasks.push(entry.duration))).observe({ type: "longtask" });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Tracing.start", { categories: "disabled-by-default-devtools.timeline,devtools.timeline,toplevel", transferMode: "ReturnAsStream" });
  await action();
  const done = new Promise<string>((resolve) => cdp.once("Tracing.tracingComplete", (event) => resolve(event.stream as string)));
  await cdp.send("Tracing.end");
  const stream = await done;
  let text = "";
  for (;;) {
    const chunk = await cdp.send("IO.read", { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString("utf8") : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send("IO.close", { handle: stream });
  await cdp.detach();
  const trace = JSON.parse(text) as { traceEvents: { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] };
  const mainThreads = new Set(trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const tasks = trace.traceEvents.filter((e) => e.ph === "X" && e.name === "RunTask" && mainThreads.has(`${e.pid}:${e.tid}`) && typeof e.tdur === "number");
  const cpu = tasks.map((e) => e.tdur! / 1000).sort((a, b) => b - a);
  const wall = tasks.map((e) => (e.dur ?? 0) / 1000).sort((a, b) => b - a);
  const longTasksMs = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return { longTasksMs: longTasksMs.map((t) => Math.round(t)), longestCpuMs: cpu.slice(0, 10).map((t) => Math.round(t)), longestTraceWallMs: wall.slice(0, 10).map((t) => Math.round(t)) };
}

/** Drags the range slider next to the number box labelled `label` from one end to the other in `steps` mouse moves, then waits until `settled`. */
async function drag(page: Page, label: string, steps: number, settled: () => Promise<void>): Promise<void> {
  const slider = page.locator(".pnen-checked", { has: page.getByLabel(label, { exact: true }) }).locator('input[type="range"]');
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let k = 1; k <= steps; k++) {
    await page.mouse.move(box.x + 2 + ((box.width - 4) * k) / steps, y);
    await page.waitForTimeout(40);
  }
  await page.mouse.up();
  await settled();
  await page.waitForTimeout(300);
}

/**
 * The bound, 200 ms, on the page's own work: every main-thread task's CPU time. The wall-clock long
 * tasks are held to it too when the machine has a core free for the browser (1-minute load average below the
 * number of cores); above that they measure the machine's queue as much as the page, and are recorded only.
 */
function expectNoBlockOver200(blocks: Blocks): void {
  expect(Math.max(0, ...blocks.longestCpuMs), "longest main-thread task, CPU time").toBeLessThan(200);
  if (loadavg()[0]! < cpus().length) expect(Math.max(0, ...blocks.longTasksMs), "longest long task, wall clock").toBeLessThan(200);
}

describe("no main-thread block over 200 ms during a slider drag", () => {
  it("Power: dragging the patients slider (simulations in a Web Worker)", async () => {
    const page = await open("/power.html", "#sequential-status[data-status=done]");
    await page.locator('figure.pnen-chart[data-name="power-curve"] svg').waitFor({ timeout: 90_000 });
    const blocks = await measureBlocks(page, () => drag(page, "Patients (n)", 25, async () => {
      await page.locator("#power-status[data-status=done]").waitFor({ timeout: 90_000 });
      await page.locator("#sequential-status[data-status=done]").waitFor({ timeout: 90_000 });
      await page.locator('figure.pnen-chart[data-name="power-curve"] svg').waitFor({ timeout: 90_000 });
    }));
    measurements.powerDrag = { what: "n slider dragged end to end on /power (25 moves, 40 ms apart), until every result is drawn again", ...blocks, loadAverage: loadavg().map((x) => Number(x.toFixed(2))), cores: cpus().length };
    expectNoBlockOver200(blocks);
    expect(await cellErrors(page)).toEqual([]);
    await page.close();
  });

  it("Cohort: dragging the patients slider (20,000 patients × 4 strategies re-simulated per change)", async () => {
    const page = await open("/cohort.html", "#cohort-timing[data-ms]");
    const blocks = await measureBlocks(page, () => drag(page, "Patients", 20, async () => {
      await page.locator('#cohort-timing[data-ms][data-patients="20000"]').waitFor({ timeout: 90_000 });
    }));
    measurements.cohortDrag = { what: "patients slider dragged end to end on /cohort (20 moves, 40 ms apart; each change re-simulates up to 20,000 patients × 4 strategies in a worker and redraws)", ...blocks, loadAverage: loadavg().map((x) => Number(x.toFixed(2))), cores: cpus().length };
    expectNoBlockOver200(blocks);
    await page.close();
  });
});

/** Chart text smaller than `px` on screen: font size × the SVG's scale (its screen transform). */
async function smallChartText(page: Page, px: number): Promise<string[]> {
  return page.$$eval(
    "figure.pnen-chart svg text",
    (texts, limit) =>
      texts
        .filter((t) => (t.textContent ?? "").trim() !== "" && (t as SVGGraphicsElement).getBBox().width > 0)
        .map((t) => {
          const ctm = (t as SVGGraphicsElement).getScreenCTM();
          const size = parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
          return { size, label: `${(t.closest("figure") as HTMLElement).dataset.name}: "${(t.textContent ?? "").slice(0, 30)}" at ${size.toFixed(1)} px` };
        })
        .filter((t) => t.size < limit)
        .map((t) => t.label),
    px,
  );
}

/** Tables whose cells are cut (text clipped with an ellipsis), or wider than their box without a way to scroll. */
async function truncatedTables(page: Page): Promise<string[]> {
  return page.$$eval("main table", (tables) =>
    tables.flatMap((table, index) => {
      const problems: string[] = [];
      const box = table.parentElement!;
      const scrolls = ["auto", "scroll"].includes(getComputedStyle(box).overflowX);
      if (table.scrollWidth > box.clientWidth + 2 && !scrolls) problems.push(`table ${index}: ${table.scrollWidth} px wide in a ${box.clientWidth} px box that does not scroll`);
      const cut = [...table.querySelectorAll("td, th")].filter((cell) => (cell.textContent ?? "").trim() !== "" && cell.scrollWidth > cell.clientWidth + 1);
      if (cut.length > 0) problems.push(`table ${index}: ${cut.length} cells cut, e.g. "${(cut[0].textContent ?? "").slice(0, 40)}"`);
      const visible = [...(table.querySelector("tbody tr")?.children ?? [])].filter((cell) => cell.getBoundingClientRect().width > 8);
      if (table.querySelector("tbody tr") && visible.length < Math.min(2, table.querySelector("tbody tr")!.children.length)) problems.push(`table ${index}: one column shown`);
      return problems;
    }),
  );
}

describe.each([
  { name: "compare", path: "/compare.html", ready: "figure.pnen-chart svg" },
  { name: "cohort", path: "/cohort.html", ready: "#cohort-timing[data-ms]" },
  { name: "power", path: "/power.html", ready: "#sequential-status[data-status=done]" },
  { name: "patient", path: "/patient.html", ready: ".pnen-trace li" },
])("phone viewport 390×844: $path", ({ name, path, ready }) => {
  it("no chart text under 10 px, no truncated table, pinch-zoom allowed", async () => {
    const page = await open(path, ready, phone);
    if (name === "power") await page.locator('figure.pnen-chart[data-name="power-curve"] svg').waitFor({ timeout: 90_000 });
    await page.screenshot({ path: join(shots, `phone-${name}.png`), fullPage: true });
    expect(await page.locator('meta[name="viewport"]').getAttribute("content")).not.toContain("maximum-scale");
    if (name !== "patient") expect(await page.locator("figure.pnen-chart svg").count()).toBeGreaterThan(0);
    expect(await smallChartText(page, 10)).toEqual([]);
    expect(await truncatedTables(page)).toEqual([]);
    expect(await cellErrors(page)).toEqual([]);
    await page.close();
  });
});
