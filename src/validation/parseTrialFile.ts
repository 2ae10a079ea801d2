import { type FieldValue, validateField } from "../cohort/fieldSpec.js";
import { InputError } from "../util/InputError.js";
import { trialFileSpec } from "./trialFileSpec.js";
import { trialFollowUpProblems } from "./trialFollowUp.js";

/** A validated trial file (see {@link trialFileSpec} for every field). */
export type TrialFile = FieldValue<typeof trialFileSpec> & { readonly $schema?: string };

/** The trial's population part. */
export type TrialPopulation = TrialFile["population"];

/** The ids a trial file may name, for the cross-field checks of {@link parseTrialFile}. */
export interface TrialFileVocabulary {
  /** Treatment ids that have an outcome model (a trial arm or a crossover may name them). */
  readonly treatments: readonly string[];
  /** Strategy ids (an arm or `subsequentStrategy` may name them). */
  readonly strategies: readonly string[];
}

/**
 * Validates a parsed trial-file document against {@link trialFileSpec} and returns it typed. Every problem is
 * reported at once, one line per problem naming the field path (`arms[1].n: expected an integer >= 1, got 0`);
 * any problem throws an {@link InputError} (exit code 2 in the CLI) whose message names `where` (the file).
 *
 * Cross-field checks beyond the table: exactly two arms with distinct ids; each arm's treatment is a treatment
 * with an outcome model or a strategy id; the crossover's `from` is an arm and its `to` a treatment or an arm;
 * `subsequentStrategy` is a strategy or "none"; at least one published endpoint; published medians name arms;
 * each published hazard ratio has lower <= estimate <= upper; the grade mix and the prior-line shares add up
 * to 1; functional/functionalShare and sstrPositive/sstrPositiveShare are not both given; `followUp` gives a
 * cut-off or a study period (trialFollowUpProblems). O(size of the file).
 */
export function parseTrialFile(document: unknown, where: string, vocabulary: TrialFileVocabulary): TrialFile {
  const problems = trialFileProblems(document, vocabulary);
  if (problems.length > 0) throw new InputError(`${where}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the trial file`, problems);
  return document as TrialFile;
}

/** The problems {@link parseTrialFile} would report; empty for a valid trial file. */
export function trialFileProblems(document: unknown, vocabulary: TrialFileVocabulary): string[] {
  const problems: string[] = [];
  validateField(trialFileSpec, document, "", problems);
  if (typeof document !== "object" || document === null || Array.isArray(document)) return problems;
  const doc = document as Record<string, unknown>;
  if (doc.$schema !== undefined && typeof doc.$schema !== "string") problems.push(`$schema: expected a string, got ${typeof doc.$schema}`);
  const valid = (spec: Parameters<typeof validateField>[0], value: unknown) => {
    const found: string[] = [];
    validateField(spec, value, "", found);
    return found.length === 0;
  };
  const fields = trialFileSpec.fields;

  const arms = valid(fields.arms, doc.arms) ? (doc.arms as TrialFile["arms"]) : undefined;
  const armIds = arms?.map((a) => a.id);
  if (arms !== undefined) {
    if (arms.length !== 2) problems.push(`arms: expected exactly 2 arms (experimental first, then control), got ${arms.length}`);
    arms.forEach((arm, index) => {
      if (arms.findIndex((a) => a.id === arm.id) < index) problems.push(`arms[${index}].id: '${arm.id}' is used by an earlier arm; arm ids must differ`);
      if (!vocabulary.treatments.includes(arm.treatment) && !vocabulary.strategies.includes(arm.treatment)) {
        problems.push(`arms[${index}].treatment: unknown treatment or strategy '${arm.treatment}'; treatments: ${vocabulary.treatments.join(", ")}; strategies: ${vocabulary.strategies.join(", ")}`);
      }
    });
  }
  if (doc.crossover !== undefined && doc.crossover !== null && valid(fields.crossover, doc.crossover) && armIds !== undefined) {
    const { from, to } = doc.crossover as { from: string; to: string };
    if (!armIds.includes(from)) problems.push(`crossover.from: '${from}' is not an arm id (arms: ${armIds.join(", ")})`);
    if (!vocabulary.treatments.includes(to) && !armIds.includes(to)) problems.push(`crossover.to: '${to}' is neither a treatment with an outcome model nor an arm id`);
    else if (armIds.includes(to) && to === from) problems.push(`crossover.to: an arm cannot cross over to itself ('${to}')`);
  }
  if (typeof doc.subsequentStrategy === "string" && doc.subsequentStrategy !== "none" && !vocabulary.strategies.includes(doc.subsequentStrategy)) {
    problems.push(`subsequentStrategy: unknown strategy '${doc.subsequentStrategy}'; known: none, ${vocabulary.strategies.join(", ")}`);
  }
  if (valid(fields.published, doc.published)) {
    const published = doc.published as TrialFile["published"];
    if (published.pfs === undefined && published.os === undefined) problems.push("published: give at least one of pfs and os");
    for (const endpoint of ["pfs", "os"] as const) {
      const result = published[endpoint];
      if (result === undefined) continue;
      const { estimate, lower, upper } = result.hr;
      if (!(lower <= estimate && estimate <= upper)) problems.push(`published.${endpoint}.hr: expected lower <= estimate <= upper, got ${lower}, ${estimate}, ${upper}`);
      if (armIds !== undefined) for (const key of Object.keys(result.medians)) if (!armIds.includes(key)) problems.push(`published.${endpoint}.medians.${key}: not an arm id (arms: ${armIds.join(", ")})`);
    }
  }
  if (valid(fields.followUp, doc.followUp)) problems.push(...trialFollowUpProblems(doc.followUp));
  const population = doc.population as Record<string, unknown> | undefined;
  if (valid(fields.population, population) && population !== undefined) {
    const grades = population.grades as Record<string, number | null> | null | undefined;
    if (grades !== undefined && grades !== null) {
      const total = Object.values(grades).reduce<number>((sum, x) => sum + (x ?? 0), 0);
      if (Math.abs(total - 1) > 1e-6) problems.push(`population.grades: the shares must add up to 1, got ${Number(total.toPrecision(10))}`);
    }
    const lines = population.priorSystemicLines as Record<string, number> | null | undefined;
    if (lines !== undefined && lines !== null) {
      const total = Object.values(lines).reduce((sum, x) => sum + x, 0);
      if (Math.abs(total - 1) > 1e-6) problems.push(`population.priorSystemicLines: the shares must add up to 1, got ${Number(total.toPrecision(10))}`);
    }
    for (const [flag, shareField] of [["functional", "functionalShare"], ["sstrPositive", "sstrPositiveShare"]] as const) {
      if (population[flag] !== undefined && population[flag] !== null && population[shareField] !== undefined && population[shareField] !== null) {
        problems.push(`population.${shareField}: give either ${flag} or ${shareField}, not both`);
      }
    }
  }
  return problems;
}
