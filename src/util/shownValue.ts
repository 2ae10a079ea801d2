/** A value shown in a message, cut to `limit` characters so that a message never echoes megabytes of input. O(limit). */
export function shownValue(text: string, limit = 80): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}
