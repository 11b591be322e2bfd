import { randomBytes } from "node:crypto";
import { type Router } from "express";
import ical from "ical-generator";
import type { Services } from "../../services.js";
import { findUserById } from "../../commands/users.js";
import { errors } from "../../errors.js";
import { openFlagsFor } from "../../content/statute-flags.js";
import { requestLang } from "../../i18n.js";
import { presentServiceArea, presentStatute } from "../../presenters/content.js";
import {
  pickLocale,
  presentEvent,
  presentLink,
  presentNews,
  presentPage,
  presentPageSummary,
  upcoming,
} from "../../presenters/editorial.js";

import { handler, parse, strictRouter } from "../../validate.js";
import { AreaQuery, TokenParam } from "./schema.js";
import { actorOf } from "../../auth/access.js";

export function editorialRouter(services: Services): Router {
  const router = strictRouter();
  const { content } = services;

  router.get(
    "/service-areas/:slug",
    handler(async (req, res) => {
      const lang = requestLang(req);
      const { data, stale } = await content.current();
      const area = data.serviceAreas.find((a) => a.slug === req.params.slug);
      if (!area) throw errors.notFound();
      const inArea = <T extends { serviceAreas: Array<{ slug: string }> }>(x: T) =>
        x.serviceAreas.some((a) => a.slug === area.slug);
      const pages = pickLocale(data.pages, lang).filter(inArea);
      const hub = pages.find((p) => p.kind === "hub");
      const now = Date.now();
      res.json({
        data: {
          area: presentServiceArea(area),
          hub: hub ? presentPage(hub) : null,
          pages: pages.filter((p) => p !== hub).map(presentPageSummary),
          statutes: data.statutes.filter(inArea).map(presentStatute),
          events: pickLocale(data.events, lang)
            .filter(inArea)
            .filter((e) => upcoming(e, now))
            .slice(0, 5)
            .map(presentEvent),
          news: pickLocale(data.news, lang).filter(inArea).slice(0, 5).map(presentNews),
          links: pickLocale(data.links, lang).filter(inArea).map(presentLink),
        },
        meta: { stale },
      });
    }),
  );

  router.get(
    "/pages/:slug",
    handler(async (req, res) => {
      const { data, stale } = await content.current();
      const page = pickLocale(data.pages, requestLang(req)).find((p) => p.slug === req.params.slug);
      if (!page) throw errors.notFound();
      services.usage.view("page", page.slug);
      // Open "needs review" flags: a section it cites has been amended since.
      const needsReview = await openFlagsFor(services.db, "page", page.documentId);
      res.json({ data: { ...presentPage(page), needsReview }, meta: { stale } });
    }),
  );

  router.get(
    "/events",
    handler(async (req, res) => {
      const { serviceArea } = parse(AreaQuery, req.query);
      const { data, stale } = await content.current();
      const now = Date.now();
      const events = pickLocale(data.events, requestLang(req))
        .filter((e) => upcoming(e, now))
        .filter((e) => !serviceArea || e.serviceAreas.some((a) => a.slug === serviceArea))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      res.json({ data: events.map(presentEvent), meta: { stale } });
    }),
  );

  router.get(
    "/news",
    handler(async (req, res) => {
      const { data, stale } = await content.current();
      res.json({
        data: pickLocale(data.news, requestLang(req))
          .sort((a, b) => b.date.localeCompare(a.date))
          .map(presentNews),
        meta: { stale },
      });
    }),
  );

  router.get(
    "/links",
    handler(async (req, res) => {
      const { serviceArea } = parse(AreaQuery, req.query);
      const { data, stale } = await content.current();
      const links = pickLocale(data.links, requestLang(req)).filter(
        (l) => !serviceArea || l.serviceAreas.some((a) => a.slug === serviceArea),
      );
      res.json({ data: links.map(presentLink), meta: { stale } });
    }),
  );

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
