import { describe, expect, it } from "vitest";
import { parseRegistry } from "../../src/evidence/parseRegistry.js";
import type { RegistryFile } from "../../src/evidence/RegistryFile.js";
import { isInputError } from "../../src/util/InputError.js";

// A minimal valid registry, built in memory; each test breaks one thing.
function reference(number: number, doi: string | null = `10.1000/ref${number}`) {
  return { number, authors: "Author A, et al.", title: `Title ${number}`, journal: "J Test", year: 2020, doi, language: "en" };
}
function figure(overrides: Record<string, unknown> = {}) {
  return {
    id: "captem.pfs.median", value: 29, unit: "months", endpoint: "median PFS", treatment: "captem", population: "pNEN", section: "3.1",
    refs: [1], dois: ["10.1000/ref1"], design: "retrospective series", pancreasSpecific: true, effectKind: "descriptive", quote: "PFS显著延长至29个月",
    sourceCheck: { status: "partly", note: "checked" }, ...overrides,
  };
}
function files(parts: { figures?: unknown[]; references?: unknown[]; thresholds?: unknown[]; treatments?: unknown[]; assumptions?: unknown[] } = {}): RegistryFile[] {
  return [
    { path: "evidence/figures.json", content: { description: "figures", figures: parts.figures ?? [figure()] } },
    { path: "evidence/references.json", content: { description: "references", references: parts.references ?? [reference(1), reference(2)] } },
    { path: "evidence/thresholds.json", content: { description: "thresholds", thresholds: parts.thresholds ?? [{ id: "who2022.g1.ki67.below", value: 3, unit: "%", rule: "G1 when Ki-67 < 3%", section: "intro", refs: [2] }] } },
    { path: "evidence/treatments.json", content: { description: "treatments", treatments: parts.treatments ?? [{ id: "captem", name: "CAPTEM", kind: "systemic" }] } },
    { path: "assumptions/survival.json", content: { description: "survival", assumptions: parts.assumptions ?? [{ id: "survival.shape", value: 1.2, unit: "dimensionless", rationale: "one line" }] } },
  ];
}
function problemsOf(input: RegistryFile[]): readonly string[] {
  try {
    parseRegistry(input);
  } catch (error) {
    if (isInputError(error)) return error.problems;
    throw error;
  }
  throw new Error("expected parseRegistry to throw");
}

