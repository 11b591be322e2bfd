import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The signed "still valid" links of the freshness reminders. The portal signs them and Strapi
 * checks them before it touches a record, with a key both derive from the secret they already
 * share (CMS_API_TOKEN). A link names one record and the `verifiedAt` it was issued against:
 * once the record is confirmed, `verifiedAt` changes and the link is spent (single use).
 */
export type FreshnessRecordType = "service-unit" | "contact-person" | "page";
export const FRESHNESS_TYPES: readonly FreshnessRecordType[] = ["service-unit", "contact-person", "page"];

export type FreshnessClaim = {
  type: FreshnessRecordType;
  documentId: string;
  /** The record's verifiedAt when the link was made ("" when it had never been checked). */
  verifiedAt: string;
  /** Epoch milliseconds after which the link no longer works. */
  expiresAt: number;
};

export type FreshnessCheck =
  { ok: true; claim: FreshnessClaim } | { ok: false; reason: "invalid" | "expired" };

/** Links work for 30 days: longer than the 14 days' notice a reminder gives. */
export const FRESHNESS_LINK_DAYS = 30;

export const freshnessKey = (sharedSecret: string) =>
  createHmac("sha256", sharedSecret).update("soskes freshness link v1").digest();

const mac = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

export function signFreshnessToken(key: Buffer, claim: FreshnessClaim): string {
  const payload = Buffer.from(
    JSON.stringify([claim.type, claim.documentId, claim.verifiedAt, claim.expiresAt]),
  ).toString("base64url");
  return `${payload}.${mac(key, payload)}`;
}

export function verifyFreshnessToken(key: Buffer, token: unknown, now: number): FreshnessCheck {
  if (typeof token !== "string" || token.length > 1000) return { ok: false, reason: "invalid" };
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "invalid" };
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!Array.isArray(parts) || parts.length !== 4) return { ok: false, reason: "invalid" };
  const [type, documentId, verifiedAt, expiresAt] = parts as unknown[];
  if (
    !FRESHNESS_TYPES.includes(type as FreshnessRecordType) ||
    typeof documentId !== "string" ||
    typeof verifiedAt !== "string" ||
    typeof expiresAt !== "number"
  )
    return { ok: false, reason: "invalid" };
  if (expiresAt < now) return { ok: false, reason: "expired" };
  return { ok: true, claim: { type: type as FreshnessRecordType, documentId, verifiedAt, expiresAt } };
}
