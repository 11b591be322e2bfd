import { paths } from "@soskes/domain/paths";
import type { Selectable } from "kysely";
import type { InboxItemsTable } from "../db/schema.js";

type Data = {
  groupId?: number;
  groupName?: string;
  seq?: number;
  author?: string;
  name?: string;
  panel?: string;
  consultationId?: number;
  answerId?: number;
  urgency?: string;
};

/** Where an item opens: the message in its group, the group, the request or the published answer. */
function targetOf(kind: InboxItemsTable["kind"], d: Data): string {
  if (kind === "answer_published" && d.answerId) return paths.answer(d.answerId);
  if (d.consultationId) return paths.consultation(d.consultationId);
  if (d.groupId === undefined) return paths.groups;
  return kind === "mention" || kind === "reply"
    ? `${paths.group(d.groupId)}#viesti-${d.seq ?? ""}`
    : paths.group(d.groupId);
}

/** An inbox item as its member sees it: what happened, who and where, and where it opens. */
export function presentInboxItem(r: Selectable<InboxItemsTable>) {
  const d = JSON.parse(r.data) as Data;
  return {
    id: r.id,
    kind: r.kind,
    createdAt: Number(r.created_at),
    read: r.read_at !== null,
    url: targetOf(r.kind, d),
    groupName: d.groupName ?? null,
    /** The writer of a message, or the member asking to join. */
    who: d.author ?? d.name ?? null,
    panel: d.panel ?? null,
    urgent: d.urgency === "urgent",
  };
}
