import { readFileSync } from "node:fs";

/**
 * The rpact 3.3.4 reference fixtures in test/fixtures/rpact/*.json, written by
 * test/fixtures/rpact/make-fixtures.R. Each case carries the R call that made it and the same design as a
 * pnen-sim design JSON. R's NA arrives as null.
 */
export interface SequentialCase {
  id: string;
  call: string;
  mode: "sample-size" | "power";
  /** Looser agreement where rpact's own numerics are coarser (see make-fixtures.R); 1e-6 otherwise. */
  tolerance: { maxN?: number; time?: number; patients?: number };
  design: Record<string, unknown>;
  rpact: {
    informationRates: number[]; criticalValues: number[]; stageLevels: number[]; alphaSpent: number[];
    futilityBounds: number[] | null; betaSpent: number[] | null; shift: number; inflationFactor: number;
    averageSampleNumber1: number | null; averageSampleNumber0: number | null;
    maxNumberOfEvents: number; maxNumberOfSubjects: number; eventsPerStage: number[]; analysisTime: number[]; numberOfSubjects: number[];
    expectedEventsH1: number; expectedEventsH0: number | null; studyDuration: number | null; expectedNumberOfSubjectsH1: number | null;
    rejectPerStage: number[] | null; futilityPerStage: number[] | null; overallReject: number | null;
    criticalValuesEffectScale: number[]; criticalValuesEffectScaleLower: number[] | null; futilityBoundsEffectScale: number[] | null;
  };
}

export interface SingleLookCase {
  id: string;
  call: string;
  design: Record<string, unknown>;
  rpact: { analysisTime: number; accrualMonths: number; eventProbability: number; eventProbabilityTreatment: number; eventProbabilityControl: number; events: number; power: number; powerAnalysisTime: number };
}

/** rpact's one-sided sample size for a harmful treatment (which pnen-sim refuses) and for the mirrored beneficial design. */
export interface HarmfulSampleSizeCase {
  call: string;
  mirrorCall: string;
  design: Record<string, unknown>;
  rpact: { maxNumberOfEvents: number; maxNumberOfSubjects: number; criticalValuesEffectScale: number[] };
  mirror: { maxNumberOfEvents: number; maxNumberOfSubjects: number; criticalValuesEffectScale: number[] };
}

export interface EventProbabilityCase {
  id: string;
  arm: Record<string, unknown>;
  accrual: Record<string, unknown>;
  dropout?: Record<string, unknown>;
  n: number;
  tau: number;
  value: number;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/rpact/${name}`, import.meta.url), "utf8")) as T;

export const sequentialCases = (): SequentialCase[] => read("sequential.json");
export const singleLookCases = (): SingleLookCase[] => read("single-look.json");
export const harmfulSampleSizeCase = (): HarmfulSampleSizeCase => read("harmful-sample-size.json");
export const eventProbabilityCases = (): EventProbabilityCase[] => read("event-probability.json");

/** |ours − R| ≤ tolerance, element by element, with the name and index in the message. */
export function expectClose(name: string, ours: readonly number[], reference: readonly number[], tolerance: number): void {
  if (ours.length !== reference.length) throw new Error(`${name}: ${ours.length} values, R has ${reference.length}`);
  ours.forEach((value, i) => {
    const difference = Math.abs(value - reference[i]);
    if (!(difference <= tolerance)) throw new Error(`${name}[${i}]: ${value} vs R ${reference[i]} (difference ${difference.toExponential(2)} > ${tolerance})`);
  });
}
