import { Router, type NextFunction, type Request, type Response } from "express";
import type { z } from "zod";
import { errors } from "./errors.js";

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
