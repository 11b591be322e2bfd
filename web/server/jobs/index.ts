import { runFreshnessReminders } from "./freshness-reminders.js";
import { runLinkCheck } from "./link-check.js";
import { reindexNotices } from "../search/notices.js";
import type { Job } from "./scheduler.js";
import { pruneEvents } from "./prune-events.js";

const TEN_MINUTES = 10 * 60_000;

/** Every periodic job of a portal node. */
export const PORTAL_JOBS: Job[] = [
  { name: "chat-digests", everyMs: TEN_MINUTES, runs: "one-node", run: (s) => s.chat.runDigests() },
  {
    name: "consultations-auto-close",
    everyMs: TEN_MINUTES,
    runs: "one-node",
    run: (s) => s.consult.autoClose(),
  },
  {
    // Expired notices leave search (each node's own index).
    name: "notices-reindex",
    everyMs: TEN_MINUTES,
    runs: "every-node",
    atStart: true,
    run: (s) => reindexNotices(s),
  },
  {
    // External links in the content, each checked once a day.
    name: "link-check",
    everyMs: TEN_MINUTES,
    runs: "one-node",
    run: async (s) =>
      runLinkCheck({ db: s.db, logger: s.logger }, (await s.content.current()).data, {
        net: { ports: s.config.portal.outboundPorts },
      }),
  },
  {
    // Owners hear of records falling due (once per record and due date, whichever node runs it).
    name: "freshness-reminders",
    everyMs: TEN_MINUTES,
    runs: "one-node",
    atStart: true,
    run: (s) => runFreshnessReminders(s),
  },
  { name: "sessions-purge", everyMs: TEN_MINUTES, runs: "one-node", run: (s) => s.sessions.purgeExpired() },
  { name: "events-prune", everyMs: 60 * 60_000, runs: "one-node", run: (s) => pruneEvents(s.db) },
];
