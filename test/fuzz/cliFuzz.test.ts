import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import fc from "fast-check";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CliRunner, type CaseReply } from "./cliRunner.js";
import { jsonCase, prototypeNames, weirdFlagValue, weirdOutputPath, type JsonCase } from "./fuzzInputs.js";

/**
 * Property-based fuzzing of every input of the CLI (issue 19 item 3; generators of issue 20): each case runs
 * `pnen-sim ...` in process (one reused worker thread, see cliRunner.ts) in a fresh folder and must end with
 *   - exit 0 (and, where the answer is known, the right answer), or
 *   - exit 2 with one message that names the file, row, flag or field, and no file written or changed;
 * never a stack trace, a thrown error, text on the process's own streams, a hang (the case's time limit), or any
 * other exit code.
 *
 * `npm test` runs a bounded number of cases (about 570) with a fixed seed (reproducible);
 * `npm run fuzz` runs FUZZ_RUNS (default 10) times as many with a random seed (FUZZ_SEED=N replays a run). The
 * count of cases tried is printed at the end. The cases run the TypeScript sources (tsx), not dist/.
 */
const scale = Number(process.env.FUZZ_RUNS ?? 1);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : scale > 1 ? Date.now() % 2_147_483_647 : 20_261_202;
const runs = (n: number) => Math.max(1, Math.round(n * scale));
const caseTimeoutMs = 30_000;
// a property runs many cases: give each test time in proportion (the cases' own limit catches a hang)
vi.setConfig({ testTimeout: 120_000 * scale });
const repository = new URL("../../", import.meta.url).pathname;
const data = join(repository, "data");

let root: string;
let runner: CliRunner;
let tried = 0;
const triedBy: Record<string, number> = {};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "pnen-fuzz-"));
  runner = new CliRunner();
});
afterAll(async () => {
  await runner.close();
  rmSync(root, { recursive: true, force: true });
  console.log(`fuzz: ${tried} cases tried (seed ${seed}; ${Object.entries(triedBy).map(([k, v]) => `${k} ${v}`).join(", ")})`);
});

/** Every file and folder under `dir` with its size and modification time, to detect writes. */
function snapshot(dir: string): string[] {
  const entries: string[] = [];
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stat = lstatSync(path);
      entries.push(`${prefix}${name} ${stat.isDirectory() ? "dir" : `${stat.size} ${stat.mtimeMs}`}`);
      if (stat.isDirectory()) walk(path, `${prefix}${name}/`);
    }
  };
  walk(dir, "");
  return entries;
}

interface FuzzCase {
  /** What the case is, for the failure message. */
  readonly label: string;
  readonly args: readonly string[];
  /** Files to create in the case's folder before the run. */
  readonly files?: Readonly<Record<string, Uint8Array | string>>;
  /** Folders to copy into the case's folder (name → source). */
  readonly copies?: Readonly<Record<string, string>>;
  readonly kind?: "cli" | "strategies";
  /** Words one of which an exit-2 message must contain (the file, flag or field at fault). */
  readonly names?: readonly string[];
  /** Extra check of a successful run's stdout; returns a problem or null. */
  readonly checkSuccess?: (out: string) => string | null;
  /** True when exit 2 is wrong for this case (the input is valid). */
  readonly mustSucceed?: boolean;
}

/**
 * The problems of one finished case (empty when it behaved): a hang, a throw, an exit other than 0 or 2, text on the
 * process's own streams, a stack trace; for exit 2 a missing, uncapped or unnamed message or a changed folder; for
 * exit 0 undefined/NaN in the output or a wrong answer. `before`/`after`: {@link snapshot}s of the case's folder.
 */
