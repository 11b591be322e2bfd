import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { Event, Hub, News, PageSummary, PageWithFlags } from "../../../lib/wire";

export type { Event, Hub, News, PageSummary };
/** A page, with the sections it cites that were amended since it was checked. */
export type Page = PageWithFlags;

export const useHub = (slug: string) =>
  useQuery({
    queryKey: ["hub", slug],
    queryFn: () => api.getWithMeta<Hub>(`/api/service-areas/${encodeURIComponent(slug)}`),
  });
export const usePage = (slug: string) =>
  useQuery({
    queryKey: ["page", slug],
    queryFn: () => api.getWithMeta<Page>(`/api/pages/${encodeURIComponent(slug)}`),
  });
export const useEvents = () =>
  useQuery({ queryKey: ["events"], queryFn: () => api.getWithMeta<Event[]>("/api/events") });
export const useNews = () =>
  useQuery({ queryKey: ["news"], queryFn: () => api.getWithMeta<News[]>("/api/news") });
export const useCalendarUrls = () =>
  useQuery({
    queryKey: ["calendar"],
    queryFn: () => api.get<{ personal: string; byServiceArea: string }>("/api/me/calendar"),
    staleTime: Infinity,
  });
