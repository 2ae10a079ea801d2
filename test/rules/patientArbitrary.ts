import fc from "fast-check";
import type { Patient } from "../../src/cohort/Patient.js";

/** A number in [min, max], often exactly at one of the review's boundaries (so properties cross them). */
const around = (min: number, max: number, boundaries: readonly number[]) =>
  fc.oneof(
    fc.constantFrom(...boundaries.flatMap((b) => [b - 0.1, b, b + 0.1]).filter((v) => v >= min && v <= max)),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
  );

/** Any valid patient (as parsePatient would accept), weighted towards the review's thresholds. */
export const patientArbitrary: fc.Arbitrary<Patient> = fc.record({
  age: around(18, 90, [60]),
  sex: fc.constantFrom("female", "male"),
  primarySite: fc.constantFrom("head", "body", "tail"),
  syndrome: fc.constantFrom("none", "none", "insulinoma", "gastrinoma", "other"),
  ki67: around(0, 100, [3, 5, 10, 20, 55]),
  mitoses: around(0, 60, [2, 20]),
  differentiation: fc.constantFrom("well", "well", "well", "poor"),
  enetsType: fc.constantFrom("I", "II", "III"),
  lesionCount: fc.integer({ min: 1, max: 30 }),
  largestLesionCm: around(0.2, 20, [3, 5]),
  liverInvolvementPct: around(0, 100, [30, 50]),
  extrahepaticDisease: fc.boolean(),
  adequateLiverReserve: fc.boolean(),
  seriousComorbidity: fc.boolean(),
  sstrPositive: fc.boolean(),
  primaryResected: fc.boolean(),
  monthsStable: around(0, 60, [6]),
  expectedCytoreductionPct: around(0, 100, [70]),
  primarySymptomatic: fc.boolean(),
}) as fc.Arbitrary<Patient>;
