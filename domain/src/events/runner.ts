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
  /**
   * Lets events gather for up to this long before handling them (default 0): an index written or
   * mail queued once per quarter second under load instead of once per event. For effects nobody
   * waits for by the millisecond.
   */
  coalesceMs?: number;
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
  /**
   * How long the position of a processor that is not transactional may be kept in memory only
   * (default 1 s): under load it is stored about once a second instead of after every batch, so
   * the writes it costs do not grow with the traffic. A crash replays at most that much to it.
   */
  flushMs?: number;
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
  /** Moves the position, in the handler's transaction when it has one (then stored at once). */
  advance(handle: Kysely<EventsDatabase>, position: number): Promise<void>;
  /**
   * Moves the position in memory; it is stored by `flush`, at most `flushMs` later. For handlers
   * whose effects may repeat (at least once): a crash replays at most that much to them.
   */
  move(position: number): void;
  /** Stores a position moved in memory; `force` at once, else when `flushMs` has passed. Returns ms until due. */
  flush(now: number, force?: boolean): Promise<number>;
  /** Where the processor is, as this runner knows it (memory), or undefined if not held. */
  current(): State | undefined;
  failed(state: State, now: number): Promise<void>;
  /** Forget what is held (the lease was lost). */
  release(): void;
};

type Shared = {
  db: Kysely<EventsDatabase>;
  owner: string;
  leaseMs: number;
  flushMs: number;
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
    move(position) {
      if (state) state.position = position;
    },
    flush() {
      return Promise.resolve(Infinity);
    },
    current() {
      return state;
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
  const { db, owner, leaseMs, flushMs } = shared;
  let held: (State & { leaseUntil: number }) | undefined;
  /** The position as stored, and when it was. */
  let stored = { position: -1, at: 0 };

  async function store(handle: Kysely<EventsDatabase>, position: number) {
    let query = handle
      .updateTable("event_processors")
      .set({ position, attempts: 0, retry_at: null, last_error: null, updated_at: Date.now() })
      .where("name", "=", key);
    if (p.scope === "claimed") query = query.where("owner", "=", owner);
    const result = await query.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new LeaseLost(`${key}: lease lost`);
    stored = { position, at: Date.now() };
  }

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
      // A renewed lease goes on from memory (it may be ahead of what is stored).
      const position = Math.max(Number(row.position), held?.position ?? -1);
      held = {
        position,
        attempts: row.attempts,
        retryAt: row.retry_at === null ? 0 : Number(row.retry_at),
        lastError: row.last_error,
        leaseUntil: now + leaseMs,
      };
      if (stored.position < 0) stored = { position: Number(row.position), at: now };
      return held;
    },
    advance: store,
    move(position) {
      if (held) held.position = position;
    },
    async flush(now, force = false) {
      if (!held || held.position <= stored.position) return Infinity;
      const due = stored.at + flushMs - now;
      if (!force && due > 0) return due;
      await store(db, held.position);
      return Infinity;
    },
    current() {
      return held;
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
      stored = { position: -1, at: 0 };
    },
  };
}

/**
 * Pauses that a wake-up ends early. A wake-up that comes while a loop is busy is not lost: the
 * loop's next pause, begun from an older generation, ends at once.
 */
