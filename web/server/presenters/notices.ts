import type { Selectable } from "kysely";
import type { NoticesTable, Role } from "../db/schema.js";
import { canNotice } from "../policies/notices.js";

/** A notice as its viewer sees it, with what they may do to it. */
export function presentNotice(
  r: Selectable<NoticesTable>,
  authorName: string,
  viewer: { id: number; role: Role },
  today: string,
) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    author: { id: r.author_id, name: authorName },
    municipalityCode: r.municipality_code,
    expiresOn: r.expires_on,
    expired: r.expires_on < today,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    mine: r.author_id === viewer.id,
    abilities: { update: canNotice(viewer, "update", r), delete: canNotice(viewer, "delete", r) },
  };
}
