/**
 * A figure's number with its unit: "29 months", "9.2-10.9 months", "57.1%", and "44 months (35.6-51.8 months)"
 * when a record has both a value and a range.
 */
export function formatQuantity(record: { readonly value?: number; readonly low?: number; readonly high?: number; readonly unit: string }): string {
  const withUnit = (text: string) => (record.unit === "%" ? `${text}%` : `${text} ${record.unit}`);
  const range = record.low !== undefined && record.high !== undefined ? withUnit(`${record.low}-${record.high}`) : undefined;
  if (record.value === undefined) return range ?? withUnit("?");
  return range !== undefined ? `${withUnit(String(record.value))} (${range})` : withUnit(String(record.value));
}
