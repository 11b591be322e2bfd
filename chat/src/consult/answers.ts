import {
  consultationStream,
  withEvents,
  type Dialect,
  type EventsDatabase,
  finnishDate,
  type AppError,
} from "@soskes/domain";
import { mayConsult, type ConsultFacts, type ConsultRelation } from "./policy.js";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { chatErrors } from "../errors.js";
import { consultErrors } from "./errors.js";
import type { AnswerDraft, PublishedAnswer } from "./wire.js";
import { MAX_RICH_TEXT, normaliseRichText, plainText } from "../richtext.js";
import type { ChatUsersTable } from "../schema.js";
import { anonymisationFlags } from "./anonymise.js";
import type { ConsultAnswersTable, ConsultDatabase, ConsultationsTable } from "./schema.js";

type Db = Kysely<ConsultDatabase & EventsDatabase & { users: ChatUsersTable }>;
type Row = Selectable<ConsultationsTable>;
type AnswerRow = Selectable<ConsultAnswersTable>;
type Actor = { id: number; role: "member" | "expert" | "moderator" | "admin" };
type Relation = ConsultRelation;
/** The answer rules need only the relation; a panel seat and units decided it already. */
const factsOf = (actor: Actor, relation: Relation): ConsultFacts => ({
  actorId: actor.id,
  relation,
  onPanel: relation === "lead" || relation === "expert",
  conflict: false,
});

const SECTION = /^\d{1,5}\/\d{4}#\d{1,3}(?: ?[a-z])?$/;
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

const parseSections = (s: string) =>
  s
    .split(",")
    .filter(Boolean)
    .map((ref) => {
      const [statute, section] = ref.split("#");
      return { statute: statute!, section: section! };
    });

