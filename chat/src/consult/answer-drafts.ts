import { consultationStream, withEvents, finnishDate } from "@soskes/domain";
import { mayConsult } from "./policy.js";
import { type z } from "zod";
import { chatErrors } from "../errors.js";
import { consultErrors } from "./errors.js";
import type { AnswerDraft } from "./wire.js";
import { plainText } from "../richtext.js";
import { anonymisationFlags } from "./anonymise.js";
import { type Actor, factsOf, type AnswerInput } from "./answer-inputs.js";
import type { AnswerContext } from "./answer-context.js";

/**
 * The requester agrees (or no longer agrees) that an anonymised Q&A may be published from a
 * closed request. Consent cannot be taken back once the answer is published.
 */
export async function consent(ctx: AnswerContext, actor: Actor, id: number, consent: boolean) {
  const { db, now, audit, request, answerOf, deny } = ctx;
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
}

/** The Q&A of a request: its requester, the expert who took it, the panel lead and admins. */
export async function answerFor(ctx: AnswerContext, actor: Actor, id: number): Promise<AnswerDraft> {
  const { audit, presentDraft, request, answerOf } = ctx;
  const { row, may } = await request(actor, id, "read_answer");
  const answer = await answerOf(id);
  const allowed = may === "requester" || may === "admin" || may === "lead" || row.claimed_by === actor.id;
  await audit(actor.id, "read_answer", id, allowed ? "allowed" : "denied");
  if (!allowed || !answer) throw consultErrors.notFound();
  return presentDraft(answer);
}

/**
 * The expert who took the request (or the lead) writes or edits the Q&A of a closed request
 * the requester consented to. The identity-code guard refuses; names, addresses and birth
 * dates are flagged until removed or confirmed.
 */
export async function saveAnswer(
  ctx: AnswerContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof AnswerInput>,
): Promise<AnswerDraft> {
  const { db, now, audit, presentDraft, request, answerOf, deny } = ctx;
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
}

/** The author sends the draft to the panel lead for approval. */
export async function submitAnswer(ctx: AnswerContext, actor: Actor, id: number): Promise<AnswerDraft> {
  const { deps, db, now, audit, presentDraft, request, answerOf, deny } = ctx;
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
}

/** The panel lead approves (publishes) or returns the draft with a note. */
export async function reviewAnswer(
  ctx: AnswerContext,
  actor: Actor,
  id: number,
  decision: { approve: true } | { approve: false; note: string },
): Promise<AnswerDraft> {
  const { deps, db, now, audit, presentDraft, request, answerOf, deny } = ctx;
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
}

/** The lead or an admin takes a published answer back to draft: gone from the bank and search. */
export async function withdrawAnswer(ctx: AnswerContext, actor: Actor, id: number): Promise<AnswerDraft> {
  const { deps, db, now, audit, presentDraft, request, answerOf, deny } = ctx;
  const { row, may } = await request(actor, id, "withdraw_answer");
  const answer = await answerOf(id);
  if (!answer) throw consultErrors.notFound();
  if (!mayConsult(factsOf(actor, may), "withdrawAnswer", row))
    return deny(actor, "withdraw_answer", id, chatErrors.forbidden());
  if (answer.status !== "published") return deny(actor, "withdraw_answer", id, consultErrors.wrongState());
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
}
