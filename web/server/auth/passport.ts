import { prepareQuery } from "@soskes/chat";
import { Strategy as LocalStrategy } from "passport-local";
import { findUserByEmail } from "../commands/users.js";
import type { Services } from "../services.js";
import { verifyPassword } from "./passwords.js";

/** Password login and the session's member, on this app's own passport instance. */
export function configurePassport(services: Pick<Services, "passport" | "db">): void {
  const { passport } = services;
  passport.use(
    new LocalStrategy(
      { usernameField: "email", passwordField: "password", session: true },
      (email, password, done) => {
        findUserByEmail(services.db, email)
          .then(async (user) => {
            const ok = await verifyPassword(user?.password_hash, password);
            if (!user || !ok) return done(null, false);
            return done(null, {
              id: user.id,
              email: user.email,
              name: user.name,
              role: user.role,
              status: user.status,
            });
          })
          .catch(done);
      },
    ),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  // Every signed-in request reads its member: compiled once, only what a request needs.
  const { db } = services;
  const signedIn = prepareQuery(db, 1, (id: number) =>
    db.selectFrom("users").select(["id", "email", "name", "role", "status"]).where("id", "=", id),
  );
  passport.deserializeUser((id: number, done) => {
    signedIn(id)
      .then(([user]) =>
        // A disabled account's session stops working at once, even before it is deleted.
        done(
          null,
          user && user.status === "active"
            ? { id: user.id, email: user.email, name: user.name, role: user.role, status: user.status }
            : false,
        ),
      )
      .catch(done);
  });
}
