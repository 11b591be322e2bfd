import type { Config } from "@soskes/config";
import type { NextFunction, Request, Response } from "express";
import { errors } from "../errors.js";
import { canRead, type ContentKind } from "../policies/content.js";
import { canManageUsers } from "../policies/user.js";

export type Access = "public" | "member" | "admin" | "token";

/** One row of the route table, as far as access is concerned. */
export type AccessRule = {
  method: string;
  path: string;
  access: Access;
  /**
   * A member route that a visitor may also read when configuration makes this kind of content
   * public (PUBLIC_CONTENT); "any" when any public kind will do (search).
   */
  publicAs?: ContentKind | "any";
};

export type MatchedRoute = AccessRule & { action: string; params: Record<string, string> };

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

/** Finds the route table's row for a request path: `/api/groups/{id}` matches `/api/groups/7`. */
export function routeMatcher(table: readonly AccessRule[]) {
  const byMethod = new Map<string, Array<{ rule: AccessRule; pattern: RegExp }>>();
  for (const rule of table) {
    const method = rule.method.toUpperCase();
    const pattern = new RegExp(`^${escape(rule.path).replace(/\{(\w+)\}/g, "(?<$1>[^/]+?)")}$`);
    const list = byMethod.get(method) ?? [];
    list.push({ rule, pattern });
    byMethod.set(method, list);
  }
  return (method: string, path: string): MatchedRoute | null => {
    // HEAD is answered by the GET route.
    for (const { rule, pattern } of byMethod.get(method === "HEAD" ? "GET" : method) ?? []) {
      const match = pattern.exec(path);
      if (match)
        return {
          ...rule,
          action: `${rule.method.toUpperCase()} ${rule.path}`,
          params: { ...match.groups },
        };
    }
    return null;
  };
}

/** Whether the actor passes a route's access level (resource rules come later, in policies/). */
export function passesAccess(config: Config, user: Express.User | undefined, route: AccessRule): boolean {
  switch (route.access) {
    case "public":
    case "token":
      return true;
    case "admin":
      return user !== undefined && canManageUsers(user);
    case "member":
      if (user) return true;
      if (route.publicAs === "any") return config.publicContent.length > 0;
      return route.publicAs !== undefined && canRead(config, undefined, route.publicAs);
  }
}

declare module "express-serve-static-core" {
  // An interface: Express declares Locals as one, for merging.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Locals {
    /** The route table's row for this request (set by matchRoute). */
    route?: MatchedRoute;
  }
}

/**
 * Matches every API request against the route table and keeps the row on `res.locals.route`.
 * A path the table does not list is not served at all (404), so a route added to a router but
 * not to the table cannot slip past the gate or the audit.
 */
export function matchRoute(table: readonly AccessRule[]) {
  const match = routeMatcher(table);
  return (req: Request, res: Response, next: NextFunction) => {
    const route = match(req.method, req.originalUrl.split("?")[0] ?? "");
    if (!route) return next(errors.unknownRoute());
    res.locals.route = route;
    next();
  };
}

/**
 * The one gate of the portal API: a request whose route's access level is not met is refused
 * before any router runs — 401 without a session, 403 for a member on an admin route.
 */
export function enforceAccess(config: Config) {
  return (req: Request, res: Response, next: NextFunction) => {
    const route = res.locals.route;
    if (route && passesAccess(config, req.user, route)) return next();
    next(req.user ? errors.forbidden() : errors.unauthorized());
  };
}

/** The signed-in member of a route the gate has let through as "member" or "admin". */
export function actorOf(req: Request): Express.User {
  if (!req.user) throw errors.unauthorized();
  return req.user;
}
