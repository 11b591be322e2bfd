import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { AdminUser } from "../../../lib/wire";

/** A member as the admin's lists show them: pending approval, or active with their unit. */
export type PendingUser = AdminUser;
export type ActiveUser = AdminUser;

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

export const useActiveUsers = () =>
  useQuery({
    queryKey: ["admin", "users", "active"],
    queryFn: () => api.get<ActiveUser[]>("/api/admin/users?status=active"),
  });

/** The directory's units of one municipality, to place a member in. */
export const useMunicipalityUnits = (municipality: string | null) =>
  useQuery({
    queryKey: ["admin", "units", municipality],
    queryFn: () =>
      api.get<Array<{ id: string; name: string }>>(
        `/api/directory/units?municipality=${encodeURIComponent(municipality ?? "")}`,
      ),
    enabled: Boolean(municipality),
    staleTime: 5 * 60_000,
  });

export function useSetOrgUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, unitId }: { id: number; unitId: string | null }) =>
      api.put<{ id: number; orgUnit: { id: string; name: string } | null }>(`/api/admin/users/${id}/unit`, {
        unitId,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin", "users", "active"] }),
  });
}
