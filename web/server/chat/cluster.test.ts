import { openFeed, request, newClientId, type WireMessage } from "@soskes/chat/client";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createUser } from "../commands/users.js";
import { DATABASES, browser, startTestPortal, type TestPortal } from "../test/fixtures.js";
import { connected, socketFor, waitFor } from "../test/sockets.js";
import { startRealtimeNode, type RealtimeNode } from "./node.js";

const redisUrl = process.env.TEST_REDIS_URL;
const PASSWORD = "Testi-salasana-42";

/** Two portal nodes and a realtime node sharing one database and one Redis. */
describe.runIf(redisUrl).each(DATABASES)("eKollega across nodes with Redis on %s", (kind) => {
  let a: TestPortal;
  let b: TestPortal;
  let extra: RealtimeNode;
  let groupId: number;
  const cookies: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const sockets: Socket[] = [];
  const open = (url: string, who: string) => {
    const s = socketFor(url, cookies[who]);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    a = await startTestPortal(kind, { env: { REDIS_URL: redisUrl!, SEARCH_WORKERS: "0" } });
    const shared = {
      DATA_DIR: a.config.dataDir,
      REDIS_URL: redisUrl!,
      SEARCH_WORKERS: "0",
      ...(a.config.portal.database.client === "postgres"
        ? { DATABASE_URL: a.config.portal.database.connectionString }
        : {}),
    };
    b = await startTestPortal("sqlite", { env: shared });
    extra = await startRealtimeNode({ config: b.config, logger: pino({ level: "silent" }) });
    for (const [key, role] of [
      ["mod", "moderator"],
      ["alice", "member"],
      ["bob", "member"],
    ] as const) {
      const email = `${key}-${kind}@cluster.example`;
      ids[key] = (
        await createUser(a.database.db, {
          email,
          name: `Solmu ${key}`,
          password: PASSWORD,
          role,
          emailVerified: true,
        })
      ).id;
      // Log in on one node; the session (in Redis) works on every node.
      const web = browser(key === "bob" ? b : a);
      expect((await web.login(email, PASSWORD)).status).toBe(200);
      cookies[key] = web.sessionCookie()!;
      if (key === "mod") {
        const res = await web.post("/api/groups", { name: `Solmujen ryhmä ${kind}`, visibility: "closed" });
        groupId = (res.body as { data: { id: number } }).data.id;
      } else {
        const mod = browser(a);
        await mod.login(`mod-${kind}@cluster.example`, PASSWORD);
        expect((await mod.post(`/api/groups/${groupId}/members`, { userId: ids[key] })).status).toBe(201);
      }
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await extra?.close();
    await b?.drop();
    await a?.drop();
  });

  it("a message from a client on node A reaches a client on node B and on the realtime node", async () => {
    const alice = open(a.url, "alice");
    const bob = open(b.url, "bob");
    const bobExtra = open(extra.url, "bob");
    await Promise.all([connected(alice), connected(bob), connected(bobExtra)]);
    const got: WireMessage[] = [];
    const gotExtra: WireMessage[] = [];
    bob.on("message:created", (m: WireMessage) => got.push(m));
    bobExtra.on("message:created", (m: WireMessage) => gotExtra.push(m));
    const { message } = await request<{ message: WireMessage }>(alice, "message:create", {
      groupId,
      clientId: newClientId(),
      body: "Terveiset solmulta A",
    });
    await waitFor(
      () => got.some((m) => m.id === message.id) && gotExtra.some((m) => m.id === message.id),
      "delivery across nodes",
    );
  });

  it("removal on node A takes the member's sockets on node B out of the room at once", async () => {
    const carolEmail = `carol-${kind}@cluster.example`;
    const carolId = (
      await createUser(a.database.db, {
        email: carolEmail,
        name: "Solmu carol",
        password: PASSWORD,
        emailVerified: true,
      })
    ).id;
    const web = browser(b);
    await web.login(carolEmail, PASSWORD);
    cookies.carol = web.sessionCookie()!;
    const mod = browser(a);
    await mod.login(`mod-${kind}@cluster.example`, PASSWORD);
    await mod.post(`/api/groups/${groupId}/members`, { userId: carolId });
    const carol = open(b.url, "carol");
    await connected(carol);
    const removed: unknown[] = [];
    const after: WireMessage[] = [];
    carol.on("group:removed", (e: unknown) => removed.push(e));
    carol.on("message:created", (m: WireMessage) => after.push(m));
    await request(carol, "group:join", { groupId });
    await mod.delete(`/api/groups/${groupId}/members/${carolId}`);
    await waitFor(() => removed.length === 1, "group:removed on node B");
    const alice = open(a.url, "alice");
    await connected(alice);
    await request(alice, "message:create", { groupId, clientId: newClientId(), body: "Carol ei saa tätä" });
    await new Promise((r) => setTimeout(r, 300));
    expect(after).toHaveLength(0);
  });

  it("node A killed mid-stream: its clients reconnect to node B and miss nothing", async () => {
    const sender = open(b.url, "alice");
    let bob = open(a.url, "bob");
    await Promise.all([connected(sender), connected(bob)]);
    const shown: WireMessage[] = [];
    let feed = openFeed(bob, { groupId, onMessages: (ms) => shown.push(...ms) });
    await feed.catchUp();
    const start = feed.lastSeq;
    // When node A goes away, the client moves to node B (as behind a load balancer) and catches up.
    bob.on("disconnect", () => {
      const from = feed.lastSeq;
      feed.stop();
      bob.disconnect();
      bob = open(b.url, "bob");
      feed = openFeed(bob, { groupId, afterSeq: from, onMessages: (ms) => shown.push(...ms) });
    });
    const total = 40;
    for (let i = 0; i < total; i++) {
      await request(sender, "message:create", { groupId, clientId: newClientId(), body: `Virta ${i}` });
      if (i === 15) void a.close();
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => feed.lastSeq >= start + total, "all messages after the failover");
    const stream = shown.filter((m) => m.body?.startsWith("Virta "));
    expect(stream.map((m) => m.body)).toEqual(Array.from({ length: total }, (_, i) => `Virta ${i}`));
    feed.stop();
  });
});
