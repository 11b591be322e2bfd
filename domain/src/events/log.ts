import { EventEmitter } from "node:events";
import { sql, type Kysely, type Transaction } from "kysely";
import type { EventsDatabase } from "./schema.js";
import type { DomainEvent, NewEvent } from "./types.js";

export type Dialect = "sqlite" | "postgres";

/** Any transaction-capable handle on a database that has the event tables. */
type EventsDb = Kysely<EventsDatabase>;

// One number for PostgreSQL's transaction-level advisory lock on appending (any fixed key works).
const APPEND_LOCK = 740_215_017;

const committed = new EventEmitter();
committed.setMaxListeners(100);

/** Called after a transaction that recorded events has committed, in this process. */
export function onEventsCommitted(listener: () => void): () => void {
  committed.on("committed", listener);
  return () => committed.off("committed", listener);
}

/**
 * Appends events inside the caller's transaction. On PostgreSQL the appends of concurrent
 * transactions are serialised from here to their commit, so ids follow commit order and a reader
 * that has passed id n never later finds a smaller id committed (the classic outbox gap). SQLite
 * writes one transaction at a time anyway.
 */
export async function appendEvents(
  trx: Transaction<EventsDatabase>,
  dialect: Dialect,
  events: NewEvent[],
): Promise<number[]> {
  if (events.length === 0) return [];
  if (dialect === "postgres") await sql`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`.execute(trx);
  const now = Date.now();
  const rows = await trx
    .insertInto("domain_events")
    .values(
      events.map((e) => ({
        stream: e.stream,
        type: e.type,
        payload: JSON.stringify(e.payload),
        created_at: now,
      })),
    )
    .returning("id")
    .execute();
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** A recorded event's id, known once its transaction has appended it. */
export type EventRef = { readonly id: number };

/**
 * A unit of work: `work` changes rows through `trx` and records the events its change causes;
 * both commit together or not at all. Processors in this process are woken once it commits.
 */
export async function withEvents<DB extends EventsDatabase, T>(
  db: Kysely<DB>,
  dialect: Dialect,
  work: (trx: Transaction<DB>, record: (event: NewEvent) => EventRef) => Promise<T> | T,
): Promise<T> {
  const pending: NewEvent[] = [];
  const refs: Array<{ id: number }> = [];
  const result = await db.transaction().execute(async (trx) => {
    const value = await work(trx, (event) => {
      pending.push(event);
      const ref = { id: 0 };
      refs.push(ref);
      return ref;
    });
    const ids = await appendEvents(trx as unknown as Transaction<EventsDatabase>, dialect, pending);
    ids.forEach((id, i) => (refs[i]!.id = id));
    return value;
  });
  if (pending.length > 0) committed.emit("committed");
  return result;
}

/** Events after `position`, oldest first. */
export async function readEvents(db: EventsDb, position: number, limit: number): Promise<DomainEvent[]> {
  const rows = await db
    .selectFrom("domain_events")
    .selectAll()
    .where("id", ">", position)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map(
    (r) =>
      ({
        id: Number(r.id),
        stream: r.stream,
        type: r.type,
        payload: JSON.parse(r.payload) as unknown,
        createdAt: Number(r.created_at),
      }) as DomainEvent,
  );
}

/** The id of the newest event (0 when none). */
export async function headPosition(db: EventsDb): Promise<number> {
  const row = await db
    .selectFrom("domain_events")
    .select((eb) => eb.fn.max("id").as("head"))
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}