describe("parseRegistry(files)", () => {
  it("parseRegistry(files) builds a registry with typed records and the assumption's topic", () => {
    const registry = parseRegistry(files());
    expect(registry.figure("captem.pfs.median").value).toBe(29);
    expect(registry.reference(2).title).toBe("Title 2");
    expect(registry.threshold("who2022.g1.ki67.below").value).toBe(3);
    expect(registry.treatment("captem").kind).toBe("systemic");
    expect(registry.assumption("survival.shape")).toMatchObject({ value: 1.2, topic: "survival" });
    expect(Object.isFrozen(registry.figures)).toBe(true);
  });

  it("parseRegistry(files) rejects a wrong type, naming file, record and field", () => {
    expect(problemsOf(files({ figures: [figure({ value: "29" })] }))).toEqual([
      'evidence/figures.json: figures[0] "captem.pfs.median": value: expected a number, got "29"',
    ]);
  });

  it("parseRegistry(files) rejects a missing field, naming file, record and field", () => {
    const { unit: _unit, ...withoutUnit } = figure();
    expect(problemsOf(files({ figures: [withoutUnit] }))).toEqual(['evidence/figures.json: figures[0] "captem.pfs.median": unit: required, missing (Unit of the value)']);
  });

  it("parseRegistry(files) rejects a record with neither value nor low/high", () => {
    const { value: _value, ...withoutValue } = figure();
    expect(problemsOf(files({ figures: [withoutValue] }))[0]).toMatch(/figures\[0\] "captem.pfs.median": value: expected a value, or both low and high/);
  });

  it("parseRegistry(files) rejects low > high and a lone low", () => {
    expect(problemsOf(files({ figures: [figure({ value: undefined, low: 10.9, high: 9.2 })] }))[0]).toContain("low: expected low <= high, got 10.9 > 9.2");
    expect(problemsOf(files({ assumptions: [{ id: "survival.shape", value: 1, low: 0.5, unit: "x", rationale: "r" }] }))[0]).toContain(
      'assumptions/survival.json: assumptions[0] "survival.shape": high: expected low and high together',
    );
  });

  it("parseRegistry(files) rejects a duplicate id, naming both places", () => {
    const problems = problemsOf(files({ figures: [figure(), figure({ value: 30 })] }));
    expect(problems).toEqual([
      'evidence/figures.json: figures[1] "captem.pfs.median": id: duplicate id "captem.pfs.median" (already used by evidence/figures.json: figures[0] "captem.pfs.median")',
    ]);
  });

  it("parseRegistry(files) rejects an id used by two kinds (one namespace)", () => {
    const problems = problemsOf(files({ assumptions: [{ id: "captem", value: 1, unit: "x", rationale: "r" }] }));
    expect(problems[0]).toMatch(/^assumptions\/survival.json: assumptions\[0\] "captem": id: duplicate id "captem"/);
  });

  it("parseRegistry(files) rejects a duplicate reference number", () => {
    expect(problemsOf(files({ references: [reference(1), reference(1, "10.1000/other")] }))).toContain(
      "evidence/references.json: references[1] (number 1): number: duplicate reference number 1",
    );
  });

  it("parseRegistry(files) rejects a cited reference that is not in the list", () => {
    const problems = problemsOf(files({ figures: [figure({ refs: [1, 65] })] }));
    expect(problems).toEqual(['evidence/figures.json: figures[0] "captem.pfs.median": refs[1]: reference 65 is not in the reference list (2 references loaded)']);
  });

  it("parseRegistry(files) rejects a threshold citing an unknown reference", () => {
    const problems = problemsOf(files({ thresholds: [{ id: "t.x", value: 1, unit: "%", rule: "r", section: "1.1", refs: [9] }] }));
    expect(problems[0]).toBe('evidence/thresholds.json: thresholds[0] "t.x": refs[0]: reference 9 is not in the reference list (2 references loaded)');
  });

  it("parseRegistry(files) rejects malformed DOIs in references and figures", () => {
    const problems = problemsOf(files({ references: [reference(1), reference(2, "10.3969/j.issn.16745671.2022.05.03?")], figures: [figure({ dois: ["doi:10.1000/ref1"] })] }));
    expect(problems.some((p) => p.startsWith('evidence/references.json: references[1] (number 2): doi: expected a well-formed DOI'))).toBe(true);
    expect(problems.some((p) => p.startsWith('evidence/figures.json: figures[0] "captem.pfs.median": dois[0]: expected a well-formed DOI'))).toBe(true);
  });

  it("parseRegistry(files) rejects a figure whose DOIs do not match its cited references", () => {
    const problems = problemsOf(files({ figures: [figure({ dois: ["10.1000/ref2"] })] }));
    expect(problems).toContain('evidence/figures.json: figures[0] "captem.pfs.median": dois[0]: "10.1000/ref2" is not the DOI of any cited reference (1)');
    expect(problems).toContain('evidence/figures.json: figures[0] "captem.pfs.median": dois: missing "10.1000/ref1", the DOI of a cited reference');
  });

  it("parseRegistry(files) rejects an unknown treatment id, an unknown effect kind and a misspelt field", () => {
    const problems = problemsOf(files({ figures: [figure({ treatment: "capetem", effectKind: "effect", notes: "x" })] }));
    expect(problems).toContain('evidence/figures.json: figures[0] "captem.pfs.median": effectKind: expected one of "treatment effect", "subgroup comparison", "descriptive", got "effect"');
    expect(problems).toContain("evidence/figures.json: figures[0] \"captem.pfs.median\": notes: unknown field; did you mean 'note'?");
  });

  it("parseRegistry(files) names an unknown treatment id", () => {
    expect(problemsOf(files({ figures: [figure({ treatment: "capetem" })] }))).toEqual([
      'evidence/figures.json: figures[0] "captem.pfs.median": treatment: unknown treatment id "capetem" (not in treatments.json)',
    ]);
  });

  it("parseRegistry(files) rejects an assumption rationale on several lines", () => {
    const problems = problemsOf(files({ assumptions: [{ id: "survival.shape", value: 1, unit: "x", rationale: "line one\nline two" }] }));
    expect(problems).toEqual(['assumptions/survival.json: assumptions[0] "survival.shape": rationale: expected one line (no line breaks), not empty, got "line one\\nline two"']);
  });

  it("parseRegistry(files) reports every problem at once, in one InputError", () => {
    const broken = files({ figures: [figure({ value: "29", unit: 3 })], treatments: [{ id: "captem", name: "CAPTEM", kind: "pill" }] });
    let caught: unknown;
    try {
      parseRegistry(broken);
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    const error = caught as { message: string; problems: readonly string[] };
    expect(error.problems).toHaveLength(3);
    expect(error.message).toMatch(/^evidence registry: 3 problems in the data files\n {2}- /);
  });

  it("parseRegistry(files) refuses __proto__ keys in a record or a nested object, and names 1e400 as non-finite", () => {
    const hostile = JSON.parse('{"sourceCheck": {"status": "partly", "note": "n", "__proto__": {"polluted": true}}, "constructor": 1}');
    expect(problemsOf(files({ figures: [figure({ $schema: "x" })] }))).toEqual(['evidence/figures.json: figures[0] "captem.pfs.median": $schema: unknown field; expected one of id, value, low, high, unit, endpoint, treatment, population, ci, events, curve, design, pancreasSpecific, effectKind, note, sourceCheck, populationSpec, comparator, section, refs, dois, quote']);
    expect(parseRegistry([...files(), { path: "evidence/x.json", content: { $schema: "../schemas/evidence-treatments.schema.json", description: "d", treatments: [] } }]).treatments).toHaveLength(1);
    expect(problemsOf(files({ figures: [figure({ ...hostile, value: JSON.parse("1e400") })] }))).toEqual([
      'evidence/figures.json: figures[0] "captem.pfs.median": value: expected a number, got Infinity (a number too large for a double, e.g. 1e400)',
      'evidence/figures.json: figures[0] "captem.pfs.median": sourceCheck: __proto__: key not allowed (it could reach the object\'s prototype)',
      'evidence/figures.json: figures[0] "captem.pfs.median": constructor: key not allowed (it could reach the object\'s prototype)',
    ]);
  });

  it("parseRegistry(files) rejects a file that is not an object or has no known key", () => {
    expect(problemsOf([{ path: "evidence/x.json", content: [] }])).toEqual(['evidence/x.json: expected a JSON object with "description" and a list of records, got an array']);
    expect(problemsOf([{ path: "evidence/x.json", content: { description: "d", rows: [] } }])[0]).toMatch(/^evidence\/x.json: expected one of the keys "figures"/);
    expect(problemsOf([{ path: "evidence/figures.json", content: { description: "d", figures: {} } }])).toEqual(["evidence/figures.json: figures: expected an array of records, got an object"]);
  });
});

describe("EvidenceRegistry lookups", () => {
  const registry = parseRegistry(files());
  it("registry.figure(id) throws an InputError suggesting close ids", () => {
    expect(() => registry.figure("captem.pfs.mediam")).toThrow("unknown figure id 'captem.pfs.mediam'; did you mean 'captem.pfs.median'?");
  });
  it("registry.reference(number) throws for a number outside the list", () => {
    expect(() => registry.reference(65)).toThrow("unknown reference number 65");
  });
  it("registry.threshold(id), treatment(id), assumption(id) throw InputErrors for unknown ids", () => {
    for (const lookup of [() => registry.threshold("nope"), () => registry.treatment("nope"), () => registry.assumption("nope")]) {
      let caught: unknown;
      try {
        lookup();
      } catch (error) {
        caught = error;
      }
      expect(isInputError(caught)).toBe(true);
    }
  });
});

describe("parseRegistry(files) sections", () => {
  it("parseRegistry(files) rejects a section the review does not have", () => {
    expect(problemsOf(files({ figures: [figure({ section: "§3.1" })] }))[0]).toBe(
      'evidence/figures.json: figures[0] "captem.pfs.median": section: expected a section of the review: "intro", "1" … "4" or "1.1" … "3.5", got "§3.1"',
    );
  });

  it("parseRegistry(files) rejects a comparator P value above 1, naming file, record and field", () => {
    const comparator = { label: "direct resection", value: 12, p: 2.7 };
    expect(problemsOf(files({ figures: [figure({ comparator })] }))).toEqual([
      'evidence/figures.json: figures[0] "captem.pfs.median": comparator: p: expected a P value from 0 to 1, got 2.7',
    ]);
    expect(parseRegistry(files({ figures: [figure({ comparator: { ...comparator, p: 0.027 } })] })).figure("captem.pfs.median").comparator?.p).toBe(0.027);
  });
});

describe("parseRegistry(files) external evidence, populations and life tables", () => {
  const external = (overrides: Record<string, unknown> = {}) => ({
    id: "external.trial.os.median", evidenceSet: "external", value: 44, unit: "months", endpoint: "median OS", treatment: "captem", population: "progressive pNET",
    populationSpec: { grades: { G1: 0.4, G2: 0.6 }, line: 2, progressive: true, site: "pancreas", country: "international", n: 207 },
    design: "randomised phase III trial", pancreasSpecific: true, effectKind: "treatment effect", source: "Author A. Trial. J 2016;1:1", dois: ["10.1000/trial"],
    sourceCheck: { status: "agrees", note: "abstract" }, ...overrides,
  });
  const withExternal = (record: unknown, extra: RegistryFile[] = []) => [...files(), { path: "evidence/external.json", content: { description: "external", figures: [record] } }, ...extra];

  it("parseRegistry(files) keeps an external figure apart: evidenceSet external, its own source and DOI, no review section or reference numbers", () => {
    const registry = parseRegistry(withExternal(external()));
    const record = registry.figure("external.trial.os.median");
    expect(record).toMatchObject({ evidenceSet: "external", section: "external", refs: [], source: "Author A. Trial. J 2016;1:1", dois: ["10.1000/trial"] });
    expect(record.populationSpec).toEqual({ grades: { G1: 0.4, G2: 0.6 }, line: 2, progressive: true, site: "pancreas", country: "international", n: 207 });
    expect(registry.figure("captem.pfs.median").evidenceSet).toBeUndefined();
  });

  it("parseRegistry(files) rejects an external figure without source, DOI or population, or with an id outside external.*", () => {
    const problems = problemsOf(withExternal(external({ id: "trial.os", source: undefined, dois: [], populationSpec: undefined })));
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/external\.json: figures\[0\] "trial\.os": id: an external figure's id starts with "external\."/),
      expect.stringMatching(/source: required, missing/),
      expect.stringMatching(/dois: expected at least one DOI/),
      expect.stringMatching(/populationSpec: required, missing/),
    ]));
  });

  it("parseRegistry(files) checks a populationSpec field by field: grade shares adding up to 1, line ≥ 1, shares in [0, 1], a known site", () => {
    const problems = problemsOf(withExternal(external({ populationSpec: { grades: { G1: 0.5, G2: 0.6 }, line: 0, progressive: "yes", site: "liver", country: "x", functionalShare: 1.5, extra: 1 } })));
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/populationSpec: grades: the shares must add up to 1, got 1\.1/),
      expect.stringMatching(/populationSpec: line: expected an integer >= 1, got (number )?0/),
      expect.stringMatching(/populationSpec: progressive: expected true, false or "mixed", got (string )?"yes"/),
      expect.stringMatching(/populationSpec: site: expected one of "pancreas", "mixed", "extrapancreatic", got (string )?"liver"/),
      expect.stringMatching(/populationSpec: functionalShare: expected a share from 0 to 1, got 1\.5/),
      expect.stringMatching(/populationSpec: extra: unknown field/),
    ]));
  });

  it("parseRegistry(files) reads a life table and rejects probabilities outside [0, 1] or sexes of different lengths", () => {
    const table = { id: "test-2020", name: "Test", source: "Somewhere", firstAge: 0, probabilityOfDeath: { male: [0.01, 0.02], female: [0.005, 0.01] } };
    const registry = parseRegistry([...files(), { path: "evidence/lifeTables.json", content: { description: "tables", lifeTables: [table] } }]);
    expect(registry.lifeTable("test-2020").probabilityOfDeath.female).toEqual([0.005, 0.01]);
    expect(() => registry.lifeTable("nope")).toThrow(/unknown life table id 'nope'/);
    const problems = problemsOf([...files(), { path: "evidence/lifeTables.json", content: { description: "tables", lifeTables: [{ ...table, probabilityOfDeath: { male: [0.01, 1.2], female: [0.1] } }] } }]);
    expect(problems).toEqual(['evidence/lifeTables.json: lifeTables[0] "test-2020": probabilityOfDeath: male[1]: expected a probability from 0 to 1, got 1.2']);
    const uneven = problemsOf([...files(), { path: "evidence/lifeTables.json", content: { description: "tables", lifeTables: [{ ...table, probabilityOfDeath: { male: [0.01, 0.2], female: [0.1] } }] } }]);
    expect(uneven).toEqual(['evidence/lifeTables.json: lifeTables[0] "test-2020": probabilityOfDeath: expected as many ages for female as for male, got 1 and 2']);
  });
});

