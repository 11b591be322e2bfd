type Cell = string | number | boolean | null | undefined;

/**
 * What a spreadsheet could read as the start of a formula: =, +, - or @ (or a tab or carriage
 * return) at the start of a cell or right after any character some spreadsheet splits fields
 * on — "," (English), ";" (Finnish and Swedish Excel), tab, "|" — or a line break, possibly
 * after spaces. Opened with the wrong separator, a quoted cell may still be split there.
 */
const FORMULA_START = /(^|[,;\t|\r\n])(\s*)([=+\-@\t\r])/g;

/**
 * One cell, neutralised, and quoted when it holds any character a spreadsheet may split on
 * (not only the "," this file uses), whichever separator the spreadsheet assumes.
 */
function csvCell(value: Cell): string {
  const s = value === null || value === undefined ? "" : String(value);
  const safe = s.replace(FORMULA_START, "$1$2'$3");
  return /[",;\t|\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Rows as CSV (RFC 4180) for spreadsheets: anything that could start a formula is neutralised
 * with a leading apostrophe, so that no cell runs as a formula.
 */
export function toCsv<K extends string>(header: readonly K[], rows: Array<Partial<Record<K, Cell>>>): string {
  return (
    [header.map(csvCell).join(","), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(","))].join(
      "\r\n",
    ) + "\r\n"
  );
}
