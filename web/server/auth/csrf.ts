import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { errors } from "../errors.js";

export const CSRF_COOKIE = "soskes.csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function sign(secret: string, binding: string, nonce: string): string {
  return createHmac("sha256", secret).update(`${binding}.${nonce}`).digest("base64url");
}

function readCookie(req: Request): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${CSRF_COOKIE.replace(".", "\\.")}=([^;]+)`).exec(
    req.headers.cookie ?? "",
  );
  return match?.[1];
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Signed double-submit cookie: a readable `soskes.csrf` cookie that the client echoes in
 * X-CSRF-Token on every state-changing request, login included. The token is bound to the
 * session id by an HMAC, so a cookie planted from elsewhere does not validate, and it is
 * reissued when the session id changes at login.
 */
export function csrfProtection(secret: string, secure: boolean) {
  const binding = (req: Request) => (req.session?.passport?.user !== undefined ? req.sessionID : "anonymous");
  const issue = (req: Request, res: Response) => {
    const nonce = randomBytes(18).toString("base64url");
    const token = `${nonce}.${sign(secret, binding(req), nonce)}`;
    res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: "lax", secure, path: "/" });
    return token;
  };
  const valid = (req: Request, token: string | undefined) => {
    if (!token) return false;
    const [nonce, mac] = token.split(".");
    return Boolean(nonce && mac && equal(mac, sign(secret, binding(req), nonce)));
  };

  return {
    middleware: (req: Request, res: Response, next: NextFunction) => {
      const cookie = readCookie(req);
      if (!SAFE.has(req.method)) {
        const header = req.get(CSRF_HEADER);
        if (!cookie || !header || !equal(cookie, header) || !valid(req, cookie)) return next(errors.csrf());
      } else if (!valid(req, cookie)) {
        issue(req, res);
      }
      next();
    },
    /** After login or logout the binding changes: hand out a fresh token. */
    reissue: issue,
  };
}
