/**
 * CSV cells safe to open in a spreadsheet: every cell quoted, quotes doubled, and a cell that
 * a spreadsheet would read as a formula (=, +, -, @, tab, carriage return at its start) is
 * prefixed with an apostrophe so that it stays text.
 */
export function csvCell(value: unknown): string {
  let text = value == null ? "" : value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(values: unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
