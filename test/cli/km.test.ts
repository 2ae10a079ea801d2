import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";
import { expectColumn, expectNumber, rFixture } from "../analysis/rFixtures.js";

let folder = "";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, out, err } = await runCli(args, folder);
  return { code, stdout: out, stderr: err };
}

function writeCsv(name: string, text: string): string {
  writeFileSync(join(folder, name), text);
  return name;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "pnen-sim-km-"));
  const freireich = rFixture("freireich").data;
  const lines = ["weeks,relapse,arm"];
  freireich.time.forEach((t, i) => lines.push(`${t},${freireich.event[i]},${freireich.group[i]}`));
  writeCsv("freireich.csv", `${lines.join("\n")}\n`);
  const strata = rFixture("strata").data;
  const strataLines = ["time,event,group,site"];
  strata.time.forEach((t, i) => strataLines.push(`${t},${strata.event[i]},${strata.group[i]},${strata.strata[i]}`));
  writeCsv("strata.csv", `${strataLines.join("\r\n")}\r\n`);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("pnen-sim km", () => {
  it("km --json gives the issue's JSON shape with R's numbers on the 6-MP data", async () => {
    // R: survfit(Surv(weeks, relapse) ~ arm); survdiff(...); coxph(Surv(weeks, relapse) ~ arm)
    const { code, stdout } = await run(["km", "--input", "freireich.csv", "--time", "weeks", "--event", "relapse", "--group", "arm", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["groups", "logRank", "cox"]));
    expect(json.groups.map((g: { group: string }) => g.group)).toEqual(["6-MP", "placebo"]);
    const fixture = rFixture("freireich");
    for (const group of json.groups) {
      expect(Object.keys(group)).toEqual(expect.arrayContaining(["group", "n", "events", "table", "median"]));
      expect(Object.keys(group.table[0]).sort()).toEqual(["lower", "nCensor", "nEvent", "nRisk", "stdErr", "survival", "time", "upper"]);
      const reference = fixture.km.find((r) => r.group === group.group && r.confType === "log" && r.confLevel === 0.95)!;
      expect(group.n).toBe(reference.n);
      expect(group.events).toBe(reference.events);
      for (const column of ["time", "nRisk", "nEvent", "nCensor", "survival", "stdErr", "lower", "upper"] as const) {
        expectColumn(`${group.group} ${column}`, group.table.map((row: Record<string, number | null>) => row[column]), reference[column]);
      }
      expectNumber("median", group.median.estimate, reference.median.estimate);
      expectNumber("median lower", group.median.lower, reference.median.lower);
      expectNumber("median upper", group.median.upper, reference.median.upper);
    }
    // The placebo curve ends at 0: R's NaN standard error and NA limits are JSON null.
    expect(json.groups[1].table.at(-1)).toMatchObject({ survival: 0, stdErr: null, lower: null, upper: null });
    expect(json.groups[0].median.upper).toBeNull();
    const logRank = fixture.logRank.find((r) => r.rho === 0 && !r.stratified)!;
    expectNumber("chiSquare", json.logRank.chiSquare, logRank.chiSquare);
    expect(json.logRank.df).toBe(1);
    expectNumber("p", json.logRank.p, logRank.p);
    const cox = fixture.cox.find((r) => r.ties === "efron" && r.terms === "group" && !r.stratified)!;
    expectNumber("hazardRatio", json.cox.hazardRatio, cox.hazardRatios[0]!);
    expectNumber("lower", json.cox.lower, cox.lower[0]!);
    expectNumber("upper", json.cox.upper, cox.upper[0]!);
    expectNumber("p", json.cox.p, cox.p[0]!);
  });

  it("km --strata --times --tau --conf-type --conf-level matches stratified survdiff/coxph and summary(fit, times =)", async () => {
    const { code, stdout } = await run([
      "km", "--input", "strata.csv", "--time", "time", "--event", "event", "--group", "group", "--strata", "site",
      "--times", "6,12,24", "--tau", "12", "--conf-type", "log-log", "--conf-level", "0.95", "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const fixture = rFixture("strata");
    const logRank = fixture.logRank.find((r) => r.rho === 0 && r.stratified)!;
    expectNumber("stratified chiSquare", json.logRank.chiSquare, logRank.chiSquare);
    const cox = fixture.cox.find((r) => r.ties === "efron" && r.stratified)!;
    expectNumber("stratified hazardRatio", json.cox.hazardRatio, cox.hazardRatios[0]!);
    for (const group of json.groups) {
      const reference = fixture.km.find((r) => r.group === group.group && r.confType === "log-log")!;
      expectColumn("at survival", group.at.map((row: { survival: number }) => row.survival), reference.at.survival);
      expectColumn("at lower", group.at.map((row: { lower: number }) => row.lower), reference.at.lower);
      expectNumber("rmst", group.rmst.estimate, fixture.km.find((r) => r.group === group.group && r.confType === "log")!.rmean.estimate);
    }
    expect(json.rmstDifference.groups).toEqual(["A", "B"]);
  });

  it("km prints readable tables without --json", async () => {
    const { code, stdout } = await run(["km", "--input", "freireich.csv", "--time", "weeks", "--event", "relapse", "--group", "arm", "--times", "10"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Group 6-MP: n = 21, events = 9, median 23 (95% CI 16 to NA)");
    expect(stdout).toContain("Log-rank test: chi-square = 16.79 on 1 df");
    expect(stdout).toContain("group=placebo");
  });

  it("km without --group gives one curve and no tests", async () => {
    const { stdout } = await run(["km", "--input", "freireich.csv", "--time", "weeks", "--event", "relapse", "--json"]);
    const json = JSON.parse(stdout);
    expect(json.groups).toHaveLength(1);
    expect(json.groups[0].n).toBe(42);
    expect(json.logRank).toBeNull();
    expect(json.cox).toBeNull();
  });

  const bad: [string, string, string][] = [
    ["a non-numeric time", "t,e\n1,1\nabc,0\n", "bad.csv: row 2 (line 3), column 't': expected a non-negative number, got 'abc'"],
    ["a missing time (--na fail)", "t,e\n1,1\n,0\n", "bad.csv: row 2 (line 3), column 't': missing value (an empty cell); --na omit drops such rows, as R does"],
    ["a negative time", "t,e\n1,1\n2,0\n-3,1\n", "bad.csv: row 3 (line 4), column 't': expected a non-negative number, got '-3'"],
    ["an event other than 0/1, 1/2 or TRUE/FALSE", "t,e\n1,1\n2,3\n", "bad.csv: row 2 (line 3), column 'e': expected an event code (0/1, 1/2 or TRUE/FALSE), got '3'"],
    ["events 0 and 2 (neither 0/1 nor 1/2, as R's Surv)", "t,e\n1,0\n2,2\n", "bad.csv: row 1 (line 2), column 'e': event 0 in a column whose largest value is 2 (at bad.csv: row 2 (line 3)); as R's Surv, events must be coded 0/1 (0 censored, 1 event) or 1/2 (1 censored, 2 event)"],
    ["a missing event (--na fail)", "t,e\n1,1\n2,NA\n", "bad.csv: row 2 (line 3), column 'e': missing value ('NA'); --na omit drops such rows, as R does"],
    ["a short row", "t,e\n1,1\n2\n", "bad.csv: row 2 (line 3): expected at least 2 cells, got 1"],
    ["a missing column", "time,e\n1,1\n", "bad.csv: no column 't' (--time); columns: time, e"],
  ];
  for (const [what, text, message] of bad) {
    it(`km on a CSV with ${what} exits 2 naming the row and column`, async () => {
      writeCsv("bad.csv", text);
      const { code, stderr } = await run(["km", "--input", "bad.csv", "--time", "t", "--event", "e", "--na", "fail"]);
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(message);
    });
  }

  it("km rejects bad flags with exit 2", async () => {
    expect((await run(["km", "--input", "freireich.csv", "--time", "weeks"])).stderr).toContain("--event is required");
    expect((await run(["km", "--input", "freireich.csv", "--time", "weeks", "--event", "relapse", "--conf-type", "logit"])).code).toBe(2);
    expect((await run(["km", "--input", "freireich.csv", "--time", "weeks", "--event", "relapse", "--conf-level", "1.2"])).code).toBe(2);
    expect((await run(["km", "--input", "missing.csv", "--time", "weeks", "--event", "relapse"])).stderr).toContain("missing.csv: cannot read the file (no such file)");
  });

  it("km --help describes the flags", async () => {
    const { code, stdout } = await run(["km", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--conf-type");
  });

  it("km on a CSV with a header and no data rows exits 2 naming the file", async () => {
    writeCsv("header-only.csv", "t,e\n");
    const { code, stderr } = await run(["km", "--input", "header-only.csv", "--time", "t", "--event", "e"]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("header-only.csv: no data rows after the header (expected one row per subject)");
  });

  it("km on a CSV with a hex time (0x10) exits 2 instead of reading it as 16", async () => {
    writeCsv("hex.csv", "t,e\n5,1\n0x10,1\n");
    const { code, stderr } = await run(["km", "--input", "hex.csv", "--time", "t", "--event", "e"]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("hex.csv: row 2 (line 3), column 't': expected a non-negative number, got '0x10'");
  });

  it("km --strata without --group exits 2 instead of silently ignoring the strata", async () => {
    const { code, stdout, stderr } = await run(["km", "--input", "strata.csv", "--time", "time", "--event", "event", "--strata", "site"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--strata needs --group");
  });

  it("km output names the pnen-sim version and carries the research-use notice (text and --json)", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const text = await run(["km", "--input", "freireich.csv", "--time", "weeks", "--event", "relapse"]);
    expect(text.stdout).toContain(`pnen-sim ${version} km.`);
    expect(text.stdout).toContain("Research use only");
    const json = JSON.parse((await run(["km", "--input", "freireich.csv", "--time", "weeks", "--event", "relapse", "--json"])).stdout);
    expect(json.version).toBe(version);
    expect(json.notice).toContain("Research use only");
  });

  it("km warns when the Cox model does not converge (R: 'Ran out of iterations') and says why there is none when it is not estimable", async () => {
    // R: coxph(Surv(time, event) ~ arm + strata(s)) on these rows warns "Ran out of iterations and did not converge".
    writeCsv("monotone.csv", "time,event,arm,s\n5,1,A,x\n8,1,B,x\n3,0,A,y\n4,1,A,y\n");
    const text = await run(["km", "--input", "monotone.csv", "--time", "time", "--event", "event", "--group", "arm", "--strata", "s"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Warning: the Cox model did not converge");
    const json = JSON.parse((await run(["km", "--input", "monotone.csv", "--time", "time", "--event", "event", "--group", "arm", "--strata", "s", "--json"])).stdout);
    expect(json.cox.converged).toBe(false);
    expect(json.coxNote).toContain("did not converge");
    // R: coxph gives coef NA when one group has no events before the other's are all over (singular information).
    writeCsv("singular.csv", "time,event,arm\n5,1,A\n8,1,A\n3,0,B\n4,0,B\n");
    const singular = await run(["km", "--input", "singular.csv", "--time", "time", "--event", "event", "--group", "arm"]);
    expect(singular.code).toBe(0);
    expect(singular.stdout).toContain("Cox model not estimable: the information matrix is singular");
    const converged = JSON.parse((await run(["km", "--input", "freireich.csv", "--time", "weeks", "--event", "relapse", "--group", "arm", "--json"])).stdout);
    expect(converged.cox.converged).toBe(true);
    expect(converged.coxNote).toBeUndefined();
  });
});
