import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { freshPostgres } from "../../../../tests/helpers/services.js";
import { eventsMigration, type EventsDatabase } from "../schema.js";

export type Kind = "sqlite" | "postgres";
export const KINDS: Kind[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

/** What the test processors write: one row per handled event, so doubles show. */
export type EffectsTable = { event_id: number; processor: string };
export type TestDatabase = EventsDatabase & { effects: EffectsTable };

pg.types.setTypeParser(20, (value) => Number(value));

/** A pool whose connections may be ended by the server (the database is dropped after a test). */
function pool(connectionString: string, max: number) {
  const p = new pg.Pool({ connectionString, max });
  p.on("error", () => undefined);
  return p;
}

/** A new database with the event tables, and where to reach it (for a child process). */
export async function freshEventsDb(kind: Kind) {
  let location: string;
  let drop = async () => {};
  let db: Kysely<TestDatabase>;
  if (kind === "postgres") {
    const fresh = await freshPostgres("soskes_events");
    location = fresh.url;
    db = new Kysely({ dialect: new PostgresDialect({ pool: pool(fresh.url, 10) }) });
    drop = fresh.drop;
  } else {
    location = path.join(mkdtempSync(path.join(os.tmpdir(), "soskes-events-")), "events.sqlite");
    db = new Kysely({ dialect: new SqliteDialect({ database: openSqlite(location) }) });
  }
  await eventsMigration(kind).up(db);
  await db.schema
    .createTable("effects")
    .addColumn("event_id", "integer", (c) => c.notNull())
    .addColumn("processor", "varchar(60)", (c) => c.notNull())
    .execute();
  return {
    db,
    location,
    close: async () => {
      await db.destroy();
      await drop();
    },
  };
}

export function openSqlite(file: string): SQLite.Database {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

/** The same database from another process or connection pool. */
export function connect(kind: Kind, location: string): Kysely<TestDatabase> {
  return kind === "postgres"
    ? new Kysely({ dialect: new PostgresDialect({ pool: pool(location, 5) }) })
    : new Kysely({ dialect: new SqliteDialect({ database: openSqlite(location) }) });
}
