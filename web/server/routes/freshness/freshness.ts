import { freshnessKey, verifyFreshnessToken } from "@soskes/config";
import { type Router } from "express";
import { z } from "zod";
import type { Services } from "../../services.js";
import { createActionLimiter } from "../../auth/throttle.js";
import { errors } from "../../errors.js";
import { AppError } from "@soskes/domain";
import { handler, parse, strictRouter } from "../../validate.js";
import { freshnessRecords } from "../../content/freshness.js";
import { recordContentChange } from "../../commands/content.js";
import { presentFreshnessCheck } from "../../presenters/maintenance.js";

const LINK_ERRORS: Record<string, { status: number; fi: string; sv: string; en: string }> = {
  link_invalid: {
    status: 400,
    fi: "Linkki ei kelpaa. Käytä muistutusviestin linkkiä sellaisenaan.",
    sv: "Länken är ogiltig. Använd länken i påminnelsen som den är.",
    en: "The link is not valid. Use the link in the reminder as it is.",
  },
  link_expired: {
    status: 400,
    fi: "Linkki on vanhentunut. Uusi muistutus lähetetään, tai merkitse tieto tarkistetuksi Strapissa.",
    sv: "Länken har gått ut. En ny påminnelse skickas, eller markera uppgiften som granskad i Strapi.",
    en: "The link has expired. A new reminder will come, or mark the record checked in Strapi.",
  },
  link_used: {
    status: 409,
    fi: "Tieto on jo merkitty tarkistetuksi tämän linkin jälkeen.",
    sv: "Uppgiften har redan markerats som granskad efter denna länk.",
    en: "The record has already been marked checked since this link was made.",
  },
  not_found: {
    status: 404,
    fi: "Tietoa ei enää ole.",
    sv: "Uppgiften finns inte längre.",
    en: "The record no longer exists.",
  },
};
const linkError = (name: string) => {
  const e = LINK_ERRORS[name] ?? LINK_ERRORS.link_invalid!;
  return new AppError(e.status, LINK_ERRORS[name] ? name : "link_invalid", { fi: e.fi, sv: e.sv, en: e.en });
};

const TokenQuery = z.object({ t: z.string({ error: "required" }).min(10, "link").max(1000, "link") });
const TokenBody = z.object({ token: z.string({ error: "required" }).min(10, "link").max(1000, "link") });

/**
 * The one-click "still valid" links: open to anyone holding one (no login, no Strapi account);
 * the signature is the permission. Checking shows what the link is about; confirming asks Strapi
 * to mark the record checked today.
 */
export function freshnessRouter(services: Services): Router {
  const router = strictRouter();
  const limiter = createActionLimiter(60, 3600);
  const key = freshnessKey(services.config.cms.apiToken);

  const claimOf = (token: string) => {
    const check = verifyFreshnessToken(key, token, Date.now());
    if (!check.ok) throw linkError(check.reason === "expired" ? "link_expired" : "link_invalid");
    return check.claim;
  };

  router.get(
    "/freshness/check",
    handler(async (req, res) => {
      const claim = claimOf(parse(TokenQuery, req.query).t);
      const { data } = await services.content.current();
      const record = freshnessRecords(data, Date.now()).find(
        (r) => r.type === claim.type && r.documentId === claim.documentId,
      );
      if (!record) throw linkError("not_found");
      const current = record.verifiedAt ? new Date(record.verifiedAt).toISOString() : "";
      res.set("Cache-Control", "no-store");
      res.json({ data: presentFreshnessCheck(record, current !== claim.verifiedAt) });
    }),
  );

  router.post(
    "/freshness/confirm",
    handler(async (req, res) => {
      const { token } = parse(TokenBody, req.body);
      const claim = claimOf(token);
      await limiter.consume(req.ip ?? "unknown");
      let answer: Response;
      try {
        answer = await fetch(`${services.config.cms.url}/api/freshness/confirm`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ token }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw errors.cmsUnavailable();
      }
      const body = (await answer.json().catch(() => null)) as {
        data?: { verifiedAt: string };
        error?: { name: string };
      } | null;
      if (!answer.ok || !body?.data) {
        if (answer.status >= 500 || !body?.error) throw errors.cmsUnavailable();
        throw linkError(body.error.name);
      }
      // Every node shows the new date (Strapi's webhook says the same a moment later).
      await recordContentChange(services, {
        reason: "freshness confirmed",
        model: null,
        documentId: claim.documentId,
      });
      res.json({ data: { verifiedAt: body.data.verifiedAt } });
    }),
  );

  return router;
}
