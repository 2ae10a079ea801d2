/** A decimal number, optionally with an exponent ("12", "-0.5", ".5", "5.", "1e2"); not hex, octal, binary or "Infinity". */
// Written so that no digit can be matched two ways (`\d+\.?\d*` could split a run of digits between its two
// parts in n ways and backtrack for minutes on a megabyte cell that is not a number).
const decimalSyntax = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `Number(text)` for a decimal number (surrounding blanks ignored), NaN for anything else (empty, "NA", "0x10", "0b1", "Infinity"). */
export function decimalNumber(text: string): number {
  const trimmed = text.trim();
  return decimalSyntax.test(trimmed) ? Number(trimmed) : NaN;
}
