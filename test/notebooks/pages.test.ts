import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPngInfo } from "../../src/figures/pngChunks.js";
import { pixelsFromMm } from "../../src/figures/journalSize.js";
import { launchBrowser, type Browser } from "./browser.js";
import { serveStatic, type StaticServer } from "./staticServer.js";

// Issue 13, part B: stable colours, the Compare page's head-to-head view and empty selection, downloads with
// provenance, the Validation and Evidence pages. Screenshots at 1280×900 and 390×844 go to test-output/dashboard/.

const root = fileURLToPath(new URL("../../", import.meta.url));
const site = join(root, "dashboard-dist");
const shots = join(root, "test-output", "dashboard");
const downloads = join(shots, "downloads");

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(downloads, { recursive: true });
  server = await serveStatic(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector(".observablehq--loading") === null);
  await page.waitForLoadState("networkidle");
}

async function openPage(path: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  await page.locator(ready).first().waitFor({ timeout: 90_000 });
  await settle(page);
  return page;
}

/** Screenshots of the page at desktop and phone width. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The legend of a Vega figure: label → stroke colour and dash pattern of its symbol ("#0072B2 6,3"). */
async function legendColours(page: Page, figureName: string): Promise<Record<string, string>> {
  return page.$$eval(`figure.pnen-chart[data-name="${figureName}"] svg`, (svgs) => {
    const svg = svgs[0]!;
    const legend = [...svg.querySelectorAll("g.role-legend")].find((g) => g.querySelectorAll("g.role-legend-symbol path").length > 0)!;
    const symbols = [...legend.querySelectorAll("g.role-legend-symbol path")].map((p) => `${p.getAttribute("stroke") ?? ""} ${p.getAttribute("stroke-dasharray") ?? ""}`.trim());
    const labels = [...legend.querySelectorAll("g.role-legend-label text")].map((t) => t.textContent ?? "");
    return Object.fromEntries(labels.map((label, i) => [label, symbols[i]!]));
  });
}

/** Unticks or ticks one strategy of the Compare page and waits for the redraw. */
async function setStrategy(page: Page, name: string, checked: boolean): Promise<void> {
  const box = page.getByRole("checkbox", { name, exact: true });
  if ((await box.isChecked()) !== checked) await box.click();
  await settle(page);
}

