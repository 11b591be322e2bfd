import type { Core, UID } from "@strapi/strapi";
import { freshnessKey, verifyFreshnessToken, type FreshnessRecordType } from "@soskes/config";
import { soskesConfig } from "../../../../config/soskes";

const MODELS: Record<FreshnessRecordType, UID.ContentType> = {
  "service-unit": "api::service-unit.service-unit",
  "contact-person": "api::contact-person.contact-person",
  page: "api::page.page",
};

type Ctx = {
  request: { body?: { token?: unknown } };
  status: number;
  body: unknown;
};

const refuse = (ctx: Ctx, status: number, name: string, message: string) => {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message } };
};

/**
 * Marks one record checked today: `verifiedAt` on its draft and published versions (and every
 * locale), nothing else — an editor's unpublished changes stay unpublished. The link is spent
 * when `verifiedAt` no longer matches the value it was issued against.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async confirm(ctx: Ctx) {
    const check = verifyFreshnessToken(
      freshnessKey(soskesConfig().cms.apiToken),
      ctx.request.body?.token,
      Date.now(),
    );
    if (!check.ok)
      return refuse(
        ctx,
        400,
        check.reason === "expired" ? "link_expired" : "link_invalid",
        "The link does not work.",
      );
    const { type, documentId, verifiedAt } = check.claim;
    const uid = MODELS[type];
    const rows = (await strapi.db.query(uid).findMany({
      where: { documentId },
      select: ["id", "verifiedAt", "publishedAt"],
    })) as Array<{ id: number; verifiedAt: string | Date | null; publishedAt: string | null }>;
    if (rows.length === 0) return refuse(ctx, 404, "not_found", "The record no longer exists.");
    const current = rows.find((r) => r.publishedAt !== null) ?? rows[0];
    const currentIso = current?.verifiedAt ? new Date(current.verifiedAt).toISOString() : "";
    const issuedIso = verifiedAt ? new Date(verifiedAt).toISOString() : "";
    if (currentIso !== issuedIso) return refuse(ctx, 409, "link_used", "The record has been checked since.");
    const now = new Date();
    await strapi.db.query(uid).updateMany({ where: { documentId }, data: { verifiedAt: now } });
    // The portal hears of it like any other change (its webhook).
    const entry = (await strapi.db
      .query(uid)
      .findOne({ where: { documentId, publishedAt: { $notNull: true } } })) as Record<string, unknown> | null;
    void strapi.eventHub.emit("entry.update", {
      model: uid.split(".").pop(),
      uid,
      entry: entry ?? { documentId },
    });
    ctx.status = 200;
    ctx.body = { data: { type, documentId, verifiedAt: now.toISOString() } };
  },
});
