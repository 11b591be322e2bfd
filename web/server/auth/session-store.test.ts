import type session from "express-session";
import { createClient, type RedisClientType } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDatabase, type PortalDatabase } from "../db/database.js";
import { createUser } from "../commands/users.js";
import { DATABASES, freshPostgres, testConfig } from "../test/fixtures.js";
import { RedisSessionStore } from "./redis-session-store.js";
import { DatabaseSessionStore, type SessionStore } from "./session-store.js";

const STORES = [...DATABASES, ...(process.env.TEST_REDIS_URL ? (["redis"] as const) : [])];

const call = <T>(fn: (cb: (err?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) =>
    fn((err, value) =>
      err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(value),
    ),
  );

const sessionOf = (userId: number | undefined, maxAgeMs = 60_000) =>
  ({
    cookie: { originalMaxAge: maxAgeMs, expires: new Date(Date.now() + maxAgeMs) },
    ...(userId ? { passport: { user: userId } } : {}),
  }) as unknown as session.SessionData;

describe.each(STORES)("session store on %s", (kind) => {
  let store: SessionStore;
  let database: PortalDatabase;
  let redis: RedisClientType | undefined;
  let drop: (() => Promise<void>) | undefined;
  let alice: number;
  let bob: number;

  beforeAll(async () => {
    const pg = kind === "postgres" ? await freshPostgres() : undefined;
    drop = pg?.drop;
    database = openDatabase(testConfig(pg ? { DATABASE_URL: pg.url } : {}).portal.database);
    await migrate(database);
    alice = (await createUser(database.db, { email: `alice-${kind}@demo.soskes.example`, name: "Alice" })).id;
    bob = (await createUser(database.db, { email: `bob-${kind}@demo.soskes.example`, name: "Bob" })).id;
    if (kind === "redis") {
      redis = createClient({ url: process.env.TEST_REDIS_URL });
      await redis.connect();
      store = new RedisSessionStore(redis, 60_000, `soskes-test-${Date.now()}:`);
    } else {
      store = new DatabaseSessionStore(database.db, 60_000);
    }
  });
  afterAll(async () => {
    await redis?.quit();
    await database?.close();
    await drop?.();
  });

  it("stores, reads, touches and destroys a session", async () => {
    await call((cb) => store.set("s1", sessionOf(alice), cb));
    expect(await call<session.SessionData | null>((cb) => store.get("s1", cb))).toMatchObject({
      passport: { user: alice },
    });
    await call((cb) => store.touch!("s1", sessionOf(alice), cb));
    await call((cb) => store.destroy("s1", cb));
    expect(await call((cb) => store.get("s1", cb))).toBeNull();
  });

  it("does not return an expired session", async () => {
    await call((cb) => store.set("old", sessionOf(alice, 1000), cb));
    await new Promise((r) => setTimeout(r, 1100));
    expect(await call((cb) => store.get("old", cb))).toBeNull();
  });

  it("ends every session of one user, optionally keeping one", async () => {
    for (const sid of ["a1", "a2", "a3"]) await call((cb) => store.set(sid, sessionOf(alice), cb));
    await call((cb) => store.set("b1", sessionOf(bob), cb));
    const ended = await store.destroyUserSessions(alice, "a3");
    expect(ended).toEqual(expect.arrayContaining(["a1", "a2"]));
    expect(ended).not.toContain("a3");
    expect(await call((cb) => store.get("a1", cb))).toBeNull();
    expect(await call((cb) => store.get("a3", cb))).not.toBeNull();
    expect(await call((cb) => store.get("b1", cb))).not.toBeNull();
    await store.destroyUserSessions(alice);
    expect(await call((cb) => store.get("a3", cb))).toBeNull();
  });
});
