import { type Router, type Request } from "express";
import { endUserSessions } from "../../auth/session.js";
import type { Services } from "../../services.js";
import { OIDC_STRATEGY } from "../../auth/oidc.js";
import { findUserById } from "../../commands/users.js";
import { errors } from "../../errors.js";
import { presentMe } from "../../presenters/user.js";
import { handler, parse, strictRouter } from "../../validate.js";
import {
  acceptInvitation,
  register,
  requestPasswordReset,
  resetPassword,
  verifyEmail,
} from "../../commands/accounts.js";
import { requestLang } from "../../i18n.js";
import {
  AcceptInvitationSchema,
  LoginSchema,
  RegisterSchema,
  ResetConfirmSchema,
  ResetRequestSchema,
  TokenSchema,
} from "./schema.js";

function authenticate(services: Services, req: Request): Promise<Express.User | false> {
  return new Promise((resolve, reject) => {
    const run = services.passport.authenticate(
      "local",
      { session: false },
      (err: unknown, user: Express.User | false) =>
        err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(user),
    ) as (req: Request, res: unknown, next: (err?: unknown) => void) => void;
    run(req, {}, (err) => reject(err instanceof Error ? err : new Error(JSON.stringify(err))));
  });
}

function logIn(req: Request, user: Express.User): Promise<void> {
  // passport regenerates the session id here: no session fixation.
  return new Promise((resolve, reject) => req.logIn(user, (err) => (err ? reject(err as Error) : resolve())));
}

export function authRouter(services: Services): Router {
  const router = strictRouter();

  router.post(
    "/login",
    handler(async (req, res) => {
      const input = parse(LoginSchema, req.body);
      const ip = req.ip ?? "unknown";
      // The slot is taken before the password is checked: parallel guesses cannot race past it.
      await services.loginThrottle.attempt(ip, input.email);
      const user = await authenticate(services, req);
      if (!user) throw errors.invalidCredentials();
      if (user.status !== "active") throw errors.accountUnavailable();
      await services.loginThrottle.succeeded(ip, input.email);
      await logIn(req, user);
      req.session.loggedInAt = Date.now();
      services.csrf.reissue(req, res);
      const row = await findUserById(services.db, user.id);
      req.log.info({ userId: user.id }, "login");
      res.json({ data: presentMe(row!) });
    }),
  );

  router.get("/providers", (_req, res) => {
    res.json({
      data: {
        oidc: services.oidc && services.config.oidc ? { name: services.config.oidc.name } : null,
        publicContent: services.config.publicContent,
      },
    });
  });

  router.get("/oidc", (req, res, next) => {
    if (!services.oidc) return next(errors.notFound());
    // Redirects to the provider with a PKCE challenge bound to this session.
    (services.passport.authenticate(OIDC_STRATEGY) as (req: Request, res: unknown, next: unknown) => void)(
      req,
      res,
      next,
    );
  });

  router.get("/oidc/callback", (req, res, next) => {
    if (!services.oidc) return next(errors.notFound());
    const fail = (reason: string) => res.redirect(303, `/kirjaudu?sso=${encodeURIComponent(reason)}`);
    const callback = (err: unknown, user: Express.User | false, info?: { message?: string }) => {
      if (err) {
        req.log.warn({ err }, "single sign-on failed");
        return fail("failed");
      }
      if (!user) return fail(info?.message ?? "failed");
      logIn(req, user)
        .then(() => {
          req.session.loggedInAt = Date.now();
          services.csrf.reissue(req, res);
          req.log.info({ userId: user.id }, "login (single sign-on)");
          res.redirect(303, "/");
        })
        .catch(next);
    };
    (
      services.passport.authenticate(OIDC_STRATEGY, callback) as (
        req: Request,
        res: unknown,
        next: unknown,
      ) => void
    )(req, res, next);
  });

  router.post(
    "/register",
    handler(async (req, res) => {
      await services.actionLimiter.consume(req.ip ?? "unknown");
      const input = parse(RegisterSchema, req.body);
      const outcome = await register(services, input, requestLang(req));
      res.status(202).json({ data: { next: outcome } });
    }),
  );

  router.post(
    "/verify",
    handler(async (req, res) => {
      await verifyEmail(services, parse(TokenSchema, req.body).token);
      res.json({ data: { verified: true } });
    }),
  );

  router.post(
    "/password-reset",
    handler(async (req, res) => {
      await services.actionLimiter.consume(req.ip ?? "unknown");
      // The same answer whether or not the address has an account.
      await requestPasswordReset(services, parse(ResetRequestSchema, req.body).email, requestLang(req));
      res.status(202).json({ data: { sent: true } });
    }),
  );

  router.post(
    "/password-reset/confirm",
    handler(async (req, res) => {
      const input = parse(ResetConfirmSchema, req.body);
      await resetPassword(services, input.token, input.password);
      res.json({ data: { reset: true } });
    }),
  );

  router.post(
    "/invitation/accept",
    handler(async (req, res) => {
      const input = parse(AcceptInvitationSchema, req.body);
      await acceptInvitation(services, input.token, { name: input.name, password: input.password });
      res.json({ data: { accepted: true } });
    }),
  );

  router.post(
    "/logout",
    handler(async (req, res) => {
      const userId = req.user?.id;
      await new Promise<void>((resolve, reject) =>
        req.logout((err) => (err ? reject(err as Error) : resolve())),
      );
      // Logging out ends every session of this user, on every device.
      if (userId !== undefined) await endUserSessions(services, userId);
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      res.clearCookie(services.sessionCookieName);
      services.csrf.reissue(req, res);
      res.status(204).end();
    }),
  );

  return router;
}
