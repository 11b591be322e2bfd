import type { WireMessage } from "@soskes/chat/client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { GroupMember } from "../api/groups";
import { realtime, send, subscribe } from "../api/socket";

/** A "typing…" line lasts this long after the last key press heard. */
const TYPING_MS = 4000;

/**
 * Who else is in a group's conversation right now: online, typing, and read up to which message
 * (from the members list, then live read events). `seed` takes the online list the join answered.
 */
export function usePresence(groupId: number, meId: number, members: GroupMember[] | undefined) {
  const [online, setOnline] = useState<Set<number>>(new Set());
  const [typing, setTyping] = useState<Map<number, { name: string; until: number }>>(new Map());
  const [reads, setReads] = useState<Map<number, number>>(new Map());
  const lastTyping = useRef(0);

  useEffect(() => {
    const socket = realtime();
    const stop = subscribe(socket, {
      typing: (e: { groupId: number; userId: number; name: string }) => {
        if (e.groupId === groupId && e.userId !== meId)
          setTyping((prev) => new Map(prev).set(e.userId, { name: e.name, until: Date.now() + TYPING_MS }));
      },
      presence: (e: { groupId: number; userId: number; online: boolean }) => {
        if (e.groupId !== groupId) return;
        setOnline((prev) => {
          const next = new Set(prev);
          if (e.online) next.add(e.userId);
          else next.delete(e.userId);
          return next;
        });
      },
      read: (e: { groupId: number; userId: number; seq: number }) => {
        if (e.groupId === groupId) setReads((prev) => new Map(prev).set(e.userId, e.seq));
      },
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
      clearInterval(expire);
      stop();
    };
  }, [groupId, meId]);

  useEffect(() => {
    if (members) setReads(new Map(members.map((m) => [m.id, m.lastReadSeq])));
  }, [members]);

  const seed = useCallback((ids: number[]) => setOnline(new Set(ids)), []);

  return {
    online,
    seed,
    typers: [...typing.values()].map((v) => v.name),
    /** How many others have read up to the message. */
    seenBy: (m: WireMessage) =>
      [...reads].filter(([userId, seq]) => userId !== m.author.id && seq >= m.seq).length,
    /** Tells the others this member is typing (at most every three seconds). */
    typingNow: () => {
      if (Date.now() - lastTyping.current < 3000) return;
      lastTyping.current = Date.now();
      void send("typing", { groupId }).catch(() => undefined);
    },
  };
}
