import { finnishDate } from "@soskes/domain";
import {
  FRESHNESS_LINK_DAYS,
  freshnessKey,
  signFreshnessToken,
  type FreshnessRecordType,
} from "@soskes/config";
import type { Config } from "@soskes/config";
import type { Snapshot, Stewardship } from "./cms-types.js";
import { paths } from "@soskes/domain/paths";

/** Reminders go out this many days before a record's check falls due. */
export const REMINDER_DAYS = 14;

const DEFAULT_INTERVAL_MONTHS = 12;

export type FreshnessRecord = {
  type: FreshnessRecordType;
  documentId: string;
  name: string;
  owner: string | null;
  verifiedAt: string | null;
  /** The last day the record counts as checked (YYYY-MM-DD). */
  dueOn: string;
  overdue: boolean;
  municipalityCode: string | null;
};

/** The day a check falls due: verifiedAt plus the record's interval; today for a record never checked. */
export function dueOn(record: Stewardship, now: number): string {
  if (!record.verifiedAt) return finnishDate(now);
  const due = new Date(record.verifiedAt);
  due.setMonth(due.getMonth() + (record.reviewIntervalMonths ?? DEFAULT_INTERVAL_MONTHS));
  return finnishDate(due.getTime());
}

/** Every directory record and page with its owner and due date (pages once, in Finnish). */
export function freshnessRecords(snapshot: Snapshot, now: number): FreshnessRecord[] {
  const today = finnishDate(now);
  const out: FreshnessRecord[] = [];
  const add = (
    type: FreshnessRecordType,
    documentId: string,
    name: string,
    record: Stewardship,
    municipalityCode: string | null,
  ) => {
    const due = dueOn(record, now);
    out.push({
      type,
      documentId,
      name,
      owner: record.owner ?? null,
      verifiedAt: record.verifiedAt,
      dueOn: due,
      overdue: due < today,
      municipalityCode,
    });
  };
  const people = new Set<string>();
  for (const u of snapshot.units) {
    const code = u.municipality?.code ?? null;
    add("service-unit", u.documentId, u.name, u, code);
    for (const c of u.contactPersons) {
      if (people.has(c.documentId)) continue;
      people.add(c.documentId);
      add("contact-person", c.documentId, `${c.name} (${u.name})`, c, code);
    }
  }
  for (const p of snapshot.pages)
    if (p.locale === "fi") add("page", p.documentId, p.title, p, p.municipality?.code ?? null);
  return out;
}

export const fiDate = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
};

/** A signed one-click link for one record, valid for 30 days and spent once used. */
export function freshnessLink(services: { config: Config }, record: FreshnessRecord, now: number): string {
  const token = signFreshnessToken(freshnessKey(services.config.cms.apiToken), {
    type: record.type,
    documentId: record.documentId,
    verifiedAt: record.verifiedAt ? new Date(record.verifiedAt).toISOString() : "",
    expiresAt: now + FRESHNESS_LINK_DAYS * 86_400_000,
  });
  return `${services.config.portal.publicUrl}${paths.checked}?t=${token}`;
}
