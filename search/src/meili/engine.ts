import { Meilisearch, type Index } from "meilisearch";
import { phraseStems } from "../analysis/index.js";
import type { Group, Reference } from "../analysis/query.js";
import type { EngineFilter, EngineResult, SearchEngine, StoredDocument } from "../engine.js";

export type MeiliOptions = { host: string; apiKey?: string; indexPrefix?: string };

type MeiliDoc = {
  id: string;
  key: string;
  source: string;
  type: string;
  audience: string;
  munis: string[];
  areas: string[];
  weight: number;
  hash: string;
  data: string;
  t: string;
  k: string;
  b: string;
};

const idOf = (key: string) => Buffer.from(key).toString("base64url");
const quote = (v: string) => JSON.stringify(v);
const list = (values: string[]) => `[${values.map(quote).join(", ")}]`;

/** Meilisearch filter expression for what the asker may see and chose. */
export function meiliFilter(filter: EngineFilter, extra: string[] = []): string {
  const parts = [...extra];
  if (!filter.audiences.includes("*")) {
    parts.push(`audience IN ${list(filter.audiences.length > 0 ? filter.audiences : ["-"])}`);
  }
  if (filter.types) parts.push(`type IN ${list(filter.types)}`);
  if (filter.municipality) parts.push(`munis = ${quote(filter.municipality)}`);
  if (filter.serviceArea) parts.push(`areas = ${quote(filter.serviceArea)}`);
  return parts.join(" AND ");
}

/** The words sent to Meilisearch: one per group, the stem the index holds. */
export function meiliQuery(groups: Group[]): string {
  return groups
    .map((g) => {
      const alt = g.alternatives.find(
        (a) => a.kind === "exact" && a.terms.length === 1 && a.terms[0]!.value !== g.folded,
      );
      return (alt ?? g.alternatives[0])?.terms.map((t) => t.value).join(" ") ?? g.folded;
    })
    .join(" ");
}

/** Index settings: what is searched (analysed fields, titles first), filtered and sorted. */
export const MEILI_SETTINGS = {
  searchableAttributes: ["t", "k", "b"],
  filterableAttributes: ["type", "audience", "munis", "areas", "source", "key"],
  sortableAttributes: ["weight"],
  rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "weight:desc"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  pagination: { maxTotalHits: 50_000 },
  faceting: { maxValuesPerFacet: 200 },
};

/** Synonym sets as Meilisearch wants them, on the stems our analysis sends. */
export function meiliSynonyms(ref: Reference): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const set of ref.synonyms) {
    const phrases = set.map((p) => phraseStems(p).join(" ")).filter(Boolean);
    for (const p of phrases) out[p] = [...new Set([...(out[p] ?? []), ...phrases.filter((q) => q !== p)])];
  }
  return out;
}

/**
 * Meilisearch through the official client, for deployments with several portal nodes. Our
 * Finnish analysis runs before it (documents arrive analysed, queries as stems) and the search
 * service reranks its candidates exactly as it does the embedded engine's.
 */
