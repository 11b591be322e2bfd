import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.js";

/** Reads CSV as a spreadsheet that splits on `sep` and ignores quotes would: the worst case. */
const naiveCells = (csv: string, sep: string) =>
  csv
    .split(/\r\n|\n|\r/)
    .flatMap((line) => line.split(sep))
    .map((c) => c.replace(/^"+|"+$/g, "").trimStart());

describe("CSV exports", () => {
  const hostile = [
    '=HYPERLINK("http://evil.example")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "Kiitos; =cmd|' /C calc'!A0",
    "ok,=1+1",
    "rivi\n=1+1",
    "a|=1",
    "tab\t-1",
    "  =1",
  ];

  it.each([",", ";", "\t", "|"])("leaves no cell starting a formula when split on %j", (sep) => {
    const csv = toCsv(
      ["x"],
      hostile.map((x) => ({ x })),
    );
    for (const cell of naiveCells(csv, sep)) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@]/);
  });

  it("keeps ordinary values as they are and quotes what a separator could split", () => {
    expect(toCsv(["a", "b"], [{ a: "Laukaa", b: 3 }])).toBe("a,b\r\nLaukaa,3\r\n");
    expect(toCsv(["a"], [{ a: "ma; ti" }])).toBe('a\r\n"ma; ti"\r\n');
    expect(toCsv(["a"], [{ a: 'sanoi "ei"' }])).toBe('a\r\n"sanoi ""ei"""\r\n');
    expect(toCsv(["a"], [{ a: "9-11" }])).toBe("a\r\n9-11\r\n");
  });
});
