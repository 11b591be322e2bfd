import { describe, expect, it } from "vitest";
import {
  createCitationFinder,
  normaliseRichText,
  parseRichText,
  plainText,
  type RichBlock,
} from "./richtext.js";

const STATUTES = [
  { number: "1301/2014", names: ["SHL", "sosiaalihuoltolaki", "sosiaalihuoltolain"] },
  { number: "417/2007", names: ["LSL", "lastensuojelulaki"] },
  { number: "675/2023", names: ["vammaispalvelulaki", "VPL 2023"] },
];

const links = (blocks: RichBlock[]): string[] =>
  blocks.flatMap((b) => [...(b.type === "link" ? [b.url!] : []), ...links(b.children ?? [])]);
const texts = (blocks: RichBlock[]): string =>
  blocks.map((b) => (b.type === "text" ? b.text : texts(b.children ?? []))).join("");

describe("statute references", () => {
  const find = createCitationFinder(STATUTES);
  it.each([
    ["Katso SHL 36 § ja sen perustelut.", "1301/2014", "36", "/lait/1301-2014#pykala-36"],
    ["lastensuojelulain 25 §:n mukaan", "417/2007", "25", "/lait/417-2007#pykala-25"],
    ["1301/2014 14 a §", "1301/2014", "14 a", "/lait/1301-2014#pykala-14a"],
    ["uusi vammaispalvelulaki 2 §", "675/2023", "2", "/lait/675-2023#pykala-2"],
    ["Laki 417/2007 koskee lapsia", "417/2007", null, "/lait/417-2007"],
  ])("%s", (text, statute, section, url) => {
    const [c] = find(text);
    expect(c).toMatchObject({ statute, section, url });
    expect(text.slice(c!.start, c!.end)).toContain(statute === "417/2007" && !section ? "417/2007" : "§");
  });
  it("does not link a name without a section, an unknown statute, or a word that merely contains a name", () => {
    expect(find("SHL:n mukainen arvio")).toEqual([]);
    expect(find("999/2020 5 §")).toEqual([]);
    expect(find("KSHL 36 §")).toEqual([]);
  });
});

describe("light markup", () => {
  it("builds paragraphs, lists, quotes, bold, italic and links", () => {
    const blocks = parseRichText(
      "Hei,\n\n**Tärkeää:** arvio _viikoittain_.\n\n- yksi\n- kaksi\n\n1. eka\n2. toka\n\n> lainaus\n\n[ohje](https://example.org/ohje)",
      STATUTES,
    );
    expect(blocks.map((b) => b.type)).toEqual([
      "paragraph",
      "paragraph",
      "list",
      "list",
      "quote",
      "paragraph",
    ]);
    expect(blocks[1]!.children![0]).toEqual({ type: "text", text: "Tärkeää:", bold: true });
    expect(blocks[1]!.children!.find((c) => c.italic)).toEqual({
      type: "text",
      text: "viikoittain",
      italic: true,
    });
    expect(blocks[2]).toMatchObject({
      format: "unordered",
      children: [{ type: "list-item" }, { type: "list-item" }],
    });
    expect(blocks[3]).toMatchObject({ format: "ordered" });
    expect(links(blocks)).toEqual(["https://example.org/ohje"]);
  });

  it("links statute references and bare addresses, and keeps every word", () => {
    const source = "Perusteena SHL 36 § ja ohje https://example.org/a.";
    const blocks = parseRichText(source, STATUTES);
    expect(links(blocks)).toEqual(["/lait/1301-2014#pykala-36", "https://example.org/a"]);
    expect(texts(blocks)).toBe(source);
  });

  it.each([
    "[klikkaa](javascript:alert(1))",
    "[klikkaa](data:text/html;base64,PHNjcmlwdD4=)",
    "[klikkaa](//evil.example/x)",
    "[klikkaa](vbscript:msgbox)",
  ])("never makes a link of %s", (source) => {
    const blocks = parseRichText(source, STATUTES);
    expect(links(blocks)).toEqual([]);
    expect(texts(blocks)).toContain("klikkaa");
  });

  it("keeps markup-like HTML as text, never as elements", () => {
    const blocks = parseRichText('<img src=x onerror="alert(1)"><script>alert(2)</script>', STATUTES);
    expect(blocks).toEqual([
      {
        type: "paragraph",
        children: [{ type: "text", text: '<img src=x onerror="alert(1)"><script>alert(2)</script>' }],
      },
    ]);
  });

  it("normalises control characters and line endings without changing words", () => {
    expect(normaliseRichText("a\r\nb\u0000c\u202e\n\n\n\nd  \n")).toBe("a\nbc\n\nd");
  });

  it("gives the plain words for search and checks", () => {
    expect(plainText("**Tärkeää:** [ohje](https://example.org) _nyt_\n- yksi\n> lainaus")).toBe(
      "Tärkeää: ohje nyt\nyksi\nlainaus",
    );
  });
});
