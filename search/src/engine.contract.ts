import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchEngine } from "./engine.js";
import { createSearchService, type SearchService } from "./service.js";
import type { SearchDocument } from "./types.js";

const doc = (
  over: Partial<SearchDocument> & Pick<SearchDocument, "key" | "type" | "title">,
): SearchDocument => ({
  source: "contract",
  id: over.key.split(":")[1]!,
  audience: "directory",
  keywords: [],
  text: "",
  url: `/${over.key}`,
  municipalityCodes: [],
  serviceAreas: [],
  statute: null,
  section: null,
  ...over,
});

export const CONTRACT_DOCS: SearchDocument[] = [
  doc({
    key: "unit:a",
    type: "unit",
    title: "Laukaan lastensuojelu",
    keywords: ["Laukaa", "Lastensuojelu"],
    text: "Lastensuojeluilmoitusten vastaanotto ja arviointi Laukaan asukkaille.",
    municipalityCodes: ["410"],
    serviceAreas: ["lastensuojelu"],
  }),
  doc({
    key: "unit:b",
    type: "unit",
    title: "Äänekosken lastensuojelu",
    keywords: ["Äänekoski", "Lastensuojelu"],
    municipalityCodes: ["992"],
    serviceAreas: ["lastensuojelu"],
  }),
  doc({
    key: "person:c",
    type: "person",
    audience: "members",
    title: "Sanna Esimerkki",
    text: "Johtava sosiaalityöntekijä, lastensuojelu",
    municipalityCodes: ["410"],
    serviceAreas: ["lastensuojelu"],
  }),
  doc({
    key: "section:417/2007#25",
    type: "section",
    audience: "statutes",
    title: "Lastensuojelulaki 25 § Ilmoitusvelvollisuus",
    keywords: ["417/2007", "LSL", "25"],
    text: "Ammattilaiset tekevät lastensuojeluilmoituksen salassapidon estämättä.",
    statute: "417/2007",
    section: "25",
  }),
];

/**
 * One contract for every engine: what the search service relies on. Run with the embedded
 * engine always and with Meilisearch when MEILI_URL is set.
 */
export function engineContract(name: string, create: () => SearchEngine | Promise<SearchEngine>) {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;
    let service: SearchService;
    const all = ["directory", "statutes", "members"];

    beforeAll(async () => {
      engine = await create();
      await engine.clear();
      service = createSearchService({ engine });
      await service.reconcile("contract", CONTRACT_DOCS);
    });
    afterAll(async () => {
      await engine.clear();
      await service.close();
    });

    it("finds inflected, folded and compound forms", async () => {
      for (const q of ["laukaan lastensuojelu", "LAUKAA", "lastensuojeluilmoitus", "aanekosken"]) {
        const { hits } = await service.search({ q, audiences: all });
        expect(hits.length, q).toBeGreaterThan(0);
      }
      const { hits } = await service.search({ q: "laukaan lastensuojelu", audiences: all });
      expect(hits[0]).toMatchObject({
        type: "unit",
        id: "a",
        municipalityCodes: ["410"],
        serviceArea: "lastensuojelu",
      });
      expect(hits[0]!.snippet).toContain("<mark>");
    });

    it("never shows, counts or facets what the audience may not open", async () => {
      const visitor = await service.search({ q: "lastensuojelu", audiences: ["statutes"] });
      expect(visitor.hits.every((h) => h.type === "section")).toBe(true);
      expect(Object.keys(visitor.facets.type)).toEqual(["section"]);
      expect(visitor.facets.municipality).toEqual({});
      const member = await service.search({ q: "sanna", audiences: all });
      expect(member.hits.map((h) => h.type)).toEqual(["person"]);
      const outsider = await service.search({ q: "sanna", audiences: ["directory", "statutes"] });
      expect(outsider).toMatchObject({ hits: [], total: 0 });
    });

    it("filters by type, municipality and service area, with facet counts", async () => {
      const res = await service.search({ q: "lastensuojelu", audiences: all, municipality: "410" });
      expect(res.hits.map((h) => h.id).sort()).toEqual(["a", "c"]);
      const units = await service.search({ q: "lastensuojelu", audiences: all, types: ["unit"] });
      expect(units.facets.type).toEqual({ unit: 2 });
      expect(units.facets.municipality).toEqual({ "410": 1, "992": 1 });
    });

    it("puts a cited section first and corrects typos from the index's words", async () => {
      await service.setReference({
        statutes: [{ number: "417/2007", names: ["Lastensuojelulaki", "LSL"] }],
        municipalities: [],
        synonyms: [],
      });
      const cited = await service.search({ q: "LSL 25 §", audiences: all });
      expect(cited.hits[0]).toMatchObject({ type: "section", statute: "417/2007", section: "25" });
      const typo = await service.search({ q: "lastensuojleu", audiences: all });
      expect(typo.didYouMean).toBe("lastensuojelu");
      expect(typo.hits.length).toBeGreaterThan(0);
    });

    it("reconciles: changed documents rewritten, removed ones gone, unchanged skipped", async () => {
      const changed = CONTRACT_DOCS.map((d) =>
        d.key === "unit:b" ? { ...d, title: "Äänekosken perhepalvelut" } : d,
      );
      const result = await service.reconcile(
        "contract",
        changed.filter((d) => d.key !== "person:c"),
      );
      expect(result).toEqual({ added: 0, updated: 1, removed: 1, unchanged: 2 });
      expect((await service.search({ q: "sanna", audiences: all })).total).toBe(0);
      expect((await service.search({ q: "perhepalvelut", audiences: all })).hits[0]?.id).toBe("b");
      expect([...(await engine.hashes("contract")).keys()].sort()).toEqual([
        "section:417/2007#25",
        "unit:a",
        "unit:b",
      ]);
    });

    it("suggests only words of documents the asker may see, and none once their last document is gone", async () => {
      // A closed group's message holds a rare word; the directory has a near one.
      await service.upsert([
        doc({
          key: "message:secret",
          source: "contract-secret",
          type: "message",
          audience: "group:7",
          title: "Viesti",
          text: "Kokouksessa puhuttiin hankkeesta Kuuskajaskari ja sen rahoituksesta.",
        }),
      ]);
      await service.idle();
      const misspelt = "kuuskajaskri";
      const member = await service.search({ q: misspelt, audiences: [...all, "group:7"] });
      expect(member.didYouMean?.toLowerCase()).toBe("kuuskajaskari");
      for (const partial of [false, true]) {
        const outsider = await service.search({ q: misspelt, audiences: all, partial });
        expect(JSON.stringify(outsider).toLowerCase(), `partial ${partial}`).not.toContain("kuuskajaskari");
        // Typing the word itself tells nothing either: the same answer as for a word no one wrote.
        const exact = await service.search({ q: "kuuskajaskari", audiences: all, partial });
        const none = await service.search({ q: "kuuskajaskarz", audiences: all, partial });
        expect({ ...exact, tookMs: 0 }).toEqual({ ...none, tookMs: 0 });
      }
      // The message is deleted: not even its own group is told the word any more.
      await service.reconcile("contract-secret", []);
      const after = await service.search({ q: misspelt, audiences: [...all, "group:7"] });
      expect(JSON.stringify(after).toLowerCase()).not.toContain("kuuskajaskari");
    });

    it("keeps named values with the index", async () => {
      await engine.setMeta("contract-test", { a: 1 });
      expect(await engine.getMeta("contract-test")).toEqual({ a: 1 });
      expect(await engine.getMeta("missing")).toBeUndefined();
    });
  });
}