describe("parseRegistry(files) curves, confidence intervals and study sizes (issues 16 and 12)", () => {
  const population = { grades: { G1: 0.5, G2: 0.5 }, line: 2, progressive: true, site: "pancreas", country: "USA", n: 80 };
  const fit = { parameterNames: ["(Intercept)", "Log(scale)"], estimates: [3.39, -0.12], covariance: [[0.034, 0.0039], [0.0039, 0.0142]] };
  const curve = (overrides: Record<string, unknown> = {}) => ({ distribution: "logLogistic", source: "reconstructed (Guyot 2012) and fitted", followUpMonths: 83.4, fit, ...overrides });
  const ipd: RegistryFile = { path: "curves/x/ipd.csv", content: { time: [1, 2, 3, 4], event: [1, 0, 1, 1] } };
  const example = (overrides: Record<string, unknown> = {}) => ({
    id: "example.captem.pfs.curve", evidenceSet: "example", value: 28, unit: "months", endpoint: "median PFS", treatment: "captem", population: "synthetic", populationSpec: population,
    design: "illustrative", pancreasSpecific: true, effectKind: "descriptive", source: "an example", dois: [], sourceCheck: { status: "unverified", note: "not a study" }, ...overrides,
  });
  const withExample = (record: unknown, extra: RegistryFile[] = []) => [...files(), { path: "evidence/examples.json", content: { description: "examples", figures: [record] } }, ...extra];

  it("parseRegistry(files) reads a figure's curve (fit with covariance, and patient data from the registry's CSV file) and an example figure kept apart (evidenceSet example, no DOI needed)", () => {
    const registry = parseRegistry(withExample(example({ curve: curve({ ipd: "curves/x/ipd.csv" }) }), [ipd]));
    const record = registry.figure("example.captem.pfs.curve");
    expect(record).toMatchObject({ evidenceSet: "example", section: "example", refs: [], dois: [] });
    expect(record.curve).toEqual({ distribution: "logLogistic", source: "reconstructed (Guyot 2012) and fitted", followUpMonths: 83.4, ipd: "curves/x/ipd.csv", data: { time: [1, 2, 3, 4], event: [1, 0, 1, 1] }, fit });
  });

  it("parseRegistry(files) reads a review figure's ci and events", () => {
    const registry = parseRegistry(files({ figures: [figure({ ci: { lower: 20, upper: 40, level: 0.95 }, events: 30, populationSpec: population })] }));
    expect(registry.figure("captem.pfs.median")).toMatchObject({ ci: { lower: 20, upper: 40, level: 0.95 }, events: 30 });
  });

  it("parseRegistry(files) rejects a curve with a wrong distribution, parameter names or covariance, missing data, or neither data nor fit, naming the field", () => {
    const at = 'evidence/examples.json: figures[0] "example.captem.pfs.curve": curve';
    expect(problemsOf(withExample(example({ curve: curve({ distribution: "piecewiseExponential" }) })))).toEqual([
      `${at}: distribution: expected one of "exponential", "weibull", "logNormal", "logLogistic", "gompertz", got "piecewiseExponential"`,
    ]);
    expect(problemsOf(withExample(example({ curve: curve({ fit: { ...fit, parameterNames: ["shape", "log(rate)"] } }) })))[0]).toContain(`${at}: fit: parameterNames: expected ["(Intercept)","Log(scale)"] for a logLogistic fit`);
    expect(problemsOf(withExample(example({ curve: curve({ fit: { ...fit, covariance: [[1, 2], [2, 1]] } }) })))).toEqual([`${at}: fit: covariance: expected a symmetric positive-definite matrix (the inverse of the observed information)`]);
    expect(problemsOf(withExample(example({ curve: curve({ fit: { ...fit, covariance: [[1]] } }) })))[0]).toContain(`${at}: fit: covariance: expected a 2 × 2 array of rows`);
    expect(problemsOf(withExample(example({ curve: curve({ fit: undefined, ipd: "curves/missing.csv" }) })))[0]).toContain(`${at}: ipd: no patient data loaded for curves/missing.csv`);
    expect(problemsOf(withExample(example({ curve: curve({ fit: undefined }) })))).toEqual([`${at}: fit: a curve needs its patient data (ipd) or its fitted parameters (fit), or both`]);
    expect(problemsOf(withExample(example({ curve: curve({ ipd: "../../etc/passwd.csv" }) })))[0]).toContain(`${at}: ipd: expected a CSV path relative to data/`);
    expect(problemsOf(withExample(example({ curve: curve({ followUpMonths: 0 }) })))).toEqual([`${at}: followUpMonths: expected a positive number of months, got 0`]);
  });

  it("parseRegistry(files) rejects patient data that cannot be a curve (bad event, non-positive time, unreadable file), on the figure that names it", () => {
    const bad = (content: unknown) => problemsOf(withExample(example({ curve: curve({ ipd: "curves/x/ipd.csv" }) }), [{ path: "curves/x/ipd.csv", content }]))[0];
    expect(bad({ time: [1, 2], event: [1, 2] })).toContain("curve: ipd: row 2: event: expected 0 or 1, got 2");
    expect(bad({ time: [0, 2], event: [1, 1] })).toContain("curve: ipd: row 1: time: expected a positive number of months, got 0");
    expect(bad({ time: [1, 2], event: [0, 0] })).toContain("curve: ipd: no events: a curve cannot be fitted");
    expect(bad({ unreadable: "curves/x/ipd.csv: cannot read the file (no such file)" })).toContain("curve: ipd: curves/x/ipd.csv: cannot read the file (no such file)");
  });

  it("parseRegistry(files) rejects a ci that does not contain the value or is not of a positive quantity, events above n, and an example id outside example.*", () => {
    const at = 'evidence/figures.json: figures[0] "captem.pfs.median"';
    expect(problemsOf(files({ figures: [figure({ ci: { lower: 30, upper: 40, level: 0.95 } })] }))).toEqual([`${at}: ci: lower: the interval 30-40 does not contain the value 29`]);
    expect(problemsOf(files({ figures: [figure({ ci: { lower: 0, upper: 40, level: 0.95 } })] }))[0]).toContain(`${at}: ci: lower: expected 0 < lower < upper`);
    expect(problemsOf(files({ figures: [figure({ ci: { lower: 20, upper: 40, level: 95 } })] }))[0]).toContain(`${at}: ci: level: expected a confidence level between 0 and 1`);
    expect(problemsOf(files({ figures: [figure({ events: 81, populationSpec: population })] }))).toEqual([`${at}: events: expected at most the population's n (80), got 81`]);
    expect(problemsOf(withExample(example({ id: "captem.example" })))[0]).toContain('id: an example figure\'s id starts with "example.", got "captem.example"');
  });
});
