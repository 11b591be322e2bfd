type Cell = string | number | boolean | null | undefined;

/**
 * Rows as CSV (RFC 4180) for spreadsheets: quoted where needed, and a leading =, +, - or @
 * neutralised so that no cell runs as a formula.
 */
export function toCsv<K extends string>(header: readonly K[], rows: Array<Partial<Record<K, Cell>>>): string {
  const cell = (v: Cell) => {
    const s = v === null || v === undefined ? "" : String(v);
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return (
    [header.join(","), ...rows.map((r) => header.map((h) => cell(r[h])).join(","))].join("\r\n") + "\r\n"
  );
}
