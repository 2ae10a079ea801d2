import { describe, expect, it } from "vitest";
import { fillUniforms } from "../../src/random/fillUniforms.js";
import { subStream } from "../../src/random/index.js";

describe("fillUniforms", () => {
  it("fillUniforms(target, n, seed, ...keys) gives exactly the numbers of subStream(seed, ...keys)", () => {
    const target = new Float64Array(1000);
    fillUniforms(target, 1000, 42, "cohort", 3);
    const source = subStream(42, "cohort", 3);
    expect(Array.from(target)).toEqual(Array.from({ length: 1000 }, () => source()));
  });
});
