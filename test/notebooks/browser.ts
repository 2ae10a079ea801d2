import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** The Chromium flags the dashboards are tested with (issue 7); a fresh user-data dir is added per launch. */
export const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export const chromiumPath = process.env.PNEN_CHROMIUM ?? "/usr/bin/chromium";

/** A headless Chromium with a throw-away profile, and what its pages did wrong. */
export interface Browser {
  readonly context: BrowserContext;
  /** Console errors, page errors, failed requests and any request that left localhost, in order. */
  readonly problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const isLocal = (url: string): boolean => {
  if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) return true;
  const { hostname } = new URL(url);
  return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
};

/**
 * Launches /usr/bin/chromium (playwright-core, persistent context on a fresh temporary profile). Every request
 * to a host other than localhost is aborted and recorded as a problem, as are console errors and uncaught
 * page errors, so a test can assert that `problems` is empty after visiting a page.
 */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), "pnen-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumFlags],
    viewport: { width: 1280, height: 900 },
  });
  const problems: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    problems.push(`request outside localhost: ${url}`);
    return route.abort("blockedbyclient");
  });
  const watch = (page: Page): Page => {
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    page.on("requestfailed", (request) => {
      if (isLocal(request.url())) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    return page;
  };
  context.on("page", watch);
  return {
    context,
    problems,
    newPage: async () => {
      const page = await context.newPage();
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
