import { describe, expect, it } from "vitest";
import { engineContract } from "../engine.contract.js";
import { parseQuery } from "../analysis/query.js";
import { createMeiliEngine, meiliFilter, meiliQuery, meiliSynonyms } from "./engine.js";

const url = process.env.MEILI_URL;

if (url) {
  engineContract("Meilisearch", () =>
    createMeiliEngine({
      host: url,
      apiKey: process.env.MEILI_API_KEY,
      indexPrefix: `soskes_test_${process.pid}_`,
    }),
  );
} else {
  console.warn("  ⚠ Meilisearch contract suite skipped: MEILI_URL is not set (see README, Search).");
}

describe("Meilisearch adapter: what it sends", () => {
  it("filters on the asker's audiences and the chosen facets, quoting values", () => {
    expect(meiliFilter({ audiences: ["directory", "members"], types: ["unit"], municipality: "410" })).toBe(
      'audience IN ["directory", "members"] AND type IN ["unit"] AND munis = "410"',
    );
    expect(meiliFilter({ audiences: [] })).toBe('audience IN ["-"]');
    expect(meiliFilter({ audiences: ['x" OR 1=1'] })).toBe('audience IN ["x\\" OR 1=1"]');
  });

  it("sends stems, and synonyms as stem phrases", () => {
    const ref = {
      statutes: [],
      municipalities: [],
      synonyms: [["vanhuspalvelut", "ikääntyneiden palvelut"]],
    };
    expect(meiliQuery(parseQuery("Laukaan lastensuojelun", ref).groups)).toBe("lauka lastensuojelu");
    expect(meiliSynonyms(ref)).toEqual({
      vanhuspalvelu: ["ikaantyn palvelu"],
      "ikaantyn palvelu": ["vanhuspalvelu"],
    });
  });
});
