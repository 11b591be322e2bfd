import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { headPosition, onEventsCommitted, readEvents } from "./log.js";
import type { EventsDatabase } from "./schema.js";
import type { DomainEvent, EventType } from "./types.js";

/**
 * A processor reacts to recorded events. It sees every event of its types at least once, in log
 * order (so in order within each stream); a batch that fails is retried, with backoff, from the
 * same position — nothing after it is handled first and nothing is skipped.
 */
export type Processor<DB extends EventsDatabase = EventsDatabase> = {
  name: string;
  /**
   * `claimed`: one node at a time holds it (a lease), for effects shared by all nodes (mail,
   * audit, fan-out through the socket adapter). `node`: every node runs it from its own stored
   * position, for state kept on the node (the embedded search index).
   */
  scope: "claimed" | "node";
  types: readonly EventType[];
  /** A processor seen for the first time starts at the beginning of the log (default) or its head. */
  from?: "start" | "head";
  /**
   * Handle in the transaction that moves the position: effects in the portal database (audit
   * rows, queued mail) then happen exactly once, even if the process dies mid-batch.
   */
  transactional?: boolean;
  /**
   * Live-only effects (sockets): the position lives in memory and starts at the head, so a node
   * that starts does not replay what its sockets never saw. Implies `scope: "node"`.
   */
  ephemeral?: boolean;
  handle(events: DomainEvent[], db: Kysely<DB>): Promise<void>;
};

export type RunnerOptions<DB extends EventsDatabase> = {
  db: Kysely<DB>;
  /** Stable for a node's data directory: node-local positions are stored under it. */
  nodeId: string;
  processors: Processor<DB>[];
  logger: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** The longest a processor waits without being woken (Redis or a local commit wakes it sooner). */
  pollMs?: number;
  batchSize?: number;
  /** How long a claimed processor's lease lasts without renewal (a dead node's passes after it). */
  leaseMs?: number;
  backoff?: { baseMs: number; maxMs: number };
};

export type EventRunner = {
  start(): void;
  /** Look for new events now (a commit here or, through Redis, on another node). */
  wake(): void;
  /** Resolves once every processor this runner holds has passed the log's current head. */
  settled(timeoutMs?: number): Promise<void>;
  /** Where each processor is: name, position, failures (for health and metrics). */
  positions(): Promise<Array<{ name: string; position: number; attempts: number; lastError: string | null }>>;
  stop(): Promise<void>;
};

class LeaseLost extends Error {}

