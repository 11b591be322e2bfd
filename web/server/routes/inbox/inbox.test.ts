import { newClientId } from "@soskes/chat/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, signedIn, startTestPortal, type TestPortal } from "../../test/fixtures.js";
import { connected, socketFor, waitFor } from "../../test/sockets.js";

type Web = Awaited<ReturnType<typeof signedIn>>;
type Item = {
  id: number;
  kind: string;
  url: string;
  read: boolean;
  who: string | null;
  groupName: string | null;
};
type Inbox = { items: Item[]; unread: number };

describe.each(DATABASES)("the notification inbox on %s", (kind) => {
  let portal: TestPortal;
  let mod: Web;
  let alice: Web;
  let bob: Web;
  let groupId: number;
  const inboxOf = async (who: Web) => {
    await portal.services.events.settled();
    return ((await who.web.get("/api/inbox")).body as { data: Inbox }).data;
  };
  const post = async (who: Web, body: string, extra: Record<string, unknown> = {}) => {
    const res = await who.web.post(`/api/groups/${groupId}/messages`, {
      clientId: newClientId(),
      body,
      ...extra,
    });
    expect(res.status).toBe(201);
    return (res.body as { data: { id: number; seq: number } }).data;
  };

  beforeAll(async () => {
    portal = await startTestPortal(kind);
    mod = await signedIn(portal, `moderaattori-${kind}@inbox.example`, "moderator");
    alice = await signedIn(portal, `alice-${kind}@inbox.example`);
    bob = await signedIn(portal, `bob-${kind}@inbox.example`);
    const created = await mod.web.post("/api/groups", {
      name: `Perhetyön kollegat ${kind}`,
      visibility: "closed",
    });
    groupId = (created.body as { data: { id: number } }).data.id;
    for (const member of [alice, bob])
      expect((await mod.web.post(`/api/groups/${groupId}/members`, { userId: member.id })).status).toBe(201);
  });
  afterAll(() => portal?.drop());

  it("keeps a mention until it is read, and opens the message it came from", async () => {
    const message = await post(bob, "Alice, katsoisitko tätä tapausta?", { mentions: [alice.id] });
    const inbox = await inboxOf(alice);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "mention",
      read: false,
      who: `Testi bob-${kind}`,
      groupName: `Perhetyön kollegat ${kind}`,
      url: `/ryhmat/${groupId}#viesti-${message.seq}`,
    });
    // The item says who and where, never what: the text stays in the group.
    expect(JSON.stringify(inbox.items)).not.toContain("tapausta");
    expect((await inboxOf(bob)).unread).toBe(0);
  });

  it("tells those who wrote in a thread of a reply, and not the replier", async () => {
    const root = await post(alice, "Kysymys ryhmälle: miten kirjaatte kiireelliset sijoitukset?");
    await post(bob, "Meillä kirjataan samana päivänä.", { replyTo: root.id });
    const replies = (await inboxOf(alice)).items.filter((i) => i.kind === "reply");
    expect(replies).toHaveLength(1);
    expect((await inboxOf(bob)).items.filter((i) => i.kind === "reply")).toHaveLength(0);
  });

  it("marks one item read, refuses another member's item as missing, and marks all read", async () => {
    const [first] = (await inboxOf(alice)).items;
    expect((await bob.web.post(`/api/inbox/${first!.id}/read`)).status).toBe(404);
    const one = await alice.web.post(`/api/inbox/${first!.id}/read`);
    expect(one.status).toBe(200);
    expect((one.body as { data: { unread: number } }).data.unread).toBe(1);
    expect((await alice.web.post("/api/inbox/999999/read")).status).toBe(404);
    expect((await alice.web.post("/api/inbox/read")).status).toBe(200);
    const after = await inboxOf(alice);
    expect(after.unread).toBe(0);
    expect(after.items.every((i) => i.read)).toBe(true);
    expect((await alice.web.get("/api/inbox?limit=0")).status).toBe(400);
  });

  it("counts a new item on the member's sockets as it arrives", async () => {
    const socket = socketFor(portal.url, alice.web.sessionCookie());
    const heard: number[] = [];
    socket.on("inbox", (e: { unread: number }) => heard.push(e.unread));
    await connected(socket);
    await post(bob, "Alice, vielä yksi asia.", { mentions: [alice.id] });
    await waitFor(() => heard.includes(1), "the unread count on the socket");
    socket.disconnect();
  });

  it("takes a group's items away when the member leaves it", async () => {
    expect((await inboxOf(alice)).items.length).toBeGreaterThan(0);
    expect((await alice.web.delete(`/api/groups/${groupId}/members/${alice.id}`)).status).toBe(204);
    const inbox = await inboxOf(alice);
    expect(inbox.items).toEqual([]);
    expect(inbox.unread).toBe(0);
  });

  it("answers 401 without a session", async () => {
    const res = await fetch(`${portal.url}/api/inbox`);
    expect(res.status).toBe(401);
  });
});
