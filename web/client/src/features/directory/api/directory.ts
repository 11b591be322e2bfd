import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
export {
  useMunicipalities,
  useServiceAreas,
  type Municipality,
  type ServiceArea,
} from "../../../lib/reference";

export type Phone = { kind: string; number: string; label: string | null; chargeNote: string | null };
export type Address = {
  street: string | null;
  poBox: string | null;
  postalCode: string | null;
  postOffice: string | null;
};
export type Unit = {
  id: string;
  name: string;
  nameSv: string | null;
  description: string | null;
  countyWide: boolean;
  municipalities: Array<{ code: string; name: string }>;
  serviceAreas: Array<{ slug: string; name: string }>;
  phones: Phone[];
  emails: Array<{ address: string; label: string | null; secure: boolean }>;
  website: string | null;
  visitingAddress: Address | null;
  postalAddress: Address | null;
  alwaysOpen: boolean;
  openingHours: Array<{ fromDay: string; toDay: string; opens: string; closes: string }>;
  openingExceptions: Array<{
    startDate: string;
    endDate: string | null;
    closed: boolean;
    opens: string | null;
    closes: string | null;
    reason: string | null;
  }>;
  openingNote: string | null;
  openNow: boolean;
  languages: string[];
  verifiedAt: string | null;
};
export type Contact = {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  responsibilities: string | null;
  phones: Phone[];
  languages: string[];
};
export type UnitDetail = Unit & { parent: { id: string; name: string } | null; contacts: Contact[] };

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
