import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandIO } from "../../src/cli/Command.js";
import { main } from "../../src/cli/main.js";
import { expectColumn, expectNumber } from "../analysis/rFixtures.js";

// `km` reads input as R does (issue 14 item 3) and the CSV/km input defects of issues 19 and 20, each a
// regression test named after the defect.

interface RLung {
  analyses: {
    group: string;
    dropped: number;
    km: { group: string; n: number; events: number; time: number[]; nRisk: number[]; nEvent: number[]; nCensor: number[]; survival: number[]; stdErr: number[]; lower: number[]; upper: number[]; median: { estimate: number | null; lower: number | null; upper: number | null } }[];
    logRank: { chiSquare: number; df: number; observed: number[]; expected: number[] };
    cox: { hazardRatios: number[]; lower: number[]; upper: number[]; p: number[]; likelihoodRatio: number; score: number };
  }[];
}

const fixtureFolder = new URL("../fixtures/r/km-input/", import.meta.url);
const lungCsv = readFileSync(new URL("lung.csv", fixtureFolder), "utf8");
const lung = JSON.parse(readFileSync(new URL("lung.json", fixtureFolder), "utf8")) as RLung;
let folder = "";

async function run(args: string[], stdin?: Uint8Array | string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    stderrIsTTY: false,
    cwd: folder,
    ...(stdin === undefined ? {} : { readStdin: async () => (typeof stdin === "string" ? new TextEncoder().encode(stdin) : stdin) }),
  };
  const code = await main(args, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}

function write(name: string, content: string | Uint8Array): string {
  writeFileSync(join(folder, name), content);
  return name;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "pnen-sim-km-input-"));
  write("lung.csv", lungCsv);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Compares km's JSON with R's answers for one analysis of the lung fixture. */
function expectLikeR(json: Record<string, any>, reference: RLung["analyses"][number]): void {
  expect(json.groups.map((g: { group: string }) => g.group)).toEqual(reference.km.map((k) => k.group));
  json.groups.forEach((group: Record<string, any>, k: number) => {
    const r = reference.km[k]!;
    expect(group.n).toBe(r.n);
    expect(group.events).toBe(r.events);
    for (const column of ["time", "nRisk", "nEvent", "nCensor", "survival", "stdErr", "lower", "upper"] as const) {
      expectColumn(`${r.group} ${column}`, group.table.map((row: Record<string, number | null>) => row[column]), r[column]);
    }
    expectNumber("median", group.median.estimate, r.median.estimate);
    expectNumber("median lower", group.median.lower, r.median.lower);
    expectNumber("median upper", group.median.upper, r.median.upper);
  });
  expectNumber("log-rank chi-square", json.logRank.chiSquare, reference.logRank.chiSquare);
  expect(json.logRank.df).toBe(reference.logRank.df);
  expectColumn("observed", json.logRank.observed, reference.logRank.observed);
  expectColumn("expected", json.logRank.expected, reference.logRank.expected);
  expectColumn("hazard ratios", json.cox.terms.map((t: { hazardRatio: number }) => t.hazardRatio), reference.cox.hazardRatios);
  expectColumn("lower", json.cox.terms.map((t: { lower: number }) => t.lower), reference.cox.lower);
  expectColumn("upper", json.cox.terms.map((t: { upper: number }) => t.upper), reference.cox.upper);
  expectColumn("p", json.cox.terms.map((t: { p: number }) => t.p), reference.cox.p);
  expectNumber("likelihood ratio", json.cox.likelihoodRatio.statistic, reference.cox.likelihoodRatio);
  expectNumber("score", json.cox.score.statistic, reference.cox.score);
}