export function createMeiliEngine(options: MeiliOptions): SearchEngine {
  const client = new Meilisearch({ host: options.host, apiKey: options.apiKey });
  const prefix = options.indexPrefix ?? "soskes_";
  const docs: Index<MeiliDoc> = client.index<MeiliDoc>(`${prefix}docs`);
  const meta = client.index<{ id: string; value: string }>(`${prefix}meta`);
  const vocab = client.index<{ id: string; term: string; display: string; audiences?: string[] }>(
    `${prefix}vocab`,
  );
  let ready: Promise<void> | undefined;

  const ensure = () =>
    (ready ??= (async () => {
      for (const index of [docs, meta, vocab]) {
        const exists = await index.getRawInfo().then(
          () => true,
          () => false,
        );
        if (!exists) await client.createIndex(index.uid, { primaryKey: "id" }).waitTask();
      }
      await docs.updateSettings(MEILI_SETTINGS).waitTask();
    })().catch((err: unknown) => {
      ready = undefined;
      throw err;
    }));

  const toStored = (d: MeiliDoc): StoredDocument => ({
    ...(JSON.parse(d.data) as Omit<StoredDocument, "terms" | "hash">),
    terms: { title: d.t, keywords: d.k, body: d.b },
    hash: d.hash,
  });

  async function allDocuments<T extends Record<string, unknown>>(
    index: Index<T>,
    params: { filter?: string; fields?: Array<Extract<keyof T, string>> },
  ): Promise<T[]> {
    const out: T[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await index.getDocuments({ ...params, limit: 1000, offset });
      out.push(...page.results);
      if (page.results.length < 1000) return out;
    }
  }

  return {
    name: "meilisearch",
    async upsert(list) {
      await ensure();
      const rows: MeiliDoc[] = list.map(({ terms, hash, ...data }) => ({
        id: idOf(data.key),
        key: data.key,
        source: data.source,
        type: data.type,
        audience: data.audience,
        munis: data.municipalityCodes,
        areas: data.serviceAreas,
        weight: data.weight ?? 1,
        hash,
        data: JSON.stringify(data),
        t: terms.title,
        k: terms.keywords,
        b: terms.body,
      }));
      await docs.addDocuments(rows).waitTask();
    },
    async remove(keys) {
      await ensure();
      if (keys.length > 0) await docs.deleteDocuments(keys.map(idOf)).waitTask();
    },
    async hashes(source) {
      await ensure();
      const rows = await allDocuments(docs, { filter: `source = ${quote(source)}`, fields: ["key", "hash"] });
      return new Map(rows.map((r) => [r.key, r.hash]));
    },
    async get(keys, filter) {
      await ensure();
      if (keys.length === 0) return [];
      const rows = await allDocuments(docs, { filter: meiliFilter(filter, [`key IN ${list(keys)}`]) });
      return rows.map(toStored);
    },
    async search(query): Promise<EngineResult> {
      await ensure();
      const response = await docs.search(meiliQuery(query.groups), {
        filter: meiliFilter(query.filter),
        facets: ["type", "munis", "areas"],
        limit: query.candidates,
        matchingStrategy: query.mode === "all" ? "all" : "last",
      });
      const dist = response.facetDistribution ?? {};
      const map = (name: string) => new Map(Object.entries(dist[name] ?? {}));
      return {
        candidates: response.hits.map((h) => toStored(h as MeiliDoc)),
        total: response.estimatedTotalHits ?? response.hits.length,
        exhaustive: (response.estimatedTotalHits ?? 0) < MEILI_SETTINGS.pagination.maxTotalHits,
        facets: { type: map("type"), municipality: map("munis"), serviceArea: map("areas") },
      };
    },
    async texts(keys) {
      // Meilisearch returns whole documents: their texts are never pending.
      const rows = keys.length === 0 ? [] : await allDocuments(docs, { filter: `key IN ${list(keys)}` });
      return new Map(
        rows
          .map((r) => [r.key, toStored(r)] as const)
          .map(([k, d]) => [k, { text: d.text, textSv: d.textSv ?? null }]),
      );
    },
    async getMeta<T>(name: string) {
      await ensure();
      const found = await meta.getDocument(name).catch(() => undefined);
      return found ? (JSON.parse(found.value) as T) : undefined;
    },
    async setMeta(name, value) {
      await ensure();
      await meta.addDocuments([{ id: name, value: JSON.stringify(value) }]).waitTask();
      if (name === "reference") await docs.updateSynonyms(meiliSynonyms(value as Reference)).waitTask();
    },
    async vocabulary() {
      await ensure();
      const rows = await allDocuments(vocab, { fields: ["term", "display", "audiences"] });
      return new Map(rows.map((r) => [r.term, { display: r.display, audiences: r.audiences ?? [] }]));
    },
    async addVocabulary(words) {
      await ensure();
      const rows = [...words].map(([term, entry]) => ({
        id: idOf(term),
        term,
        display: entry.display,
        audiences: entry.audiences,
      }));
      for (let i = 0; i < rows.length; i += 10_000)
        await vocab.addDocuments(rows.slice(i, i + 10_000)).waitTask();
    },
    async clear() {
      await ensure();
      for (const index of [docs, meta, vocab]) await index.deleteAllDocuments().waitTask();
    },
    async stats() {
      await ensure();
      const s = await docs.getStats();
      return { documents: s.numberOfDocuments, bytes: s.rawDocumentDbSize ?? null };
    },
    async close() {},
  };
}
