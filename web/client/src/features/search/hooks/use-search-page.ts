import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useMunicipalities, useServiceAreas } from "../../../lib/reference";
import { useSearch } from "../../../lib/search";

export const PAGE = 20;

type Facet = "type" | "municipality" | "serviceArea";

/**
 * The search page's state, kept in the address (q, tyyppi, kunta, palvelualue, sivu) so that a
 * result list can be shared and the back button works: the query, its filters, the page, the
 * draft being typed and the names of municipalities and service areas in the user's language.
 */
export function useSearchPage() {
  const { i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The API takes at most 200 characters; a longer link is searched by its beginning.
  const q = (params.get("q") ?? "").slice(0, 200);
  const type = params.get("tyyppi") ?? "";
  const municipality = params.get("kunta") ?? "";
  const serviceArea = params.get("palvelualue") ?? "";
  const page = Math.max(1, Number(params.get("sivu")) || 1);
  const [draft, setDraft] = useState(q);
  const municipalities = useMunicipalities();
  const areas = useServiceAreas();
  const search = useSearch({
    q,
    type: type || undefined,
    municipality: municipality || undefined,
    serviceArea: serviceArea || undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  const sv = i18n.language === "sv";

  /** Changes the address; any change but the page's starts again from the first page. */
  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("sivu" in changes)) next.delete("sivu");
    setParams(next);
  };
  const data = search.data;

  return {
    q,
    filters: { type, municipality, serviceArea },
    filtered: Boolean(type || municipality || serviceArea),
    page,
    pages: data ? Math.ceil(Math.min(data.total, 1000) / PAGE) : 0,
    draft,
    setDraft,
    search,
    update,
    submit: (event: FormEvent) => {
      event.preventDefault();
      update({ q: draft.trim() });
    },
    /** A facet's values with their counts, most first. */
    facet: (name: Facet) => Object.entries(data?.facets[name] ?? {}).sort((a, b) => b[1] - a[1]),
    municipalityName: (code: string) => {
      const m = municipalities.data?.find((x) => x.code === code);
      return (sv && m?.nameSv) || m?.name || code;
    },
    areaName: (slug: string) => {
      const a = areas.data?.find((x) => x.slug === slug);
      return (sv && a?.nameSv) || a?.name || slug;
    },
  };
}

export type SearchPageState = ReturnType<typeof useSearchPage>;
