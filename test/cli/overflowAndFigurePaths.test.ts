import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";

// Issue 20 items 4 (overflow gives wrong numbers) and 7 (figures written outside the intended place).
const folders: string[] = [];
const fresh = () => {
  const folder = mkdtempSync(join(tmpdir(), "pnen-overflow-"));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

describe("overflow and figure paths", () => {
  it("power --design with mixture weights of 1e308 (their sum overflows: 'NaN% median 5 mo', power 100%) exits 2 naming the field", async () => {
    const folder = fresh();
    const mixture = [{ weight: 1e308, median: 5 }, { weight: 1e308, median: 20 }];
    writeFileSync(join(folder, "design.json"), JSON.stringify({ arms: [{ label: "control", mixture }, { label: "treatment", hazardRatio: 0.7 }], sims: 20 }));
    const { code, out, err } = await runCli(["power", "--design", "design.json"], folder);
    expect({ code, out }).toEqual({ code: 2, out: "" });
    expect(err).toContain("arms[0].mixture: the weights' sum overflows a double (1e+308 + 1e+308); give the weights as shares, e.g. 0.3 and 0.7");
    // weights as shares, or one huge and one small, are fine: only the overflowing sum is refused
    writeFileSync(join(folder, "shares.json"), JSON.stringify({ arms: [{ label: "control", mixture: [{ weight: 0.3, median: 5 }, { weight: 0.7, median: 20 }] }, { label: "treatment", hazardRatio: 0.7 }], sims: 20 }));
    expect((await runCli(["power", "--design", "shares.json"], folder)).code).toBe(0);
    writeFileSync(join(folder, "lopsided.json"), JSON.stringify({ arms: [{ label: "control", mixture: [{ weight: 1e308, median: 5 }, { weight: 1, median: 20 }] }, { label: "treatment", hazardRatio: 0.7 }], sims: 20 }));
    const lopsided = await runCli(["power", "--design", "lopsided.json"], folder);
    expect(lopsided.code).toBe(0);
    expect(lopsided.out).toContain("control (mixture: 100% median 5 mo + 0% median 20 mo, allocation 1)");
  });

  it("power --allocation 1e308 (power 0% without a word: the control arm gets no patients) exits 2 naming the flag; a design file's allocation likewise", async () => {
    const flag = await runCli(["power", "--median-control", "12", "--hazard-ratio", "0.7", "--allocation", "1e308", "--sims", "20"]);
    expect({ code: flag.code, err: flag.err.trim() }).toEqual({ code: 2, err: "pnen-sim power: --allocation: expected a number >= 0.001 <= 1000, got '1e308'" });
    const folder = fresh();
    writeFileSync(join(folder, "design.json"), JSON.stringify({ arms: [{ label: "control", median: 12 }, { label: "treatment", hazardRatio: 0.7, allocation: 1e308 }], sims: 20 }));
    const file = await runCli(["power", "--design", "design.json"], folder);
    expect(file.code).toBe(2);
    expect(file.err).toContain("arms[1].allocation: expected allocation weights within a factor of 1000 of each other, got 1 : 1e+308");
    expect((await runCli(["power", "--median-control", "12", "--hazard-ratio", "0.7", "--allocation", "2", "--sims", "20"])).code).toBe(0);
  });

  it("power --curve '', '.', '/', 'DIR/' and an existing folder (figures written as <folder>.svg into the parent) exit 2 naming the flag, writing nothing", async () => {
    const parent = fresh();
    const folder = join(parent, "work");
    mkdirSync(join(folder, "figs"), { recursive: true });
    for (const curve of ["", ".", "/", "figs/", "figs", "..", ".svg"]) {
      const { code, out, err } = await runCli(["power", "--median-control", "12", "--hazard-ratio", "0.7", "--sims", "20", "--curve", curve], folder);
      expect({ curve, code, out }).toEqual({ curve, code: 2, out: "" });
      // '' is refused earlier, as an empty value (every flag, issue 20.8)
      expect(err).toMatch(curve === "" ? /^pnen-sim power: --curve: expected a value, got an empty value$/m : /^pnen-sim power: --curve: expected a file name in a folder \(e\.g\. figures\/curve\.svg\), got '/);
    }
    expect(readdirSync(parent)).toEqual(["work"]);
    expect(readdirSync(folder)).toEqual(["figs"]);
    expect(readdirSync(join(folder, "figs"))).toEqual([]);
    const fit = await runCli(["fit", "--input", "x.csv", "--time", "t", "--event", "e", "--figure", "."], folder);
    expect(fit.code).toBe(2);
    expect(fit.err).toMatch(/^pnen-sim fit: --figure: expected a file name in a folder/);
  });
});
