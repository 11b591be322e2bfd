import { randomBytes } from "node:crypto";
import { type Router } from "express";
import ical from "ical-generator";
import type { Services } from "../../services.js";
import { findUserById } from "../../commands/users.js";
import { errors } from "../../errors.js";

import { requestLang } from "../../i18n.js";

import { pickLocale, upcoming } from "../../presenters/editorial.js";

import { handler, parse, strictRouter } from "../../validate.js";
import { AreaQuery, TokenParam } from "../editorial/schema.js";
import { actorOf } from "../../auth/access.js";

/**
 * Calendar feeds of the portal's events: the member's own feed addresses, and the iCal feeds
 * that calendar apps fetch with the secret token in the address.
 */
export function calendarRouter(services: Services): Router {
  const { content } = services;
  const router = strictRouter();
  /** The member's calendar feed addresses; the secret token is created on first use. */
  router.get(
    "/me/calendar",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const user = await findUserById(services.db, actor.id);
      let token = user?.calendar_token ?? null;
      if (!token) {
        token = randomBytes(24).toString("base64url");
        await services.db
          .updateTable("users")
          .set({ calendar_token: token })
          .where("id", "=", actor.id)
          .execute();
      }
      const base = `${services.config.portal.publicUrl}/api/calendar/${token}.ics`;
      res.json({ data: { personal: base, byServiceArea: `${base}?serviceArea=` } });
    }),
  );

  /**
   * iCal feeds for calendar apps, which cannot send the session cookie: the member's secret
   * token in the address is the credential. Personal: the member's municipality and
   * county-wide events; with ?serviceArea: that area's events.
   */
  router.get(
    "/calendar/:token.ics",
    handler(async (req, res) => {
      const { token } = parse(TokenParam, req.params);
      const { serviceArea } = parse(AreaQuery, req.query);
      const user = await services.db
        .selectFrom("users")
        .select(["id", "municipality_code", "status", "languages"])
        .where("calendar_token", "=", token)
        .executeTakeFirst();
      if (!user || user.status !== "active") throw errors.notFound();
      const { data } = await content.current();
      const lang = requestLang(req);
      const now = Date.now();
      const events = pickLocale(data.events, lang)
        .filter((e) => upcoming(e, now - 30 * 86_400_000))
        .filter((e) =>
          serviceArea
            ? e.serviceAreas.some((a) => a.slug === serviceArea)
            : !e.municipality || e.municipality.code === user.municipality_code,
        );
      const calendar = ical({
        name: serviceArea ? `SosKes: ${serviceArea}` : "SosKes",
        prodId: { company: "SosKes", product: "portal", language: lang.toUpperCase() },
        timezone: "Europe/Helsinki",
      });
      for (const e of events) {
        calendar.createEvent({
          id: `${e.documentId}@soskes`,
          start: new Date(e.startsAt),
          end: new Date(e.endsAt ?? new Date(e.startsAt).getTime() + 3_600_000),
          summary: e.title,
          description: e.summary ?? undefined,
          location: e.location ?? undefined,
          url: e.onlineUrl ?? undefined,
          organizer: e.organizer ? { name: e.organizer, email: "no-reply@soskes.example" } : undefined,
          lastModified: new Date(e.updatedAt),
        });
      }
      res.type("text/calendar; charset=utf-8").setHeader("Cache-Control", "private, max-age=300");
      res.send(calendar.toString());
    }),
  );

  return router;
}
