import type { Generated } from "kysely";
import type { Migration } from "kysely/migration";

/**
 * The durable event log (the outbox): one row per domain event, written in the transaction of
 * the change it describes. Payloads carry ids only — processors read the current rows — so no
 * message text or personal detail outlives its record here.
 */
export type DomainEventsTable = {
  /** Global order: on PostgreSQL appends are serialised, so ids also follow commit order. */
  id: Generated<number>;
  /** Events of one stream (`group:12`, `user:3`) are always processed in the order written. */
  stream: string;
  type: string;
  /** JSON: ids and small facts, never free text. */
  payload: string;
  created_at: number;
};

/**
 * Where each processor is in the log. A claimed processor (one node at a time) holds the lease;
 * a node-local one has a row per node (`search@<node>`).
 */
export type EventProcessorsTable = {
  name: string;
  position: number;
  owner: string | null;
  lease_until: number | null;
  /** Failures in a row at this position; retried with backoff from `retry_at`. */
  attempts: number;
  retry_at: number | null;
  last_error: string | null;
  updated_at: number;
};

/** Periodic work that one node at a time does: who holds it, until when. */
export type LeasesTable = {
  name: string;
  owner: string;
  until: number;
};

export type EventsDatabase = {
  domain_events: DomainEventsTable;
  event_processors: EventProcessorsTable;
  leases: LeasesTable;
};

export function eventsMigration(dialect: "sqlite" | "postgres"): Migration {
  const millis = dialect === "postgres" ? "bigint" : "integer";
  return {
    async up(db) {
      const table = db.schema.createTable("domain_events");
      await (
        dialect === "postgres"
          ? table.addColumn("id", "bigserial", (c) => c.primaryKey())
          : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
      )
        .addColumn("stream", "varchar(80)", (c) => c.notNull())
        .addColumn("type", "varchar(60)", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("event_processors")
        .addColumn("name", "varchar(120)", (c) => c.primaryKey())
        .addColumn("position", millis, (c) => c.notNull())
        .addColumn("owner", "varchar(120)")
        .addColumn("lease_until", millis)
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("retry_at", millis)
        .addColumn("last_error", "varchar(500)")
        .addColumn("updated_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("leases")
        .addColumn("name", "varchar(120)", (c) => c.primaryKey())
        .addColumn("owner", "varchar(120)", (c) => c.notNull())
        .addColumn("until", millis, (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable("leases").execute();
      await db.schema.dropTable("event_processors").execute();
      await db.schema.dropTable("domain_events").execute();
    },
  };
}
