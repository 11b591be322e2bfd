import { createHash, timingSafeEqual } from "node:crypto";
import { type Router } from "express";
import type { Services } from "../../services.js";
import { errors } from "../../errors.js";
import { strictRouter } from "../../validate.js";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function webhookRouter(services: Services): Router {
  const router = strictRouter();
  const expected = digest(`Bearer ${services.config.cms.webhookSecret}`);
  router.post("/", (req, res, next) => {
    const given = digest(req.get("authorization") ?? "");
    if (!timingSafeEqual(given, expected)) {
      req.log.warn("CMS webhook with a wrong secret refused");
      return next(errors.unauthorized());
    }
    const body = req.body as { event?: string; model?: string; entry?: { documentId?: string } } | undefined;
    services.content.invalidate(
      `${body?.event ?? "?"} ${body?.model ?? "?"} ${body?.entry?.documentId ?? ""}`,
    );
    res.status(204).end();
  });
  return router;
}
