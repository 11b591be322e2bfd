import type { Selectable } from "kysely";
import type { NoticesTable } from "../db/schema.js";
import { plainText } from "@soskes/chat";
import { finnishDate } from "@soskes/domain";
import type { SearchDocument, SearchService } from "@soskes/search";
import type { Db } from "../db/database.js";
import { paths } from "@soskes/domain/paths";

type Row = Selectable<NoticesTable>;

export const NOTICE_SOURCE = "notices";

/** A notice as a search document: every member may find it until it expires or is removed. */
export function noticeDocument(
  row: Pick<Row, "id" | "title" | "body" | "municipality_code">,
): SearchDocument {
  return {
    key: `notice:${row.id}`,
    source: NOTICE_SOURCE,
    type: "notice",
    id: String(row.id),
    audience: "members",
    title: row.title,
    keywords: [],
    text: plainText(row.body),
    url: paths.notice(row.id),
    municipalityCodes: row.municipality_code ? [row.municipality_code] : [],
    serviceAreas: [],
    statute: null,
    section: null,
  };
}

export const activeNotices = (db: Db, today: string) =>
  db.selectFrom("notices").where("removed_at", "is", null).where("expires_on", ">=", today);

/** Makes the index's notices equal to the notices showing now (start, the periodic job, reindex). */
export async function reindexNotices(
  services: { db: Db; search: SearchService },
  progress?: (done: number, total: number) => void,
  options: { force?: boolean } = {},
) {
  const rows = await activeNotices(services.db, finnishDate(Date.now())).selectAll().execute();
  return services.search.reconcile(NOTICE_SOURCE, rows.map(noticeDocument), progress, options);
}
