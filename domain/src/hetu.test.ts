import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsHetu, containsHetuDeep, findHetu, findHetuDeep, isValidHetu, readerText } from "./hetu.js";

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

  const C = code("131052", "-", "308"); // 131052-308T
  const DASHES = ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uff0d", "\ufe63"];
  const digits = (offset: number) => (d: string) => String.fromCodePoint(offset + Number(d));

  it("reads the text as a reader sees it: other digits, dashes, invisible characters, spaces, markup", () => {
    const [date, rest] = [C.slice(0, 6), C.slice(7)];
    for (const text of [
      C.replace(/\d/g, digits(0xff10)), // full-width digits
      C.replace(/\d/g, digits(0x0660)), // Arabic-Indic digits
      C.replace(/\d/g, digits(0x0966)), // Devanagari digits
      C.replace(/\d/g, digits(0x1d7ce)), // mathematical bold digits
      ...[...DASHES, "\u2043"].map((dash) => `${date}${dash}${rest}`),
      ...["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e"].map(
        (invisible) =>
          `${date.slice(0, 3)}${invisible}${date.slice(3)}-${rest.slice(0, 2)}${invisible}${rest.slice(2)}`,
      ),
      `${date}  -   ${rest}`,
      `${date}\u00a0-\u2003${rest}`,
      `${date}-_${rest}_`,
      `**${date}**-${rest}`,
      `${date}-<b>${rest}</b>`,
      `[${date}-${rest}](https://esimerkki.example)`,
      `${date}-\`${rest}\``,
      `Asiakas ${C.toLowerCase()} soitti.`,
      `< ${date}-${rest.slice(0, 3)}*${rest.slice(3)} >`, // angle brackets that are not a tag
      `<b>${date}</b>-${rest}`,
    ])
      expect(containsHetu(text), JSON.stringify(text)).toBe(true);
    expect(readerText("１３\u00ad１０\u2014５２")).toBe("1310-52");
  });

  it("finds a code anywhere in a value: nested fields, lists, rich-text nodes split by formatting", () => {
    expect(containsHetuDeep({ profile: { title: "Sosiaalityöntekijä", expertise: [`ks. ${C}`] } })).toBe(
      true,
    );
    const blocks = [
      {
        type: "paragraph",
        children: [
          { type: "text", text: `Tunnus ${C.slice(0, 7)}` },
          { type: "text", text: C.slice(7), bold: true },
        ],
      },
    ];
    expect(containsHetuDeep({ body: blocks })).toBe(true);
    expect(containsHetuDeep({ password: C }, new Set(["password"]))).toBe(false);
    expect(findHetuDeep({ title: "ok", body: ["ok", { text: `ks. ${C}` }] })).toBe("body.1.text");
    expect(findHetuDeep({ body: blocks })).toBe("body.0");
    expect(containsHetuDeep({ title: "Lastensuojelulaki 417/2007 25 §", phone: "040 131 0523" })).toBe(false);
  });

  // Properties: however a valid code is disguised, it is found; lookalikes never are.
  const validCode = fc
    .record({
      day: fc.integer({ min: 1, max: 28 }),
      month: fc.integer({ min: 1, max: 12 }),
      year: fc.integer({ min: 0, max: 99 }),
      sign: fc.constantFrom("-", "+", "A", "B", "F", "Y", "U"),
      individual: fc.integer({ min: 2, max: 899 }),
    })
    .map(({ day, month, year, sign, individual }) =>
      code(
        `${String(day).padStart(2, "0")}${String(month).padStart(2, "0")}${String(year).padStart(2, "0")}`,
        sign,
        String(individual).padStart(3, "0"),
      ),
    );
  const invisible = fc.constantFrom("", "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "*", "_");
  const dash = fc.constantFrom("-", ...DASHES);
  const digitSet = fc.constantFrom(0x30, 0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x1d7ce, 0x1d7ec);
  const disguise = (c: string) =>
    fc
      .tuple(digitSet, dash, fc.array(invisible, { minLength: c.length, maxLength: c.length }), fc.boolean())
      .map(([zero, d, gaps, lower]) =>
        [...c]
          .map((ch, i) => {
            const shown = /\d/.test(ch) ? String.fromCodePoint(zero + Number(ch)) : ch === "-" ? d : ch;
            return (i > 0 ? gaps[i]! : "") + (lower ? shown.toLowerCase() : shown);
          })
          .join(""),
      );

  it("finds every disguised valid code (property)", () => {
    fc.assert(
      fc.property(
        validCode.chain((c) => disguise(c)),
        fc.string({ maxLength: 20 }).map((s) => s.replace(/[0-9A-Za-z]/g, " ")),
        (disguised, around) => containsHetu(`${around} ${disguised} ${around}`),
      ),
      { numRuns: 500 },
    );
  });

  it("never flags a code whose check character is wrong (property)", () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 1, max: 30 }), (c, shift) => {
        const right = "0123456789ABCDEFHJKLMNPRSTUVWXY";
        const wrong = c.slice(0, -1) + right[(right.indexOf(c.at(-1)!) + shift) % 31]!;
        return !containsHetu(`Tunnus ${wrong}`);
      }),
      { numRuns: 500 },
    );
  });
});
