import { protocol } from "@soskes/chat";
import fc from "fast-check";
import supertest from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "./openapi.js";
import { browser, lawOnlyContent, startTestPortal, storedState, type TestPortal } from "./test/fixtures.js";
import { connected, socketFor } from "./test/sockets.js";

/** What hostile clients put where an id or slug belongs. */
const segment = fc.oneof(
  fc.integer({ min: -2, max: 2 ** 53 }).map(String),
  fc.constantFrom(
    "0",
    "-1",
    "1e309",
    "NaN",
    "null",
    "%",
    "%00",
    "..%2F..%2Fetc",
    "' OR 1=1 --",
    "x".repeat(3000),
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
/** Strings that have broken parsers: long, control characters, markup, prototype keys. */
const nasty = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "\u0000\u202e\uffff",
    "__proto__",
    "constructor",
    "😀".repeat(2000),
    "a".repeat(70_000),
    "131052-308T",
    // The same identity code disguised: refused (422), never a 5xx.
    "１３１０５２－３０８Ｔ",
    "13\u00ad1052\u2212308\u200bT",
    "131052-_308T_",
  ),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("any"), { maxLength: 4 }),
    fc.dictionary(nasty, tie("any"), { maxKeys: 4 }),
  ),
})).any;
const body = fc.oneof(
  fc.dictionary(fc.oneof(nasty, fc.constantFrom("__proto__", "constructor", "prototype")), value, {
    maxKeys: 6,
  }),
  value,
);
const query = fc.dictionary(
  fc.constantFrom(
    "q",
    "type",
    "limit",
    "offset",
    "status",
    "scope",
    "format",
    "days",
    "from",
    "to",
    "kind",
    "t",
    "municipality",
    "serviceArea",
    "mine",
    "x[y]",
  ),
  fc.oneof(nasty.map(encodeURIComponent), fc.constantFrom("-1", "1e309", "[]", "%", "a&b=c")),
  { maxKeys: 4 },
);

type Browser = ReturnType<typeof browser>;

describe("hostile input", () => {
  let portal: TestPortal;
  const as: Record<string, Browser> = {};

  beforeAll(async () => {
    portal = await startTestPortal("sqlite", { content: lawOnlyContent() });
    as.admin = browser(portal);
    expect((await as.admin.login("admin@demo.soskes.example")).status).toBe(200);
    as.member = browser(portal);
    expect((await as.member.login("sosiaalityontekija@demo.soskes.example")).status).toBe(200);
    as.visitor = browser(portal);
  });
  afterAll(async () => {
    await portal?.drop();
  });

  // Logging out would end the session the rest of the run needs; the webhook has its own token.
  const routes = ROUTES.filter((r) => r.path !== "/api/auth/logout");

  it.each(routes.map((r) => [r.method.toUpperCase(), r.path, r] as const))(
    "%s %s: malformed, oversized and hostile input never gets a 5xx, and a refusal stores nothing",
    async (_method, _path, route) => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom("admin", "member", "visitor"),
          fc.array(segment, { minLength: 3, maxLength: 3 }),
          query,
          body,
          async (who, ids, q, payload) => {
            let i = 0;
            const path = route.path.replace(/\{\w+\}/g, () => ids[i++ % ids.length]!);
            const search = Object.entries(q)
              .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
              .join("&");
            const url = `${path}${search ? `?${search}` : ""}`;
            const client = as[who]!;
            const before = await storedState(portal);
            const res =
              route.method === "get"
                ? await client.get(url)
                : await client.raw(route.method, url, JSON.stringify(payload ?? null));
            const where = `${route.method} ${url} ${JSON.stringify(res.body).slice(0, 200)}`;
            expect(res.status, where).toBeLessThan(500);
            // Refused is refused: nothing stored changes.
            if (res.status >= 400) expect(await storedState(portal), where).toBe(before);
          },
        ),
        { numRuns: 12, seed: 20261123 },
      );
    },
    60_000,
  );

  it("raw garbage in the body, the query and the headers gets a 4xx", async () => {
    const agent = supertest(portal.server);
    const cases = [
      agent.post("/api/feedback").set("Content-Type", "application/json").send("{not json"),
      agent
        .post("/api/feedback")
        .set("Content-Type", "application/json")
        .send(`"${"a".repeat(2_000_000)}"`),
      agent.get("/api/search?q=%E0%A4%A"),
      agent.get(`/api/search?${"q=a&".repeat(5000)}`),
      agent.get("/api/answers/%").set("Cookie", 'soskes.sid=%%%; soskes.csrf="\\;='),
    ];
    for (const res of await Promise.all(cases)) expect(res.status, res.text.slice(0, 200)).toBeLessThan(500);
  });

  it("every socket event answers malformed payloads with an error ack and keeps the connection", async () => {
    const socket = socketFor(portal.url, as.member!.sessionCookie());
    await connected(socket);
    const events = [...Object.keys(protocol.CLIENT_EVENTS), "no:such:event"];
    await fc.assert(
      // Below the 64 KB frame limit: a larger frame closes the connection by design (tested below).
      fc.asyncProperty(
        fc.constantFrom(...events),
        value.filter((v) => (JSON.stringify(v) ?? "").length < 60_000),
        async (event, payload) => {
          const answer = await new Promise<{ data?: unknown; error?: { code: string } }>((resolve) =>
            socket
              .timeout(5000)
              .emit(event, payload, (err: unknown, ack: { data?: unknown; error?: { code: string } }) =>
                resolve(err ? { error: { code: "no_ack" } } : ack),
              ),
          );
          expect(answer.error?.code ?? "ok", `${event} ${JSON.stringify(payload)?.slice(0, 100)}`).not.toBe(
            "no_ack",
          );
          expect(socket.connected).toBe(true);
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
    // An oversized frame closes that connection only; the member reconnects and is served.
    const closed = new Promise<void>((resolve) => socket.once("disconnect", () => resolve()));
    socket.emit("message:create", { groupId: 1, clientId: "x", body: "a".repeat(70_000) });
    await closed;
    await connected(socket);
    const ack = await new Promise<{ error?: { code: string } }>((resolve) =>
      socket
        .timeout(5000)
        .emit("group:join", { groupId: 999_999 }, (_err: unknown, a: { error?: { code: string } }) =>
          resolve(a),
        ),
    );
    // Served again (after all those events, the rate limit may answer first — also an answer).
    expect(["not_found", "rate_limited"]).toContain(ack.error?.code);
    socket.disconnect();
  });
});
