import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";

const run = (...args: string[]) => runCli(["strategies", ...args]);

describe("pnen-sim strategies", () => {
  it("main(['strategies']) lists each strategy on one line with its description, review first", async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    const lines = out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^review +The review's own treatment logic/);
    expect(lines.length).toBeGreaterThanOrEqual(9);
    for (const id of ["upfront-surgery", "conversion-first", "captem-first", "everolimus-first", "sunitinib-first", "surufatinib-first", "prrt-first", "no-liver-directed"]) {
      expect(lines.some((line) => new RegExp(`^${id} +\\S`).test(line))).toBe(true);
    }
  });
  it("main(['strategies', '--choices']) also lists the named choices with their defaults", async () => {
    const { out } = await run("--choices");
    expect(out).toContain('targetedOnProgression = "everolimus" (or "sunitinib", "surufatinib")');
    expect(out).toContain('conversionTherapy = "borderline"');
  });
  it("main(['strategies', '--json']) prints id, name, description and overrides", async () => {
    const parsed = JSON.parse((await run("--json")).out);
    expect(parsed.find((s: { id: string }) => s.id === "prrt-first")).toMatchObject({ overrides: { firstSystemicLine: "prrt" } });
  });
  it("main(['strategies', '--bogus']) exits 2", async () => {
    expect((await run("--bogus")).code).toBe(2);
  });
  it("main(['strategies']) ends with the pnen-sim version and the research-use notice", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect((await run()).out.trimEnd().split("\n").at(-1)).toMatch(new RegExp(`^pnen-sim ${version.replaceAll(".", "\\.")}\\. Research use only`));
    expect(JSON.parse((await run("--choices", "--json")).out)).toMatchObject({ version });
  });
});
