import { newClientId, openFeed, type WireMessage } from "@soskes/chat/client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GroupMember } from "../api/groups";
import { realtime, send, subscribe } from "../api/socket";

/**
 * One group's conversation over the socket: the newest page, then a feed that catches up after
 * every reconnect; who is online, typing and has read what; older pages; posting; marking read.
 * The page component only lays it out.
 */
export function useConversation(groupId: number, meId: number, members: GroupMember[] | undefined) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const group = { id: groupId };
  const [messages, setMessages] = useState<Map<number, WireMessage>>(new Map());
  const [older, setOlder] = useState<{ more: boolean; loading: boolean }>({ more: false, loading: true });
  const [online, setOnline] = useState<Set<number>>(new Set());
  const [typing, setTyping] = useState<Map<number, { name: string; until: number }>>(new Map());
  const [reads, setReads] = useState<Map<number, number>>(new Map());
  const [announcement, setAnnouncement] = useState("");
  const [removed, setRemoved] = useState(false);
  const lastTyping = useRef(0);

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
      void client.invalidateQueries({ queryKey: ["groups", group.id, "pinned"] });
    },
    [client, group.id, meId, t],
  );

  // The conversation: the newest page, then a feed that catches up after every reconnect.
  useEffect(() => {
    const socket = realtime();
    let feed: ReturnType<typeof openFeed> | null = null;
    let cancelled = false;
    setMessages(new Map());
    setOlder({ more: false, loading: true });
    void (async () => {
      try {
        const joined = await send<{ online: number[] }>("group:join", { groupId: group.id });
        const page = await send<{ messages: WireMessage[]; more: boolean; lastSeq: number }>(
          "messages:before",
          { groupId: group.id },
        );
        if (cancelled) return;
        setOnline(new Set(joined.online));
        merge(page.messages, false);
        setOlder({ more: page.more, loading: false });
        feed = openFeed(socket, {
          groupId: group.id,
          afterSeq: page.lastSeq,
          onMessages: (ms) => merge(ms, true),
        });
      } catch {
        if (!cancelled) setOlder({ more: false, loading: false });
      }
    })();
    const onTyping = (e: { groupId: number; userId: number; name: string }) => {
      if (e.groupId === group.id && e.userId !== meId)
        setTyping((prev) => new Map(prev).set(e.userId, { name: e.name, until: Date.now() + 4000 }));
    };
    const onPresence = (e: { groupId: number; userId: number; online: boolean }) => {
      if (e.groupId !== group.id) return;
      setOnline((prev) => {
        const next = new Set(prev);
        if (e.online) next.add(e.userId);
        else next.delete(e.userId);
        return next;
      });
    };
    const onRead = (e: { groupId: number; userId: number; seq: number }) => {
      if (e.groupId === group.id) setReads((prev) => new Map(prev).set(e.userId, e.seq));
    };
    const onRemoved = (e: { groupId: number }) => {
      if (e.groupId === group.id) setRemoved(true);
    };
    const onMembers = (e: { groupId: number }) => {
      if (e.groupId === group.id) void client.invalidateQueries({ queryKey: ["groups", group.id] });
    };
    const stop = subscribe(socket, {
      typing: onTyping,
      presence: onPresence,
      read: onRead,
      "group:removed": onRemoved,
      "member:joined": onMembers,
      "member:left": onMembers,
      "group:updated": onMembers,
    });
    const expire = setInterval(() => {
      setTyping((prev) => {
        const now = Date.now();
        return [...prev.values()].some((v) => v.until < now)
          ? new Map([...prev].filter(([, v]) => v.until >= now))
          : prev;
      });
    }, 1000);
    return () => {
      cancelled = true;
      feed?.stop();
      clearInterval(expire);
      stop();
    };
  }, [group.id, meId, merge, client]);

  // Read positions for "seen by", from the members list and live read events.
  useEffect(() => {
    if (members) setReads(new Map(members.map((m) => [m.id, m.lastReadSeq])));
  }, [members]);

  // Everything shown while the tab is visible is read.
  const newest = Math.max(0, ...messages.keys());
  useEffect(() => {
    if (newest === 0 || removed) return;
    const mark = () => {
      if (document.visibilityState === "visible")
        void send("read", { groupId: group.id, seq: newest })
          .then(() => client.invalidateQueries({ queryKey: ["groups"], exact: true }))
          .catch(() => undefined);
    };
    const timer = setTimeout(mark, 800);
    document.addEventListener("visibilitychange", mark);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", mark);
    };
  }, [newest, group.id, client, removed]);

  const loadOlder = async () => {
    const first = Math.min(...messages.keys());
    setOlder((o) => ({ ...o, loading: true }));
    const page = await send<{ messages: WireMessage[]; more: boolean }>("messages:before", {
      groupId: group.id,
      beforeSeq: first,
    });
    merge(page.messages, false);
    setOlder({ more: page.more, loading: false });
  };

  const post = async (body: string, mentions: number[], replyTo?: number) => {
    const { message } = await send<{ message: WireMessage }>("message:create", {
      groupId: group.id,
      clientId: newClientId(),
      body,
      ...(replyTo ? { replyTo } : {}),
      ...(mentions.length ? { mentions } : {}),
    });
    merge([message], false);
  };
  const typingNow = () => {
    if (Date.now() - lastTyping.current < 3000) return;
    lastTyping.current = Date.now();
    void send("typing", { groupId: group.id }).catch(() => undefined);
  };

  const sorted = [...messages.values()].sort((a, b) => a.seq - b.seq);
  return {
    messages: sorted,
    /** Messages outside threads, oldest first. */
    timeline: sorted.filter((m) => m.threadId === null),
    repliesOf: (id: number) => sorted.filter((m) => m.threadId === id),
    /** How many others have read up to the message. */
    seenBy: (m: WireMessage) =>
      [...reads].filter(([userId, seq]) => userId !== m.author.id && seq >= m.seq).length,
    typers: [...typing.values()].map((v) => v.name),
    older,
    online,
    announcement,
    removed,
    loadOlder,
    post,
    typingNow,
  };
}
