import type { NextFunction, Request, Response } from "express";
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
