import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

export type PendingUser = {
  id: number;
  email: string;
  name: string;
  organisation: string | null;
  municipalityCode: string | null;
  createdAt: string;
};

export const usePendingUsers = () =>
  useQuery({
    queryKey: ["admin", "users", "pending"],
    queryFn: () => api.get<PendingUser[]>("/api/admin/users?status=pending"),
  });

export function useDecide() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve }: { id: number; approve: boolean }) =>
      api.post(`/api/admin/users/${id}/${approve ? "approve" : "refuse"}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin", "users"] }),
  });
}

export const useInvite = () =>
  useMutation({
    mutationFn: (input: { email: string; role: string }) =>
      api.post<{ invited: string }>("/api/admin/invitations", input),
  });
