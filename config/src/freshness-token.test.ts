import { describe, expect, it } from "vitest";
import {
  freshnessKey,
  signFreshnessToken,
  verifyFreshnessToken,
  type FreshnessClaim,
} from "./freshness-token";

const key = freshnessKey("jaettu-salaisuus-testeille");
const claim: FreshnessClaim = {
  type: "service-unit",
  documentId: "abc123",
  verifiedAt: "2025-03-14T08:00:00.000Z",
  expiresAt: 2_000_000_000_000,
};

describe("freshness links", () => {
  it("verifies what it signed", () => {
    expect(verifyFreshnessToken(key, signFreshnessToken(key, claim), Date.now())).toEqual({
      ok: true,
      claim,
    });
  });

  it("refuses a changed payload, a changed signature, another key, and junk", () => {
    const token = signFreshnessToken(key, claim);
    const [payload, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify(["service-unit", "other-id", claim.verifiedAt, claim.expiresAt]),
    ).toString("base64url");
    for (const bad of [
      `${forged}.${signature}`,
      `${payload}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`,
      signFreshnessToken(freshnessKey("toinen-salaisuus"), claim),
      `${payload}.${signature}.x`,
      "",
      "ei-pistetta",
      42,
      null,
    ])
      expect(verifyFreshnessToken(key, bad, Date.now())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an expired link", () => {
    const token = signFreshnessToken(key, { ...claim, expiresAt: Date.now() - 1 });
    expect(verifyFreshnessToken(key, token, Date.now())).toEqual({ ok: false, reason: "expired" });
  });
});
