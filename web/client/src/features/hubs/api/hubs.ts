import type { ReviewFlag } from "../../../components/NeedsReview";
import { useQuery } from "@tanstack/react-query";
import type { Block } from "../../../components/Blocks";
import { api } from "../../../lib/api-client";

export type PageSummary = { slug: string; title: string; kind: string; summary: string | null };
export type Page = PageSummary & {
  body: Block[];
  links: Array<{ label: string; url: string }>;
  statuteReferences: Array<{
    statute: string;
    statuteSlug: string;
    statuteTitle: string;
    shortName: string | null;
    section: string;
    anchor: string;
    note: string | null;
  }>;
  verifiedAt: string | null;
  /** Sections it cites that were amended since it was checked. */
  needsReview?: ReviewFlag[];
};
export type Event = {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  onlineUrl: string | null;
  organizer: string | null;
  summary: string | null;
  registrationUrl: string | null;
  serviceAreas: Array<{ slug: string; name: string }>;
};
export type News = { slug: string; title: string; date: string; summary: string | null; body: Block[] };
export type Hub = {
  area: { slug: string; name: string; description: string | null; kind: string };
  hub: Page | null;
  pages: PageSummary[];
  statutes: Array<{ number: string; slug: string; title: string; shortName: string | null }>;
  events: Event[];
  news: News[];
  links: Array<{ id: string; title: string; url: string | null; description: string | null }>;
};

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
