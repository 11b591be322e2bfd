import { describe, expect, it } from "vitest";
import { commonErrors, isUnavailable } from "./errors.js";

describe("isUnavailable", () => {
  it("knows a store that is restarting or out of reach", () => {
    for (const err of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      Object.assign(new Error("The client is closed"), { name: "ClientClosedError" }),
      new Error("query failed", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) }),
    ])
      expect(isUnavailable(err), err.message).toBe(true);
  });

  it("leaves bugs and refusals alone", () => {
    for (const err of [
      new TypeError("Cannot read properties of undefined"),
      Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), {
        code: "23505",
      }),
      commonErrors.forbidden(),
      null,
      "ECONNREFUSED",
    ])
      expect(isUnavailable(err)).toBe(false);
  });

  it("answers 503 with a wait in seconds", () => {
    const e = commonErrors.unavailable();
    expect([e.status, e.code, e.details]).toEqual([503, "service_unavailable", { retryAfterSeconds: 5 }]);
    expect(e.messages.fi).toMatch(/Yritä uudelleen/);
  });
});
