import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "./api-client";

export type { Hit, HitType, SearchResult } from "@soskes/search/client";
import type { SearchResult } from "@soskes/search/client";

export type SearchParams = {
  q: string;
  type?: string;
  municipality?: string;
  serviceArea?: string;
  limit?: number;
  offset?: number;
  partial?: boolean;
};

export function searchUrl(p: SearchParams): string {
  const params = new URLSearchParams({ q: p.q.trim() });
  if (p.type) params.set("type", p.type);
  if (p.municipality) params.set("municipality", p.municipality);
  if (p.serviceArea) params.set("serviceArea", p.serviceArea);
  if (p.limit) params.set("limit", String(p.limit));
  if (p.offset) params.set("offset", String(p.offset));
  if (p.partial) params.set("partial", "1");
  return `/api/search?${params.toString()}`;
}

/** Searches as the parameters change; a newer query cancels the request of an older one. */
export const useSearch = (p: SearchParams, enabled = true) =>
  useQuery({
    queryKey: ["search", p],
    queryFn: ({ signal }) => api.get<SearchResult>(searchUrl(p), signal),
    enabled: enabled && p.q.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

/** The value once it has stayed the same for `ms`: typing does not send a request per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
