import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { errors } from "../errors.js";

/**
 * Login throttling: per IP (many attempts over many accounts) and per account (password
 * guessing against one person). Failures count; a success clears the account's counter.
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

  const refusal = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints > points
      ? errors.rateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)))
      : null;

  return {
    /** Throws 429 when this IP or this account is currently blocked. */
    async check(ip: string, email: string): Promise<void> {
      const [ipState, accountState] = await Promise.all([byIp.get(ip), byAccount.get(accountKey(email))]);
      const refused = refusal(ipState, options.perIp - 1) ?? refusal(accountState, options.perAccount - 1);
      if (refused) throw refused;
    },
    async failed(ip: string, email: string): Promise<void> {
      await Promise.all([byIp.penalty(ip, 1), byAccount.penalty(accountKey(email), 1)]);
    },
    async succeeded(email: string): Promise<void> {
      await byAccount.delete(accountKey(email));
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
