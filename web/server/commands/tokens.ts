import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/database.js";
import type { TokenKind } from "../db/schema.js";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A random single-use token; only its hash is stored. */
export async function issueToken(db: Db, userId: number, kind: TokenKind, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = Date.now();
  await db
    .insertInto("auth_tokens")
    .values({
      user_id: userId,
      kind,
      token_hash: hashToken(token),
      expires_at: now + ttlMs,
      used_at: null,
      created_at: now,
    })
    .execute();
  return token;
}

/** Uses a token once: a second use, an expired token or a token of another kind gives null. */
export async function consumeToken(db: Db, token: string, kind: TokenKind): Promise<number | null> {
  const now = Date.now();
  const row = await db
    .updateTable("auth_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", hashToken(token))
    .where("kind", "=", kind)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Spends every unused token of a kind the user holds: a new password voids older reset links. */
export async function spendTokens(db: Db, userId: number, kind: TokenKind): Promise<void> {
  await db
    .updateTable("auth_tokens")
    .set({ used_at: Date.now() })
    .where("user_id", "=", userId)
    .where("kind", "=", kind)
    .where("used_at", "is", null)
    .execute();
}

export const TOKEN_TTL = { verify: 24 * 3_600_000, reset: 3_600_000, invite: 7 * 24 * 3_600_000 } as const;
