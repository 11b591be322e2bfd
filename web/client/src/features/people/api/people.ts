import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { Me, Person } from "../../../lib/wire";

export type { Person };
/** The member's own view: every field, whatever colleagues may see, and the choice itself. */
export type Profile = Me;

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
