import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "../../../lib/api-client";
import type { Me } from "../../../lib/wire";

export type { Me };

export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await api.get<Me>("/api/me");
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
  });
}

export const useProviders = () =>
  useQuery({
    queryKey: ["providers"],
    queryFn: () => api.get<{ oidc: { name: string } | null; publicContent: string[] }>("/api/auth/providers"),
    staleTime: Infinity,
  });

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<Me>("/api/auth/login", input),
    onSuccess: (me) => client.setQueryData(["me"], me),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/auth/logout"),
    onSuccess: () => {
      client.clear();
      client.setQueryData(["me"], null);
    },
  });
}
