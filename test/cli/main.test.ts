import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

import { capture } from "./runCli.js";

describe("main(args)", () => {
  it("main(['--help']) lists every command and the research-use notice, exit 0", async () => {
    const c = capture();
    expect(await main(["--help"], c.io)).toBe(0);
    for (const name of ["evidence", "explain", "strategies", "simulate", "km", "report", "power"]) expect(c.out()).toContain(`  ${name}`);
    expect(c.out()).toMatch(/does not advise/);
  });
  it("main(['nope']) names the unknown command and exits 2", async () => {
    const c = capture();
    expect(await main(["nope"], c.io)).toBe(2);
    expect(c.err()).toContain("unknown command 'nope'");
  });
  it("main(['--version']) prints the package version", async () => {
    const c = capture();
    expect(await main(["--version"], c.io)).toBe(0);
    expect(c.out().trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
