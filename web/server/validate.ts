import { Router, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { findHetuDeep } from "@soskes/domain";
import { errors } from "./errors.js";

/** A numeric id in the path (`/notices/:id`): a positive integer, or 400. */
export const IdParam = z.object({ id: z.coerce.number({ error: "id" }).int("id").positive("id") });

/** Parses a request part with a zod schema; on failure answers 400 with each field's problem. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
    throw errors.invalidInput({ fields });
  }
  return result.data;
}

/** Fields never read by the henkilötunnus guard: passwords are not text anyone reads. */
const NOT_TEXT = new Set(["password", "currentPassword", "newPassword"]);

/**
 * The henkilötunnus guard at the door, the only place the portal's REST writes meet it: any JSON
 * body of a state-changing request that holds an identity code anywhere — as a reader would see
 * it — is refused with 422 hetu_detected before any route runs, so a new route or field is
 * covered without a line of its own. (Socket events meet the same guard in chat's gateway.)
 */
export function refuseIdentityCodes(req: Request, _res: Response, next: NextFunction): void {
  const field = req.method === "GET" || req.method === "HEAD" ? null : findHetuDeep(req.body, NOT_TEXT);
  next(field === null ? undefined : errors.hetuDetected(field));
}

/** Express 5 forwards rejected promises to the error handler; this keeps handlers typed. */
export const handler =
  (fn: (req: Request, res: Response, next: NextFunction) => Promise<unknown> | void) =>
  (req: Request, res: Response, next: NextFunction) =>
    fn(req, res, next);

/**
 * Every router of the portal: strict and case-sensitive, so "/api/admin/users/" or
 * "/api/Admin/users" match no route (404) instead of reaching a handler past the per-route
 * audit and access table, which match paths exactly.
 */
export const strictRouter = (): Router => Router({ strict: true, caseSensitive: true });
