import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "../../../lib/api-client";

export type Me = {
  id: number;
  email: string;
  name: string;
  role: "member" | "expert" | "moderator" | "admin";
  municipalityCode: string | null;
  /** Municipalities whose content this member keeps in Strapi. */
  maintains: string[];
  /** What this member may do; the client shows sections and actions from these alone. */
  abilities: {
    readContent: boolean;
    manageUsers: boolean;
    administer: boolean;
    createGroups: boolean;
    maintainContent: boolean;
  };
};

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
