import { type EventsDatabase } from "@soskes/domain";
import { type ConsultFacts, type ConsultRelation } from "./policy.js";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { MAX_RICH_TEXT, normaliseRichText } from "../richtext.js";
import type { ChatUsersTable } from "../schema.js";
import type { ConsultAnswersTable, ConsultDatabase, ConsultationsTable } from "./schema.js";

export type Db = Kysely<ConsultDatabase & EventsDatabase & { users: ChatUsersTable }>;
export type Row = Selectable<ConsultationsTable>;
export type AnswerRow = Selectable<ConsultAnswersTable>;
export type Actor = { id: number; role: "member" | "expert" | "moderator" | "admin" };
export type Relation = ConsultRelation;
/** The answer rules need only the relation; a panel seat and units decided it already. */
export const factsOf = (actor: Actor, relation: Relation): ConsultFacts => ({
  actorId: actor.id,
  relation,
  onPanel: relation === "lead" || relation === "expert",
  conflict: false,
});

export const SECTION = /^\d{1,5}\/\d{4}#\d{1,3}(?: ?[a-z])?$/;
/** Light markup, normalised (never otherwise changed) and bounded. */
export const richText = (min: number) =>
  z
    .string({ error: "required" })
    .transform(normaliseRichText)
    .pipe(z.string().min(min, "too_short").max(MAX_RICH_TEXT, "too_long"));

/** What the expert writes for the answer bank; every field is theirs, nothing is copied in. */
export const AnswerInput = z.object({
  title: z.string({ error: "required" }).trim().min(3, "too_short").max(200, "too_long"),
  question: richText(20),
  answer: richText(20),
  /** Statute sections the answer relies on, as "1301/2014#36". */
  sections: z
    .array(z.string().trim().regex(SECTION, "section"), { error: "sections" })
    .max(20, "too_many")
    .default([]),
  reviewOn: z.string({ error: "required" }).regex(/^\d{4}-\d{2}-\d{2}$/, "date"),
  acknowledgeFlags: z.boolean().optional(),
});
export const AnswerReturn = z.object({
  note: z.string({ error: "required" }).trim().min(3, "too_short").max(2000, "too_long"),
});
export const ConsentInput = z.object({ consent: z.boolean({ error: "required" }) });

export type { AnswerDraft, PublishedAnswer } from "./wire.js";

export const parseSections = (s: string) =>
  s
    .split(",")
    .filter(Boolean)
    .map((ref) => {
      const [statute, section] = ref.split("#");
      return { statute: statute!, section: section! };
    });
