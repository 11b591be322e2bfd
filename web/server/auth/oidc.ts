import type { Config } from "@soskes/config";
import * as client from "openid-client";
import { Strategy, type VerifyFunction } from "openid-client/passport";
import type { Logger } from "pino";
import type { Db } from "../db/database.js";
import { createUser, findUserByEmail, normaliseEmail } from "../commands/users.js";

export const OIDC_STRATEGY = "oidc";

type Claims = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
};

/**
 * The first single sign-on provisions the account, or links an existing one when the provider
 * vouches for the e-mail address (email_verified). Later logins find the account by the
 * provider's subject, even if the e-mail changes.
 */
export async function accountForOidcLogin(
  db: Db,
  issuer: string,
  claims: Claims,
): Promise<{ id: number } | { refused: string }> {
  const linked = await db
    .selectFrom("users")
    .select(["id", "status"])
    .where("oidc_issuer", "=", issuer)
    .where("oidc_subject", "=", claims.sub)
    .executeTakeFirst();
  if (linked) return linked.status === "active" ? { id: linked.id } : { refused: "account_unavailable" };
  if (!claims.email || claims.email_verified !== true) return { refused: "email_not_verified" };
  const existing = await findUserByEmail(db, claims.email);
  const now = Date.now();
  if (existing) {
    if (existing.status === "pending" || existing.status === "disabled")
      return { refused: "account_unavailable" };
    await db
      .updateTable("users")
      .set({
        oidc_issuer: issuer,
        oidc_subject: claims.sub,
        status: "active",
        email_verified_at: existing.email_verified_at ?? now,
        updated_at: now,
      })
      .where("id", "=", existing.id)
      .execute();
    return { id: existing.id };
  }
  const name =
    claims.name ??
    ([claims.given_name, claims.family_name].filter(Boolean).join(" ") || normaliseEmail(claims.email));
  const user = await createUser(db, { email: claims.email, name, status: "active", emailVerified: true });
  await db
    .updateTable("users")
    .set({ oidc_issuer: issuer, oidc_subject: claims.sub })
    .where("id", "=", user.id)
    .execute();
  return { id: user.id };
}

/**
 * Authorization code flow with PKCE, state and nonce (openid-client's passport strategy keeps
 * them in the session). Plain-HTTP issuers are accepted only outside production.
 */
export async function createOidcStrategy(options: {
  config: Config;
  db: Db;
  logger: Logger;
}): Promise<Strategy | undefined> {
  const { config, db, logger } = options;
  if (!config.oidc) return undefined;
  const { issuer, clientId, clientSecret } = config.oidc;
  const oidcConfig = await client.discovery(new URL(issuer), clientId, clientSecret, undefined, {
    execute: config.isProduction ? [] : [client.allowInsecureRequests],
  });
  const issuerId = oidcConfig.serverMetadata().issuer;
  const verify: VerifyFunction = (tokens, done) => {
    const idClaims = tokens.claims() as Claims | undefined;
    if (!idClaims) {
      done(null, false);
      return;
    }
    // Providers may keep e-mail and profile claims out of the ID token: ask UserInfo for them
    // (openid-client checks that its subject matches the ID token's).
    const claims: Promise<Claims> = idClaims.email
      ? Promise.resolve(idClaims)
      : client
          .fetchUserInfo(oidcConfig, tokens.access_token, idClaims.sub)
          .then((info) => ({ ...idClaims, ...(info as Partial<Claims>) }));
    claims
      .then((c) => accountForOidcLogin(db, issuerId, c))
      .then(async (result) => {
        if ("refused" in result) {
          logger.warn({ reason: result.refused }, "single sign-on refused");
          done(null, false, { message: result.refused });
          return;
        }
        const user = await db
          .selectFrom("users")
          .select(["id", "email", "name", "role", "status"])
          .where("id", "=", result.id)
          .executeTakeFirstOrThrow();
        done(null, user);
      })
      .catch((err: unknown) => {
        done(err);
      });
  };
  const strategy = new Strategy(
    {
      config: oidcConfig,
      scope: "openid email profile",
      callbackURL: `${config.portal.publicUrl}/api/auth/oidc/callback`,
      sessionKey: "oidc",
    },
    verify,
  );
  logger.info({ issuer: issuerId }, "single sign-on configured");
  return strategy;
}
