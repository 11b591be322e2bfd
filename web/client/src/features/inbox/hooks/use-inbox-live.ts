import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { realtime, subscribe } from "../../../lib/realtime";
import { INBOX, type Inbox } from "../api/inbox";

/**
 * Keeps the bell live: the server tells a member's sockets their unread count whenever it
 * changes (a new item, items read on another device); the list is read again when it grew.
 */
export function useInboxLive(): void {
  const client = useQueryClient();
  useEffect(() => {
    const socket = realtime();
    return subscribe(socket, {
      inbox: (e: { unread: number }) => {
        const before = client.getQueryData<Inbox>(INBOX);
        client.setQueryData<Inbox>(INBOX, (inbox) => (inbox ? { ...inbox, unread: e.unread } : inbox));
        if (!before || e.unread > before.unread) void client.invalidateQueries({ queryKey: INBOX });
      },
      // Back after being offline: what arrived meanwhile.
      connect: () => void client.invalidateQueries({ queryKey: INBOX }),
    });
  }, [client]);
}