describe("page /compare (issue 13 part B)", () => {
  it("keeps each strategy's colour when the selection changes (unticking the reference, adding others)", async () => {
    const before = browser.problems.length;
    const page = await openPage("/compare.html", 'figure.pnen-chart[data-name="km-pfs"] svg');
    const initial = await legendColours(page, "km-pfs");
    const names = Object.keys(initial);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(new Set(Object.values(initial)).size).toBe(names.length);
    await setStrategy(page, names[0]!, false); // the reference (Review) goes; the others must keep their colour
    const without = await legendColours(page, "km-pfs");
    for (const name of names.slice(1)) expect(without[name], name).toBe(initial[name]);
    for (const extra of ["Sunitinib first", "SIRT as transarterial therapy"]) {
      const box = page.getByRole("checkbox", { name: extra, exact: false }).first();
      if ((await box.count()) > 0 && !(await box.isChecked())) await box.click();
    }
    await setStrategy(page, names[0]!, true);
    const more = await legendColours(page, "km-pfs");
    for (const name of names) expect(more[name], name).toBe(initial[name]);
    expect(new Set(Object.values(more)).size).toBe(Object.keys(more).length);
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });

  it("prints no log-rank p, labels the hazard-ratio interval as Monte Carlo, marks published medians and shows the head-to-head view with a reference chooser", async () => {
    const before = browser.problems.length;
    const page = await openPage("/compare.html", ".pnen-head-to-head table tbody tr");
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/log-rank/i);
    expect(text).toContain("HR (95% Monte Carlo interval)");
    const km = page.locator('figure.pnen-chart[data-name="km-pfs"] svg');
    expect(await km.innerHTML()).toContain("Hazard ratio (95% Monte Carlo interval)");
    expect(await km.locator("text", { hasText: "pub." }).count()).toBeGreaterThan(0);
    expect(await page.locator('figure.pnen-chart[data-name="difference-pfs"] svg g.role-mark path').count()).toBeGreaterThan(0);
    const headToHead = await page.locator(".pnen-head-to-head").innerText();
    expect(headToHead).toMatch(/ΔRMST to 60 months/);
    expect(headToHead).toMatch(/at 12 months/);
    expect(headToHead).toMatch(/points/);
    // Choose another reference: the head-to-head table names the old reference as a strategy.
    const select = page.getByLabel("Reference strategy");
    const options = await select.locator("option").allInnerTexts();
    await select.selectOption({ label: options[1]! });
    await settle(page);
    expect(await page.locator(".pnen-head-to-head").innerText()).toContain(options[0]!);
    // Hover tooltip: time, survival, number at risk.
    const box = (await km.boundingBox())!;
    let tooltip = "";
    for (let k = 1; k < 40 && !/At risk/.test(tooltip); k++) {
      await page.mouse.move(box.x + box.width * (0.1 + k * 0.02), box.y + box.height * 0.2 + k * 3);
      await page.waitForTimeout(50);
      tooltip = await page.evaluate(() => { const t = document.getElementById("vg-tooltip-element"); return t?.classList.contains("visible") ? t.textContent ?? "" : ""; });
    }
    for (let y = 0.05; y < 0.7 && !/At risk/.test(tooltip); y += 0.01) {
      await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * y);
      await page.waitForTimeout(30);
      tooltip = await page.evaluate(() => { const t = document.getElementById("vg-tooltip-element"); return t?.classList.contains("visible") ? t.textContent ?? "" : ""; });
    }
    expect(tooltip).toMatch(/Months/);
    expect(tooltip).toMatch(/Survival/);
    expect(tooltip).toMatch(/At risk/);
    await screenshots(page, "compare-head-to-head");
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });

  it("shows a message, not Review, when every strategy is unticked", async () => {
    const before = browser.problems.length;
    const page = await openPage("/compare.html", 'figure.pnen-chart[data-name="km-pfs"] svg');
    for (const box of await page.getByRole("checkbox").all()) {
      const label = await box.evaluate((el) => el.closest("label")?.textContent ?? "");
      if (/\d+$/.test(label)) continue; // landmark months
      if (await box.isChecked()) await box.click();
    }
    await settle(page);
    await page.locator(".pnen-empty-selection").waitFor({ timeout: 30_000 });
    expect(await page.locator(".pnen-empty-selection").innerText()).toMatch(/No strategy is ticked/);
    expect(await page.locator('figure.pnen-chart[data-name^="km-"]').count()).toBe(0);
    expect(await page.locator("main").innerText()).not.toContain("Review (Lu et al. 2025) (reference)");
    await screenshots(page, "compare-empty");
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });

  it("downloads the Kaplan–Meier figure as SVG, PNG (300 dpi), PDF, CSV and JSON at 89 and 183 mm, each carrying version, scenario hash, seed and n", async () => {
    const before = browser.problems.length;
    const page = await openPage("/compare.html", 'figure.pnen-chart[data-name="km-pfs"] svg');
    const figure = page.locator('figure.pnen-chart[data-name="km-pfs"]');
    const save = async (format: string) => {
      const [download] = await Promise.all([page.waitForEvent("download"), figure.locator(`button[data-format="${format}"]`).click()]);
      const file = join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      return { name: download.suggestedFilename(), bytes: readFileSync(file) };
    };
    const provenanceKeys = ["pnen-sim version", "scenario hash", "seed", "patients"];
    for (const mm of [89, 183]) {
      await figure.getByLabel("Figure width").selectOption(String(mm));
      const svg = await save("svg");
      expect(svg.name).toBe(`km-pfs-${mm}mm.svg`);
      const svgText = svg.bytes.toString("utf8");
      expect(svgText).toMatch(new RegExp(`^<svg[^>]* width="${mm}mm"`));
      for (const key of provenanceKeys) expect(svgText).toContain(`&quot;${key}&quot;`.replace(/&quot;/g, '"'));
      expect(svgText).toMatch(/"scenario hash":"sha256:[0-9a-f]{64}"/);
      const png = await save("png");
      const info = readPngInfo(new Uint8Array(png.bytes));
      expect(info.width).toBe(pixelsFromMm(mm, 300));
      expect(Math.round(info.dotsPerInch!)).toBe(300);
      for (const key of provenanceKeys) expect(Object.keys(info.text)).toContain(key);
      expect(info.text.seed).toMatch(/^\d+$/);
      const pdf = await save("pdf");
      const pdfText = pdf.bytes.toString("latin1");
      expect(pdfText.startsWith("%PDF-1.4")).toBe(true);
      expect(pdfText).toContain("/DCTDecode");
      expect(pdfText).toMatch(/scenario hash/);
      const json = JSON.parse((await save("json")).bytes.toString("utf8"));
      expect(Object.keys(json.usermeta.provenance)).toEqual(expect.arrayContaining(provenanceKeys));
    }
    const csv = (await save("csv")).bytes.toString("utf8");
    const [header, first] = csv.split(/\r?\n/);
    expect(header!.split(",")).toEqual(expect.arrayContaining(["strategy", "time", "survival", "pnen_sim_version", "scenario_hash", "seed", "patients"]));
    // No 16-digit floats: every number has at most 6 significant digits.
    const numbers = csv.split(/\r?\n/).slice(1, 200).flatMap((line) => line.split(",")).filter((cell) => /^-?\d+\.\d+$/.test(cell));
    expect(numbers.length).toBeGreaterThan(0);
    for (const cell of numbers) expect(cell.replace(/^-?0*\.?0*/, "").replace(".", "").length, cell).toBeLessThanOrEqual(6);
    expect(first).toMatch(/sha256:[0-9a-f]{64}/);
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, "readme-compare.png"), fullPage: true, clip: { x: 0, y: 0, width: 1100, height: 1240 } });
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
});

