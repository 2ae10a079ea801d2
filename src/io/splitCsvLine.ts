/** Splits one CSV line, honouring double quotes ("" inside quotes is a quote); a trailing CR is dropped. */
export function splitCsvLine(text: string): string[] {
  if (text.endsWith("\r")) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          current += '"';
          i++;
        } else inQuotes = false;
      } else current += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ",") {
      cells.push(current);
      current = "";
    } else current += ch;
  }
  cells.push(current);
  return cells;
}
