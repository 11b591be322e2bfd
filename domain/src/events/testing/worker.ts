/**
 * A processor in its own process, for the test that kills it mid-batch: it handles each event
 * slowly (writing its effect row) and reports on stdout how far it got, so the test can SIGKILL it
 * with a batch half done.
 */
import { sql } from "kysely";
import { createEventRunner } from "../runner.js";
import { connect, type Kind } from "./database.js";

const [kind, location, nodeId] = process.argv.slice(2) as [Kind, string, string];
const db = connect(kind, location);
const runner = createEventRunner({
  db,
  nodeId,
  pollMs: 50,
  leaseMs: 1000,
  batchSize: 20,
  logger: { warn() {}, error() {} },
  processors: [
    {
      name: "audit-like",
      scope: "claimed",
      transactional: true,
      types: ["message.created"],
      async handle(events, trx) {
        for (const e of events) {
          await trx.insertInto("effects").values({ event_id: e.id, processor: "audit-like" }).execute();
          process.stdout.write(`handled ${e.id}\n`);
          await sql`SELECT 1`.execute(trx);
          await new Promise((r) => setTimeout(r, 20));
        }
      },
    },
  ],
});
runner.start();
// Never outlive the test that started it.
process.on("disconnect", () => process.exit(0));
