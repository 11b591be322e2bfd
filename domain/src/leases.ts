import type { Kysely } from "kysely";
import type { EventsDatabase } from "./events/schema.js";

/**
 * Takes the named lease for `ms` if nobody else holds it (or theirs ran out): true when this owner
 * holds it now. A node that dies holding it loses it when it runs out.
 */
export async function tryLease<DB extends EventsDatabase>(
  database: Kysely<DB>,
  name: string,
  owner: string,
  ms: number,
  now = Date.now(),
): Promise<boolean> {
  const db = database as unknown as Kysely<EventsDatabase>;
  await db
    .insertInto("leases")
    .values({ name, owner, until: now + ms })
    .onConflict((oc) =>
      oc
        .column("name")
        .doUpdateSet({ owner, until: now + ms })
        .where((eb) => eb.or([eb("leases.owner", "=", owner), eb("leases.until", "<", now)])),
    )
    .execute();
  const row = await db.selectFrom("leases").select("owner").where("name", "=", name).executeTakeFirst();
  return row?.owner === owner;
}
