import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";

export type Statute = {
  number: string;
  slug: string;
  title: string;
  titleSv: string | null;
  shortName: string | null;
  aliases: string[];
  finlexUrl: string | null;
  inForceFrom: string | null;
  summary: string | null;
  serviceAreas: Array<{ slug: string; name: string }>;
  sectionCount: number;
};
export type Section = {
  number: string;
  anchor: string;
  title: string;
  titleSv: string | null;
  summary: string | null;
  amendedOn: string | null;
};
export type StatuteDetail = Statute & { sections: Section[] };

export const useStatutes = () =>
  useQuery({ queryKey: ["statutes"], queryFn: () => api.getWithMeta<Statute[]>("/api/statutes") });

export const useStatute = (slug: string, enabled = true) =>
  useQuery({
    queryKey: ["statute", slug],
    enabled,
    queryFn: () => api.getWithMeta<StatuteDetail>(`/api/statutes/${encodeURIComponent(slug)}`),
  });