describe("page /validation", () => {
  it("shows each shipped trial's predicted against published hazard ratios, the validation plot and the circularity flags", async () => {
    const before = browser.problems.length;
    const page = await openPage("/validation.html", ".pnen-validation-table table tbody tr");
    const table = await page.locator(".pnen-validation-table").innerText();
    for (const trial of ["RADIANT-3", "SUN1111", "SANET-p"]) expect(table).toContain(trial);
    expect(await page.locator(".pnen-validation-table table tbody tr").count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('figure.pnen-chart[data-name="validation"] svg g.role-mark > *').count()).toBeGreaterThan(0);
    expect(await page.locator(".pnen-validation-summary").innerText()).toMatch(/trial/);
    expect(await page.locator(".pnen-circularity li").count()).toBeGreaterThan(0);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    await screenshots(page, "validation");
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
});

describe("page /evidence", () => {
  it("shows the figures and assumptions behind a chosen strategy with their source check, in tables with no cut-off columns or dead checkboxes", async () => {
    const before = browser.problems.length;
    const page = await openPage("/evidence.html", ".pnen-strategy-evidence table tbody tr");
    const drivers = await page.locator(".pnen-strategy-evidence").innerText();
    expect(drivers).toMatch(/agrees|differs|partly|not yet checked/);
    expect(drivers).toMatch(/Published figure/);
    expect(await page.locator("table input[type=checkbox]").count()).toBe(0);
    // No column cut off: every table fits its wrapper (no sideways scrolling at desktop width).
    const overflowing = await page.$$eval(".pnen-wrap", (wraps) => wraps.filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.className));
    expect(overflowing).toEqual([]);
    const select = page.getByLabel("Strategy", { exact: true });
    await select.selectOption({ label: "Upfront surgery" });
    await settle(page);
    expect(await page.locator(".pnen-strategy-evidence table tbody tr").count()).toBeGreaterThan(0);
    await screenshots(page, "evidence");
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
});

describe("page /patient (issue 13 part B)", () => {
  it("names treatments in words, and takes a pasted patient JSON with the CLI's checks and messages", async () => {
    const before = browser.problems.length;
    const page = await openPage("/patient.html", ".pnen-trace li");
    const all = await page.locator(".pnen-all-strategies").innerText();
    expect(all).not.toMatch(/\d: [a-z]+[A-Z][a-zA-Z]*/); // no "1: conversionTherapy"
    expect(all).toMatch(/1\. [A-Z]/);
    const box = page.getByLabel("Or paste a patient (JSON)");
    await box.fill('{"age":52,"primarySite":"head","ki67":150,"mitoses":1,"enetsType":"I","lesionCount":2,"largestLesionCm":4,"liverInvolvementPct":10}');
    await page.getByRole("button", { name: "Use this patient" }).click();
    await page.locator(".pnen-patient-error").waitFor({ timeout: 30_000 });
    expect(await page.locator(".pnen-patient-error").innerText()).toMatch(/patient\.ki67/);
    await box.fill('{"age":52,"primarySite":"head","ki67":35,"mitoses":1,"enetsType":"I","lesionCount":2,"largestLesionCm":4,"liverInvolvementPct":10}');
    await page.getByRole("button", { name: "Use this patient" }).click();
    await page.locator(".pnen-patient-given").waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector(".pnen-pathway h2")?.textContent?.includes("WHO G3"), undefined, { timeout: 30_000 });
    await box.fill("{not json");
    await page.getByRole("button", { name: "Use this patient" }).click();
    await page.locator(".pnen-patient-error", { hasText: "not valid JSON" }).waitFor({ timeout: 30_000 });
    await screenshots(page, "patient");
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
  it("shows this patient's predicted median PFS and OS per strategy (issue 13 part C), and they change with the patient", async () => {
    const before = browser.problems.length;
    const page = await openPage("/patient.html", ".pnen-patient-outcomes tbody tr");
    const medians = () => page.$$eval(".pnen-patient-outcomes tbody tr", (rows) => rows.map((r) => ({ strategy: (r as HTMLElement).dataset.strategy!, pfs: Number((r as HTMLElement).dataset.pfsMedian), os: Number((r as HTMLElement).dataset.osMedian), text: r.textContent ?? "" })));
    const first = await medians();
    // the default scenario's four strategies, each with finite medians (OS ≥ PFS) and an interval shown in months
    expect(first.map((r) => r.strategy).sort()).toEqual(["captem-first", "conversion-first", "review", "upfront-surgery"]);
    for (const r of first) {
      expect(r.pfs, r.strategy).toBeGreaterThan(0);
      expect(r.os, r.strategy).toBeGreaterThanOrEqual(r.pfs);
      expect(r.text).toMatch(/\d+\.\d \(\d+\.\d–\d+\.\d\)/);
    }
    expect(await page.locator('figure.pnen-chart[data-name="patient-os"] svg').count()).toBeGreaterThan(0);
    // a poorly differentiated carcinoma (NEC, Ki-67 60%) with bilobar disease: every median must fall
    const box = page.getByLabel("Or paste a patient (JSON)");
    await box.fill('{"age":70,"primarySite":"body","ki67":60,"mitoses":30,"differentiation":"poor","enetsType":"III","lesionCount":20,"largestLesionCm":6,"liverInvolvementPct":60,"extrahepaticDisease":true}');
    await page.getByRole("button", { name: "Use this patient" }).click();
    await page.locator(".pnen-patient-given").waitFor({ timeout: 30_000 });
    await page.waitForFunction((old) => {
      const row = document.querySelector<HTMLElement>('.pnen-patient-outcomes tbody tr[data-strategy="review"]');
      return row !== null && Number(row.dataset.osMedian) !== old;
    }, first.find((r) => r.strategy === "review")!.os, { timeout: 60_000 });
    await settle(page);
    const second = await medians();
    for (const r of second) {
      const was = first.find((f) => f.strategy === r.strategy)!;
      expect(r.os, r.strategy).toBeLessThan(was.os);
      expect(r.pfs, r.strategy).toBeLessThan(was.pfs);
    }
    expect(await page.locator(".pnen-patient-outcomes").innerText()).toMatch(/WHO NEC/);
    await page.locator(".pnen-patient-outcomes").scrollIntoViewIfNeeded();
    await screenshots(page, "patient-outcomes");
    expect(browser.problems.slice(before)).toEqual([]);
    await page.close();
  });
});