describe("pnen-sim km reads input as R does", () => {
  it("km --event status with R's 1/2 coding (1 censored, 2 event) matches survfit/survdiff/coxph(Surv(time, status) ~ sex, data = lung)", async () => {
    // R: fit <- survfit(Surv(time, status) ~ sex, data = lung); summary(fit, censored = TRUE); survdiff(...); summary(coxph(...))
    const { code, stdout } = await run(["km", "--input", "lung.csv", "--time", "time", "--event", "status", "--group", "sex", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.input).toEqual({ format: "csv", rows: 228, eventCoding: "1/2", dropped: { rows: 0, time: 0, event: 0, group: 0, strata: 0 } });
    expectLikeR(json, lung.analyses[0]!);
  });

  it("km --na omit (the default) drops the row whose group is NA and says so, as survfit(Surv(time, status) ~ ph.ecog, data = lung)", async () => {
    // R: survfit(Surv(time, status) ~ ph.ecog, data = lung) — "1 observation deleted due to missingness"
    const { code, stdout } = await run(["km", "--input", "lung.csv", "--time", "time", "--event", "status", "--group", "ph.ecog", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.input.dropped).toEqual({ rows: lung.analyses[1]!.dropped, time: 0, event: 0, group: 1, strata: 0 });
    expectLikeR(json, lung.analyses[1]!);
    const text = await run(["km", "--input", "lung.csv", "--time", "time", "--event", "status", "--group", "ph.ecog"]);
    expect(text.stdout).toContain("Read 228 rows (CSV, events coded 1/2); dropped 1 row with a missing group.");
    const fail = await run(["km", "--input", "lung.csv", "--time", "time", "--event", "status", "--group", "ph.ecog", "--na", "fail"]);
    expect(fail.code).toBe(2);
    expect(fail.stderr.trim()).toBe("lung.csv: row 14 (line 15), column 'ph.ecog': missing value ('NA'); --na omit drops such rows, as R does");
  });

  it("km reports 'dropped 3 rows with a missing time' for empty, NA and NaN times", async () => {
    write("missing.csv", "t,e\n1,1\n,1\n2,0\nNA,1\n3,1\nNaN,0\n");
    const { code, stdout } = await run(["km", "--input", "missing.csv", "--time", "t", "--event", "e"]);
    expect(code).toBe(0);
    expect(stdout).toContain("dropped 3 rows with a missing time");
    expect(stdout).toContain("n = 3, events = 2");
  });

  it("km reads TSV and semicolon-separated files (detected, or --delimiter) to the same numbers as the CSV", async () => {
    const reference = JSON.parse((await run(["km", "--input", "lung.csv", "--time", "time", "--event", "status", "--group", "sex", "--json"])).stdout);
    write("lung.tsv", lungCsv.replaceAll(",", "\t"));
    write("lung-semicolon.csv", lungCsv.replaceAll(",", ";"));
    write("lung-pipe.txt", lungCsv.replaceAll(",", "|"));
    for (const args of [["lung.tsv"], ["lung.tsv", "--delimiter", "tab"], ["lung-semicolon.csv"], ["lung-semicolon.csv", "--delimiter", ";"], ["lung-pipe.txt", "--delimiter", "|"]]) {
      const { code, stdout } = await run(["km", "--input", ...args, "--time", "time", "--event", "status", "--group", "sex", "--json"]);
      expect(code, args.join(" ")).toBe(0);
      expect(JSON.parse(stdout), args.join(" ")).toEqual(reference);
    }
    const wrong = await run(["km", "--input", "lung.tsv", "--delimiter", ",", "--time", "time", "--event", "status"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("lung.tsv: no column 'time' (--time); columns: time\tstatus\tsex\tph.ecog");
    expect((await run(["km", "--input", "lung.csv", "--delimiter", "ab", "--time", "time", "--event", "status"])).stderr).toContain("--delimiter: expected one ASCII character");
  });

  it("km reads events coded TRUE/FALSE, 0/1 and 1/2 to the same answer, and --event-coding forces one", async () => {
    const rows = lungCsv.trim().split("\n").slice(1).map((line) => line.split(","));
    const as = (code: (status: string) => string) => `time,status,sex\n${rows.map((r) => `${r[0]},${code(r[1]!)},${r[2]}`).join("\n")}\n`;
    write("lung01.csv", as((s) => (s === "2" ? "1" : "0")));
    write("lungTF.csv", as((s) => (s === "2" ? "TRUE" : "FALSE")));
    const results = [];
    for (const file of ["lung.csv", "lung01.csv", "lungTF.csv"]) {
      const json = JSON.parse((await run(["km", "--input", file, "--time", "time", "--event", "status", "--group", "sex", "--json"])).stdout);
      results.push({ ...json, input: { ...json.input, eventCoding: null } });
      expect(json.input.eventCoding).toBe({ "lung.csv": "1/2", "lung01.csv": "0/1", "lungTF.csv": "logical" }[file]);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    // Forcing 0/1 on a 1/2 file names the first row with a 2.
    const forced = await run(["km", "--input", "lung.csv", "--time", "time", "--event", "status", "--event-coding", "0/1"]);
    expect(forced.code).toBe(2);
    expect(forced.stderr.trim()).toBe("lung.csv: row 1 (line 2), column 'status': expected 0 (censored) or 1 (event) (--event-coding 0/1), got '2'");
    // A column of 1s alone is read as 0/1 (all events), as R's Surv does; --event-coding 1/2 reads it as all censored.
    write("ones.csv", "t,e\n1,1\n2,1\n");
    expect(JSON.parse((await run(["km", "--input", "ones.csv", "--time", "t", "--event", "e", "--json"])).stdout).groups[0].events).toBe(2);
    expect(JSON.parse((await run(["km", "--input", "ones.csv", "--time", "t", "--event", "e", "--event-coding", "1/2", "--json"])).stdout).groups[0].events).toBe(0);
    expect((await run(["km", "--input", "ones.csv", "--time", "t", "--event", "e", "--event-coding", "12"])).stderr).toContain("--event-coding: expected auto, 0/1, 1/2 or logical, got '12'");
  });

  it("km --input - reads standard input", async () => {
    const { code, stdout } = await run(["km", "--input", "-", "--time", "time", "--event", "status", "--group", "sex", "--json"], lungCsv);
    expect(code).toBe(0);
    expectLikeR(JSON.parse(stdout), lung.analyses[0]!);
    const text = await run(["km", "--input", "-", "--time", "time", "--event", "status"], lungCsv);
    expect(text.stdout).toContain("Kaplan-Meier estimates for standard input");
  });

  it("pnen-sim km --input - reads a pipe into the real process (bin/pnen-sim.js)", () => {
    const child = spawnSync(process.execPath, [fileURLToPath(new URL("../../bin/pnen-sim.js", import.meta.url)), "km", "--input", "-", "--time", "time", "--event", "status", "--group", "sex", "--json"], {
      input: lungCsv,
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expectLikeR(JSON.parse(child.stdout), lung.analyses[0]!);
  });

  it("km reads quoted cells holding the delimiter, doubled quotes and line breaks, and counts rows and lines right after them", async () => {
    write("quoted.csv", 'note,t,e,arm\n"first, ""one""\nspans two lines",5,1,"A"\nplain,3,0,B\n"x\r\ny",4,1,A\nbad,abc,1,B\n');
    const { code, stderr } = await run(["km", "--input", "quoted.csv", "--time", "t", "--event", "e", "--group", "arm"]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("quoted.csv: row 4 (line 7), column 't': expected a non-negative number, got 'abc'");
    write("quoted-ok.csv", 'note,t,e,arm\n"first, ""one""\nspans two lines",5,1,"A"\nplain,3,0,B\n"x\r\ny",4,1,"A, or ""a"""\n');
    const ok = JSON.parse((await run(["km", "--input", "quoted-ok.csv", "--time", "t", "--event", "e", "--group", "arm", "--json"])).stdout);
    expect(ok.groups.map((g: { group: string; n: number }) => [g.group, g.n])).toEqual([["A", 1], ['A, or "a"', 1], ["B", 1]]);
  });
});

describe("km input defects of issues 19 and 20 (regression tests named after each defect)", () => {
  it("CSV unterminated quote silently accepted: now an error naming the line where the quote opened", async () => {
    write("unterminated.csv", 't,e,arm\n1,1,A\n2,0,"B\n3,1,A\n');
    const { code, stderr } = await run(["km", "--input", "unterminated.csv", "--time", "t", "--event", "e", "--group", "arm"]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("unterminated.csv: line 3, column 'arm': a quoted cell is not closed (no matching '\"' before the end of the file)");
  });

  it("quoted cell with a line break reported on the wrong line: the cell is read, and later rows keep their true line numbers", async () => {
    write("linebreak.csv", 't,e,arm\n1,1,"Arm\nA"\n2,x,B\n');
    const { code, stderr } = await run(["km", "--input", "linebreak.csv", "--time", "t", "--event", "e", "--group", "arm"]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("linebreak.csv: row 2 (line 4), column 'e': expected an event code (0/1, 1/2 or TRUE/FALSE), got 'x'");
  });

  it("km merging group labels that are not valid UTF-8 (Latin-1 'Gruppe Ä'/'Gruppe Ö'): rejected naming the row, and read as two groups with --encoding latin1", async () => {
    const text = "zeit,status,gruppe,ort,arm\n1,1,Gruppe Ä,Süd,a\n3,1,Gruppe Ä,Süd,b\n5,0,Gruppe Ä,Nord,a\n2,1,Gruppe Ö,Nord,b\n4,1,Gruppe Ö,Nord,a\n6,1,Gruppe Ö,Süd,b\n";
    write("utf8.csv", text);
    write("latin1.csv", Uint8Array.from(text, (ch) => ch.charCodeAt(0))); // every character is below 256: Latin-1 bytes
    const args = (file: string) => ["km", "--input", file, "--time", "zeit", "--event", "status", "--group", "gruppe", "--json"];
    const rejected = await run(args("latin1.csv"));
    expect(rejected.code).toBe(2);
    expect(rejected.stderr.trim()).toBe(
      "latin1.csv: row 1 (line 2), column 'gruppe': the label is not valid UTF-8 (bytes 47 72 75 70 70 65 20 C4); if the file is Latin-1 (Windows-1252), add --encoding latin1",
    );
    const utf8 = JSON.parse((await run(args("utf8.csv"))).stdout);
    expect(utf8.groups.map((g: { group: string; n: number }) => [g.group, g.n])).toEqual([["Gruppe Ä", 3], ["Gruppe Ö", 3]]);
    expect(utf8.logRank.df).toBe(1);
    const latin1 = JSON.parse((await run([...args("latin1.csv"), "--encoding", "latin1"])).stdout);
    expect(latin1).toEqual(utf8);
    // Strata take the same path.
    const strata = await run(["km", "--input", "latin1.csv", "--time", "zeit", "--event", "status", "--group", "arm", "--strata", "ort"]);
    expect(strata.code).toBe(2);
    expect(strata.stderr.trim()).toBe(
      "latin1.csv: row 1 (line 2), column 'ort': the label is not valid UTF-8 (bytes 53 FC 64); if the file is Latin-1 (Windows-1252), add --encoding latin1",
    );
  });

  it("km with times >= 1e308 merging all times (tie-detection overflow): refused naming the row and column", async () => {
    // The times stayed distinct, but the median between 1.2e308 and 1.6e308 overflowed to "Infinity" (R prints
    // Inf as well): times beyond 1e150 (the --tau limit, whose square the RMST variance needs) are refused.
    write("huge.csv", "t,e\n1e308,1\n1.2e308,1\n1.4e308,0\n1.6e308,1\n");
    const huge = await run(["km", "--input", "huge.csv", "--time", "t", "--event", "e", "--json"]);
    expect(huge.code).toBe(2);
    expect(huge.stderr.trim()).toBe("huge.csv: row 1 (line 2), column 't': expected a number <= 1e+150 (larger times overflow the estimators' arithmetic; use a smaller time unit), got '1e308'");
    write("large.csv", "t,e\n1e149,1\n1.2e149,1\n1.4e149,0\n1.6e149,1\n");
    const large = await run(["km", "--input", "large.csv", "--time", "t", "--event", "e", "--json"]);
    expect(large.code).toBe(0);
    const json = JSON.parse(large.stdout);
    expect(json.groups[0].table.map((r: { time: number }) => r.time)).toEqual([1e149, 1.2e149, 1.4e149, 1.6e149]);
    expect(json.groups[0].table.map((r: { survival: number }) => r.survival)).toEqual([0.75, 0.5, 0.5, 0]);
    // A time beyond the largest double, and a --tau whose square would overflow in the RMST variance, are refused by name.
    write("overflow.csv", "t,e\n1e400,1\n");
    expect((await run(["km", "--input", "overflow.csv", "--time", "t", "--event", "e"])).stderr.trim()).toBe(
      "overflow.csv: row 1 (line 2), column 't': expected a non-negative number, got '1e400' (too large for a double)",
    );
    expect((await run(["km", "--input", "huge.csv", "--time", "t", "--event", "e", "--tau", "1e200"])).stderr).toContain("--tau: expected a number > 0 <= 1e+150, got '1e200'");
  });

  it("CR-only CSV gave 'no data rows': lines ended by CR alone are read", async () => {
    write("cr.csv", "t,e,arm\r1,1,A\r2,0,B\r3,1,A\r");
    const { code, stdout } = await run(["km", "--input", "cr.csv", "--time", "t", "--event", "e", "--group", "arm", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).groups.map((g: { n: number }) => g.n)).toEqual([2, 1]);
  });

  it("--input '' gave ': cannot read the file (EISDIR)': now it says what was expected, and a folder is named as one", async () => {
    const empty = await run(["km", "--input", "", "--time", "t", "--event", "e"]);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim()).toBe("pnen-sim km: --input: expected a value, got an empty value");
    mkdirSync(join(folder, "a-folder"), { recursive: true });
    expect((await run(["km", "--input", "a-folder", "--time", "t", "--event", "e"])).stderr.trim()).toBe("a-folder: cannot read the file (it is a folder, expected a file)");
  });

  it("duplicate CSV header names silently using the first: a requested name that appears twice is an error", async () => {
    write("duplicate.csv", "t,e,t\n1,1,5\n2,0,6\n");
    const { code, stderr } = await run(["km", "--input", "duplicate.csv", "--time", "t", "--event", "e"]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("duplicate.csv: column 't' (--time) appears more than once in the header (columns 1 and 3); rename one");
  });

  it("km with 20,000 groups running 111 s then aborting (exit 134): refused at once above the documented limit of 100 groups", async () => {
    write("many.csv", `t,e,id\n${Array.from({ length: 20_000 }, (_, i) => `${(i % 97) + 1},${i % 2},patient-${i}`).join("\n")}\n`);
    const started = performance.now();
    const { code, stderr } = await run(["km", "--input", "many.csv", "--time", "t", "--event", "e", "--group", "id"]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe("many.csv: --group id: 20000 distinct labels; km compares at most 100 groups (is it an id column?)");
    expect(performance.now() - started).toBeLessThan(10_000); // generous: it fails at once, not after minutes
  });

  it("km's Cox printed numbers where R warns 'coefficient may be infinite': now it warns too", async () => {
    // R: coxph(Surv(t, e) ~ g, data = data.frame(t = 1:10, e = rep(1:0, each = 5), g = rep(c("A", "B"), each = 5)))
    //    Warning: Loglik converged before variable 1 ; coefficient may be infinite.  (coef gB = -22.22905)
    write("separated.csv", `t,e,g\n${Array.from({ length: 10 }, (_, i) => `${i + 1},${i < 5 ? 1 : 0},${i < 5 ? "A" : "B"}`).join("\n")}\n`);
    const json = JSON.parse((await run(["km", "--input", "separated.csv", "--time", "t", "--event", "e", "--group", "g", "--json"])).stdout);
    expect(json.cox.converged).toBe(true);
    expect(json.cox.terms[0].coefficient).toBeCloseTo(-22.22905, 5); // R prints 7 significant digits
    expect(json.cox.possiblyInfinite).toEqual(["group=B"]);
    expect(json.coxNote).toContain("coefficient may be infinite");
    const text = await run(["km", "--input", "separated.csv", "--time", "t", "--event", "e", "--group", "g"]);
    expect(text.stdout).toContain("Warning: the log-likelihood converged before group=B (as R's \"Loglik converged before variable 1; coefficient may be infinite\")");
    // The 6-MP data (a finite hazard ratio) raises no such warning.
    const finite = await run(["km", "--input", "lung.csv", "--time", "time", "--event", "status", "--group", "sex", "--json"]);
    expect(JSON.parse(finite.stdout).cox.possiblyInfinite).toEqual([]);
  });

  it("echoed cell values capped in messages: a megabyte cell is cut to 40 characters", async () => {
    write("long.csv", `t,e\n${"9".repeat(1_000_000)}x,1\n`);
    const { code, stderr } = await run(["km", "--input", "long.csv", "--time", "t", "--event", "e"]);
    expect(code).toBe(2);
    expect(stderr.length).toBeLessThan(200);
    expect(stderr.trim()).toBe(`long.csv: row 1 (line 2), column 't': expected a non-negative number, got '${"9".repeat(40)}…' (1000001 characters)`);
  });
});
