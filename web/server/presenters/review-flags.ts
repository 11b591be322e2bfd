import type { Selectable } from "kysely";
import { finnishDate } from "@soskes/domain";
import type { ReviewFlagsTable } from "../db/schema.js";

/** An open flag on a page or answer: a section it cites was amended on `amendedOn`. */
export type OpenFlag = {
  id: number;
  statute: string;
  section: string;
  amendedOn: string | null;
  flaggedAt: number;
};

/** A "needs review" flag as its owner (or an admin) lists it. */
export function presentReviewFlag(r: Selectable<ReviewFlagsTable>) {
  return {
    id: r.id,
    targetType: r.target_type,
    title: r.title,
    url: r.url,
    statute: r.statute,
    section: r.section,
    amendedOn: r.amended_on,
    flaggedOn: finnishDate(r.created_at),
    resolved: r.resolved_at !== null,
  };
}
