import type { Request } from "express";

export const LANGS = ["fi", "sv", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** The user's language: the `soskes.lang` cookie, else Accept-Language, else Finnish. */
export function requestLang(req: Request): Lang {
  const cookie = /(?:^|;\s*)soskes\.lang=(fi|sv|en)/.exec(req.headers.cookie ?? "")?.[1];
  if (cookie) return cookie as Lang;
  const accepted = (req.headers["accept-language"] ?? "")
    .split(",")
    .map((part) => part.trim().slice(0, 2).toLowerCase());
  return accepted.find((l): l is Lang => (LANGS as readonly string[]).includes(l)) ?? "fi";
}
