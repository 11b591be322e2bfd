import type { EventsDatabase } from "@soskes/domain";
import type { Kysely } from "kysely";
import type { ChatUsersTable } from "../schema.js";
import type { ConsultDatabase } from "./schema.js";
import { toCsv, finnishDate } from "@soskes/domain";
import type { ConsultReport, ReportRow } from "./wire.js";

export type { ConsultReport, ReportRow } from "./wire.js";

/** Nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const hours = (ms: number) => Math.round(ms / 360_000) / 10;

/**
 * eKonsultaatio in figures for admins: per panel (one per service area) and in total, for the
 * requests asked between two Finnish dates (inclusive; open-ended when left out).
 */
export async function consultReport(
  db: Kysely<ConsultDatabase & EventsDatabase & { users: ChatUsersTable }>,
  period: { from?: string; to?: string },
  now: number,
): Promise<ConsultReport> {
  const [panels, requests] = await Promise.all([
    db.selectFrom("consult_panels").select(["id", "name", "service_area"]).orderBy("name").execute(),
    db
      .selectFrom("consultations")
      .select(["panel_id", "status", "due_on", "created_at", "answered_at"])
      .execute(),
  ]);
  const today = finnishDate(now);
  const inPeriod = requests.filter((r) => {
    const day = finnishDate(r.created_at);
    return (!period.from || day >= period.from) && (!period.to || day <= period.to);
  });
  const summarise = (
    base: Omit<ReportRow, "requests" | "open" | "answered" | "medianHours" | "p90Hours" | "overdue" | "late">,
    rows: typeof inPeriod,
  ): ReportRow => {
    const times = rows
      .filter((r) => r.answered_at !== null)
      .map((r) => r.answered_at! - r.created_at)
      .sort((a, b) => a - b);
    const open = rows.filter((r) => r.status === "new" || r.status === "claimed");
    const median = percentile(times, 50);
    const p90 = percentile(times, 90);
    return {
      ...base,
      requests: rows.length,
      open: open.length,
      answered: times.length,
      medianHours: median === null ? null : hours(median),
      p90Hours: p90 === null ? null : hours(p90),
      overdue: open.filter((r) => r.due_on < today).length,
      late: rows.filter((r) => r.answered_at !== null && finnishDate(r.answered_at) > r.due_on).length,
    };
  };
  return {
    from: period.from ?? null,
    to: period.to ?? null,
    rows: panels.map((p) =>
      summarise(
        { panelId: p.id, panel: p.name, serviceArea: p.service_area },
        inPeriod.filter((r) => r.panel_id === p.id),
      ),
    ),
    total: summarise({ panelId: 0, panel: "", serviceArea: "" }, inPeriod),
  };
}

/** The report as CSV for spreadsheets (RFC 4180, one row per panel and a total). */
export function reportCsv(report: ConsultReport, totalLabel: string): string {
  const header = [
    "panel",
    "serviceArea",
    "requests",
    "open",
    "answered",
    "medianHours",
    "p90Hours",
    "overdue",
    "late",
  ] as const;
  const rows = [...report.rows, { ...report.total, panel: totalLabel }];
  return toCsv(header, rows);
}
