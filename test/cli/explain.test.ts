import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";

const dir = mkdtempSync(join(tmpdir(), "pnen-explain-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(["explain", ...args], dir);

/** The README's example patients and what the review says they should get. */
const examples = {
  resectableHead: { age: 52, sex: "female", primarySite: "head", ki67: 8, mitoses: 1, enetsType: "I", lesionCount: 2, largestLesionCm: 4, liverInvolvementPct: 15 },
  debulkingTypeII: { age: 61, sex: "male", primarySite: "tail", ki67: 12, mitoses: 3, lobesInvolved: 1, contralateralSatellites: true, lesionCount: 6, largestLesionCm: 6, liverInvolvementPct: 35, expectedCytoreductionPct: 80, sstrPositive: true },
  insulinomaTypeIII: { age: 45, sex: "female", primarySite: "body", syndrome: "insulinoma", ki67: 2, mitoses: 1, enetsType: "III", lesionCount: 12, largestLesionCm: 5, liverInvolvementPct: 55, sstrPositive: true },
  transplant: { age: 48, sex: "male", primarySite: "tail", ki67: 4, mitoses: 1, enetsType: "III", lesionCount: 15, largestLesionCm: 3, liverInvolvementPct: 40, primaryResected: true, monthsStable: 12, sstrPositive: true },
  g3Sstr: { age: 58, sex: "male", primarySite: "body", ki67: 35, mitoses: 8, enetsType: "III", lesionCount: 20, largestLesionCm: 7, liverInvolvementPct: 60, sstrPositive: true },
};
const pathwayOf = async (patient: object, ...flags: string[]) => {
  const { code, out } = await run("--patient", JSON.stringify(patient), "--json", ...flags);
  expect(code).toBe(0);
  return JSON.parse(out) as { grade: string; enetsType: string; pathway: { treatment: string; intent: string; line: number; order?: string; staged?: boolean }[]; trace: { rule: string; fired: boolean; text: string; section: string; refs: number[] }[] };
};

describe("pnen-sim explain", () => {
  it("main(['explain', '--patient', json, '--json']) prints {grade, enetsType, pathway: [{treatment, intent, line}], trace: [{rule, fired, text, section, refs}]}", async () => {
    const result = await pathwayOf(examples.resectableHead);
    expect(result).toMatchObject({ strategy: "review", grade: "G2", enetsType: "I" });
    expect(result.pathway.map((s) => [s.treatment, s.intent, s.line])).toEqual([["radicalResection", "curative", 1], ["captem", "systemic", 2], ["everolimus", "systemic", 3]]);
    expect(result.pathway[0].order).toBe("liver-first");
    for (const entry of result.trace) expect(Object.keys(entry).sort()).toEqual(["fired", "refs", "rule", "section", "text"]);
  });

  it("README example: type II G2 with 80% expected cytoreduction → debulking (§1.1, refs. 15–17), then CAPTEM, everolimus, PRRT", async () => {
    const result = await pathwayOf(examples.debulkingTypeII);
    expect(result.enetsType).toBe("II");
    expect(result.pathway.map((s) => s.treatment)).toEqual(["debulking", "captem", "everolimus", "prrt"]);
  });

  it("README example: insulinoma, type III → glucose, primary resection, staged HACE, then SSA and interferon-alpha with SSA (§1.2, §2.2, §3.5)", async () => {
    const result = await pathwayOf(examples.insulinomaTypeIII);
    expect(result.pathway.map((s) => s.treatment)).toEqual(["glucoseControl", "primaryResection", "hace", "ssa", "interferonSsa", "captem", "everolimus", "prrt"]);
    expect(result.pathway[2].staged).toBe(true);
  });

  it("README example: transplant candidate meeting every criterion of §1.4 (ref. 11) → liver transplantation", async () => {
    const result = await pathwayOf(examples.transplant);
    expect(result.pathway[0]).toMatchObject({ treatment: "liverTransplant", intent: "curative" });
    expect(result.trace.find((e) => e.rule === "transplant.criteria")?.fired).toBe(true);
  });

  it("README example: SSTR-positive G3 NET, Ki-67 35% → temozolomide-based chemotherapy, PRRT, everolimus (§3.1, §3.4)", async () => {
    const result = await pathwayOf(examples.g3Sstr);
    expect(result.grade).toBe("G3");
    expect(result.pathway.map((s) => s.treatment)).toEqual(["temozolomide", "prrt", "everolimus"]);
  });

  it("main(['explain', …, '--strategy', 'conversion-first']) applies the strategy", async () => {
    const result = await pathwayOf(examples.resectableHead, "--strategy", "conversion-first");
    expect(result.pathway.map((s) => s.treatment).slice(0, 2)).toEqual(["conversionTherapy", "radicalResection"]);
  });

  it("main(['explain', '--patient', json]) prints the pathway by line and the trace with sections and refs", async () => {
    const { code, out } = await run("--patient", JSON.stringify(examples.resectableHead));
    expect(code).toBe(0);
    expect(out).toContain("Strategy review: G2, ENETS type I");
    expect(out).toMatch(/line 1 {2}radicalResection +curative \(liver-first\)/);
    expect(out).toContain("[surgery.radical.typeI; §1.1; ref. 14]");
  });

  it("main(['explain', '--patient', '@file']) reads the patient from a file", async () => {
    writeFileSync(join(dir, "p.json"), JSON.stringify(examples.transplant));
    const { code, out } = await run("--patient", "@p.json", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out).pathway[0].treatment).toBe("liverTransplant");
  });

  it("invalid patients exit 2 naming the field: Ki-67 140, negative lesion count, unknown syndrome", async () => {
    const ki67 = await run("--patient", JSON.stringify({ ...examples.resectableHead, ki67: 140 }));
    expect(ki67.code).toBe(2);
    expect(ki67.err).toBe("patient.ki67: expected a number from 0 to 100, got 140\n");
    const count = await run("--patient", JSON.stringify({ ...examples.resectableHead, lesionCount: -2 }));
    expect(count.code).toBe(2);
    expect(count.err).toContain("patient.lesionCount: expected an integer >= 1, got -2");
    const syndrome = await run("--patient", JSON.stringify({ ...examples.resectableHead, syndrome: "vipoma" }));
    expect(syndrome.code).toBe(2);
    expect(syndrome.err).toContain("patient.syndrome: expected one of");
  });

  it("bad input exits 2: no --patient, invalid JSON, unreadable file, unknown strategy", async () => {
    expect((await run()).err).toContain("--patient is required");
    expect((await run("--patient", "{age:")).err).toContain("--patient: not valid JSON");
    expect((await run("--patient", "@missing.json")).err).toContain("cannot read missing.json");
    const unknown = await run("--patient", JSON.stringify(examples.resectableHead), "--strategy", "magic");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown strategy 'magic' (known: review,");
  });

  it("main(['explain', '--help']) lists the patient fields and their defaults", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toContain("Usage: pnen-sim explain --patient '<json>' [--strategy NAME] [--json]");
    expect(out).toMatch(/adequateLiverReserve +default true/);
  });

  it("main(['explain', …]) output names the pnen-sim version and carries the research-use notice (text and --json)", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    const text = await run("--patient", JSON.stringify(examples.resectableHead));
    expect(text.out).toContain(`pnen-sim ${version}, rules of Lu et al. 2025`);
    expect(text.out).toContain("Research use only");
    const json = JSON.parse((await run("--patient", JSON.stringify(examples.resectableHead), "--json")).out);
    expect(json.version).toBe(version);
    expect(json.notice).toContain("Research use only");
  });
});
