import { type Router } from "express";
import type { Services } from "../../services.js";

import { errors } from "../../errors.js";
import { openFlagsFor } from "../../content/statute-flags.js";
import { requestLang } from "../../i18n.js";
import {
  pickLocale,
  presentHub,
  presentEvent,
  presentLink,
  presentNews,
  presentPage,
  upcoming,
} from "../../presenters/editorial.js";

import { handler, parse, strictRouter } from "../../validate.js";
import { AreaQuery } from "./schema.js";

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
        data: presentHub({
          area,
          page: hub,
          pages: pages.filter((p) => p !== hub),
          statutes: data.statutes.filter(inArea),
          events: pickLocale(data.events, lang)
            .filter(inArea)
            .filter((e) => upcoming(e, now))
            .slice(0, 5),
          news: pickLocale(data.news, lang).filter(inArea).slice(0, 5),
          links: pickLocale(data.links, lang).filter(inArea),
        }),
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

  return router;
}
