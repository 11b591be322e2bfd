import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type { Inbox, InboxItem } from "../../../lib/wire";

export type { Inbox, InboxItem };

export const INBOX = ["inbox"] as const;

/** The newest items and the unread count (the bell's badge). */
export const useInbox = (enabled = true) =>
  useQuery({
    queryKey: INBOX,
    enabled,
    queryFn: ({ signal }) => api.get<Inbox>("/api/inbox?limit=50", signal),
  });

/** Marks one item read, or all of them (`id` null); the list and the badge follow. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number | null) =>
      api.post<{ unread: number }>(id === null ? "/api/inbox/read" : `/api/inbox/${id}/read`),
    onMutate: (id) => {
      client.setQueryData<Inbox>(INBOX, (inbox) =>
        inbox
          ? {
              unread:
                id === null
                  ? 0
                  : Math.max(0, inbox.unread - (inbox.items.some((i) => i.id === id && !i.read) ? 1 : 0)),
              items: inbox.items.map((i) => (id === null || i.id === id ? { ...i, read: true } : i)),
            }
          : inbox,
      );
    },
    onSettled: () => client.invalidateQueries({ queryKey: INBOX }),
  });
}
