import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { withEvents } from "./log.js";
import { createEventRunner, type EventRunner, type Processor } from "./runner.js";
import { groupStream, type DomainEvent } from "./types.js";
import { connect, freshEventsDb, KINDS, type TestDatabase } from "./testing/database.js";

const quiet = { warn() {}, error() {} };
const here = path.dirname(fileURLToPath(import.meta.url));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(kind: "sqlite" | "postgres") {
  const fresh = await freshEventsDb(kind);
  cleanups.push(fresh.close);
  return fresh;
}

/**
 * A second node's handle on the database. SQLite serves one process through one connection (a
 * second connection in the same process would wait for the first synchronously), so the second
 * node there shares it; PostgreSQL gets a pool of its own.
 */
function secondNode(kind: "sqlite" | "postgres", db: Kysely<TestDatabase>, location: string) {
  if (kind === "sqlite") return db;
  const other = connect(kind, location);
  cleanups.push(() => other.destroy());
  return other;
}

function run(db: Kysely<TestDatabase>, processors: Processor<TestDatabase>[], nodeId = "node-a", extra = {}) {
  const runner = createEventRunner({ db, nodeId, processors, logger: quiet, pollMs: 20, ...extra });
  runner.start();
  cleanups.push(() => runner.stop());
  return runner;
}

/** Writes `count` messages' events for the group, each in its own transaction. */
async function post(db: Kysely<TestDatabase>, kind: "sqlite" | "postgres", groupId: number, count: number) {
  for (let i = 0; i < count; i++)
    await withEvents(db, kind, (_trx, record) => {
      record({
        type: "message.created",
        stream: groupStream(groupId),
        payload: { groupId, messageId: i, authorId: 1 },
      });
    });
}

const effects = (db: Kysely<TestDatabase>, processor: string) =>
  db
    .selectFrom("effects")
    .select("event_id")
    .where("processor", "=", processor)
    .orderBy("event_id")
    .execute()
    .then((rows) => rows.map((r) => Number(r.event_id)));

const recorder = (name: string, seen: DomainEvent[], extra: Partial<Processor<TestDatabase>> = {}) =>
  ({
    name,
    scope: "claimed",
    types: ["message.created", "message.deleted"],
    handle(events) {
      seen.push(...events);
      return Promise.resolve();
    },
    ...extra,
  }) satisfies Processor<TestDatabase>;

