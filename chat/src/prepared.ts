import type { Compilable, Kysely } from "kysely";

/** Where an argument goes in a query compiled ahead of its values. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query built and compiled once, then run with new values. Kysely builds and compiles a query
 * anew on every call; on the path every request takes (its session, the signed-in member, their
 * groups) that costs more than SQLite takes to answer. `build` receives stand-ins for the
 * arguments and must use each of them as a value of the query.
 */
export function prepareQuery<DB, Args extends unknown[], Row>(
  db: Kysely<DB>,
  arity: Args["length"],
  build: (...args: Args) => Compilable<Row>,
): (...args: Args) => Promise<Row[]> {
  const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
  const compiled = build(...(slots as unknown as Args)).compile();
  const positions = compiled.parameters.map((p) => (p instanceof Slot ? p.index : -1));
  for (const slot of slots)
    if (!positions.includes(slot.index))
      throw new Error(`argument ${slot.index} is not a value of the query`);
  return async (...args) => {
    const parameters = compiled.parameters.map((p, i) => (positions[i]! >= 0 ? args[positions[i]!] : p));
    return (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
  };
}
