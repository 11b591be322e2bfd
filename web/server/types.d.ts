import "express-session";
import type { Role, UserStatus } from "./db/schema.js";

declare module "express-session" {
  interface SessionData {
    passport?: { user?: number };
    /** When the user logged in; sessions end after the absolute limit whatever the activity. */
    loggedInAt?: number;
  }
}

declare global {
  namespace Express {
    // passport's req.user: the signed-in member as loaded from the portal database.
    interface User {
      id: number;
      email: string;
      name: string;
      role: Role;
      status: UserStatus;
    }
  }
}