function caseProblems(fuzzCase: FuzzCase, reply: CaseReply, before: readonly string[], after: readonly string[], leaked: string): string[] {
  const problems: string[] = [];
  const shown = `${fuzzCase.label.slice(0, 300)}\n    pnen-sim ${fuzzCase.args.map((a) => (a.length > 80 ? `${a.slice(0, 80)}…(${a.length})` : a)).join(" ")}`;
  const say = (text: string) => problems.push(`${text}\n    case: ${shown}\n    stderr: ${reply.err.slice(0, 600)}`);
  if (reply.timedOut) say(`no answer within the time limit (a hang)`);
  else if (reply.thrown !== undefined) say(`threw instead of a message: ${reply.thrown.slice(0, 1500)}`);
  else if (reply.code !== 0 && reply.code !== 2) say(`exit ${reply.code}, expected 0 or 2`);
  if (leaked !== "") say(`wrote to the process's own streams: ${leaked.slice(0, 300)}`);
  if (/^\s+at .+[:(].*\d+/m.test(reply.err) || /^\s+at .+[:(].*\d+/m.test(reply.out)) say("printed a stack trace");
  if (reply.code === 2) {
    const lines = reply.err.trimEnd().split("\n");
    if (reply.err.trim() === "") say("exit 2 without a message");
    if (lines.length > 61 || lines.some((line) => line.length > 440)) say(`message not capped: ${lines.length} lines, longest ${Math.max(...lines.map((l) => l.length))} characters`);
    if (fuzzCase.names !== undefined && !fuzzCase.names.some((name) => reply.err.includes(name))) say(`the message names none of ${fuzzCase.names.map((n) => n.slice(0, 40)).join(", ")}`);
    if (JSON.stringify(before) !== JSON.stringify(after)) say(`exit 2 but files changed: ${after.filter((e) => !before.includes(e)).slice(0, 5).join("; ")}`);
    if (fuzzCase.mustSucceed) say("exit 2 on valid input");
  }
  if (reply.code === 0) {
    if (/\bundefined\b|\[object Object\]|\bNaN\b/.test(reply.out)) say(`output holds undefined/NaN/[object Object]: ${reply.out.match(/.{0,60}(\bundefined\b|\[object Object\]|\bNaN\b).{0,60}/)?.[0]}`);
    const problem = fuzzCase.checkSuccess?.(reply.out);
    if (problem) say(problem);
  }
  return problems;
}

/** Runs one case and returns its problems (empty when it behaved). */
async function runCase(group: string, fuzzCase: FuzzCase): Promise<string[]> {
  tried++;
  triedBy[group] = (triedBy[group] ?? 0) + 1;
  const caseDir = mkdtempSync(join(root, "case-"));
  const cwd = join(caseDir, "work");
  mkdirSync(cwd);
  for (const [name, content] of Object.entries(fuzzCase.files ?? {})) {
    mkdirSync(join(cwd, name, ".."), { recursive: true });
    writeFileSync(join(cwd, name), content);
  }
  for (const [name, source] of Object.entries(fuzzCase.copies ?? {})) cpSync(source, join(cwd, name), { recursive: true });
  const args = fuzzCase.kind === "strategies" ? fuzzCase.args.map((a) => join(cwd, a)) : fuzzCase.args;
  const before = [...snapshot(caseDir), ...snapshot(root).filter((e) => !e.startsWith("case-"))];
  const started = performance.now();
  const reply: CaseReply = await runner.run(fuzzCase.kind ?? "cli", args, cwd, caseTimeoutMs);
  if (process.env.FUZZ_SLOW !== undefined && performance.now() - started > Number(process.env.FUZZ_SLOW)) console.log(`slow case (${Math.round(performance.now() - started)} ms): ${fuzzCase.label.slice(0, 200)}`);
  const after = [...snapshot(caseDir), ...snapshot(root).filter((e) => !e.startsWith("case-"))];
  const problems = caseProblems({ ...fuzzCase, args }, reply, before, after, runner.leaked);
  rmSync(caseDir, { recursive: true, force: true });
  return problems;
}

/** Runs a property of `count` cases; fails with every problem of the first bad case (no shrinking: cases are slow). */
async function fuzz(group: string, count: number, arbitrary: fc.Arbitrary<FuzzCase>): Promise<void> {
  await fc.assert(
    // a case prints as its label (its files can be megabytes)
    fc.asyncProperty(arbitrary.map((c) => Object.assign(c, { [fc.toStringMethod]: () => c.label.slice(0, 300) })), async (fuzzCase) => {
      const problems = await runCase(group, fuzzCase);
      if (problems.length > 0) throw new Error(problems.join("\n"));
    }),
    { numRuns: runs(count), seed, endOnFailure: true },
  );
}

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as unknown;
const jsonFiles = (folder: string) => readdirSync(folder).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json")).map((f) => join(folder, f));

// ---- command names -------------------------------------------------------------------------------------------

describe("fuzz: command names", () => {
  it("pnen-sim <name> with object-prototype names, empty, unicode and random words exits 2 naming the command", async () => {
    const name = fc.oneof(fc.constantFrom(...prototypeNames, "", " ", "-", "--", "--proto", "-x", "é", "😀", "SIMULATE", "km ", "help2", "__defineSetter__", "propertyIsEnumerable", "toLocaleString"), fc.string({ maxLength: 12 }));
    const known = new Set(["evidence", "explain", "strategies", "simulate", "km", "report", "fit", "reconstruct", "validate", "power", "help", "--help", "-h", "--version", "-v"]);
    await fuzz("command", 60, name.filter((n) => !known.has(n)).map((n) => ({ label: `command ${JSON.stringify(n)}`, args: [n], names: ["unknown command"] })));
  });
});

// ---- flags of every command ----------------------------------------------------------------------------------

/** Per command: valid, cheap arguments (the base a mutation starts from), its flags and which of them name outputs. */
const commandBases: Record<string, { args: string[]; files?: Record<string, string>; flags: string[]; outputs: string[]; booleans: string[]; count: number }> = {
  evidence: { args: ["--summary"], flags: ["kind", "id", "data"], outputs: [], booleans: ["summary", "json"], count: 25 },
  explain: { args: ["--patient", '{"age":52,"primarySite":"head","ki67":8,"mitoses":1,"enetsType":"I","lesionCount":2,"largestLesionCm":4,"liverInvolvementPct":15}'], flags: ["patient", "strategy"], outputs: [], booleans: ["json"], count: 30 },
  strategies: { args: [], flags: [], outputs: [], booleans: ["choices", "json"], count: 10 },
  simulate: { args: ["--n", "10", "--out", "out"], flags: ["scenario", "n", "seed", "workers", "replicates", "format"], outputs: ["out"], booleans: ["schema"], count: 10 },
  km: { args: ["--input", "in.csv", "--time", "time", "--event", "event", "--group", "group"], files: { "in.csv": "time,event,group\n1,1,a\n2,0,b\n3,1,a\n4,1,b\n5,0,a\n6,1,b\n" }, flags: ["input", "time", "event", "group", "strata", "conf-type", "conf-level", "times", "tau", "delimiter", "event-coding", "na", "encoding"], outputs: [], booleans: ["json", "full"], count: 45 },
  fit: { args: ["--input", "in.csv", "--time", "time", "--event", "event"], files: { "in.csv": "time,event,group\n1,1,a\n2,0,b\n3,1,a\n4,1,b\n5,0,a\n6,1,b\n7,1,a\n9,1,b\n" }, flags: ["input", "time", "event", "group", "dist", "cuts", "times", "conf-level", "horizon"], outputs: ["figure"], booleans: ["json"], count: 20 },
  reconstruct: { args: ["--curve", "curve.csv", "--n", "20", "--out", "ipd.csv"], files: { "curve.csv": "time,survival\n0,1\n2,0.9\n4,0.7\n6,0.5\n8,0.4\n10,0.3\n" }, flags: ["curve", "risk-table", "n", "events", "tolerance", "time-tolerance"], outputs: ["out"], booleans: ["json"], count: 30 },
  validate: { args: ["--trials", "trial.json", "--n", "100"], flags: ["trials", "n", "seed", "scenario"], outputs: ["out"], booleans: ["json", "schema"], count: 6 },
  power: { args: ["--median-control", "12", "--hazard-ratio", "0.7", "--n", "60", "--sims", "20", "--workers", "1"], flags: ["design", "median-control", "median-treatment", "hazard-ratio", "n", "target-power", "allocation", "accrual-months", "followup-months", "dropout-rate", "test", "tau", "alpha", "sims", "seed", "workers", "looks", "spending", "gamma", "sided", "futility", "futility-gamma", "futility-z"], outputs: ["curve", "boundary-figure"], booleans: ["json", "classical"], count: 30 },
  report: { args: ["--scenario", "default", "--n", "10", "--out", "rep"], flags: ["scenario", "n", "seed", "replicates", "trials", "validation-n"], outputs: ["out"], booleans: ["compare-structures", "validate"], count: 2 },
};

/** One mutation of a command's valid arguments. */
function flagCase(command: string): fc.Arbitrary<FuzzCase> {
  const base = commandBases[command]!;
  const files: Record<string, string> = { ...base.files };
  if (command === "validate") files["trial.json"] = readFileSync(join(data, "validation", "radiant-3.json"), "utf8");
  const valued = [...base.flags, ...base.outputs];
  const value = (flag: string) => (base.outputs.includes(flag) ? weirdOutputPath : weirdFlagValue);
  const mutation: fc.Arbitrary<{ what: string; args: string[]; values?: string[] }> = fc.oneof(
    // a flag (given or not) set to a hostile value, by "--flag value" or "--flag=value"
    ...(valued.length > 0
      ? [{ weight: 6, arbitrary: fc.constantFrom(...valued).chain((flag) => fc.tuple(value(flag), fc.boolean()).map(([v, joined]) => {
        const args = [...base.args];
        const at = args.indexOf(`--${flag}`);
        if (at >= 0) args.splice(at, 2);
        return { what: `--${flag} ${JSON.stringify(v).slice(0, 60)}`, values: [v], args: joined ? [...args, `--${flag}=${v}`] : [...args, `--${flag}`, v] };
      })) }]
      : []),
    // a flag given twice
    { weight: 2, arbitrary: fc.constantFrom(...valued, ...base.booleans).map((flag) => {
      const isBoolean = base.booleans.includes(flag);
      const given = base.args.indexOf(`--${flag}`);
      const extra = isBoolean ? [`--${flag}`, `--${flag}`] : given >= 0 ? [`--${flag}`, base.args[given + 1]!] : [`--${flag}`, "1", `--${flag}`, "2"];
      return { what: `--${flag} twice`, args: [...base.args, ...extra] };
    }) },
    // unknown flags, prototype names as flags, positionals, a boolean flag with a value
    { weight: 2, arbitrary: fc.constantFrom(...prototypeNames.map((n) => `--${n}`), "--zz", "-x", "--", "positional", "-", "--json=1", "--=x", "---n").map((extra) => ({ what: `extra ${extra}`, args: [...base.args, extra] })) },
    // a flag the base gives, removed
    { weight: 1, arbitrary: fc.constantFrom(...base.args.filter((a) => a.startsWith("--")), "--none").map((flag) => {
      const args = [...base.args];
      const at = args.indexOf(flag);
      if (at >= 0) args.splice(at, base.booleans.includes(flag.slice(2)) ? 1 : 2);
      return { what: `without ${flag}`, args };
    }) },
    // two hostile values at once
    ...(valued.length < 2 ? [] : [{ weight: 1, arbitrary: fc.tuple(fc.constantFrom(...valued), fc.constantFrom(...valued), weirdFlagValue, weirdFlagValue).filter(([a, b]) => a !== b).map(([a, b, va, vb]) => {
      const args = [...base.args];
      for (const f of [a, b]) { const at = args.indexOf(`--${f}`); if (at >= 0) args.splice(at, 2); }
      return { what: `--${a} ${JSON.stringify(va).slice(0, 40)} --${b} ${JSON.stringify(vb).slice(0, 40)}`, values: [va, vb], args: [...args, `--${a}=${base.outputs.includes(a) ? "out2" : va}`, `--${b}=${base.outputs.includes(b) ? "out3" : vb}`] };
    }) }]),
  );
  // the message must name the command, a flag, a file or the field the flag's value is checked as
  return mutation.map(({ what, args, values = [] }) => ({
    label: `${command}: ${what}`,
    args: [command, ...args],
    files,
    names: ["pnen-sim", "--", ...Object.keys(files), ...valued.filter((flag) => what.includes(`--${flag}`)), ...values.filter((v) => v.trim() !== "").map((v) => v.trim().slice(0, 40))],
  }));
}

describe("fuzz: every flag of every command", () => {
  for (const command of Object.keys(commandBases)) {
    it(`pnen-sim ${command} with hostile flag values, duplicated, unknown and missing flags exits 0 or 2 with a message`, async () => {
      await fuzz(`flags:${command}`, commandBases[command]!.count, flagCase(command));
    });
  }
});

// ---- JSON inputs ---------------------------------------------------------------------------------------------

const patients = [
  { age: 52, sex: "female", primarySite: "head", ki67: 8, mitoses: 1, enetsType: "I", lesionCount: 2, largestLesionCm: 4, liverInvolvementPct: 15 },
  { age: 61, sex: "male", primarySite: "tail", ki67: 12, mitoses: 3, lobesInvolved: 1, contralateralSatellites: true, lesionCount: 6, largestLesionCm: 6, liverInvolvementPct: 35, expectedCytoreductionPct: 80, sstrPositive: true },
];

/** The bytes of a JSON case as text for a flag (inline JSON): only when valid UTF-8, else the flag gets U+FFFD, as a shell would pass it. */
const inline = (c: JsonCase) => new TextDecoder().decode(c.bytes);

describe("fuzz: JSON inputs", () => {
  it("simulate --scenario FILE with a mutated scenario", async () => {
    const documents = jsonFiles(join(data, "scenarios")).map(readJson);
    await fuzz("json:scenario", 15, jsonCase(documents).map((c) => ({ label: `scenario: ${c.description}`, args: ["simulate", "--scenario", "in.json", "--n", "10", "--out", "out"], files: { "in.json": c.bytes }, names: ["in.json"] })));
  });

  it("explain --patient @FILE and --patient JSON with a mutated patient", async () => {
    await fuzz("json:patient", 40, fc.tuple(jsonCase(patients), fc.boolean()).map(([c, fromFile]) => fromFile
      ? { label: `patient file: ${c.description}`, args: ["explain", "--patient", "@in.json"], files: { "in.json": c.bytes }, names: ["in.json", "--patient", "patient"] }
      : { label: `patient inline: ${c.description}`, args: ["explain", "--patient", inline(c)], names: ["--patient", "patient"] }));
  });

  it("power --design FILE with a mutated trial design", async () => {
    const documents = jsonFiles(join(data, "designs")).filter((f) => !f.includes("strategy-")).map(readJson).map((d) => ({ ...(d as object), sims: 20 }));
    await fuzz("json:design", 20, jsonCase(documents).map((c) => ({ label: `design: ${c.description}`, args: ["power", "--design", "in.json", "--sims", "20", "--workers", "1"], files: { "in.json": c.bytes }, names: ["in.json", "design"] })));
  });

  it("validate --trials FILE with a mutated validation trial", async () => {
    const documents = jsonFiles(join(data, "validation")).map(readJson);
    await fuzz("json:trial", 12, jsonCase(documents).map((c) => ({ label: `trial: ${c.description}`, args: ["validate", "--trials", "in.json", "--n", "100"], files: { "in.json": c.bytes }, names: ["in.json"] })));
  });

  it("evidence --data DIR with one mutated registry file", async () => {
    const names = ["evidence/figures.json", "evidence/references.json", "evidence/thresholds.json", "evidence/treatments.json", "assumptions/survival.json"];
    const arbitrary = fc.constantFrom(...names).chain((name) => jsonCase([readJson(join(data, name))]).map((c) => ({ name, c })));
    await fuzz("json:evidence", 15, arbitrary.map(({ name, c }) => ({
      label: `evidence ${name}: ${c.description}`,
      args: ["evidence", "--data", "d", "--summary"],
      copies: { "d/evidence": join(data, "evidence"), "d/assumptions": join(data, "assumptions"), "d/curves": join(data, "curves") },
      files: { [`d/${name}`]: c.bytes },
      names: [name.split("/")[1]!],
    })));
  });

  it("loadStrategies(DIR) with one mutated strategy file (the loader behind --strategy and every scenario's strategies)", async () => {
    const arbitrary = fc.constantFrom("review.json", "captem-first.json", "upfront-surgery.json").chain((name) => jsonCase([readJson(join(data, "strategies", name))]).map((c) => ({ name, c })));
    await fuzz("json:strategy", 30, arbitrary.map(({ name, c }) => ({ label: `strategy ${name}: ${c.description}`, kind: "strategies" as const, args: ["s"], copies: { s: join(data, "strategies") }, files: { [`s/${name}`]: c.bytes }, names: [name] })));
  });
});

// ---- survival data for km: CSV, TSV, Arrow, Parquet ----------------------------------------------------------

interface Row { time: number; event: 0 | 1; group: string }
const label = fc.constantFrom("a", "b", "Gruppe Ä", "Gruppe Ö", "😀", "x,y", 'q"uote', " padded ", "0", "NA2", "é");
const rowArb: fc.Arbitrary<Row> = fc.record({
  time: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => Math.abs(x))),
  event: fc.constantFrom(0 as const, 1 as const),
  group: label,
});

