import { type Router } from "express";
import type { Services } from "../../services.js";
import { errors } from "../../errors.js";
import {
  presentMunicipality,
  presentServiceArea,
  presentStatute,
  presentStatuteDetail,
  presentUnit,
  presentUnitDetail,
  statuteSlug,
} from "../../presenters/content.js";

import { handler, parse, strictRouter } from "../../validate.js";
import { DirectoryQuerySchema } from "./schema.js";

/**
 * Serialised answers per content snapshot and minute: "who serves this client" is asked far
 * more often than the directory changes, and openNow only changes by the minute.
 */
function responseMemo(limit = 2000) {
  let snapshotAt = 0;
  const cache = new Map<string, string>();
  return (loadedAt: number, key: string, build: () => unknown): string => {
    if (loadedAt !== snapshotAt) {
      cache.clear();
      snapshotAt = loadedAt;
    }
    const fullKey = `${Math.floor(Date.now() / 60_000)}|${key}`;
    let body = cache.get(fullKey);
    if (body === undefined) {
      if (cache.size >= limit) cache.clear();
      body = JSON.stringify(build());
      cache.set(fullKey, body);
    }
    return body;
  };
}

export function contentRouter(services: Services): Router {
  const router = strictRouter();
  const content = services.content;
  const memo = responseMemo();
  const meta = (stale: boolean) => ({ stale });

  router.get(
    "/municipalities",
    handler(async (req, res) => {
      const { data, stale } = await content.current();
      res.json({ data: data.municipalities.map(presentMunicipality), meta: meta(stale) });
    }),
  );

  router.get(
    "/service-areas",
    handler(async (req, res) => {
      const { data, stale } = await content.current();
      res.json({ data: data.serviceAreas.map(presentServiceArea), meta: meta(stale) });
    }),
  );

  router.get(
    "/directory/units",
    handler(async (req, res) => {
      const query = parse(DirectoryQuerySchema, req.query);
      const { data, stale } = await content.current();
      const fields: Record<string, string> = {};
      if (query.municipality && !data.municipalities.some((m) => m.code === query.municipality))
        fields.municipality = "unknown_municipality";
      if (query.serviceArea && !data.serviceAreas.some((a) => a.slug === query.serviceArea))
        fields.serviceArea = "unknown_service_area";
      if (Object.keys(fields).length > 0) throw errors.invalidInput({ fields });
      const body = memo(
        data.loadedAt,
        `dir|${query.municipality ?? ""}|${query.serviceArea ?? ""}|${stale}`,
        () => {
          const now = new Date();
          const units = data.units
            .filter((u) => !query.municipality || u.municipalities.some((m) => m.code === query.municipality))
            .filter((u) => !query.serviceArea || u.serviceAreas.some((a) => a.slug === query.serviceArea))
            // Organisation nodes without contact details are not places a client can be served.
            .filter((u) => u.phones.length > 0 || u.emails.length > 0 || u.visitingAddress !== null)
            .sort(
              (a, b) =>
                Number(a.municipality === null) - Number(b.municipality === null) ||
                a.name.localeCompare(b.name, "fi"),
            );
          return {
            data: units.map((u) => presentUnit(u, now)),
            meta: { ...meta(stale), total: units.length },
          };
        },
      );
      res.type("json").send(body);
    }),
  );

  router.get(
    "/units/:id",
    handler(async (req, res) => {
      const { data, stale } = await content.current();
      const unit = data.units.find((u) => u.documentId === req.params.id);
      if (!unit) throw errors.notFound();
      services.usage.view("unit", unit.documentId);
      res.type("json").send(
        memo(data.loadedAt, `unit|${unit.documentId}|${stale}|${Boolean(req.user)}`, () => ({
          data: presentUnitDetail(unit, new Date(), Boolean(req.user)),
          meta: meta(stale),
        })),
      );
    }),
  );

  router.get(
    "/statutes",
    handler(async (req, res) => {
      const { data, stale } = await content.current();
      res.json({ data: data.statutes.map(presentStatute), meta: meta(stale) });
    }),
  );

  router.get(
    "/statutes/:slug",
    handler(async (req, res) => {
      const { data, stale } = await content.current();
      const statute = data.statutes.find((s) => statuteSlug(s.number) === req.params.slug);
      if (!statute) throw errors.notFound();
      res.json({ data: presentStatuteDetail(statute), meta: meta(stale) });
    }),
  );

  return router;
}