/** The answer bank of eKonsultaatio: drafts by the expert, approval by the panel lead, publication. */
export function createAnswerBank(deps: {
  db: Db;
  dialect: Dialect;
  now: () => number;
  audit: (
    actorId: number | null,
    action: string,
    id: number,
    outcome: "allowed" | "denied",
  ) => Promise<unknown>;
  relation: (actor: Actor, row: Row) => Promise<Relation>;
  panelName: (panelId: number) => Promise<string>;
  publicUrl?: string;
}) {
  const { db, now, audit } = deps;

  async function present(row: AnswerRow): Promise<PublishedAnswer> {
    return {
      id: row.id,
      title: row.title,
      question: row.question,
      answer: row.answer,
      sections: parseSections(row.sections),
      reviewOn: row.review_on,
      reviewDue: row.review_on <= finnishDate(now()),
      serviceArea: row.service_area,
      panel: { id: row.panel_id, name: await deps.panelName(row.panel_id) },
      publishedAt: row.published_at,
    };
  }
  async function presentDraft(row: AnswerRow): Promise<AnswerDraft> {
    const author = await db
      .selectFrom("users")
      .select("name")
      .where("id", "=", row.author_id)
      .executeTakeFirst();
    return {
      ...(await present(row)),
      consultationId: row.consultation_id,
      status: row.status,
      note: row.note,
      author: { id: row.author_id, name: author?.name ?? "" },
    };
  }

  /** The request and the actor's relation to it; not_found (audited) for anyone who may not see it. */
  async function request(actor: Actor, id: number, action: string) {
    const row = await db.selectFrom("consultations").selectAll().where("id", "=", id).executeTakeFirst();
    const may = row ? await deps.relation(actor, row) : null;
    if (!row || !may) {
      await audit(actor.id, action, id, "denied");
      throw consultErrors.notFound();
    }
    return { row, may };
  }
  const answerOf = (consultationId: number) =>
    db
      .selectFrom("consult_answers")
      .selectAll()
      .where("consultation_id", "=", consultationId)
      .executeTakeFirst();
  const deny = async (actor: Actor, action: string, id: number, error: AppError) => {
    await audit(actor.id, action, id, "denied");
    throw error;
  };
  return {
    /**
     * The requester agrees (or no longer agrees) that an anonymised Q&A may be published from a
     * closed request. Consent cannot be taken back once the answer is published.
     */
    async consent(actor: Actor, id: number, consent: boolean) {
      const { row, may } = await request(actor, id, "consent");
      if (may !== "requester") return deny(actor, "consent", id, chatErrors.forbidden());
      if (row.status !== "closed") return deny(actor, "consent", id, consultErrors.noConsent());
      const answer = await answerOf(id);
      if (!consent && answer?.status === "published")
        return deny(actor, "consent", id, consultErrors.published());
      await db
        .updateTable("consultations")
        .set({ consent_at: consent ? now() : null, updated_at: now() })
        .where("id", "=", id)
        .execute();
      await audit(actor.id, consent ? "consent" : "consent_withdrawn", id, "allowed");
    },

    /** The Q&A of a request: its requester, the expert who took it, the panel lead and admins. */
    async answerFor(actor: Actor, id: number): Promise<AnswerDraft> {
      const { row, may } = await request(actor, id, "read_answer");
      const answer = await answerOf(id);
      const allowed = may === "requester" || may === "admin" || may === "lead" || row.claimed_by === actor.id;
      await audit(actor.id, "read_answer", id, allowed ? "allowed" : "denied");
      if (!allowed || !answer) throw consultErrors.notFound();
      return presentDraft(answer);
    },

    /**
     * The expert who took the request (or the lead) writes or edits the Q&A of a closed request
     * the requester consented to. The identity-code guard refuses; names, addresses and birth
     * dates are flagged until removed or confirmed.
     */
    async saveAnswer(actor: Actor, id: number, input: z.infer<typeof AnswerInput>): Promise<AnswerDraft> {
      const { row, may } = await request(actor, id, "write_answer");
      if (!mayConsult(factsOf(actor, may), "writeAnswer", row))
        return deny(actor, "write_answer", id, chatErrors.forbidden());
      if (row.status !== "closed" || row.consent_at === null)
        return deny(actor, "write_answer", id, consultErrors.noConsent());
      const today = finnishDate(now());
      const limit = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`;
      if (input.reviewOn <= today || input.reviewOn > limit || Number.isNaN(Date.parse(input.reviewOn)))
        throw consultErrors.reviewDate();
      const texts = [input.title, plainText(input.question), plainText(input.answer)];
      const flags = texts.flatMap(anonymisationFlags);
      if (flags.length > 0 && !input.acknowledgeFlags) throw consultErrors.flagged(flags);
      const existing = await answerOf(id);
      if (existing?.status === "published") return deny(actor, "write_answer", id, consultErrors.published());
      const at = now();
      const values = {
        title: input.title,
        question: input.question,
        answer: input.answer,
        sections: [...new Set(input.sections.map((s) => s.replace(/\s+/g, " ")))].join(","),
        review_on: input.reviewOn,
        updated_at: at,
      };
      const saved = existing
        ? await db
            .updateTable("consult_answers")
            .set({ ...values, status: "draft" })
            .where("id", "=", existing.id)
            .returningAll()
            .executeTakeFirstOrThrow()
        : await db
            .insertInto("consult_answers")
            .values({
              ...values,
              consultation_id: id,
              panel_id: row.panel_id,
              service_area: row.service_area,
              status: "draft",
              author_id: actor.id,
              note: null,
              approved_by: null,
              published_at: null,
              created_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
      await audit(actor.id, "write_answer", id, "allowed");
      return presentDraft(saved);
    },

    /** The author sends the draft to the panel lead for approval. */
    async submitAnswer(actor: Actor, id: number): Promise<AnswerDraft> {
      const { row } = await request(actor, id, "submit_answer");
      const answer = await answerOf(id);
      if (!answer) throw consultErrors.notFound();
      if (answer.author_id !== actor.id) return deny(actor, "submit_answer", id, chatErrors.forbidden());
      if (answer.status !== "draft") return deny(actor, "submit_answer", id, consultErrors.published());
      const updated = await withEvents(db, deps.dialect, async (trx, record) => {
        record({
          type: "consultation.changed",
          stream: consultationStream(row.id),
          payload: { consultationId: row.id, actorId: actor.id, change: "answer_submitted" },
        });
        return trx
          .updateTable("consult_answers")
          .set({ status: "pending", updated_at: now() })
          .where("id", "=", answer.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      await audit(actor.id, "submit_answer", id, "allowed");
      return presentDraft(updated);
    },

    /** The panel lead approves (publishes) or returns the draft with a note. */
    async reviewAnswer(
      actor: Actor,
      id: number,
      decision: { approve: true } | { approve: false; note: string },
    ): Promise<AnswerDraft> {
      const action = decision.approve ? "approve_answer" : "return_answer";
      const { row, may } = await request(actor, id, action);
      const answer = await answerOf(id);
      if (!answer) throw consultErrors.notFound();
      if (!mayConsult(factsOf(actor, may), "reviewAnswer", row))
        return deny(actor, action, id, chatErrors.forbidden());
      if (answer.status !== "pending") return deny(actor, action, id, consultErrors.wrongState());
      const at = now();
      // Publication and the event that puts it in search commit together.
      const updated = await withEvents(db, deps.dialect, async (trx, record) => {
        const row = await trx
          .updateTable("consult_answers")
          .set(
            decision.approve
              ? { status: "published", approved_by: actor.id, published_at: at, note: null, updated_at: at }
              : { status: "draft", note: decision.note, updated_at: at },
          )
          .where("id", "=", answer.id)
          .where("status", "=", "pending")
          .returningAll()
          .executeTakeFirstOrThrow();
        record({
          type: "consultation.changed",
          stream: consultationStream(id),
          payload: {
            consultationId: id,
            actorId: actor.id,
            change: "answer_reviewed",
            approved: decision.approve,
          },
        });
        if (decision.approve)
          record({
            type: "answer.changed",
            stream: consultationStream(id),
            payload: { answerId: answer.id, consultationId: id, actorId: actor.id },
          });
        return row;
      });
      await audit(actor.id, action, id, "allowed");
      return presentDraft(updated);
    },

    /** The lead or an admin takes a published answer back to draft: gone from the bank and search. */
    async withdrawAnswer(actor: Actor, id: number): Promise<AnswerDraft> {
      const { row, may } = await request(actor, id, "withdraw_answer");
      const answer = await answerOf(id);
      if (!answer) throw consultErrors.notFound();
      if (!mayConsult(factsOf(actor, may), "withdrawAnswer", row))
        return deny(actor, "withdraw_answer", id, chatErrors.forbidden());
      if (answer.status !== "published")
        return deny(actor, "withdraw_answer", id, consultErrors.wrongState());
      const updated = await withEvents(db, deps.dialect, async (trx, record) => {
        record({
          type: "answer.changed",
          stream: consultationStream(id),
          payload: { answerId: answer.id, consultationId: id, actorId: actor.id },
        });
        return trx
          .updateTable("consult_answers")
          .set({ status: "draft", published_at: null, approved_by: null, updated_at: now() })
          .where("id", "=", answer.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      await audit(actor.id, "withdraw_answer", id, "allowed");
      return presentDraft(updated);
    },

    /** Published answers, for every signed-in member: newest first, by service area if asked. */
    async listAnswers(options: { serviceArea?: string; limit: number; offset: number }) {
      let query = db.selectFrom("consult_answers").selectAll().where("status", "=", "published");
      if (options.serviceArea) query = query.where("service_area", "=", options.serviceArea);
      const [rows, count] = await Promise.all([
        query
          .orderBy("published_at", "desc")
          .orderBy("id", "desc")
          .limit(options.limit)
          .offset(options.offset)
          .execute(),
        query
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { answers: await Promise.all(rows.map(present)), total: Number(count.n) };
    },

    /** One published answer; not_found for drafts and for ids that do not exist alike. */
    async getAnswer(answerId: number): Promise<PublishedAnswer> {
      const row = await db
        .selectFrom("consult_answers")
        .selectAll()
        .where("id", "=", answerId)
        .where("status", "=", "published")
        .executeTakeFirst();
      if (!row) throw consultErrors.notFound();
      return present(row);
    },

    /** Every published answer, for the search reconcile at start and `npm run reindex`. */
    async *allAnswers(): AsyncGenerator<PublishedAnswer> {
      const rows = await db
        .selectFrom("consult_answers")
        .selectAll()
        .where("status", "=", "published")
        .execute();
      for (const row of rows) yield await present(row);
    },
  };
}
