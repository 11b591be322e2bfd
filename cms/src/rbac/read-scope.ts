import type { Core, UID } from "@strapi/strapi";
import {
  MUNICIPALITY_UID,
  assignedMunicipalityCodes,
  currentAdminUser,
  isRestrictedMaintainer,
  isScoped,
} from "./scope";

type Entity = Record<string, unknown> & { id?: unknown; __component?: unknown };
type Attribute = { type: string; target?: string; component?: string };
type Found = Map<string, Set<number>>;

const relationItems = (value: unknown): Entity[] =>
  Array.isArray(value)
    ? (value.filter((v) => v && typeof v === "object") as Entity[])
    : value && typeof value === "object"
      ? [value as Entity]
      : [];

const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, Attribute> => {
  const model = strapi.getModel(uid as UID.Schema) as { attributes?: Record<string, Attribute> } | undefined;
  return model?.attributes ?? {};
};

const owned = (uid: string) => uid === MUNICIPALITY_UID || isScoped(uid);

/** Calls `visit(target, item)` for every related record at any depth, components included; a record it answers false for is taken out. */
function walk(
  strapi: Core.Strapi,
  uid: string,
  entity: Entity,
  visit: (target: string, item: Entity) => boolean,
  seen = new Set<Entity>(),
): void {
  if (seen.has(entity)) return;
  seen.add(entity);
  for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
    const value = entity[name];
    if (value === undefined || value === null) continue;
    if (attribute.type === "relation" && attribute.target) {
      const target = attribute.target;
      const keep = (item: Entity) => {
        if (typeof item.id !== "number") return true; // a count, not a record
        if (!visit(target, item)) return false;
        walk(strapi, target, item, visit, seen);
        return true;
      };
      if (Array.isArray(value)) entity[name] = relationItems(value).filter(keep);
      else if (typeof value === "object" && !keep(value as Entity)) entity[name] = null;
    } else if (attribute.type === "component" && attribute.component) {
      for (const item of relationItems(value)) walk(strapi, attribute.component, item, visit, seen);
    } else if (attribute.type === "dynamiczone") {
      for (const item of relationItems(value))
        if (typeof item.__component === "string") walk(strapi, item.__component, item, visit, seen);
    }
  }
}

/** Which of the found records belong to the maintainer's municipalities (by id, per content type). */
async function ownIds(strapi: Core.Strapi, found: Found, codes: string[]): Promise<Found> {
  const allowed: Found = new Map();
  for (const [uid, ids] of found) {
    const where =
      uid === MUNICIPALITY_UID
        ? { id: { $in: [...ids] }, code: { $in: codes } }
        : { id: { $in: [...ids] }, municipality: { code: { $in: codes } } };
    const rows = (await strapi.db.query(uid).findMany({ where, select: ["id"] })) as Array<{
      id: number;
    }>;
    allowed.set(uid, new Set(rows.map((r) => r.id)));
  }
  return allowed;
}

/**
 * Takes out of a result every related record — at any populate depth, through any relation or
 * component — that belongs to a municipality the maintainer does not keep, drafts included.
 * Top-level records are already limited by the "Oma kunta" condition.
 */
export async function scrubForMaintainer(
  strapi: Core.Strapi,
  uid: string,
  result: unknown,
  codes: string[],
): Promise<void> {
  const roots = Array.isArray(result)
    ? (result as Entity[])
    : result && typeof result === "object"
      ? "results" in result && Array.isArray(result.results)
        ? ((result as { results: Entity[] }).results ?? [])
        : [result as Entity]
      : [];
  const found: Found = new Map();
  for (const root of roots)
    walk(strapi, uid, root, (target, item) => {
      if (owned(target)) {
        const ids = found.get(target) ?? new Set<number>();
        ids.add(item.id as number);
        found.set(target, ids);
      }
      return true;
    });
  if (found.size === 0) return;
  const allowed = await ownIds(strapi, found, codes);
  for (const root of roots)
    walk(
      strapi,
      uid,
      root,
      (target, item) => !owned(target) || Boolean(allowed.get(target)?.has(item.id as number)),
    );
}

/**
 * The read half of the municipality scope, for every document-service call an admin request
 * makes as a municipality maintainer (lists, single records, the records writes return): what
 * leaves is scrubbed of other municipalities' records. Only the outermost call of a request is
 * scrubbed — Strapi's own nested calls (publishing, cloning) see whole records and keep them.
 */
export function registerMaintainerReadScope(strapi: Core.Strapi): void {
  const depth = new WeakMap<object, number>();
  strapi.documents.use(async (context, next) => {
    const ctx = strapi.requestContext.get() as object | undefined;
    const user = ctx ? currentAdminUser(strapi) : undefined;
    if (!ctx || !user || !isRestrictedMaintainer(user)) return next();
    const level = depth.get(ctx) ?? 0;
    depth.set(ctx, level + 1);
    try {
      const result = await next();
      if (level === 0 && result && typeof result === "object") {
        await scrubForMaintainer(
          strapi,
          context.uid,
          result,
          await assignedMunicipalityCodes(strapi, user.id),
        );
      }
      return result;
    } finally {
      depth.set(ctx, level);
    }
  });
}
