/**
 * RFC 4180 CSV whose cells are safe to open in a spreadsheet: a cell a spreadsheet would read as
 * a formula (=, +, -, @, tab, carriage return; OWASP's list) gets a leading apostrophe, so a
 * justification like `=HYPERLINK(...)` stays text.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export type CsvCell = string | number | null;

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
