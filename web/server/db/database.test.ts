import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshPostgres } from "../test/fixtures.js";
import { openDatabase, type PortalDatabase } from "./database.js";

describe.runIf(process.env.TEST_DATABASE_URL)("PostgreSQL connections the server ends", () => {
  let fresh: { url: string; drop: () => Promise<void> };
  let database: PortalDatabase;
  beforeAll(async () => {
    fresh = await freshPostgres("soskes_conn");
    database = openDatabase({ client: "postgres", connectionString: fresh.url });
  });
  afterAll(async () => {
    await database?.close();
    await fresh?.drop();
  });

  it("a connection ended between two queries of a transaction fails the transaction, not the process", async () => {
    const admin = new pg.Client({ connectionString: fresh.url });
    await admin.connect();
    try {
      await expect(
        database.db.transaction().execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
          // The connection reports its end while no query runs on it: nobody but the pool listens.
          await new Promise((r) => setTimeout(r, 300));
          await sql`select 1`.execute(trx);
        }),
      ).rejects.toThrow();
    } finally {
      await admin.end();
    }
    // The pool opens a new connection for the next query.
    expect((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows).toEqual([{ one: 1 }]);
  });
});
