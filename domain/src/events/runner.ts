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

/** Where a processor is: its position, and its failures at that position. */
type State = { position: number; attempts: number; retryAt: number; lastError: string | null };

/** How a processor's position is kept: in memory (live-only) or in `event_processors`. */
type Track = {
  /** The state to go on from, or how long to wait (another node holds the lease). */
  hold(now: number): Promise<State | number>;
  /** Moves the position, in the handler's transaction when it has one. */
  advance(handle: Kysely<EventsDatabase>, position: number): Promise<void>;
  failed(state: State, now: number): Promise<void>;
  /** Forget what is held (the lease was lost). */
  release(): void;
};

type Shared = {
  db: Kysely<EventsDatabase>;
  owner: string;
  leaseMs: number;
};

function memoryTrack(db: Kysely<EventsDatabase>): Track {
  let state: State | undefined;
  return {
    async hold() {
      state ??= { position: await headPosition(db), attempts: 0, retryAt: 0, lastError: null };
      return state;
    },
    advance() {
      return Promise.resolve();
    },
    failed() {
      return Promise.resolve();
    },
    release() {},
  };
}

/**
 * A position stored in `event_processors`. The row is read when the lease is (re)taken; while this
 * runner holds it the state is also kept here, so a batch costs one read and one update.
 */
function storedTrack(shared: Shared, key: string, p: Pick<Processor, "scope" | "from">): Track {
  const { db, owner, leaseMs } = shared;
  let held: (State & { leaseUntil: number }) | undefined;

  async function ensureRow(now: number) {
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
  }

  /** Takes or renews the lease; false when another live node holds it. */
  async function claim(now: number): Promise<boolean> {
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

  return {
    async hold(now) {
      if (held && (p.scope === "node" || now <= held.leaseUntil - leaseMs / 2)) return held;
      if (!held) {
        const exists = await db
          .selectFrom("event_processors")
          .select("name")
          .where("name", "=", key)
          .executeTakeFirst();
        if (!exists) await ensureRow(now);
      }
      if (p.scope === "claimed" && !(await claim(now))) {
        held = undefined;
        return leaseMs;
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
        lastError: row.last_error,
        leaseUntil: now + leaseMs,
      };
      return held;
    },
    async advance(handle, position) {
      let query = handle
        .updateTable("event_processors")
        .set({ position, attempts: 0, retry_at: null, last_error: null, updated_at: Date.now() })
        .where("name", "=", key);
      if (p.scope === "claimed") query = query.where("owner", "=", owner);
      const result = await query.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new LeaseLost(`${key}: lease lost`);
    },
    async failed(state, now) {
      await db
        .updateTable("event_processors")
        .set({
          attempts: state.attempts,
          retry_at: state.retryAt,
          last_error: state.lastError,
          updated_at: now,
        })
        .where("name", "=", key)
        .execute();
    },
    release() {
      held = undefined;
    },
  };
}

/** Pauses that a wake-up ends early. */
function createWaker() {
  const waiting = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiting]) w();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiting.add(done);
    });
  return { wake, pause };
}

