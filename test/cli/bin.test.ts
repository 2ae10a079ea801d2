import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The launcher runs the compiled CLI in dist/ (`npm test` builds it before running vitest).
const launcher = new URL("../../bin/pnen-sim.js", import.meta.url).pathname;
const built = existsSync(new URL("../../dist/cli/main.js", import.meta.url));

describe.skipIf(!built)("bin/pnen-sim.js", () => {
  it("bin/pnen-sim.js evidence --json | head -c 10: a reader closing the pipe early gives exit 0 and no stack trace", async () => {
    const child = spawn(process.execPath, [launcher, "evidence", "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.destroy(); // the reader goes away before the CLI writes: every write fails with EPIPE
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(code).toBe(0);
  });

  it("bin/pnen-sim.js --version prints the package version", async () => {
    const child = spawn(process.execPath, [launcher, "--version"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    expect(await new Promise((resolve) => child.on("close", resolve))).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
