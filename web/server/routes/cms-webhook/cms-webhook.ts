import { createHash, timingSafeEqual } from "node:crypto";
import { type Router } from "express";
import type { Services } from "../../services.js";
import { errors } from "../../errors.js";
import { handler, strictRouter } from "../../validate.js";
import { recordContentChange } from "../../commands/content.js";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function webhookRouter(services: Services): Router {
  const router = strictRouter();
  const expected = digest(`Bearer ${services.config.cms.webhookSecret}`);
  router.post(
    "/",
    handler(async (req, res) => {
      const given = digest(req.get("authorization") ?? "");
      if (!timingSafeEqual(given, expected)) {
        req.log.warn("CMS webhook with a wrong secret refused");
        throw errors.unauthorized();
      }
      const body = req.body as
        { event?: unknown; model?: unknown; entry?: { documentId?: unknown } } | undefined;
      const text = (value: unknown) => (typeof value === "string" ? value.slice(0, 200) : null);
      await recordContentChange(services, {
        reason: text(body?.event) ?? "webhook",
        model: text(body?.model),
        documentId: text(body?.entry?.documentId),
      });
      res.status(204).end();
    }),
  );
  return router;
}
