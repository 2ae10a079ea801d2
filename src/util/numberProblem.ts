import { decimalNumber } from "../io/decimalNumber.js";
import { shownValue } from "./shownValue.js";

/** The bounds a typed number must satisfy (all optional; `integer` also rejects 1.5). */
export interface NumberCheck {
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: number;
  readonly exclusiveMax?: number;
}

/**
 * What is wrong with a typed number, in the words the CLI uses for a flag ("expected an integer >= 1 <= 20000,
 * got '50000'"), or null when `text` is a finite number within the bounds. Shared by the CLI's `numberFlag` and
 * the dashboards' checked inputs, so that a value refused on the command line is refused, with the same message,
 * at the input on the page. Browser-safe.
 */
export function numberProblem(text: string, check: NumberCheck = {}): string | null {
  // decimal notation only: Number() would also read "0x12C" as 300, "0b1" and "0o7"
  const number = decimalNumber(text);
  const expected = [
    check.integer ? "an integer" : "a number",
    check.min !== undefined ? `>= ${check.min}` : "",
    check.exclusiveMin !== undefined ? `> ${check.exclusiveMin}` : "",
    check.max !== undefined ? `<= ${check.max}` : "",
    check.exclusiveMax !== undefined ? `< ${check.exclusiveMax}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const bad =
    text.trim() === "" ||
    !Number.isFinite(number) ||
    (check.integer && !Number.isInteger(number)) ||
    (check.min !== undefined && number < check.min) ||
    (check.max !== undefined && number > check.max) ||
    (check.exclusiveMin !== undefined && number <= check.exclusiveMin) ||
    (check.exclusiveMax !== undefined && number >= check.exclusiveMax);
  return bad ? `expected ${expected}, got '${shownValue(text)}'` : null;
}
