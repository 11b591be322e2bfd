import { consultErrors } from "./errors.js";
import type { PublishedAnswer } from "./wire.js";
import type { AnswerContext } from "./answer-context.js";

/** Published answers, for every signed-in member: newest first, by service area if asked. */
export async function listAnswers(
  ctx: AnswerContext,
  options: { serviceArea?: string; limit: number; offset: number },
) {
  const { db, present } = ctx;
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
}

/** One published answer; not_found for drafts and for ids that do not exist alike. */
export async function getAnswer(ctx: AnswerContext, answerId: number): Promise<PublishedAnswer> {
  const { db, present } = ctx;
  const row = await db
    .selectFrom("consult_answers")
    .selectAll()
    .where("id", "=", answerId)
    .where("status", "=", "published")
    .executeTakeFirst();
  if (!row) throw consultErrors.notFound();
  return present(row);
}

/** Every published answer, for the search reconcile at start and `npm run reindex`. */
export async function* allAnswers(ctx: AnswerContext): AsyncGenerator<PublishedAnswer> {
  const { db, present } = ctx;
  const rows = await db.selectFrom("consult_answers").selectAll().where("status", "=", "published").execute();
  for (const row of rows) yield await present(row);
}
