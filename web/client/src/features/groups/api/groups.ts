import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { WireGroup as Group, WireMember as GroupMember, WireMessage } from "@soskes/chat/client";
import { api } from "../../../lib/api-client";

export type { WireGroup as Group, WireMember as GroupMember } from "@soskes/chat/client";
export type NotifyMode = "instant" | "digest" | "off";

export type GroupInput = { name: string; description: string; rules?: string; visibility: "open" | "closed" };

const GROUPS = ["groups"] as const;

export const useGroups = (enabled = true) =>
  useQuery({ queryKey: GROUPS, queryFn: ({ signal }) => api.get<Group[]>("/api/groups", signal), enabled });

export const useGroup = (id: number) =>
  useQuery({
    queryKey: [...GROUPS, id],
    queryFn: ({ signal }) => api.get<Group>(`/api/groups/${id}`, signal),
  });

export const useMembers = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: [...GROUPS, id, "members"],
    queryFn: ({ signal }) => api.get<GroupMember[]>(`/api/groups/${id}/members`, signal),
    enabled,
  });

/** The group's pinned messages (refetched when a message of the group changes). */
export const usePinned = (id: number) =>
  useQuery({
    queryKey: [...GROUPS, id, "pinned"],
    queryFn: ({ signal }) => api.get<WireMessage[]>(`/api/groups/${id}/pinned`, signal),
  });

/** Every group mutation refreshes the groups it may have changed. */
function useGroupMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: GROUPS }) });
}

export const useCreateGroup = () =>
  useGroupMutation((input: GroupInput) => api.post<Group>("/api/groups", input));
export const useUpdateGroup = (id: number) =>
  useGroupMutation((input: Partial<GroupInput>) => api.patch<Group>(`/api/groups/${id}`, input));
export const useGroupAction = (id: number) =>
  useGroupMutation((action: "join" | "archive" | "approve") =>
    api.post<Group>(`/api/groups/${id}/${action}`),
  );
export const useAddMember = (id: number) =>
  useGroupMutation((input: { userId: number } | { email: string }) =>
    api.post<GroupMember | { invited: true }>(`/api/groups/${id}/members`, input),
  );
export const useSetRole = (id: number) =>
  useGroupMutation((input: { userId: number; role: "member" | "moderator" }) =>
    api.patch<void>(`/api/groups/${id}/members/${input.userId}`, { role: input.role }),
  );
export const useRemoveMember = (id: number) =>
  useGroupMutation((input: { userId: number; ban?: boolean }) =>
    api.delete<void>(`/api/groups/${id}/members/${input.userId}${input.ban ? "?ban=1" : ""}`),
  );
export const useSetNotify = (id: number) =>
  useGroupMutation((notify: NotifyMode) =>
    api.put<{ notify: NotifyMode }>(`/api/groups/${id}/notifications`, { notify }),
  );
