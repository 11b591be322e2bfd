import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { errors } from "../errors.js";

/**
 * Login throttling: per IP (many attempts over many accounts) and per account (password
 * guessing against one person). An attempt takes its slot before the password is verified, so
 * guesses sent at the same moment cannot all be checked; a success gives the slots back.
 */
export function createLoginThrottle(options = { perIp: 30, perAccount: 5, windowSeconds: 15 * 60 }) {
  const byIp = new RateLimiterMemory({
    keyPrefix: "login_ip",
    points: options.perIp,
    duration: options.windowSeconds,
  });
  const byAccount = new RateLimiterMemory({
    keyPrefix: "login_account",
    points: options.perAccount,
    duration: options.windowSeconds,
    blockDuration: options.windowSeconds,
  });
  const accountKey = (email: string) => email.trim().toLowerCase();
  const refused = (res: unknown) => {
    if (res instanceof Error) throw res;
    return errors.rateLimited(Math.max(1, Math.ceil((res as RateLimiterRes).msBeforeNext / 1000)));
  };

  return {
    /** Takes one attempt's slot for this IP and this account; throws 429 when either is spent. */
    async attempt(ip: string, email: string): Promise<void> {
      const [ipTry, accountTry] = await Promise.allSettled([
        byIp.consume(ip),
        byAccount.consume(accountKey(email)),
      ]);
      if (ipTry.status === "rejected") throw refused(ipTry.reason);
      if (accountTry.status === "rejected") throw refused(accountTry.reason);
    },
    /** The right password: the account's counter starts over and the address gets its slot back. */
    async succeeded(ip: string, email: string): Promise<void> {
      await Promise.all([byAccount.delete(accountKey(email)), byIp.reward(ip, 1)]);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** Registration and reset requests per IP: enough for a busy office, not for a script. */
export function createActionLimiter(points = 20, windowSeconds = 3600) {
  const limiter = new RateLimiterMemory({ keyPrefix: "action_ip", points, duration: windowSeconds });
  return {
    async consume(ip: string): Promise<void> {
      try {
        await limiter.consume(ip);
      } catch (res) {
        throw errors.rateLimited(Math.max(1, Math.ceil((res as RateLimiterRes).msBeforeNext / 1000)));
      }
    },
  };
}
export type ActionLimiter = ReturnType<typeof createActionLimiter>;
