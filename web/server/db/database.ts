import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DatabaseConfig } from "@soskes/config";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Migrator, type MigrationResultSet } from "kysely/migration";
import pg from "pg";
import { migrations, type Dialect } from "./migrations/index.js";
import type { Database } from "./schema.js";

// int8 columns hold epoch milliseconds, well inside Number's exact range.
pg.types.setTypeParser(20, (value) => Number(value));

export type Db = Kysely<Database>;
export type PortalDatabase = { db: Db; dialect: Dialect; close: () => Promise<void> };

/** Opens the portal database: SQLite by default, PostgreSQL when a URL is configured. */
export function openDatabase(config: DatabaseConfig): PortalDatabase {
  if (config.client === "postgres") {
    // A server out of reach fails a request within seconds (503) instead of holding it.
    const pool = new pg.Pool({
      connectionString: config.connectionString,
      max: 10,
      connectionTimeoutMillis: 5000,
    });
    // A connection the server ends (a restart, a failover) must not take the process down: an
    // idle one is dropped by the pool (its "error"), and one that is checked out between two
    // queries (inside a transaction) would otherwise emit "error" with nobody listening — the
    // query waiting on it fails (503) and the pool opens a new connection for the next.
    pool.on("error", () => undefined);
    pool.on("connect", (client) => client.on("error", () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  // One connection per file in a process, shared by the nodes a test or script starts in it:
  // better-sqlite3 waits for a lock synchronously, so a second connection in the same process
  // would freeze the event loop that the first needs to finish its transaction.
  const key = path.resolve(config.filename);
  let shared = sqliteFiles.get(key);
  if (!shared) {
    mkdirSync(path.dirname(config.filename), { recursive: true });
    const sqlite = new SQLite(config.filename);
    // WAL lets readers continue while a write commits; busy_timeout waits instead of failing
    // (another process writing).
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    const opened = {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
      users: 0,
    };
    sqliteFiles.set(key, opened);
    shared = opened;
  }
  const file = shared;
  file.users++;
  let closed = false;
  return {
    db: file.db,
    dialect: "sqlite",
    close: async () => {
      if (closed) return;
      closed = true;
      if (--file.users > 0) return;
      sqliteFiles.delete(key);
      await file.db.destroy();
    },
  };
}

const sqliteFiles = new Map<string, { db: Kysely<Database>; users: number }>();

export async function migrate(database: PortalDatabase): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(migrations(database.dialect)) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error)
    throw result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
  return result;
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs as much as running a small query.
 * The same SQL text reuses its prepared statement (unless it is still being iterated).
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      const cached = cache.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
