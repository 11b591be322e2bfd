import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareQuery } from "@soskes/chat";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../commands/users.js";
import { DATABASES, freshPostgres } from "../test/fixtures.js";
import { migrate, openDatabase, type PortalDatabase } from "./database.js";

describe.each(DATABASES)("queries compiled once (%s)", (kind) => {
  let database: PortalDatabase;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (kind === "postgres") {
      const fresh = await freshPostgres("soskes_prepared");
      drop = fresh.drop;
      database = openDatabase({ client: "postgres", connectionString: fresh.url });
    } else {
      const dir = mkdtempSync(path.join(os.tmpdir(), "soskes-prepared-"));
      database = openDatabase({ client: "sqlite", filename: path.join(dir, "portal.db") });
    }
    await migrate(database);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it("runs with each call's values and keeps the query's own", async () => {
    const { db } = database;
    for (const [email, name, status] of [
      ["aino@example.org", "Aino Esimerkki", "active"],
      ["eero@example.org", "Eero Malli", "active"],
      ["helmi@example.org", "Helmi Kokeilu", "disabled"],
    ] as const)
      await createUser(db, { email, name, status });
    const ids = (await db.selectFrom("users").select("id").orderBy("id").execute()).map((r) => r.id);
    const activeBetween = prepareQuery(db, 2, (from: number, to: number) =>
      db
        .selectFrom("users")
        .select("name")
        .where("id", ">=", from)
        .where("status", "=", "active")
        .where("id", "<=", to)
        .orderBy("id"),
    );
    expect(await activeBetween(ids[0]!, ids[2]!)).toEqual([
      { name: "Aino Esimerkki" },
      { name: "Eero Malli" },
    ]);
    expect(await activeBetween(ids[1]!, ids[1]!)).toEqual([{ name: "Eero Malli" }]);
    expect(await activeBetween(ids[2]!, ids[2]!)).toEqual([]);
  });

  it("refuses a query that does not use an argument as a value", () => {
    const { db } = database;
    expect(() => prepareQuery(db, 1, (_id: number) => db.selectFrom("users").select("name"))).toThrow(
      /argument 0/,
    );
  });
});
