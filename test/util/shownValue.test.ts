import { describe, expect, it } from "vitest";
import { shownValue } from "../../src/util/shownValue.js";

describe("shownValue", () => {
  it("shownValue(text, limit) keeps short values and cuts long ones, saying how long they were", () => {
    expect(shownValue("abc")).toBe("abc");
    expect(shownValue("x".repeat(80))).toBe("x".repeat(80));
    expect(shownValue("x".repeat(100), 10)).toBe("xxxxxxxxxx… (100 characters)");
  });
});
