import type { BenchRow, BenchSuite } from "./BenchRow.js";
import type { Patient } from "../src/cohort/Patient.js";
import { loadRuleThresholds, loadStrategies } from "../src/io/loadStrategies.js";
import { randomSource } from "../src/random/randomSource.js";
import { assignPathway, assignPathwayCode, explainPathway } from "../src/rules/index.js";

/**
 * Treatment-pathway assignment speed: a million seeded synthetic patients (covariates spread across the
 * review's thresholds), each assigned a pathway under every strategy. The best of three passes is reported.
 */
const suite: BenchSuite = async () => {
  const count = 1_000_000;
  const random = randomSource(20251127);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const patients: Patient[] = new Array(count);
  for (let i = 0; i < count; i++) {
    patients[i] = {
      age: 30 + random() * 50, sex: pick(["female", "male"] as const), primarySite: pick(["head", "body", "tail"] as const),
      syndrome: pick(["none", "none", "none", "insulinoma", "gastrinoma", "other"] as const), ki67: random() < 0.8 ? random() * 25 : random() * 100,
      mitoses: random() * 25, differentiation: random() < 0.9 ? "well" : "poor", enetsType: pick(["I", "II", "III"] as const),
      lesionCount: 1 + Math.floor(random() * 10), largestLesionCm: 0.5 + random() * 10, liverInvolvementPct: random() * 80,
      extrahepaticDisease: random() < 0.3, adequateLiverReserve: random() < 0.8, seriousComorbidity: random() < 0.2, sstrPositive: random() < 0.7,
      primaryResected: random() < 0.3, monthsStable: random() * 24, expectedCytoreductionPct: random() * 100,
    };
  }
  const thresholds = loadRuleThresholds();
  const strategies = loadStrategies();
  const review = strategies[0];
  const rows: BenchRow[] = [];

  const time = (run: () => number): number => {
    let best = Infinity;
    let sink = 0;
    for (let pass = 0; pass < 3; pass++) {
      const start = performance.now();
      sink += run();
      best = Math.min(best, performance.now() - start);
    }
    if (sink === -1) console.log(sink);
    return best;
  };

  const codeMs = time(() => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += assignPathwayCode(patients[i], review, thresholds);
    return sum;
  });
  rows.push({ name: "assignPathwayCode, 1,000,000 patients, review strategy", value: Math.round(count / (codeMs / 1000)), unit: "assignments/s" });

  const pathwayMs = time(() => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += assignPathway(patients[i], review, thresholds).lineCount;
    return sum;
  });
  rows.push({ name: "assignPathway, 1,000,000 patients, review strategy", value: Math.round(count / (pathwayMs / 1000)), unit: "assignments/s" });

  const allMs = time(() => {
    let sum = 0;
    for (const strategy of strategies) for (let i = 0; i < count; i++) sum += assignPathway(patients[i], strategy, thresholds).lineCount;
    return sum;
  });
  rows.push({ name: `assignPathway, 1,000,000 patients x ${strategies.length} strategies`, value: Math.round((count * strategies.length) / (allMs / 1000)), unit: "assignments/s" });

  const explainCount = 100_000;
  const explainMs = time(() => {
    let sum = 0;
    for (let i = 0; i < explainCount; i++) sum += explainPathway(patients[i], review, thresholds).trace.length;
    return sum;
  });
  rows.push({ name: "explainPathway (with trace), 100,000 patients", value: Math.round(explainCount / (explainMs / 1000)), unit: "explanations/s" });
  return rows;
};

export default suite;