/** Runs processors over the event log until stopped; one loop per processor. */
export function createEventRunner<DB extends EventsDatabase>(options: RunnerOptions<DB>): EventRunner {
  const db = options.db as unknown as Kysely<EventsDatabase>;
  // Leases belong to this process: two processes sharing a data directory never both hold one.
  const shared: Shared = {
    db,
    owner: `${options.nodeId}#${randomUUID().slice(0, 8)}`,
    leaseMs: options.leaseMs ?? 5000,
  };
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 100;
  const backoff = options.backoff ?? { baseMs: 500, maxMs: 5 * 60_000 };
  const delay = (attempts: number) => Math.min(backoff.baseMs * 2 ** (attempts - 1), backoff.maxMs);
  const waker = createWaker();
  const keyOf = (p: Processor<DB>) =>
    p.scope === "node" || p.ephemeral ? `${p.name}@${options.nodeId}` : p.name;
  const tracks = new Map(
    options.processors.map((p) => [p, p.ephemeral ? memoryTrack(db) : storedTrack(shared, keyOf(p), p)]),
  );
  let stopped = true;
  let stopCommitted: (() => void) | undefined;
  const loops: Promise<void>[] = [];

  /** One batch. Returns how long to wait before the next try (0: go on at once). */
  async function step(p: Processor<DB>, track: Track): Promise<number> {
    const now = Date.now();
    const state = await track.hold(now);
    if (typeof state === "number") return Math.min(pollMs, state);
    if (state.retryAt > now) return state.retryAt - now;
    const events = await readEvents(db, state.position, batchSize);
    if (events.length === 0) return pollMs;
    const relevant = events.filter((e) => p.types.includes(e.type));
    const last = events[events.length - 1]!.id;
    try {
      if (p.transactional) {
        await db.transaction().execute(async (trx) => {
          if (relevant.length > 0) await p.handle(relevant, trx as unknown as Kysely<DB>);
          await track.advance(trx, last);
        });
      } else {
        if (relevant.length > 0) await p.handle(relevant, options.db);
        await track.advance(db, last);
      }
      Object.assign(state, { position: last, attempts: 0, retryAt: 0, lastError: null });
      return 0;
    } catch (err) {
      if (err instanceof LeaseLost) {
        track.release();
        return 0;
      }
      state.attempts++;
      state.retryAt = now + delay(state.attempts);
      state.lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await track.failed(state, now);
      const detail = { err, processor: p.name, attempts: state.attempts, position: state.position };
      // A few failures are an outage passing by; more need someone to look.
      if (state.attempts >= 5) options.logger.error(detail, "event processor failed; retrying");
      else options.logger.warn(detail, "event processor failed; retrying");
      return delay(state.attempts);
    }
  }

  async function run(p: Processor<DB>, track: Track) {
    while (!stopped) {
      let wait: number;
      try {
        wait = await step(p, track);
      } catch (err) {
        // The log itself is unreachable (database restarting): try again shortly.
        if (stopped) return;
        options.logger.warn({ err, processor: p.name }, "event log unavailable");
        wait = pollMs;
      }
      if (wait > 0 && !stopped) await waker.pause(wait);
    }
  }

  async function positions() {
    const out = [];
    for (const [p, track] of tracks) {
      const name = keyOf(p);
      if (p.ephemeral) {
        const s = await track.hold(Date.now());
        const state = typeof s === "number" ? undefined : s;
        out.push({
          name,
          position: state?.position ?? 0,
          attempts: state?.attempts ?? 0,
          lastError: state?.lastError ?? null,
        });
        continue;
      }
      const row = await db
        .selectFrom("event_processors")
        .selectAll()
        .where("name", "=", name)
        .executeTakeFirst();
      out.push({
        name,
        position: Number(row?.position ?? -1),
        attempts: row?.attempts ?? 0,
        lastError: row?.last_error ?? null,
      });
    }
    return out;
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      stopCommitted = onEventsCommitted(waker.wake);
      for (const [p, track] of tracks) loops.push(run(p, track));
    },
    wake: waker.wake,
    async settled(timeoutMs = 10_000) {
      const head = await headPosition(db);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const behind = (await positions()).filter((p) => p.position < head).map((p) => p.name);
        if (behind.length === 0) return;
        if (Date.now() > deadline) throw new Error(`event processors behind: ${behind.join(", ")}`);
        waker.wake();
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    positions,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopCommitted?.();
      waker.wake();
      await Promise.all(loops.splice(0));
      for (const track of tracks.values()) track.release();
      // Hand claimed processors over at once instead of after the lease runs out.
      await db
        .updateTable("event_processors")
        .set({ owner: null, lease_until: null })
        .where("owner", "=", shared.owner)
        .execute()
        .catch(() => undefined);
    },
  };
}
