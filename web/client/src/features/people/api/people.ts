import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

export type Person = {
  id: number;
  name: string;
  title: string | null;
  organisation: string | null;
  unit: string | null;
  municipalityCode: string | null;
  phone: string | null;
  expertise: string | null;
  languages: string[] | null;
};
export type Profile = {
  name: string;
  title: string | null;
  organisation: string | null;
  unit: string | null;
  municipalityCode: string | null;
  phone: string | null;
  expertise: string | null;
  languages: string[];
  visibility: Record<string, boolean>;
};

export const usePeople = (q: string) =>
  useQuery({
    queryKey: ["people", q],
    queryFn: () => api.get<Person[]>(`/api/people?q=${encodeURIComponent(q)}`),
    enabled: q.length >= 2,
  });

export const useProfile = () =>
  useQuery({ queryKey: ["me", "profile"], queryFn: () => api.get<Profile>("/api/me") });

export function useSaveProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<Profile>) => api.patch<Profile>("/api/me", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["me"] }),
  });
}
