import session from "express-session";
import type { RedisClientType } from "redis";

type Callback<T = void> = (err?: unknown, value?: T) => void;
type StoredSession = session.SessionData & { passport?: { user?: number } };

/**
 * While Redis restarts the client queues commands and sends them on reconnecting, so a short
 * restart only delays requests; a longer outage answers 503 after this wait instead of hanging.
 */
const WAIT_MS = 3000;
function inTime<T>(command: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("session store did not answer in time"), { code: "ETIMEDOUT" })),
      WAIT_MS,
    );
  });
  return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
}

/**
 * express-session store in Redis for several portal nodes. Besides the session keys it keeps
 * a set of session ids per user, so that logout, a password change or disabling an account
 * ends every session of that user at once.
 */
export class RedisSessionStore extends session.Store {
  constructor(
    private readonly redis: RedisClientType,
    private readonly idleMs: number,
    private readonly prefix = "soskes:",
  ) {
    super();
  }

  private key = (sid: string) => `${this.prefix}sess:${sid}`;
  private userKey = (userId: number) => `${this.prefix}user-sessions:${userId}`;
  private ttlSeconds(sess: session.SessionData): number {
    const expires = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : Date.now() + this.idleMs;
    return Math.max(1, Math.ceil((expires - Date.now()) / 1000));
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    inTime(this.redis.get(this.key(sid)))
      .then((raw) => callback(undefined, raw ? (JSON.parse(raw) as session.SessionData) : null))
      .catch(callback);
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    const userId = (sess as StoredSession).passport?.user;
    const ttl = this.ttlSeconds(sess);
    const multi = this.redis.multi().set(this.key(sid), JSON.stringify(sess), { EX: ttl });
    if (userId !== undefined) multi.sAdd(this.userKey(userId), sid).expire(this.userKey(userId), ttl);
    inTime(multi.exec())
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    inTime(this.redis.expire(this.key(sid), this.ttlSeconds(sess)))
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    inTime(this.redis.del(this.key(sid)))
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  async destroyUserSessions(userId: number, exceptSid?: string): Promise<string[]> {
    const sids = (await this.redis.sMembers(this.userKey(userId))).filter((sid) => sid !== exceptSid);
    if (sids.length > 0) {
      await this.redis.multi().del(sids.map(this.key)).sRem(this.userKey(userId), sids).exec();
    }
    return sids;
  }

  /** Redis expires keys by itself. */
  purgeExpired(): Promise<number> {
    return Promise.resolve(0);
  }
}
