import { launchBrowser } from "./browser.js";
import { serveStatic } from "./staticServer.js";
const server = await serveStatic("/work/wt/i13-power/dashboard-dist");
const browser = await launchBrowser();
for (const path of process.argv.slice(2)) {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  await page.waitForTimeout(9000);
  const small = await page.$$eval("figure.pnen-chart svg text", (texts) => texts.map((t) => {
    const ctm = (t as SVGGraphicsElement).getScreenCTM();
    const px = parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
    return { px: Math.round(px * 10) / 10, text: (t.textContent ?? "").slice(0, 30), chart: (t.closest("figure") as HTMLElement).dataset.name };
  }).filter((x) => x.px < 10 && x.text.trim() !== ""));
  console.log(await page.$$eval("figure.pnen-chart", (fs) => fs.map((f) => [(f as HTMLElement).dataset.name, (f as HTMLElement).dataset.layout, f.querySelector("svg")?.getAttribute("width"), f.querySelector("svg")?.getAttribute("viewBox"), f.querySelector("svg")?.getBoundingClientRect().width, f.clientWidth])));
  console.log(path, "errors", await page.locator(".observablehq--error").allInnerTexts(), "small", small.slice(0, 8), small.length);
  await page.screenshot({ path: `/tmp/i13a/phone-${path.replace(/\W/g, "")}.png`, fullPage: true });
  await page.close();
}
console.log(browser.problems);
await browser.close(); await server.close();
