import { describe, expect, it } from "vitest";
import { containsHetu, findHetu, isValidHetu } from "./hetu";

// Codes built for these tests with the official check-character rule; no real person is meant.
const checkChar = (digits: string) => "0123456789ABCDEFHJKLMNPRSTUVWXY"[Number(digits) % 31];
const code = (ddmmyy: string, sign: string, individual: string) =>
  `${ddmmyy}${sign}${individual}${checkChar(ddmmyy + individual)}`;

describe("henkilötunnus guard", () => {
  it("finds valid codes with every century sign, old and 2023", () => {
    for (const sign of ["+", "-", "Y", "X", "W", "V", "U", "A", "B", "C", "D", "E", "F"]) {
      const c = code("131052", sign, "308");
      expect(isValidHetu(c), c).toBe(true);
      expect(containsHetu(`Asiakas ${c} soitti eilen.`), c).toBe(true);
    }
  });

  it("finds a code written in lower case, with a dash from a word processor or a space", () => {
    expect(containsHetu(code("010203", "a", "123").toLowerCase())).toBe(true);
    expect(containsHetu(code("150785", "\u2013", "244"))).toBe(true);
    expect(containsHetu(`${"150785"} -${"244"}${checkChar("150785244")}`)).toBe(true);
  });

  it("lets invalid check characters and impossible dates pass", () => {
    const valid = code("131052", "-", "308");
    const wrong = valid.slice(0, -1) + (valid.endsWith("A") ? "B" : "A");
    expect(containsHetu(wrong)).toBe(false);
    expect(containsHetu(code("310252", "-", "308"))).toBe(false); // 31 February
    expect(containsHetu(code("290201", "A", "308"))).toBe(false); // 2001 is not a leap year
    expect(containsHetu(code("290200", "A", "308"))).toBe(true); // 2000 is
    expect(containsHetu(code("131052", "-", "001"))).toBe(false); // individual numbers start at 002
  });

  it("lets lookalike numbers pass: phones, dates, statute numbers, account numbers", () => {
    for (const text of [
      "Soita 040 123 4567 tai 014 266 0000.",
      "+358 40 1234567",
      "Tapaaminen 13.10.2025 klo 10–12.",
      "Sosiaalihuoltolaki 1301/2014, lastensuojelulaki 417/2007 ja laki 980/2012 § 36.",
      "FI21 1234 5600 0007 85",
      "Asia 131052-30",
      "Viite 1310523089 ja tilaus 131052X3080",
    ])
      expect(containsHetu(text), text).toBe(false);
  });

  it("reports where the code is", () => {
    const c = code("010203", "A", "123");
    expect(findHetu(`Hei ${c}!`)).toEqual({ index: 4, length: c.length });
  });
});
