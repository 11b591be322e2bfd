import { openFeed, request, newClientId, AckError, type WireMessage } from "@soskes/chat/client";
import type { Socket } from "socket.io-client";
import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, type browser, signedIn, startTestPortal, type TestPortal } from "../test/fixtures.js";
import { codeOf, connected, socketFor, waitFor } from "../test/sockets.js";

const PASSWORD = "Testi-salasana-42";
// Built with the official check-character rule for these tests; no real person is meant.
const HETU = "131052-308T";

type Browser = ReturnType<typeof browser>;
type Member = { id: number; email: string; web: Browser; socket: Socket };

describe.each(DATABASES)("eKollega groups and realtime messages on %s", (kind) => {
  let portal: TestPortal;
  const people: Record<string, Member> = {};
  let closedId: number;
  let openId: number;
  const sockets: Socket[] = [];

  const member = async (key: string, role: "member" | "moderator" | "admin" = "member") => {
    const { id, email, web } = await signedIn(portal, `${key}@chat.example`, role, PASSWORD);
    const user = { id };
    const socket = socketFor(portal.url, web.sessionCookie());
    sockets.push(socket);
    await connected(socket);
    people[key] = { id: user.id, email, web, socket };
    return people[key];
  };

  beforeAll(async () => {
    portal = await startTestPortal(kind);
    const mod = await member("moderator", "moderator");
    const created = await mod.web.post("/api/groups", {
      name: "Sijaishuollon kollegat",
      description: "Suljettu ryhmä lastensuojelun sosiaalityöntekijöille",
      visibility: "closed",
    });
    expect(created.status).toBe(201);
    closedId = (created.body as { data: { id: number } }).data.id;
    openId = (
      (await mod.web.post("/api/groups", { name: "Avoin kahvihuone", visibility: "open" })).body as {
        data: { id: number };
      }
    ).data.id;
    for (const key of ["alice", "bob", "removed", "banned"]) {
      const m = await member(key);
      expect((await mod.web.post(`/api/groups/${closedId}/members`, { userId: m.id })).status).toBe(201);
    }
    await member("outsider");
    await member("admin", "admin");
    expect((await mod.web.delete(`/api/groups/${closedId}/members/${people.removed!.id}`)).status).toBe(204);
    expect((await mod.web.delete(`/api/groups/${closedId}/members/${people.banned!.id}?ban=1`)).status).toBe(
      204,
    );
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await portal?.drop();
  });

  const send = (who: string, body: string, extra: object = {}) =>
    request<{ message: WireMessage; duplicate: boolean }>(people[who]!.socket, "message:create", {
      groupId: closedId,
      clientId: newClientId(),
      body,
      ...extra,
    });

  it("refuses a handshake without a session, and from a foreign origin", async () => {
    const anonymous = socketFor(portal.url, undefined);
    sockets.push(anonymous);
    const refused = await connected(anonymous).then(
      () => "connected",
      (err: Error & { data?: { code: string } }) => err.data?.code ?? err.message,
    );
    expect(refused).toBe("unauthorized");
    anonymous.disconnect();
    const foreign = socketFor(portal.url, people.alice!.web.sessionCookie(), "https://evil.example");
    sockets.push(foreign);
    await expect(connected(foreign)).rejects.toBeTruthy();
    foreign.disconnect();
  });

  it("REST: 401 without login, members propose groups, moderators create them", async () => {
    await supertest(portal.server).get("/api/groups").expect(401);
    const proposal = await people.alice!.web.post("/api/groups", {
      name: "Ehdotettu ryhmä",
      visibility: "open",
    });
    expect(proposal.status).toBe(201);
    expect((proposal.body as { data: { status: string } }).data.status).toBe("proposed");
    // A proposal is visible to its proposer and staff only.
    const list = (await people.bob!.web.get("/api/groups")).body as { data: Array<{ name: string }> };
    expect(list.data.map((g) => g.name)).not.toContain("Ehdotettu ryhmä");
    const bad = await people.moderator!.web.post("/api/groups", { name: "x", visibility: "secret" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { name: "invalid_input", details: { fields: { name: "too_short", visibility: "visibility" } } },
    });
    const hetu = await people.moderator!.web.post("/api/groups", {
      name: `Asiakas ${HETU}`,
      visibility: "open",
    });
    expect(hetu.status).toBe(422);
    expect(hetu.body).toMatchObject({ error: { name: "hetu_detected" } });
  });

  it("delivers a message to every member, persisted with a sequence number, and acks it", async () => {
    const received: WireMessage[] = [];
    people.bob!.socket.on("message:created", (m: WireMessage) => received.push(m));
    const { message, duplicate } = await send("alice", "Hei kaikki, kysymys sijoituksista");
    expect(duplicate).toBe(false);
    expect(message).toMatchObject({
      groupId: closedId,
      seq: 1,
      author: { id: people.alice!.id },
      body: "Hei kaikki, kysymys sijoituksista",
    });
    await waitFor(() => received.some((m) => m.id === message.id), "bob to receive");
    people.bob!.socket.off("message:created");
  });

  it("a retry with the same client id is the same message, broadcast once", async () => {
    const received: WireMessage[] = [];
    people.bob!.socket.on("message:created", (m: WireMessage) => received.push(m));
    const clientId = newClientId();
    const first = await send("alice", "Tämä lähetetään kahdesti", { clientId });
    const again = await send("alice", "Tämä lähetetään kahdesti", { clientId });
    expect(again.duplicate).toBe(true);
    expect(again.message.id).toBe(first.message.id);
    await new Promise((r) => setTimeout(r, 200));
    expect(received.filter((m) => m.clientId === clientId)).toHaveLength(1);
    people.bob!.socket.off("message:created");
  });

  it("refuses identity codes, bad input and unknown events with a clear ack error", async () => {
    const refused = await send("alice", `Asiakkaan tunnus on ${HETU}`).catch((e: AckError) => e);
    expect(refused).toBeInstanceOf(AckError);
    expect((refused as AckError).code).toBe("hetu_detected");
    expect((refused as AckError).message).toMatch(/henkilötunnuksen/);
    // Lookalikes pass: a phone number and a statute number.
    expect(
      (await send("alice", "Soita 040 123 4567, ks. 417/2007 ja 1301/2014 36 §")).message.seq,
    ).toBeGreaterThan(0);
    expect(
      await codeOf(request(people.alice!.socket, "message:create", { groupId: closedId, body: "" })),
    ).toBe("invalid_input");
    expect(await codeOf(request(people.alice!.socket, "message:create", "not an object"))).toBe(
      "invalid_input",
    );
    expect(await codeOf(request(people.alice!.socket, "nonsense", {}))).toBe("invalid_input");
  });

  it("authorisation matrix: only active members read or write; others learn nothing", async () => {
    const { message } = await send("alice", "Matriisin viesti");
    const nonexistent = 999_999;
    const events = (groupId: number, messageId: number) =>
      ({
        "message:create": { groupId, clientId: newClientId(), body: "Hei" },
        "messages:since": { groupId, afterSeq: 0 },
        "messages:before": { groupId },
        read: { groupId, seq: 1 },
        typing: { groupId },
        "message:react": { messageId, emoji: "👍" },
        "message:update": { messageId, body: "Muokattu" },
        "message:pin": { messageId, pinned: true },
        "message:delete": { messageId },
      }) as Record<string, object>;
    const expected: Record<string, Record<string, string>> = {
      // role → event → code; "ok" is allowed.
      alice: { "message:update": "ok", "message:delete": "ok", "message:pin": "forbidden" },
      bob: { "message:update": "forbidden", "message:delete": "forbidden", "message:pin": "forbidden" },
      moderator: { "message:update": "forbidden", "message:delete": "ok", "message:pin": "ok" },
      outsider: {},
      removed: {},
      banned: {},
      admin: {},
    };
    for (const [who, special] of Object.entries(expected)) {
      const isMember = ["alice", "bob", "moderator"].includes(who);
      // Each role acts on a fresh message of Alice's so deletes do not affect the next role.
      const target =
        who === "alice" || who === "moderator" ? (await send("alice", `Kohde ${who}`)).message : message;
      for (const [event, payload] of Object.entries(events(closedId, target.id))) {
        const code = await codeOf(request(people[who]!.socket, event, payload));
        const want = special[event] ?? (isMember ? "ok" : "not_found");
        expect(`${who} ${event} ${code}`).toBe(`${who} ${event} ${want}`);
      }
      if (!isMember) {
        // A group that does not exist answers exactly the same.
        for (const [event, payload] of Object.entries(events(nonexistent, nonexistent)))
          expect(`${who} ${event} ${await codeOf(request(people[who]!.socket, event, payload))}`).toBe(
            `${who} ${event} not_found`,
          );
        const rest = await people[who]!.web.get(`/api/groups/${closedId}/messages`);
        expect(rest.status).toBe(404);
        const none = await people[who]!.web.get(`/api/groups/${nonexistent}/messages`);
        expect(rest.body).toEqual(none.body);
      }
    }
    // Management: members may not add people; the banned may not come back.
    expect(
      (await people.bob!.web.post(`/api/groups/${closedId}/members`, { userId: people.outsider!.id })).status,
    ).toBe(403);
    expect(
      (await people.outsider!.web.post(`/api/groups/${closedId}/members`, { userId: people.outsider!.id }))
        .status,
    ).toBe(404);
    const banned = await people.banned!.web.post(`/api/groups/${closedId}/join`);
    expect(banned.status).toBe(403);
    expect(banned.body).toMatchObject({ error: { name: "banned" } });
  });

  it("REST authorisation matrix: non-members learn nothing, members may not manage", async () => {
    const nonexistent = 999_999;
    const routes = (groupId: number) =>
      [
        ["get", `/api/groups/${groupId}/members`],
        ["get", `/api/groups/${groupId}/messages`],
        ["get", `/api/groups/${groupId}/pinned`],
        ["post", `/api/groups/${groupId}/messages`, { clientId: newClientId(), body: "Hei" }],
        ["post", `/api/groups/${groupId}/read`, { seq: 1 }],
        ["put", `/api/groups/${groupId}/notifications`, { notify: "off" }],
        ["patch", `/api/groups/${groupId}`, { description: "Uusi kuvaus" }],
        ["post", `/api/groups/${groupId}/members`, { userId: people.outsider!.id }],
        ["patch", `/api/groups/${groupId}/members/${people.alice!.id}`, { role: "moderator" }],
        ["delete", `/api/groups/${groupId}/members/${people.alice!.id}`],
        ["post", `/api/groups/${groupId}/archive`],
      ] as const;
    const call = (who: string, [method, url, body]: readonly [string, string, object?]) => {
      const web = people[who]!.web;
      return method === "get" ? web.get(url) : web[method as "post" | "put" | "patch" | "delete"](url, body);
    };
    for (const who of ["outsider", "removed", "banned"]) {
      const real = routes(closedId);
      const none = routes(nonexistent);
      for (let i = 0; i < real.length; i++) {
        const [a, b] = [await call(who, real[i]!), await call(who, none[i]!)];
        expect(`${who} ${real[i]![0]} ${real[i]![1]} ${a.status}`).toBe(
          `${who} ${real[i]![0]} ${real[i]![1]} 404`,
        );
        expect(a.body).toEqual(b.body);
      }
    }
    // A member reads and writes, but does not manage.
    const expected = [200, 200, 200, 201, 200, 200, 403, 403, 403, 403, 403];
    const answers = [];
    for (const route of routes(closedId)) answers.push((await call("bob", route)).status);
    expect(answers).toEqual(expected);
    await people.bob!.web.put(`/api/groups/${closedId}/notifications`, { notify: "digest" });
  });

  it("an account disabled while connected loses access at once", async () => {
    const erin = await member("erin");
    await people.moderator!.web.post(`/api/groups/${closedId}/members`, { userId: erin.id });
    expect(await codeOf(request(erin.socket, "messages:before", { groupId: closedId }))).toBe("ok");
    await portal.database.db
      .updateTable("users")
      .set({ status: "disabled" })
      .where("id", "=", erin.id)
      .execute();
    expect(await codeOf(request(erin.socket, "messages:before", { groupId: closedId }))).toBe("unauthorized");
    expect(
      await codeOf(
        request(erin.socket, "message:create", { groupId: closedId, clientId: newClientId(), body: "Hei" }),
      ),
    ).toBe("unauthorized");
    // And cannot connect again.
    const again = socketFor(portal.url, erin.web.sessionCookie());
    sockets.push(again);
    await expect(connected(again)).rejects.toBeTruthy();
  });

  it("a closed group takes join requests that a moderator approves; an open group is joined at once", async () => {
    const asked = await people.outsider!.web.post(`/api/groups/${closedId}/join`);
    expect((asked.body as { data: { membership: { state: string } } }).data.membership.state).toBe(
      "requested",
    );
    expect(
      await codeOf(request(people.outsider!.socket, "messages:since", { groupId: closedId, afterSeq: 0 })),
    ).toBe("not_found");
    const requests = (await people.moderator!.web.get(`/api/groups/${closedId}/members`)).body as {
      data: Array<{ id: number; state: string }>;
    };
    expect(requests.data.find((m) => m.id === people.outsider!.id)?.state).toBe("requested");
    // Members do not see requests or bans.
    const seenByBob = (await people.bob!.web.get(`/api/groups/${closedId}/members`)).body as {
      data: Array<{ state: string }>;
    };
    expect(seenByBob.data.every((m) => m.state === "active")).toBe(true);
    const joined = await request<{ group: { membership: { state: string } } }>(
      people.outsider!.socket,
      "group:join",
      { groupId: openId },
    );
    expect(joined.group.membership.state).toBe("active");
  });

  it("reconnect catch-up: nothing lost, nothing twice, order kept", async () => {
    const bob = people.bob!;
    const shown: WireMessage[] = [];
    const feed = openFeed(bob.socket, { groupId: closedId, onMessages: (ms) => shown.push(...ms) });
    await feed.catchUp();
    const before = feed.lastSeq;
    bob.socket.io.engine.close(); // the network drops; the client reconnects by itself
    for (let i = 0; i < 5; i++) await send("alice", `Poissa ollessa ${i}`);
    await waitFor(() => feed.lastSeq >= before + 5, "catch-up after reconnect");
    const fresh = shown.filter((m) => m.seq > before && m.body?.startsWith("Poissa ollessa"));
    expect(fresh.map((m) => m.body)).toEqual([0, 1, 2, 3, 4].map((i) => `Poissa ollessa ${i}`));
    const seqs = shown.filter((m) => m.seq > before).map((m) => m.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    feed.stop();
  });

  it("removal is effective at once: no more events, no history, no search hits", async () => {
    const carol = await member("carol");
    await people.moderator!.web.post(`/api/groups/${closedId}/members`, { userId: carol.id });
    await send("alice", "Kaisla-niminen harvinainen sana");
    const found = async () =>
      ((await carol.web.get("/api/search?q=kaisla&type=message")).body as { data: { hits: unknown[] } }).data
        .hits.length;
    for (let i = 0; i < 50 && (await found()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await found()).toBe(1);
    expect(
      ((await people.outsider!.web.get("/api/search?q=kaisla")).body as { data: { hits: unknown[] } }).data
        .hits,
    ).toHaveLength(0);

    const removed: unknown[] = [];
    const after: WireMessage[] = [];
    carol.socket.on("group:removed", (e: unknown) => removed.push(e));
    carol.socket.on("message:created", (m: WireMessage) => after.push(m));
    await people.moderator!.web.delete(`/api/groups/${closedId}/members/${carol.id}`);
    await waitFor(() => removed.length === 1, "group:removed");
    await send("alice", "Carol ei näe tätä");
    await new Promise((r) => setTimeout(r, 200));
    expect(after).toHaveLength(0);
    expect(await codeOf(request(carol.socket, "messages:since", { groupId: closedId, afterSeq: 0 }))).toBe(
      "not_found",
    );
    expect(await found()).toBe(0);
  });

  it("edit and delete: the text is gone, a tombstone stays, search forgets it", async () => {
    const { message } = await send("alice", "Poistettava ajatus kuusikosta");
    const edited = await request<{ message: WireMessage }>(people.alice!.socket, "message:update", {
      messageId: message.id,
      body: "Muokattu ajatus kuusikosta",
    });
    expect(edited.message).toMatchObject({ body: "Muokattu ajatus kuusikosta" });
    expect(edited.message.editedAt).not.toBeNull();
    const deleted = await request<{ message: WireMessage }>(people.moderator!.socket, "message:delete", {
      messageId: message.id,
    });
    expect(deleted.message).toMatchObject({ id: message.id, seq: message.seq, body: null });
    expect(deleted.message.deletedAt).not.toBeNull();
    const page = await request<{ messages: WireMessage[] }>(people.bob!.socket, "messages:since", {
      groupId: closedId,
      afterSeq: message.seq - 1,
    });
    expect(page.messages[0]).toMatchObject({ id: message.id, body: null });
    await new Promise((r) => setTimeout(r, 300));
    const hits = (await people.bob!.web.get("/api/search?q=kuusikosta")).body as {
      data: { hits: unknown[] };
    };
    expect(hits.data.hits).toHaveLength(0);
  });

  it("threads, mentions, reactions, pins, read positions and unread counts", async () => {
    const notes: Array<{ type: string }> = [];
    people.bob!.socket.on("notification", (n: { type: string }) => notes.push(n));
    const root = (await send("alice", "Ketjun aloitus")).message;
    const reply = (
      await send("moderator", "@Testi bob vastaus ketjuun", {
        replyTo: root.id,
        mentions: [people.bob!.id, 424242],
      })
    ).message;
    expect(reply.threadId).toBe(root.id);
    expect(reply.mentions).toEqual([people.bob!.id]);
    await waitFor(() => notes.some((n) => n.type === "mention"), "mention notification");
    const reacted = await request<{ message: WireMessage }>(people.bob!.socket, "message:react", {
      messageId: root.id,
      emoji: "👍",
    });
    expect(reacted.message.reactions).toEqual([{ emoji: "👍", userIds: [people.bob!.id] }]);
    expect(
      await codeOf(request(people.bob!.socket, "message:react", { messageId: root.id, emoji: "💩" })),
    ).toBe("invalid_input");
    await request(people.moderator!.socket, "message:pin", { messageId: root.id, pinned: true });
    const pinned = (await people.bob!.web.get(`/api/groups/${closedId}/pinned`)).body as {
      data: WireMessage[];
    };
    expect(pinned.data.map((m) => m.id)).toContain(root.id);
    const list = (await people.bob!.web.get("/api/groups")).body as {
      data: Array<{ id: number; unread: number; mentions: number }>;
    };
    const group = list.data.find((g) => g.id === closedId)!;
    expect(group.unread).toBeGreaterThan(0);
    expect(group.mentions).toBe(1);
    const reads: unknown[] = [];
    people.alice!.socket.on("read", (r: unknown) => reads.push(r));
    await request(people.bob!.socket, "read", { groupId: closedId, seq: reply.seq });
    await waitFor(() => reads.length > 0, "read broadcast");
    const after = (await people.bob!.web.get("/api/groups")).body as {
      data: Array<{ id: number; unread: number; mentions: number }>;
    };
    expect(after.data.find((g) => g.id === closedId)).toMatchObject({ unread: 0, mentions: 0 });
    people.bob!.socket.off("notification");
    people.alice!.socket.off("read");
  });

  it("typing and presence reach the other members", async () => {
    const typing: Array<{ userId: number }> = [];
    people.bob!.socket.on("typing", (t: { userId: number }) => typing.push(t));
    await request(people.alice!.socket, "typing", { groupId: closedId });
    await waitFor(() => typing.some((t) => t.userId === people.alice!.id), "typing");
    const joined = await request<{ online: number[] }>(people.bob!.socket, "group:join", {
      groupId: closedId,
    });
    expect(joined.online).toEqual(expect.arrayContaining([people.alice!.id, people.bob!.id]));
    people.bob!.socket.off("typing");
  });

  it("notification e-mails carry the group's name and a link, never the message", async () => {
    const res = await people.bob!.web.put(`/api/groups/${closedId}/notifications`, { notify: "instant" });
    expect(res.status).toBe(200);
    await send("alice", "Salainen sisältö jota ei lähetetä");
    await waitFor(() => portal.mailbox.some((m) => m.to === people.bob!.email), "instant mail");
    const mail = portal.mailbox.find((m) => m.to === people.bob!.email)!;
    // The group is named in the text; the subject holds nothing anyone wrote.
    expect(mail.subject).toBe("Uusia viestejä eKollega-ryhmässäsi");
    expect(mail.text).toContain("Sijaishuollon kollegat");
    expect(mail.text).toContain(`/ryhmat/${closedId}`);
    expect(mail.text).not.toContain("Salainen");
    // One e-mail per unread streak.
    await send("alice", "Toinen salainen");
    await new Promise((r) => setTimeout(r, 300));
    expect(portal.mailbox.filter((m) => m.to === people.bob!.email)).toHaveLength(1);

    // The daily digest: Alice chose it; a removed member gets nothing.
    await request(people.bob!.socket, "message:create", {
      groupId: closedId,
      clientId: newClientId(),
      body: "Aamun kysymys",
    });
    const sent = await portal.services.chat.runDigests(Date.parse("2026-11-23T08:00:00Z"));
    expect(sent).toBeGreaterThan(0);
    await waitFor(() => portal.mailbox.some((m) => m.to === people.alice!.email), "digest mail");
    const digest = portal.mailbox.find((m) => m.to === people.alice!.email)!;
    expect(digest.text).toContain("Sijaishuollon kollegat");
    expect(digest.text).not.toContain("Aamun kysymys");
    expect(portal.mailbox.some((m) => m.to === people.removed!.email)).toBe(false);
    // Once a day.
    expect(await portal.services.chat.runDigests(Date.parse("2026-11-23T09:00:00Z"))).toBe(0);
  });

  it("logging out disconnects the user's sockets", async () => {
    const dave = await member("dave");
    const closed = new Promise<string>((resolve) =>
      dave.socket.once("disconnect", (reason) => resolve(reason)),
    );
    dave.socket.io.opts.reconnection = false;
    await dave.web.post("/api/auth/logout");
    expect(await closed).toBe("io server disconnect");
  });
});
