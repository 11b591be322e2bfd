import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
export {
  useMunicipalities,
  useServiceAreas,
  type Municipality,
  type ServiceArea,
} from "../../../lib/reference";
import type { Contact, Unit, UnitDetail } from "../../../lib/wire";

export type { Contact, Unit, UnitDetail };
export type Phone = Unit["phones"][number];
export type Address = NonNullable<Unit["visitingAddress"]>;

export function useDirectoryUnits(municipality: string, serviceArea: string) {
  const params = new URLSearchParams();
  if (municipality) params.set("municipality", municipality);
  if (serviceArea) params.set("serviceArea", serviceArea);
  return useQuery({
    queryKey: ["directory", municipality, serviceArea],
    queryFn: () => api.getWithMeta<Unit[]>(`/api/directory/units?${params.toString()}`),
    enabled: Boolean(municipality || serviceArea),
  });
}

export const useUnit = (id: string) =>
  useQuery({
    queryKey: ["unit", id],
    queryFn: () => api.getWithMeta<UnitDetail>(`/api/units/${encodeURIComponent(id)}`),
  });
