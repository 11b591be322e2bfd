import { endUserSessions } from "../auth/session.js";
import type { Services } from "../services.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import type { Role } from "../db/schema.js";
import { errors } from "../errors.js";
import type { Lang } from "../i18n.js";
import { enqueueMail } from "../mail/outbox.js";
import { consumeToken, issueToken, spendTokens, TOKEN_TTL } from "./tokens.js";
import { createUser, findUserByEmail, findUserById, normaliseEmail } from "./users.js";

export type RegistrationOutcome = "verify_email" | "await_approval";

const domainOf = (email: string) => normaliseEmail(email).split("@")[1] ?? "";

/**
 * Self-registration. Addresses at the configured organisation domains verify their e-mail;
 * anyone else asks for access and an admin decides. The answer depends only on the domain, so
 * it never reveals whether an address already has an account (that person gets an e-mail).
 */
export async function register(
  services: Services,
  input: { email: string; name: string; password: string; organisation?: string; municipalityCode?: string },
  lang: Lang,
): Promise<RegistrationOutcome> {
  const { db, config } = services;
  const outcome: RegistrationOutcome = config.orgEmailDomains.includes(domainOf(input.email))
    ? "verify_email"
    : "await_approval";
  await db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, input.email);
    if (existing) {
      await enqueueMail(trx, {
        to: existing.email,
        template: "already-registered",
        locale: lang,
        data: { url: `${config.portal.publicUrl}/salasana` },
      });
      return;
    }
    const user = await createUser(trx, {
      email: input.email,
      name: input.name,
      password: input.password,
      organisation: input.organisation,
      municipalityCode: input.municipalityCode,
      status: outcome === "verify_email" ? "unverified" : "pending",
      languages: [lang],
    });
    if (outcome === "verify_email") {
      const token = await issueToken(trx, user.id, "verify", TOKEN_TTL.verify);
      await enqueueMail(trx, {
        to: user.email,
        template: "verify-email",
        locale: lang,
        data: { name: user.name, url: `${config.portal.publicUrl}/vahvista?token=${token}` },
      });
    } else {
      await enqueueMail(trx, {
        to: user.email,
        template: "access-requested",
        locale: lang,
        data: { name: user.name },
      });
    }
  });
  services.mail.poke();
  return outcome;
}

export async function verifyEmail(services: Services, token: string): Promise<void> {
  const userId = await consumeToken(services.db, token, "verify");
  if (userId === null) throw errors.invalidToken();
  const now = Date.now();
  await services.db
    .updateTable("users")
    .set({ status: "active", email_verified_at: now, updated_at: now })
    .where("id", "=", userId)
    .where("status", "=", "unverified")
    .execute();
}

export async function requestPasswordReset(services: Services, email: string, lang: Lang): Promise<void> {
  const { db, config } = services;
  await db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user || user.status !== "active") return;
    const token = await issueToken(trx, user.id, "reset", TOKEN_TTL.reset);
    await enqueueMail(trx, {
      to: user.email,
      template: "password-reset",
      locale: lang,
      data: { name: user.name, url: `${config.portal.publicUrl}/salasana/uusi?token=${token}` },
    });
  });
  services.mail.poke();
}

/** A new password, and every reset link sent before it spent (a leaked older link takes over nothing). */
async function setPassword(db: Services["db"], userId: number, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: Date.now() })
      .where("id", "=", userId)
      .execute();
    await spendTokens(trx, userId, "reset");
  });
}

/** A new password ends every session of the user: whoever knew the old one is logged out. */
export async function resetPassword(services: Services, token: string, password: string): Promise<void> {
  const userId = await consumeToken(services.db, token, "reset");
  if (userId === null) throw errors.invalidToken();
  await setPassword(services.db, userId, await hashPassword(password));
  await endUserSessions(services, userId);
}

export async function changePassword(
  services: Services,
  userId: number,
  current: string,
  next: string,
  keepSid: string,
): Promise<void> {
  const user = await findUserById(services.db, userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) throw errors.wrongPassword();
  await setPassword(services.db, userId, await hashPassword(next));
  await endUserSessions(services, userId, keepSid);
}

export async function decideAccess(
  services: Services,
  userId: number,
  approve: boolean,
  lang: Lang,
): Promise<void> {
  const { db, config } = services;
  await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user || user.status !== "pending") throw errors.notFound();
    if (approve) {
      const now = Date.now();
      await trx
        .updateTable("users")
        .set({ status: "active", email_verified_at: now, updated_at: now })
        .where("id", "=", userId)
        .execute();
      await enqueueMail(trx, {
        to: user.email,
        template: "access-approved",
        locale: lang,
        data: { name: user.name, url: `${config.portal.publicUrl}/kirjaudu` },
      });
    } else {
      // A refused request keeps no personal data.
      await trx.deleteFrom("users").where("id", "=", userId).execute();
      await enqueueMail(trx, {
        to: user.email,
        template: "access-refused",
        locale: lang,
        data: { name: user.name },
      });
    }
  });
  services.mail.poke();
}

export async function invite(
  services: Services,
  input: { email: string; role: Role },
  inviter: string,
  lang: Lang,
): Promise<void> {
  const { db, config } = services;
  await db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) throw errors.alreadyMember();
    const user = await createUser(trx, {
      email: input.email,
      name: input.email.split("@")[0] ?? input.email,
      role: input.role,
      status: "unverified",
    });
    const token = await issueToken(trx, user.id, "invite", TOKEN_TTL.invite);
    await enqueueMail(trx, {
      to: user.email,
      template: "invite",
      locale: lang,
      data: { inviter, url: `${config.portal.publicUrl}/kutsu?token=${token}` },
    });
  });
  services.mail.poke();
}

export async function acceptInvitation(
  services: Services,
  token: string,
  input: { name: string; password: string },
): Promise<number> {
  const userId = await consumeToken(services.db, token, "invite");
  if (userId === null) throw errors.invalidToken();
  const now = Date.now();
  await services.db
    .updateTable("users")
    .set({
      name: input.name,
      password_hash: await hashPassword(input.password),
      status: "active",
      email_verified_at: now,
      updated_at: now,
    })
    .where("id", "=", userId)
    .execute();
  return userId;
}
