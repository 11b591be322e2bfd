import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import type { Statute, StatuteDetail } from "./wire";

export type { Statute, StatuteDetail };
export type Section = StatuteDetail["sections"][number];

export const useStatutes = () =>
  useQuery({ queryKey: ["statutes"], queryFn: () => api.getWithMeta<Statute[]>("/api/statutes") });

export const useStatute = (slug: string, enabled = true) =>
  useQuery({
    queryKey: ["statute", slug],
    enabled,
    queryFn: () => api.getWithMeta<StatuteDetail>(`/api/statutes/${encodeURIComponent(slug)}`),
  });