function createWaker() {
  const waiting = new Set<() => void>();
  let generation = 0;
  const wake = () => {
    generation++;
    for (const w of [...waiting]) w();
  };
  const pause = (ms: number, since: number) =>
    new Promise<void>((resolve) => {
      if (since !== generation) return resolve();
      const done = () => {
        clearTimeout(timer);
        waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiting.add(done);
    });
  return { wake, pause, generation: () => generation };
}

/** Runs processors over the event log until stopped; one loop per processor. */
export function createEventRunner<DB extends EventsDatabase>(options: RunnerOptions<DB>): EventRunner {
  const db = options.db as unknown as Kysely<EventsDatabase>;
  // Leases belong to this process: two processes sharing a data directory never both hold one.
  const shared: Shared = {
    db,
    owner: `${options.nodeId}#${randomUUID().slice(0, 8)}`,
    leaseMs: options.leaseMs ?? 5000,
    flushMs: options.flushMs ?? 1000,
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
  async function step(p: Processor<DB>, track: Track, generation: number): Promise<number> {
    const now = Date.now();
    const state = await track.hold(now);
    if (typeof state === "number") return Math.min(pollMs, state);
    if (state.retryAt > now) return state.retryAt - now;
    const events = await read(state.position, generation);
    if (events.length === 0) {
      try {
        return Math.min(pollMs, await track.flush(now));
      } catch (err) {
        if (!(err instanceof LeaseLost)) throw err;
        track.release();
        return 0;
      }
    }
    const relevant = events.filter((e) => p.types.includes(e.type));
    const oldest = relevant[0];
    if (p.coalesceMs && oldest && events.length < batchSize) {
      const waited = now - oldest.createdAt;
      if (waited < p.coalesceMs) return p.coalesceMs - waited;
    }
    const last = events[events.length - 1]!.id;
    try {
      // A batch with nothing for a transactional processor has no effect to make atomic.
      if (p.transactional && relevant.length > 0) {
        await db.transaction().execute(async (trx) => {
          await p.handle(relevant, trx as unknown as Kysely<DB>);
          await track.advance(trx, last);
        });
      } else {
        if (relevant.length > 0) await p.handle(relevant, options.db);
        track.move(last);
        await track.flush(now);
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

  const read = sharedReader(db, batchSize);
  const positions = () => readPositions(db, tracks, keyOf);

  async function run(p: Processor<DB>, track: Track) {
    while (!stopped) {
      let wait: number;
      const generation = waker.generation();
      try {
        wait = await step(p, track, generation);
      } catch (err) {
        // The log itself is unreachable (database restarting): try again shortly.
        if (stopped) return;
        options.logger.warn({ err, processor: p.name }, "event log unavailable");
        wait = pollMs;
      }
      if (wait > 0 && !stopped) await waker.pause(wait, generation);
    }
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
      // What is only in memory is stored before the leases go.
      for (const track of tracks.values())
        await track.flush(Date.now(), true).catch((err: unknown) => {
          options.logger.warn({ err }, "event processor position not stored at stop");
        });
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

/**
 * The log read once per wake-up and position: processors at the same place (most of them, most
 * of the time) share one query instead of each making its own.
 */
function sharedReader(db: Kysely<EventsDatabase>, batchSize: number) {
  let reads = new Map<number, { at: number; events: Promise<DomainEvent[]> }>();
  let readsOf = -1;
  return (position: number, generation: number) => {
    const now = Date.now();
    if (readsOf !== generation) {
      reads = new Map();
      readsOf = generation;
    }
    let found = reads.get(position);
    // Shared within one burst only: a poll later must look again (another node may have written
    // without a wake-up reaching this one).
    if (!found || now - found.at > 20) {
      found = { at: now, events: readEvents(db, position, batchSize) };
      reads.set(position, found);
      found.events.catch(() => reads.delete(position));
    }
    return found.events;
  };
}

/** Where each processor is: the runner's memory for what it holds, the stored row otherwise. */
async function readPositions<P extends { ephemeral?: boolean }>(
  db: Kysely<EventsDatabase>,
  tracks: Map<P, Track>,
  keyOf: (p: P) => string,
) {
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
    // Held here: memory is ahead of what is stored (stored at most flushMs later).
    const held = track.current();
    out.push(
      held
        ? { name, position: held.position, attempts: held.attempts, lastError: held.lastError }
        : {
            name,
            position: Number(row?.position ?? -1),
            attempts: row?.attempts ?? 0,
            lastError: row?.last_error ?? null,
          },
    );
  }
  return out;
}
