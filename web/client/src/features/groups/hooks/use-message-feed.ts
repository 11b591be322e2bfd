import { newClientId, openFeed, type WireMessage } from "@soskes/chat/client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { realtime, send, subscribe } from "../api/socket";

type Page = { messages: WireMessage[]; more: boolean; lastSeq: number };

/**
 * A group's messages over the socket: joins the room, reads the newest page, then follows a feed
 * that catches up after every reconnect; older pages on demand; posting; marking what is shown
 * read while the tab is visible; a screen-reader line for each new message from someone else.
 * `onJoined` gets the members online at the join.
 */
export function useMessageFeed(groupId: number, meId: number, onJoined: (online: number[]) => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [messages, setMessages] = useState<Map<number, WireMessage>>(new Map());
  const [older, setOlder] = useState<{ more: boolean; loading: boolean }>({ more: false, loading: true });
  const [announcement, setAnnouncement] = useState("");
  const [removed, setRemoved] = useState(false);

  const merge = useCallback(
    (list: WireMessage[], announce: boolean) => {
      setMessages((prev) => {
        const next = new Map(prev);
        for (const m of list) next.set(m.seq, m);
        return next;
      });
      const fresh = list.filter((m) => announce && m.author.id !== meId && !m.deletedAt && !m.editedAt);
      const last = fresh.at(-1);
      if (last)
        setAnnouncement(
          t("groups.newMessage", { name: last.author.name, text: (last.body ?? "").slice(0, 140) }),
        );
      void client.invalidateQueries({ queryKey: ["groups", groupId, "pinned"] });
    },
    [client, groupId, meId, t],
  );

  useEffect(() => {
    const socket = realtime();
    let feed: ReturnType<typeof openFeed> | null = null;
    let cancelled = false;
    setMessages(new Map());
    setOlder({ more: false, loading: true });
    void (async () => {
      try {
        const joined = await send<{ online: number[] }>("group:join", { groupId });
        const page = await send<Page>("messages:before", { groupId });
        if (cancelled) return;
        onJoined(joined.online);
        merge(page.messages, false);
        setOlder({ more: page.more, loading: false });
        feed = openFeed(socket, { groupId, afterSeq: page.lastSeq, onMessages: (ms) => merge(ms, true) });
      } catch {
        if (!cancelled) setOlder({ more: false, loading: false });
      }
    })();
    const onMembers = (e: { groupId: number }) => {
      if (e.groupId === groupId) void client.invalidateQueries({ queryKey: ["groups", groupId] });
    };
    const stop = subscribe(socket, {
      "group:removed": (e: { groupId: number }) => {
        if (e.groupId === groupId) setRemoved(true);
      },
      "member:joined": onMembers,
      "member:left": onMembers,
      "group:updated": onMembers,
    });
    return () => {
      cancelled = true;
      feed?.stop();
      stop();
    };
  }, [groupId, merge, client, onJoined]);

  // Everything shown while the tab is visible is read.
  const newest = Math.max(0, ...messages.keys());
  useEffect(() => {
    if (newest === 0 || removed) return;
    const mark = () => {
      if (document.visibilityState === "visible")
        void send("read", { groupId, seq: newest })
          .then(() => client.invalidateQueries({ queryKey: ["groups"], exact: true }))
          .catch(() => undefined);
    };
    const timer = setTimeout(mark, 800);
    document.addEventListener("visibilitychange", mark);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", mark);
    };
  }, [newest, groupId, client, removed]);

  const sorted = [...messages.values()].sort((a, b) => a.seq - b.seq);
  return {
    messages: sorted,
    older,
    announcement,
    removed,
    async loadOlder() {
      const first = Math.min(...messages.keys());
      setOlder((o) => ({ ...o, loading: true }));
      const page = await send<Page>("messages:before", { groupId, beforeSeq: first });
      merge(page.messages, false);
      setOlder({ more: page.more, loading: false });
    },
    async post(body: string, mentions: number[], replyTo?: number) {
      const { message } = await send<{ message: WireMessage }>("message:create", {
        groupId,
        clientId: newClientId(),
        body,
        ...(replyTo ? { replyTo } : {}),
        ...(mentions.length ? { mentions } : {}),
      });
      merge([message], false);
    },
  };
}
