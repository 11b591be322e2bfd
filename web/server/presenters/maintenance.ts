import type { FreshnessRecord } from "../content/freshness.js";
import type { maintenanceReport } from "../content/maintenance-report.js";

/** What a freshness link opens: the record to confirm, and whether the link was already used. */
export function presentFreshnessCheck(record: FreshnessRecord, spent: boolean) {
  return {
    type: record.type,
    name: record.name,
    verifiedAt: record.verifiedAt,
    dueOn: record.dueOn,
    spent,
  };
}

/** A maintainer's report, with the choice it was made for (`municipalities`: those they keep). */
export function presentMaintenance(
  report: ReturnType<typeof maintenanceReport>,
  scope: { municipality: string; serviceArea: string; municipalities: string[] | null },
) {
  return { ...scope, ...report };
}
