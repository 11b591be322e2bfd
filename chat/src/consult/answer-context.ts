import { type Dialect, finnishDate, type AppError } from "@soskes/domain";
import { consultErrors } from "./errors.js";
import type { AnswerDraft, PublishedAnswer } from "./wire.js";
import {
  type Db,
  type Row,
  type AnswerRow,
  type Actor,
  type Relation,
  parseSections,
} from "./answer-inputs.js";

export type AnswerBankDeps = {
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
};

/** What the answer bank's parts share: the store, presenting, the request check, refusals. */
export function createAnswerContext(deps: AnswerBankDeps) {
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
  return { deps, db, now, audit, present, presentDraft, request, answerOf, deny };
}

export type AnswerContext = ReturnType<typeof createAnswerContext>;
