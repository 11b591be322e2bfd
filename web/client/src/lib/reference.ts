import { useQuery } from "@tanstack/react-query";
import { api } from "./api-client";
import type { Municipality, ServiceArea } from "./wire";

/** Reference data every feature may use: the county's municipalities and service areas. */
export type { Municipality, ServiceArea };

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
