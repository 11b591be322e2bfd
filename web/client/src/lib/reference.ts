import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";

/** Reference data every feature may use: the county's municipalities and service areas. */
export type Municipality = { code: string; name: string; nameSv: string | null };
export type ServiceArea = { slug: string; name: string; nameSv: string | null; kind: "service" | "support" };

export const useMunicipalities = () =>
  useQuery({
    queryKey: ["municipalities"],
    queryFn: () => api.get<Municipality[]>("/api/municipalities"),
    staleTime: 10 * 60_000,
  });

export const useServiceAreas = () =>
  useQuery({
    queryKey: ["service-areas"],
    queryFn: () => api.get<ServiceArea[]>("/api/service-areas"),
    staleTime: 10 * 60_000,
  });
