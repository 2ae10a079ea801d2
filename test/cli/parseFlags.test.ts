import { describe, expect, it } from "vitest";
import { numberFlag, parseFlags } from "../../src/cli/parseFlags.js";
import { InputError } from "../../src/util/InputError.js";

describe("parseFlags(command, args, options)", () => {
  const options = { n: { type: "string" }, json: { type: "boolean" } } as const;

  it("parseFlags reads `--n -3` as the value -3, so that the flag's own check can reject it", () => {
    expect(parseFlags("x", ["--n", "-3"], options).values.n).toBe("-3");
    expect(parseFlags("x", ["--n", "-.5", "--json"], options).values).toEqual({ n: "-.5", json: true });
    expect(() => numberFlag("x", "n", "-3", 1, { min: 1 })).toThrow("pnen-sim x: --n: expected a number >= 1, got '-3'");
  });

  it("parseFlags does not swallow a following flag as a value", () => {
    expect(() => parseFlags("x", ["--n", "--json"], options)).toThrow(InputError);
  });

  it("parseFlags names the command and the unknown flag", () => {
    expect(() => parseFlags("simulate", ["--bogus"], options)).toThrow(/pnen-sim simulate: .*--bogus.*see 'pnen-sim simulate --help'/);
  });
});
