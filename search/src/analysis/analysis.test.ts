import { describe, expect, it } from "vitest";
import { analyzeText, decompose, fold, stem } from "./index.js";
import { parseQuery, type Reference } from "./query.js";
import { distance } from "../vocabulary.js";

const reference: Reference = {
  statutes: [
    { number: "1301/2014", names: ["Sosiaalihuoltolaki", "SHL", "sosiaalihuoltolaki"] },
    { number: "417/2007", names: ["Lastensuojelulaki", "LSL"] },
    { number: "937/2005", names: ["Laki omaishoidon tuesta", "omaishoitolaki"] },
  ],
  municipalities: [
    { code: "410", names: ["Laukaa"] },
    { code: "992", names: ["Äänekoski"] },
  ],
  synonyms: [["vanhuspalvelut", "ikääntyneiden palvelut", "ikäihmisten palvelut"]],
};

describe("Finnish analysis", () => {
  it("folds case and diacritics", () => {
    expect(fold("Äänekoski")).toBe("aanekoski");
    expect(stem("jyvaskyla")).toBe(stem("Jyväskylä"));
    expect(stem("aanekosken")).toBe(stem("äänekoski"));
  });

  it("meets inflected forms at one stem, gradation included", () => {
    expect(stem("laukaan")).toBe(stem("laukaa"));
    expect(stem("lastensuojelun")).toBe(stem("lastensuojelu"));
    expect(stem("sosiaalihuoltolain")).toBe(stem("sosiaalihuoltolaki"));
    expect(stem("palvelutarpeen")).toBe(stem("palvelutarve"));
    expect(stem("omaishoidon")).toBe(stem("omaishoito"));
    expect(stem("sosiaalipäivystyksen")).toBe(stem("sosiaalipäivystys"));
    expect(stem("petäjäveden")).toBe(stem("petäjävesi"));
  });

  it("splits compounds into known parts, inflected last parts too", () => {
    expect(decompose("lastensuojeluilmoitus")).toEqual([stem("lastensuojelu"), stem("ilmoitus")]);
    expect(decompose("lastensuojeluilmoituksen")).toEqual([stem("lastensuojelu"), stem("ilmoitus")]);
    expect(decompose("Helsinki")).toEqual([]);
  });

  it("expands 'sosiaali- ja kriisipäivystys' to both compounds", () => {
    expect(analyzeText("sosiaali- ja kriisipäivystys").split(" ")).toContain(stem("sosiaalipäivystys"));
  });

  it("reads citations: abbreviations, inflected names and numbers, with the section", () => {
    expect(parseQuery("SHL 36 §", reference).citation).toEqual({ statute: "1301/2014", section: "36" });
    expect(parseQuery("lastensuojelulain 25 §", reference).citation).toEqual({
      statute: "417/2007",
      section: "25",
    });
    expect(parseQuery("417/2007", reference).citation).toEqual({ statute: "417/2007", section: null });
    expect(parseQuery("1301/2014 36", reference).citation).toEqual({ statute: "1301/2014", section: "36" });
    expect(parseQuery("laki omaishoidon tuesta", reference).citation).toEqual({
      statute: "937/2005",
      section: null,
    });
    expect(parseQuery("lastensuojelu", reference).citation).toBeNull();
  });

  it("notices named municipalities and law questions", () => {
    const q = parseQuery("Laukaan lastensuojelu", reference);
    expect(q.municipalityCodes).toEqual(["410"]);
    expect(q.lawIntent).toBe(false);
    expect(parseQuery("sosiaalipäivystyksen järjestäminen laki", reference).lawIntent).toBe(true);
  });

  it("turns a synonym phrase into one group with every wording as an alternative", () => {
    const q = parseQuery("vanhuspalvelut Laukaa", reference);
    expect(q.groups).toHaveLength(2);
    const phrases = q.groups[0]!.alternatives.map((a) => a.terms.map((t) => t.value).join(" "));
    expect(phrases).toContain(`${stem("ikääntyneiden")} ${stem("palvelut")}`);
  });

  it("counts a swap of neighbours as one edit and gives up past the limit", () => {
    expect(distance("lastensuojleu", "lastensuojelu", 2)).toBe(1);
    expect(distance("kyyjarvi", "kyyjärvi", 1)).toBe(1);
    expect(distance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});
