import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import { normalCdf, normalQuantile, normalTwoSidedP, normalUpperTail } from "../../src/analysis/normalDistribution.js";
import { expectNumber } from "./rFixtures.js";

const reference = JSON.parse(readFileSync(new URL("../fixtures/r/distributions/distributions.json", import.meta.url), "utf8")) as {
  pnorm: { z: number[]; upper: number[]; twoSided: number[] };
  qnorm: { p: number[]; quantile: number[] };
};

describe("normalDistribution", () => {
  // R: pnorm(z, lower.tail = FALSE); 2 * pnorm(-abs(z))
  it("normalUpperTail(z) and normalTwoSidedP(z) match pnorm to 1e-10 relative", () => {
    reference.pnorm.z.forEach((z, i) => {
      expectNumber(`pnorm(${z}, lower.tail = FALSE)`, normalUpperTail(z), reference.pnorm.upper[i]!);
      expectNumber(`2 * pnorm(-abs(${z}))`, normalTwoSidedP(z), reference.pnorm.twoSided[i]!);
      expectNumber(`pnorm(${-z})`, normalCdf(-z), reference.pnorm.upper[i]!);
    });
  });

  // R: qnorm(p)
  it("normalQuantile(p) matches qnorm(p) to 1e-10 relative", () => {
    reference.qnorm.p.forEach((p, i) => expectNumber(`qnorm(${p})`, normalQuantile(p), reference.qnorm.quantile[i]!));
  });
});
