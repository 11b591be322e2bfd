import type { Logger } from "pino";
import type { Snapshot } from "./cms-types.js";
import type { Db } from "../db/database.js";
import type { ReviewFlagTarget } from "../db/schema.js";
import { enqueueMail } from "../mail/outbox.js";
import { paths } from "@soskes/domain/paths";
import type { OpenFlag } from "../presenters/review-flags.js";

type Deps = {
  db: Db;
  logger: Logger;
  publicUrl: string;
  notifyUsers?: (ids: number[], payload: object) => void;
};

const key = (statute: string, section: string) => `${statute}#${section}`;

/**
 * Compares the sections' amendment dates with those last seen. The first time, it only
 * remembers them. After that, every page and answer citing a changed section is flagged
 * "needs review" (once per amendment) and its owner is told by e-mail, an answer's author in
 * the app too. Flags resolve themselves when the page is checked again (its `verifiedAt` moves
 * past the flag) or the answer is edited or published again.
 */
export async function checkStatuteChanges(deps: Deps, snapshot: Snapshot, now = Date.now()): Promise<number> {
  const { db } = deps;
  const current = new Map<string, { statute: string; section: string; amendedOn: string | null }>();
  for (const s of snapshot.statutes)
    for (const sec of s.sections)
      current.set(key(s.number, sec.number), {
        statute: s.number,
        section: sec.number,
        amendedOn: sec.amendedOn,
      });
  const seen = new Map(
    (await db.selectFrom("statute_amendments").selectAll().execute()).map((r) => [
      key(r.statute, r.section),
      r,
    ]),
  );
  const first = seen.size === 0;
  const changed: Array<{ statute: string; section: string; amendedOn: string | null }> = [];
  for (const [k, c] of current) {
    const before = seen.get(k);
    if (before && (before.amended_on ?? null) === (c.amendedOn ?? null)) continue;
    await db
      .insertInto("statute_amendments")
      .values({ statute: c.statute, section: c.section, amended_on: c.amendedOn })
      .onConflict((oc) => oc.columns(["statute", "section"]).doUpdateSet({ amended_on: c.amendedOn }))
      .execute();
    // A section that is new, or the very first look, is a baseline: nothing to review yet.
    if (before && !first) changed.push(c);
  }

  const created: Array<{
    owner: string | null;
    title: string;
    url: string;
    label: string;
    authorId?: number;
  }> = [];
  const flag = async (
    target: {
      type: ReviewFlagTarget;
      id: string;
      title: string;
      url: string;
      owner: string | null;
      authorId?: number;
    },
    c: (typeof changed)[number],
  ) => {
    const row = await db
      .insertInto("review_flags")
      .values({
        target_type: target.type,
        target_id: target.id,
        title: target.title,
        url: target.url,
        statute: c.statute,
        section: c.section,
        amended_on: c.amendedOn,
        owner: target.owner,
        created_at: now,
        resolved_at: null,
        resolved_by: null,
      })
      .onConflict((oc) =>
        oc.columns(["target_type", "target_id", "statute", "section", "amended_on"]).doNothing(),
      )
      .returning("id")
      .executeTakeFirst();
    // Another node flagged it already: it told the owner too.
    if (row) created.push({ ...target, label: `${c.statute} ${c.section} §` });
  };

  for (const c of changed) {
    for (const p of snapshot.pages) {
      if (p.locale !== "fi") continue;
      if (
        !(p.statuteReferences ?? []).some((r) => r.statute?.number === c.statute && r.section === c.section)
      )
        continue;
      await flag(
        { type: "page", id: p.documentId, title: p.title, url: paths.page(p.slug), owner: p.owner ?? null },
        c,
      );
    }
    const answers = await db
      .selectFrom("consult_answers as a")
      .innerJoin("users as u", "u.id", "a.author_id")
      .select(["a.id", "a.title", "a.sections", "a.author_id", "u.email"])
      .execute();
    for (const a of answers) {
      if (!a.sections.split(",").includes(key(c.statute, c.section))) continue;
      await flag(
        {
          type: "answer",
          id: String(a.id),
          title: a.title,
          url: paths.answer(a.id),
          owner: a.email,
          authorId: a.author_id,
        },
        c,
      );
    }
  }

  const byOwner = new Map<string, typeof created>();
  for (const f of created) if (f.owner) byOwner.set(f.owner, [...(byOwner.get(f.owner) ?? []), f]);
  for (const [owner, flags] of byOwner)
    await enqueueMail(db, {
      to: owner,
      template: "review-flag",
      locale: "fi",
      data: {
        count: String(flags.length),
        items: flags.map((f) => `• ${f.title} (${f.label}): ${deps.publicUrl}${f.url}`).join("\n"),
        url: deps.publicUrl,
      },
    });
  const authors = [...new Set(created.flatMap((f) => (f.authorId ? [f.authorId] : [])))];
  if (authors.length > 0) deps.notifyUsers?.(authors, { type: "answer_review_needed" });
  if (created.length > 0) deps.logger.info({ flags: created.length }, "statute amendments flagged citations");
  return created.length;
}

/** Resolves page flags whose page was checked after the flag, and answer flags whose answer changed since. */
export async function resolveStatuteFlags(db: Db, snapshot: Snapshot, now = Date.now()): Promise<void> {
  const open = await db.selectFrom("review_flags").selectAll().where("resolved_at", "is", null).execute();
  for (const f of open) {
    let done = false;
    if (f.target_type === "page") {
      const page = snapshot.pages.find((p) => p.documentId === f.target_id && p.locale === "fi");
      done = !page || (page.verifiedAt !== null && Date.parse(page.verifiedAt) > f.created_at);
    } else {
      const answer = await db
        .selectFrom("consult_answers")
        .select(["updated_at"])
        .where("id", "=", Number(f.target_id))
        .executeTakeFirst();
      done = !answer || answer.updated_at > f.created_at;
    }
    if (done) await db.updateTable("review_flags").set({ resolved_at: now }).where("id", "=", f.id).execute();
  }
}

export const openFlagsFor = (db: Db, type: ReviewFlagTarget, id: string): Promise<OpenFlag[]> =>
  db
    .selectFrom("review_flags")
    .select(["id", "statute", "section", "amended_on as amendedOn", "created_at as flaggedAt"])
    .where("target_type", "=", type)
    .where("target_id", "=", id)
    .where("resolved_at", "is", null)
    .orderBy("id")
    .execute();