/** The expected n and events per group of valid rows (the answer km must give). */
function expectedGroups(rows: readonly Row[]): Map<string, { n: number; events: number }> {
  const groups = new Map<string, { n: number; events: number }>();
  for (const row of rows) {
    const g = groups.get(row.group) ?? { n: 0, events: 0 };
    g.n++;
    g.events += row.event;
    groups.set(row.group, g);
  }
  return groups;
}

const checkGroups = (rows: readonly Row[]) => (out: string): string | null => {
  const json = JSON.parse(out) as { groups: { group: string; n: number; events: number }[] };
  const got = new Map(json.groups.map((g) => [g.group, { n: g.n, events: g.events }]));
  const expected = expectedGroups(rows);
  return JSON.stringify([...got].sort()) === JSON.stringify([...expected].sort()) ? null : `groups ${JSON.stringify([...got])}, expected ${JSON.stringify([...expected])}`;
};

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const kmArgs = (file: string, extra: string[] = []) => ["km", "--input", file, "--time", "time", "--event", "event", "--group", "group", "--json", ...extra];

describe("fuzz: survival data for km", () => {
  it("km --input CSV/TSV of valid rows with BOM, CRLF or CR-only line ends and quoting gives the right n and events per group", async () => {
    const arbitrary = fc.record({ rows: fc.array(rowArb, { minLength: 1, maxLength: 40 }), newline: fc.constantFrom("\n", "\r\n", "\r"), bom: fc.boolean(), tab: fc.boolean(), quoteAll: fc.boolean(), finalNewline: fc.boolean() });
    await fuzz("km:valid", 60, arbitrary.map(({ rows, newline, bom, tab, quoteAll, finalNewline }) => {
      const sep = tab ? "\t" : ",";
      const cell = (text: string) => (quoteAll || text.includes(sep) || text.includes('"') || text !== text.trim() ? quote(text) : text);
      const lines = ["time,event,group".replace(/,/g, sep), ...rows.map((r) => [String(r.time), String(r.event), cell(r.group)].join(sep))];
      const text = `${bom ? "\ufeff" : ""}${lines.join(newline)}${finalNewline ? newline : ""}`;
      const file = tab ? "in.tsv" : "in.csv";
      return { label: `valid ${rows.length} rows, newline ${JSON.stringify(newline)}, bom ${bom}, tab ${tab}, quoted ${quoteAll}`, args: kmArgs(file), files: { [file]: text }, mustSucceed: true, checkSuccess: checkGroups(rows) };
    }));
  });

  it("km --input CSV with hostile cells, headers, quotes and bytes exits 0 or 2 naming the file and row", async () => {
    const cell = fc.oneof(
      fc.constantFrom("", "NA", "NaN", "nan", "Inf", "-Inf", "Infinity", "1e308", "1e400", "-0", "-1", "0x10", "1.5", "2", "TRUE", "FALSE", "abc", "é", "😀", '"', '"unterminated', '"a\nb"', '"a\r\nb"', '""', " 1 ", "1e", ".", "__proto__", "constructor", "=1+1"),
      fc.string({ maxLength: 8 }),
      fc.integer({ min: 1, max: 100_000 }).map((n) => "1".repeat(n)),
    );
    const header = fc.oneof(fc.constant(["time", "event", "group"]), fc.constant(["time", "event", "group", "time"]), fc.constant(["group", "event", "time", "group"]), fc.constant(["time", "event"]), fc.constant(["__proto__", "time", "event", "group"]), fc.array(fc.constantFrom("time", "event", "group", "", "x"), { maxLength: 5 }));
    const arbitrary = fc.record({ header, rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 12 }), newline: fc.constantFrom("\n", "\r\n", "\r"), bom: fc.boolean(), bytes: fc.constantFrom("utf8", "latin1", "invalid") });
    await fuzz("km:hostile", 80, arbitrary.map(({ header, rows, newline, bom, bytes }) => {
      const text = `${bom ? "\ufeff" : ""}${[header.join(","), ...rows.map((r) => r.join(","))].join(newline)}${newline}`;
      let content: Uint8Array = new TextEncoder().encode(text);
      if (bytes === "latin1") content = Uint8Array.from(Buffer.from(text, "latin1"));
      if (bytes === "invalid" && content.length > 20) content[content.length - 3] = 0xff;
      return { label: `hostile CSV (${bytes}): ${JSON.stringify(text.slice(0, 200))}`, args: kmArgs("in.csv"), files: { "in.csv": content }, names: ["in.csv"] };
    }));
  });

  it("km --input Arrow and Parquet: valid tables give the right n and events per group; damaged files exit 2", async () => {
    const arbitrary = fc.record({ rows: fc.array(rowArb, { minLength: 1, maxLength: 30 }), format: fc.constantFrom("arrow", "parquet"), damage: fc.constantFrom("none", "none", "truncate", "flip", "empty", "magic-only"), at: fc.nat() });
    await fuzz("km:columnar", 40, arbitrary.map(({ rows, format, damage, at }) => {
      const columns = { time: Float64Array.from(rows, (r) => r.time), event: Int32Array.from(rows, (r) => r.event), group: rows.map((r) => r.group) };
      let bytes: Uint8Array = format === "arrow"
        ? tableToIPC(tableFromArrays(columns), "file")
        : new Uint8Array(parquetWriteBuffer({ columnData: [{ name: "time", data: columns.time, type: "DOUBLE" }, { name: "event", data: columns.event, type: "INT32" }, { name: "group", data: columns.group, type: "STRING" }] }));
      if (damage === "truncate") bytes = bytes.subarray(0, at % bytes.length);
      if (damage === "flip") { bytes = bytes.slice(); bytes[at % bytes.length] ^= 0xff; }
      if (damage === "empty") bytes = new Uint8Array(0);
      if (damage === "magic-only") bytes = new TextEncoder().encode(format === "arrow" ? "ARROW1\0\0ARROW1" : "PAR1PAR1");
      const file = `in.${format}`;
      return { label: `${format} of ${rows.length} rows, damage ${damage}`, args: kmArgs(file), files: { [file]: bytes }, names: [file], mustSucceed: damage === "none", checkSuccess: damage === "none" || damage === "flip" ? (out) => (damage === "none" ? checkGroups(rows)(out) : null) : undefined };
    }));
  });
});

