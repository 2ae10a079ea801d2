import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { randomMultivariateNormal, randomSource } from "../../src/random/index.js";

// R: mu + t(chol(sigma)) %*% qnorm(u) for the first nine uniforms of randomSource(42) — test/fixtures/r/mvn/make-mvn-fixtures.R
const fixture = JSON.parse(readFileSync(new URL("../fixtures/r/mvn/mvn.json", import.meta.url), "utf8")) as { sigma: number[][]; mu: number[]; uniforms: number[]; draws: number[][] };

describe("randomMultivariateNormal", () => {
  it("randomMultivariateNormal(mu, sigma)(randomSource(42)) gives R's draws for the same uniforms (pinned, 1e-12 relative)", () => {
    const source = randomSource(42);
    const uniforms = Array.from({ length: 9 }, () => source());
    expect(uniforms.map((u, i) => Math.abs(u - fixture.uniforms[i]!))).toEqual(uniforms.map(() => 0));
    const draw = randomMultivariateNormal(fixture.mu, fixture.sigma);
    const again = randomSource(42);
    for (const expected of fixture.draws) {
      const x = draw(again);
      x.forEach((value, i) => expect(Math.abs(value - expected[i]!)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected[i]!))));
    }
  });

  it("randomMultivariateNormal(mu, sigma): the mean and the covariance of 100,000 draws recover mu and sigma within 4 standard errors", () => {
    const n = 100_000;
    const k = fixture.mu.length;
    const draw = randomMultivariateNormal(fixture.mu, fixture.sigma);
    const source = randomSource("mvn check");
    const sums = new Float64Array(k);
    const products = new Float64Array(k * k);
    for (let d = 0; d < n; d++) {
      const x = draw(source);
      for (let i = 0; i < k; i++) {
        sums[i] += x[i]!;
        for (let j = 0; j < k; j++) products[i * k + j] += x[i]! * x[j]!;
      }
    }
    const sigma = fixture.sigma;
    for (let i = 0; i < k; i++) {
      const mean = sums[i]! / n;
      // SE of a mean: σ_i/√n
      expect(Math.abs(mean - fixture.mu[i]!)).toBeLessThan(4 * Math.sqrt(sigma[i]![i]! / n));
      for (let j = 0; j < k; j++) {
        const covariance = (products[i * k + j]! - n * mean * (sums[j]! / n)) / (n - 1);
        // SE of a sample covariance of a bivariate normal: √((σ_ii σ_jj + σ_ij²)/n) (the Wishart variance of a sample covariance)
        const se = Math.sqrt((sigma[i]![i]! * sigma[j]![j]! + sigma[i]![j]! ** 2) / n);
        expect(Math.abs(covariance - sigma[i]![j]!)).toBeLessThan(4 * se);
      }
    }
  });

  it("randomMultivariateNormal with a 1 × 1 covariance is the univariate normal, and a zero uniform still gives a finite draw", () => {
    const draw = randomMultivariateNormal([2], [[0.25]]);
    expect(draw(() => 0.5)).toEqual([2]);
    expect(Number.isFinite(draw(() => 0)[0])).toBe(true);
  });

  it("randomMultivariateNormal rejects a covariance of the wrong size, not positive definite, and a non-finite mean", () => {
    expect(() => randomMultivariateNormal([0, 0], [[1]])).toThrow(/2 × 2 covariance/);
    expect(() => randomMultivariateNormal([0, 0], [[1, 2], [2, 1]])).toThrow(/positive-definite/);
    expect(() => randomMultivariateNormal([Number.NaN], [[1]])).toThrow(/finite mean\[0\]/);
    expect(() => randomMultivariateNormal([], [])).toThrow(/at least one dimension/);
  });
});
