import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/io/loadRegistry.js";
import { backgroundDeathMonths, backgroundSurvival, compileBackgroundMortality } from "../../src/simulate/backgroundMortality.js";
import { randomSource } from "../../src/random/index.js";

// R reference: test/fixtures/r/lifeTable/make-life-table-fixture.R (survival 3.5.3's survexp.us, year 2014)
const fixture = JSON.parse(readFileSync(new URL("../fixtures/r/lifeTable/life-table.json", import.meta.url), "utf8")) as {
  survival: { sex: "female" | "male"; age: number; months: number; survival: number }[];
  probabilityOfDeath: { sex: "female" | "male"; age: number; q: number }[];
};
const table = loadRegistry().lifeTable("us-2014");
const mortality = compileBackgroundMortality(table);
const sexCode = { female: 0, male: 1 } as const;

describe("life table", () => {
  it("lifeTable('us-2014') reads q at single ages as R's survexp.us gives them: 1 - exp(-365.25 h)", () => {
    for (const { sex, age, q } of fixture.probabilityOfDeath) expect(table.probabilityOfDeath[sex][age - table.firstAge], `${sex} ${age}`).toBeCloseTo(q, 12);
  });

  it("backgroundSurvival(us-2014, sex, age, months) matches R's exp(-(H(age + t) - H(age))) to 1e-9 (whole and part years)", () => {
    for (const { sex, age, months, survival } of fixture.survival) {
      expect(Math.abs(backgroundSurvival(mortality, sexCode[sex], age, months) - survival), `${sex} ${age} ${months}`).toBeLessThan(1e-9);
    }
  });

  it("backgroundDeathMonths(us-2014, sex, age, −ln(1 − u)) inverts backgroundSurvival: S(t(u)) = 1 − u", () => {
    for (const u of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      for (const [sex, age] of [[0, 30], [1, 55], [1, 89]] as const) {
        const months = backgroundDeathMonths(mortality, sex, age, -Math.log1p(-u));
        expect(backgroundSurvival(mortality, sex, age, months), `${sex} ${age} ${u}`).toBeCloseTo(1 - u, 10);
      }
    }
  });

  it("backgroundDeathMonths(...) over 200,000 draws reproduces the 10-year survival of a 70-year-old man (binomial tolerance)", () => {
    const random = randomSource(7);
    const n = 200_000;
    let alive = 0;
    for (let i = 0; i < n; i++) if (backgroundDeathMonths(mortality, 1, 70, -Math.log1p(-random())) > 120) alive++;
    const expected = backgroundSurvival(mortality, 1, 70, 120);
    // SE = sqrt(p(1 - p)/n) ≈ 0.0011; 4 SE
    expect(Math.abs(alive / n - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n));
  });
});