describe("fuzz: the suite itself", () => {
  const ok: CaseReply = { id: 1, code: 2, out: "", err: "in.json: seed: expected an integer, got 'x'\n" };
  const fuzzCase: FuzzCase = { label: "probe", args: ["simulate"], names: ["in.json"] };
  const problems = (reply: Partial<CaseReply>, extra: Partial<FuzzCase> = {}, after = ["a 1 1"], leaked = "") => caseProblems({ ...fuzzCase, ...extra }, { ...ok, ...reply }, ["a 1 1"], after, leaked).map((p) => p.split("\n")[0]);

  it("caseProblems(case, reply) passes a named message with exit 2, and reports each way a case can misbehave", () => {
    expect(problems({})).toEqual([]);
    expect(problems({ code: null, timedOut: true })).toEqual(["no answer within the time limit (a hang)"]);
    expect(problems({ code: null, thrown: "TypeError: x" })).toEqual(["threw instead of a message: TypeError: x"]);
    expect(problems({ code: 1 })).toEqual(["exit 1, expected 0 or 2"]);
    expect(problems({ code: 134 })).toEqual(["exit 134, expected 0 or 2"]);
    expect(problems({ err: "TypeError: x\n    at main (file:///a/main.js:74:9)\n" })).toContain("printed a stack trace");
    expect(problems({ err: "\n" })).toContain("exit 2 without a message");
    expect(problems({ err: `in.json: ${"x".repeat(500)}` })).toEqual(["message not capped: 1 lines, longest 509 characters"]);
    expect(problems({ err: "something went wrong" })).toEqual(["the message names none of in.json"]);
    expect(problems({}, {}, ["a 1 1", "out.csv 10 5"])).toEqual(["exit 2 but files changed: out.csv 10 5"]);
    expect(problems({}, { mustSucceed: true })).toEqual(["exit 2 on valid input"]);
    expect(problems({}, {}, undefined, "warning")).toEqual(["wrote to the process's own streams: warning"]);
    expect(problems({ code: 0, out: "HR undefined (NA)" })).toEqual(["output holds undefined/NaN/[object Object]: HR undefined (NA)"]);
    expect(problems({ code: 0, out: "{}" }, { checkSuccess: () => "groups differ" })).toEqual(["groups differ"]);
  });

  it("CliRunner.run stops a case that loops forever (synchronously) at its time limit and runs the next case", async () => {
    const hang = await runner.run("hang", [], root, 500);
    expect(hang.timedOut).toBe(true);
    const fine = await runner.run("cli", ["--version"], root, 30_000);
    expect(fine.code).toBe(0);
    expect(fine.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