/** Runs processors over the event log until stopped; one loop per processor. */
export function createEventRunner<DB extends EventsDatabase>(options: RunnerOptions<DB>): EventRunner {
  const db = options.db as unknown as Kysely<EventsDatabase>;
  // Leases belong to this process: two processes sharing a data directory never both hold one.
  const owner = `${options.nodeId}#${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 5000;
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 5 * 60_000 };
  let stopped = true;
  let stopCommitted: (() => void) | undefined;
  const wakers = new Set<() => void>();
  const loops: Promise<void>[] = [];
  const memory = new Map<
    string,
    { position: number; attempts: number; retryAt: number; lastError: string | null }
  >();
  const claimed = new Map<
    string,
    { position: number; attempts: number; retryAt: number; leaseUntil: number }
  >();

  const keyOf = (p: Processor<DB>) =>
    p.scope === "node" || p.ephemeral ? `${p.name}@${options.nodeId}` : p.name;

  const wake = () => {
    for (const w of [...wakers]) w();
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });

  async function ensureRow(p: Processor<DB>, key: string, now: number) {
    const existing = await db
      .selectFrom("event_processors")
      .selectAll()
      .where("name", "=", key)
      .executeTakeFirst();
    if (existing) return existing;
    const position = p.from === "head" ? await headPosition(db) : 0;
    await db
      .insertInto("event_processors")
      .values({
        name: key,
        position,
        owner: null,
        lease_until: null,
        attempts: 0,
        retry_at: null,
        last_error: null,
        updated_at: now,
      })
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    return db.selectFrom("event_processors").selectAll().where("name", "=", key).executeTakeFirstOrThrow();
  }

  /** Takes or renews the lease; false when another live node holds it. */
  async function claim(key: string, now: number): Promise<boolean> {
    // Look before writing: the nodes that wait must not contend for SQLite's write lock.
    const current = await db
      .selectFrom("event_processors")
      .select(["owner", "lease_until"])
      .where("name", "=", key)
      .executeTakeFirst();
    if (current?.owner && current.owner !== owner && Number(current.lease_until ?? 0) >= now) return false;
    const result = await db
      .updateTable("event_processors")
      .set({ owner, lease_until: now + leaseMs })
      .where("name", "=", key)
      .where((eb) => eb.or([eb("owner", "is", null), eb("owner", "=", owner), eb("lease_until", "<", now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async function advance(handle: Kysely<EventsDatabase>, p: Processor<DB>, key: string, position: number) {
    let query = handle
      .updateTable("event_processors")
      .set({ position, attempts: 0, retry_at: null, last_error: null, updated_at: Date.now() })
      .where("name", "=", key);
    if (p.scope === "claimed") query = query.where("owner", "=", owner);
    const result = await query.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new LeaseLost(`${key}: lease lost`);
  }

  const delay = (attempts: number) => Math.min(backoff.baseMs * 2 ** (attempts - 1), backoff.maxMs);

  /** One batch. Returns how long to wait before the next try (0: go on at once). */
  async function step(p: Processor<DB>): Promise<number> {
    const key = keyOf(p);
    const now = Date.now();
    if (p.ephemeral) {
      let state = memory.get(key);
      if (!state) {
        state = { position: await headPosition(db), attempts: 0, retryAt: 0, lastError: null };
        memory.set(key, state);
      }
      if (state.retryAt > now) return state.retryAt - now;
      const events = await readEvents(db, state.position, batchSize);
      if (events.length === 0) return pollMs;
      const relevant = events.filter((e) => p.types.includes(e.type));
      try {
        if (relevant.length > 0) await p.handle(relevant, options.db);
        state.position = events[events.length - 1]!.id;
        state.attempts = 0;
        state.lastError = null;
      } catch (err) {
        state.attempts++;
        state.retryAt = now + delay(state.attempts);
        state.lastError = err instanceof Error ? err.message : String(err);
        options.logger.warn(
          { err, processor: p.name, attempts: state.attempts },
          "event processor failed; retrying",
        );
        return state.retryAt - now;
      }
      return 0;
    }

    // The stored row is read when the lease is (re)taken; while this runner holds it, the
    // position and failures are also kept here, so a batch costs a read and one update.
    let held = claimed.get(key);
    if (!held || (p.scope === "claimed" && now > held.leaseUntil - leaseMs / 2)) {
      if (!held) await ensureRow(p, key, now);
      if (p.scope === "claimed" && !(await claim(key, now))) {
        claimed.delete(key);
        return Math.min(pollMs, leaseMs);
      }
      const row = await db
        .selectFrom("event_processors")
        .selectAll()
        .where("name", "=", key)
        .executeTakeFirstOrThrow();
      held = {
        position: Number(row.position),
        attempts: row.attempts,
        retryAt: row.retry_at === null ? 0 : Number(row.retry_at),
        leaseUntil: now + leaseMs,
      };
      claimed.set(key, held);
    }
    const state = held;
    if (state.retryAt > now) return state.retryAt - now;
    const events = await readEvents(db, state.position, batchSize);
    if (events.length === 0) return pollMs;
    const relevant = events.filter((e) => p.types.includes(e.type));
    const last = events[events.length - 1]!.id;
    try {
      if (p.transactional) {
        await db.transaction().execute(async (trx) => {
          if (relevant.length > 0) await p.handle(relevant, trx as unknown as Kysely<DB>);
          await advance(trx, p, key, last);
        });
      } else {
        if (relevant.length > 0) await p.handle(relevant, options.db);
        await advance(db, p, key, last);
      }
      state.position = last;
      state.attempts = 0;
      state.retryAt = 0;
    } catch (err) {
      if (err instanceof LeaseLost) {
        claimed.delete(key);
        return 0;
      }
      state.attempts++;
      state.retryAt = now + delay(state.attempts);
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await db
        .updateTable("event_processors")
        .set({ attempts: state.attempts, retry_at: state.retryAt, last_error: message, updated_at: now })
        .where("name", "=", key)
        .execute();
      const detail = { err, processor: p.name, attempts: state.attempts, position: state.position };
      // A few failures are an outage passing by; more need someone to look.
      if (state.attempts >= 5) options.logger.error(detail, "event processor failed; retrying");
      else options.logger.warn(detail, "event processor failed; retrying");
      return delay(state.attempts);
    }
    return 0;
  }

  async function run(p: Processor<DB>) {
    while (!stopped) {
      let wait: number;
      try {
        wait = await step(p);
      } catch (err) {
        // The log itself is unreachable (database restarting): try again shortly.
        if (stopped) return;
        options.logger.warn({ err, processor: p.name }, "event log unavailable");
        wait = pollMs;
      }
      if (wait > 0 && !stopped) await pause(wait);
    }
  }

  async function positionOf(p: Processor<DB>): Promise<number> {
    const key = keyOf(p);
    if (p.ephemeral) return memory.get(key)?.position ?? -1;
    const row = await db
      .selectFrom("event_processors")
      .select("position")
      .where("name", "=", key)
      .executeTakeFirst();
    return row ? Number(row.position) : -1;
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      stopCommitted = onEventsCommitted(wake);
      for (const p of options.processors) loops.push(run(p));
    },
    wake,
    async settled(timeoutMs = 10_000) {
      const head = await headPosition(db);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const behind = [];
        for (const p of options.processors) if ((await positionOf(p)) < head) behind.push(p.name);
        if (behind.length === 0) return;
        if (Date.now() > deadline) throw new Error(`event processors behind: ${behind.join(", ")}`);
        wake();
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async positions() {
      const out = [];
      for (const p of options.processors) {
        const key = keyOf(p);
        if (p.ephemeral) {
          const s = memory.get(key);
          out.push({
            name: key,
            position: s?.position ?? 0,
            attempts: s?.attempts ?? 0,
            lastError: s?.lastError ?? null,
          });
          continue;
        }
        const row = await db
          .selectFrom("event_processors")
          .selectAll()
          .where("name", "=", key)
          .executeTakeFirst();
        out.push({
          name: key,
          position: Number(row?.position ?? 0),
          attempts: row?.attempts ?? 0,
          lastError: row?.last_error ?? null,
        });
      }
      return out;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopCommitted?.();
      wake();
      await Promise.all(loops.splice(0));
      claimed.clear();
      // Hand claimed processors over at once instead of after the lease runs out.
      await db
        .updateTable("event_processors")
        .set({ owner: null, lease_until: null })
        .where("owner", "=", owner)
        .execute()
        .catch(() => undefined);
    },
  };
}
