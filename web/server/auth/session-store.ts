import { prepareQuery } from "@soskes/chat";
import session from "express-session";
import type { Db } from "../db/database.js";

/**
 * Sliding expiry is written at most this often per session: the idle limit may end a session up
 * to a minute early, and every request no longer costs a database write.
 */
const TOUCH_EVERY_MS = 60_000;

type Callback<T = void> = (err?: unknown, value?: T) => void;
type StoredSession = session.SessionData & { passport?: { user?: number } };

/** What the portal needs from a session store beyond express-session's own interface. */
export type SessionStore = session.Store & {
  destroyUserSessions(userId: number, exceptSid?: string): Promise<string[]>;
  purgeExpired(): Promise<number>;
};

/**
 * express-session store in the portal database. Rows carry the user id so that logout,
 * a password change or disabling an account can end every session of that user at once.
 */
export class DatabaseSessionStore extends session.Store {
  /** Every request reads its session: compiled once. */
  private readonly bySid: (sid: string) => Promise<Array<{ data: string; expires_at: number }>>;

  constructor(
    private readonly db: Db,
    private readonly idleMs: number,
  ) {
    super();
    this.bySid = prepareQuery(db, 1, (sid: string) =>
      db.selectFrom("sessions").select(["data", "expires_at"]).where("sid", "=", sid),
    );
  }

  private expiry(sess: session.SessionData): number {
    const cookieExpiry = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : undefined;
    return cookieExpiry ?? Date.now() + this.idleMs;
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.bySid(sid)
      .then(([row]) => {
        if (!row || row.expires_at <= Date.now()) return callback(undefined, null);
        callback(undefined, JSON.parse(row.data) as session.SessionData);
      })
      .catch(callback);
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    const userId = (sess as StoredSession).passport?.user ?? null;
    const now = Date.now();
    const row = { data: JSON.stringify(sess), user_id: userId, expires_at: this.expiry(sess) };
    this.db
      .insertInto("sessions")
      .values({ sid, ...row, created_at: now })
      .onConflict((oc) => oc.column("sid").doUpdateSet(row))
      .execute()
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  /** When each session's expiry was last written: a busy reader is touched once a minute, not per request. */
  private readonly touched = new Map<string, number>();

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    const now = Date.now();
    const last = this.touched.get(sid);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) {
      callback?.();
      return;
    }
    if (this.touched.size >= 50_000) this.touched.clear();
    this.touched.set(sid, now);
    this.db
      .updateTable("sessions")
      .set({ expires_at: this.expiry(sess) })
      .where("sid", "=", sid)
      .execute()
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.touched.delete(sid);
    this.db
      .deleteFrom("sessions")
      .where("sid", "=", sid)
      .execute()
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  /** Ends every session of a user, optionally keeping one (the one changing the password). */
  async destroyUserSessions(userId: number, exceptSid?: string): Promise<string[]> {
    let query = this.db.deleteFrom("sessions").where("user_id", "=", userId);
    if (exceptSid) query = query.where("sid", "!=", exceptSid);
    const rows = await query.returning("sid").execute();
    return rows.map((r) => r.sid);
  }

  async purgeExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom("sessions")
      .where("expires_at", "<=", Date.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
