import { finnishDate } from "@soskes/domain";
import type { DomainEvent, Processor } from "@soskes/domain";
import type { SearchDocument } from "@soskes/search";
import { answerDocument } from "../search/answers.js";
import { messageDocument } from "../search/messages.js";
import { activeNotices, noticeDocument } from "../search/notices.js";
import type { Database } from "../db/schema.js";
import type { Services } from "../services.js";
import { MESSAGE_EVENTS, messageEvents } from "./messages.js";

type Deps = Pick<Services, "chat" | "consult" | "db" | "search" | "config">;
type Found = { upsert: SearchDocument[]; remove: string[] };

const idsOf = <T extends DomainEvent["type"]>(
  batch: DomainEvent[],
  type: T,
  pick: (e: Extract<DomainEvent, { type: T }>) => number,
) => [...new Set(batch.filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type).map(pick))];

/** Messages as they are now: a message edited twice in the batch is written once, last. */
async function messages(deps: Deps, batch: DomainEvent[]): Promise<Found> {
  const { ids } = messageEvents(batch);
  if (ids.length === 0) return { upsert: [], remove: [] };
  const live = (await deps.chat.messagesByIds(ids)).filter((f) => !f.message.deletedAt);
  const liveIds = new Set(live.map((f) => f.message.id));
  return {
    upsert: live.map((f) => messageDocument(f.message, f.group)),
    remove: ids.filter((id) => !liveIds.has(id)).map((id) => `message:${id}`),
  };
}

/** Notices showing now are in the index; removed or expired ones are not. */
async function notices(deps: Deps, batch: DomainEvent[]): Promise<Found> {
  const ids = idsOf(batch, "notice.changed", (e) => e.payload.noticeId);
  if (ids.length === 0) return { upsert: [], remove: [] };
  const rows = await activeNotices(deps.db, finnishDate(Date.now()))
    .selectAll()
    .where("id", "in", ids)
    .execute();
  const showing = new Set(rows.map((r) => r.id));
  return {
    upsert: rows.map(noticeDocument),
    remove: ids.filter((id) => !showing.has(id)).map((id) => `notice:${id}`),
  };
}

/** Published answers are in the index; withdrawn ones are not. */
async function answers(deps: Deps, batch: DomainEvent[]): Promise<Found> {
  const ids = idsOf(batch, "answer.changed", (e) => e.payload.answerId);
  const found: Found = { upsert: [], remove: [] };
  for (const id of ids) {
    const answer = await deps.consult.getAnswer(id).catch(() => null);
    if (answer) found.upsert.push(answerDocument(answer));
    else found.remove.push(`answer:${id}`);
  }
  return found;
}

export const SEARCH_EVENTS = [...MESSAGE_EVENTS, "notice.changed", "answer.changed"] as const;

/**
 * Search indexing of what members write: group messages, notices and answer-bank entries. The
 * embedded index lives on each node, so every node runs this from its own position; a shared
 * Meilisearch index is written by one node. A failed write is retried from the same position.
 */
export function searchProcessor(services: Deps): Processor<Database> {
  return {
    name: "search",
    scope: services.config.search.meili ? "claimed" : "node",
    coalesceMs: 250,
    types: SEARCH_EVENTS,
    async handle(batch) {
      const parts = await Promise.all([
        messages(services, batch),
        notices(services, batch),
        answers(services, batch),
      ]);
      const upsert = parts.flatMap((p) => p.upsert);
      const remove = parts.flatMap((p) => p.remove);
      if (upsert.length > 0) await services.search.upsert(upsert);
      if (remove.length > 0) await services.search.remove(remove);
    },
  };
}