describe.each(KINDS)("domain events on %s", (kind) => {
  it("delivers each event of its types once, in the order written, and stores the position", async () => {
    const { db } = await setup(kind);
    const seen: DomainEvent[] = [];
    const runner = run(db, [recorder("indexer", seen, { types: ["message.created"] })]);
    await post(db, kind, 1, 5);
    await withEvents(db, kind, (_trx, record) =>
      record({
        type: "message.deleted",
        stream: groupStream(1),
        payload: { groupId: 1, messageId: 0, actorId: 1 },
      }),
    );
    await post(db, kind, 2, 3);
    await runner.settled();
    expect(seen.map((e) => e.type)).toEqual(Array(8).fill("message.created"));
    const ids = seen.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(seen[0]!.payload).toEqual({ groupId: 1, messageId: 0, authorId: 1 });
    const [position] = await runner.positions();
    expect(position).toMatchObject({ name: "indexer", position: 9, attempts: 0 });
  });

  it("records nothing when the change rolls back", async () => {
    const { db } = await setup(kind);
    await expect(
      withEvents(db, kind, (_trx, record) => {
        record({
          type: "message.created",
          stream: groupStream(1),
          payload: { groupId: 1, messageId: 1, authorId: 1 },
        });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await db.selectFrom("domain_events").selectAll().execute()).toEqual([]);
  });

  it("under load stores a processor's position about once per flush period, and all of it at stop", async () => {
    const { db } = await setup(kind);
    const seen: DomainEvent[] = [];
    const stored = () =>
      db
        .selectFrom("event_processors")
        .select("position")
        .where("name", "=", "indexer")
        .executeTakeFirst()
        .then((row) => Number(row?.position ?? -1));
    const runner = run(db, [recorder("indexer", seen)], "node-a", { flushMs: 60_000 });
    await post(db, kind, 1, 10);
    await runner.settled();
    expect(seen).toHaveLength(10);
    expect((await runner.positions())[0]).toMatchObject({ position: 10 });
    // Not after each batch: the flush period has not passed.
    expect(await stored()).toBe(0);
    await runner.stop();
    expect(await stored()).toBe(10);

    // With a short period, an idle processor stores where it is soon after.
    const again = run(db, [recorder("indexer", seen)], "node-a", { flushMs: 50 });
    await post(db, kind, 1, 5);
    await again.settled();
    await expect.poll(stored).toBe(15);
  });

  it("lets events gather for a coalescing processor, then handles them in one batch", async () => {
    const { db } = await setup(kind);
    const batches: number[][] = [];
    const runner = run(db, [
      {
        ...recorder("index", []),
        coalesceMs: 300,
        handle(events) {
          batches.push(events.map((e) => e.id));
          return Promise.resolve();
        },
      },
    ]);
    await post(db, kind, 1, 5);
    await runner.settled();
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it("does not lose a wake-up that comes while a processor is busy", async () => {
    const { db } = await setup(kind);
    const seen: DomainEvent[] = [];
    let release: () => void = () => undefined;
    const slow = recorder("slow", seen, {
      handle(events) {
        seen.push(...events);
        // Busy with the first event while the second commits.
        return seen.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    // A poll far longer than the test: only a wake-up can bring the second event in time.
    run(db, [slow], "node-a", { pollMs: 60_000 });
    await post(db, kind, 1, 1);
    await expect.poll(() => seen.length).toBe(1);
    await post(db, kind, 1, 1);
    release();
    await expect.poll(() => seen.length, { timeout: 2000 }).toBe(2);
  });

  it("retries a failing batch with backoff, never skipping it or handling what follows first", async () => {
    const { db } = await setup(kind);
    const seen: number[] = [];
    let failures = 3;
    const runner = run(
      db,
      [
        {
          ...recorder("mailer", []),
          handle(events) {
            if (failures-- > 0) return Promise.reject(new Error("smtp down"));
            seen.push(...events.map((e) => e.id));
            return Promise.resolve();
          },
        },
      ],
      "node-a",
      { backoff: { baseMs: 10, maxMs: 40 }, batchSize: 2 },
    );
    await post(db, kind, 1, 5);
    await runner.settled(5000);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const [position] = await runner.positions();
    expect(position).toMatchObject({ attempts: 0, lastError: null });
  });

  it("keeps a failing processor's events while the others go on", async () => {
    const { db } = await setup(kind);
    const healthy: DomainEvent[] = [];
    const runner = run(
      db,
      [
        recorder("healthy", healthy),
        { ...recorder("broken", []), handle: () => Promise.reject(new Error("index closed")) },
      ],
      "node-a",
      { backoff: { baseMs: 10, maxMs: 20 } },
    );
    await post(db, kind, 1, 3);
    await expect.poll(() => healthy.length).toBe(3);
    const broken = (await runner.positions()).find((p) => p.name === "broken")!;
    expect(broken.position).toBe(0);
    expect(broken.attempts).toBeGreaterThan(0);
    expect(broken.lastError).toBe("index closed");
  });

  it("lets one node at a time run a claimed processor; another takes over when it stops", async () => {
    const { db, location } = await setup(kind);
    const other = secondNode(kind, db, location);
    const a: DomainEvent[] = [];
    const b: DomainEvent[] = [];
    const runnerA = run(db, [recorder("fanout", a)], "node-a");
    await post(db, kind, 1, 3);
    await runnerA.settled();
    run(other, [recorder("fanout", b)], "node-b");
    await post(db, kind, 1, 3);
    await runnerA.settled();
    expect(a).toHaveLength(6);
    expect(b).toHaveLength(0);
    await runnerA.stop();
    await post(db, kind, 1, 2);
    await expect.poll(() => b.length).toBe(2);
    expect([...a, ...b].map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("runs a node-local processor on every node from its own position", async () => {
    const { db, location } = await setup(kind);
    const other = secondNode(kind, db, location);
    const a: DomainEvent[] = [];
    const b: DomainEvent[] = [];
    const local = (seen: DomainEvent[]) => recorder("search", seen, { scope: "node" });
    const runnerA = run(db, [local(a)], "node-a");
    const runnerB = run(other, [local(b)], "node-b");
    await post(db, kind, 1, 4);
    await runnerA.settled();
    await runnerB.settled();
    expect(a.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(b.map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect((await runnerB.positions())[0]).toMatchObject({ name: "search@node-b", position: 4 });
  });

  it("starts a live-only processor at the head: a node that starts does not replay the past", async () => {
    const { db } = await setup(kind);
    await post(db, kind, 1, 3);
    const seen: DomainEvent[] = [];
    const runner = run(db, [recorder("sockets", seen, { scope: "node", ephemeral: true })]);
    await runner.settled();
    await post(db, kind, 1, 2);
    await runner.settled();
    expect(seen.map((e) => e.id)).toEqual([4, 5]);
  });

  it("loses and doubles nothing when the processor's process is killed mid-batch", async () => {
    const { db, location } = await setup(kind);
    await post(db, kind, 1, 30);
    // One process (tsx as a loader, not its CLI, which would run the worker in a child of its own).
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(here, "testing/worker.ts"), kind, location, "node-doomed"],
      { stdio: ["ignore", "pipe", "inherit", "ipc"] },
    );
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      return Promise.resolve();
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // Killed after the first batch of 20 has begun but before it ends.
    await expect
      .poll(() => (output.match(/handled/g) ?? []).length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(5);
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const handledBeforeKill = (output.match(/handled/g) ?? []).length;
    expect(handledBeforeKill).toBeLessThan(20);
    // The rolled-back batch left no effect and no moved position.
    expect(await effects(db, "audit-like")).toEqual([]);

    // Another node takes over once the dead one's lease runs out, and finishes the work.
    const survivor = run(
      db,
      [
        {
          name: "audit-like",
          scope: "claimed",
          transactional: true,
          types: ["message.created"],
          async handle(events, trx) {
            for (const e of events)
              await trx.insertInto("effects").values({ event_id: e.id, processor: "audit-like" }).execute();
          },
        },
      ],
      "node-survivor",
      { leaseMs: 1000 },
    );
    await survivor.settled(15_000);
    expect(await effects(db, "audit-like")).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});

describe.runIf(KINDS.includes("postgres"))("domain events on PostgreSQL under concurrent writers", () => {
  it("never lets a reader pass an event that commits later with a smaller id", async () => {
    const { db } = await setup("postgres");
    const seen: number[] = [];
    const runner: EventRunner = run(db, [
      {
        ...recorder("reader", []),
        handle(events) {
          seen.push(...events.map((e) => e.id));
          return Promise.resolve();
        },
      },
    ]);
    // Writers that hold their transaction open for different times after recording.
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        withEvents(db, "postgres", async (_trx, record) => {
          await new Promise((r) => setTimeout(r, (i * 7) % 23));
          record({
            type: "message.created",
            stream: groupStream(i % 4),
            payload: { groupId: i % 4, messageId: i, authorId: 1 },
          });
        }),
      ),
    );
    await runner.settled();
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });
});
