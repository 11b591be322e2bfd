import { finnishDate } from "@soskes/domain";
import { protocol } from "@soskes/chat";
import { newClientId } from "@soskes/chat/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "./commands/users.js";
import { ROUTES } from "./openapi.js";
import {
  browser,
  eventually,
  lawOnlyContent,
  startTestPortal,
  storedState,
  type TestPortal,
} from "./test/fixtures.js";
import { connected, socketFor } from "./test/sockets.js";

/**
 * The authorisation matrix: every route of the one route table and every socket event, for every
 * role and every relation a person can have to a group, a consultation, a notice, a survey and a
 * feedback item — generated from the table below. For each cell:
 *  - who may act is served (never 401, 403 or 404);
 *  - who knows the thing exists but may not do this is refused (403, or 404/409 by the rules);
 *  - who may not see it gets exactly the answer a nonexistent id gets (status, code and words),
 *    so nothing tells them it exists;
 *  - a refused request changes nothing that is stored;
 *  - no answer, to anyone, holds a secret word of a thing the actor may not see — not in bodies,
 *    lists, counts, search hits or snippets.
 */
const ACTORS = [
  "visitor",
  "carol", // a member with no relation to anything below
  "alice", // requester of the consultation, moderator of the group, author of the notice
  "bob", // a member of the group
  "staff", // a portal moderator, not in the group
  "lead", // lead of the consultation's panel
  "expert", // the panel's expert who took the consultation
  "panelist", // another expert of the same panel
  "outsider", // an expert of another panel
  "maintainer", // a municipality's content maintainer
  "admin",
] as const;
type Actor = (typeof ACTORS)[number];
const MEMBERS: Actor[] = ACTORS.filter((a) => a !== "visitor");
const EVERYONE: Actor[] = [...ACTORS];
const ADMIN: Actor[] = ["admin"];

/** Secret words, and who may ever see them. */
const SECRETS = {
  groupMessage: { word: "ryhmasalaisuus", seenBy: ["alice", "bob"] as Actor[] },
  question: {
    word: "konsultaatiosalaisuus",
    seenBy: ["alice", "lead", "expert", "panelist", "admin"] as Actor[],
  },
  threadMessage: { word: "ketjusalaisuus", seenBy: ["alice", "lead", "expert"] as Actor[] },
  feedback: { word: "palautesalaisuus", seenBy: ["admin"] as Actor[] },
  notice: { word: "ilmoitussana", seenBy: MEMBERS },
};

type Fixture = Record<
  | "group"
  | "room"
  | "roomMessage"
  | "consultation"
  | "drafted"
  | "notice"
  | "survey"
  | "feedback"
  | "answer"
  | "dave"
  | "proposal"
  | "erin"
  | "expert"
  | "panel"
  | "panelist",
  number
>;
type Rule = {
  /** Who is served. */
  act: readonly Actor[];
  /** Who may know the thing the path names exists (default: those who act). */
  see?: readonly Actor[];
  /** The path's ids, from the fixture. */
  ids?: (f: Fixture) => Record<string, string | number>;
  body?: (f: Fixture) => unknown;
  query?: string;
  /** Changes the fixture for good: only the first actor who may act does it. */
  once?: boolean;
  /** Not run: why. */
  skip?: string;
};

const group = (f: Fixture) => ({ id: f.group });
const consultation = (f: Fixture) => ({ id: f.consultation });
const drafted = (f: Fixture) => ({ id: f.drafted });
const DRAFT = {
  title: "Tuen tarpeen arviointi muuttuneessa tilanteessa",
  question: "Miten tuen tarvetta arvioidaan, kun tilanne muuttuu kesken suunnitelman?",
  answer: "Arvioi tarve uudelleen palvelutarpeen arvioinnissa (SHL 36 §) ja kirjaa perustelut.",
  sections: ["1301/2014#36"],
  reviewOn: `${new Date().getFullYear() + 1}-06-30`,
};
const CONSULT_SEE: Actor[] = ["alice", "lead", "expert", "panelist", "admin"];
const MODERATE: Actor[] = ["alice", "staff", "admin"];

/** One row per route, in the order they run (what ends things for good comes last). */
const TABLE: Record<string, Rule> = {
  "GET /healthz": { act: EVERYONE },
  "POST /api/auth/login": { act: EVERYONE, skip: "logging in replaces the session this suite holds" },
  "POST /api/auth/logout": { act: EVERYONE, skip: "ends the session this suite holds" },
  "GET /api/auth/providers": { act: EVERYONE },
  "GET /api/auth/oidc": {
    act: EVERYONE,
    skip: "no single sign-on provider in this suite (see oidc.test.ts)",
  },
  "GET /api/auth/oidc/callback": { act: EVERYONE, skip: "no single sign-on provider in this suite" },
  "POST /api/auth/register": {
    act: EVERYONE,
    skip: "public, rate limited per address (see accounts.test.ts)",
  },
  "POST /api/auth/verify": { act: EVERYONE, body: () => ({ token: "x".repeat(43) }) },
  "POST /api/auth/password-reset": { act: EVERYONE, skip: "public, rate limited per address" },
  "POST /api/auth/password-reset/confirm": {
    act: EVERYONE,
    body: () => ({ token: "x".repeat(43), password: "Uusi-salasana-123" }),
  },
  "POST /api/auth/invitation/accept": {
    act: EVERYONE,
    body: () => ({ token: "x".repeat(43), name: "Ei kukaan", password: "Uusi-salasana-123" }),
  },
  "GET /api/me": { act: MEMBERS },
  "PATCH /api/me": { act: MEMBERS, body: () => ({}) },
  "POST /api/me/password": {
    act: MEMBERS,
    body: () => ({ current: "väärä", password: "Uusi-salasana-123" }),
  },
  "GET /api/me/calendar": { act: MEMBERS },
  "GET /api/calendar/{token}.ics": {
    act: EVERYONE,
    skip: "a personal token, not a session (see calendar tests)",
  },
  "GET /api/people": { act: MEMBERS },
  "GET /api/municipalities": { act: MEMBERS },
  "GET /api/service-areas": { act: MEMBERS },
  "GET /api/service-areas/{slug}": { act: MEMBERS, skip: "needs Strapi content (see content.test.ts)" },
  "GET /api/directory/units": { act: MEMBERS },
  "GET /api/search": {
    act: MEMBERS,
    query: "q=ryhmasalaisuus+konsultaatiosalaisuus+ketjusalaisuus+palautesalaisuus+ilmoitussana",
  },
  "GET /api/groups": { act: MEMBERS },
  "POST /api/groups": {
    act: MEMBERS,
    body: () => ({ name: `Ehdotus ${newClientId()}`, visibility: "closed" }),
  },
  "GET /api/groups/{id}": { act: MEMBERS, ids: group },
  "PATCH /api/groups/{id}": {
    act: MODERATE,
    see: MEMBERS,
    ids: group,
    body: () => ({ description: "Päivitetty kuvaus" }),
  },
  // A proposed group is known only to its proposer and staff.
  "POST /api/groups/{id}/approve": {
    act: ["staff", "admin"],
    see: ["bob", "staff", "admin"],
    ids: (f) => ({ id: f.proposal }),
  },
  "POST /api/groups/{id}/join": {
    act: MEMBERS,
    ids: group,
    skip: "a join request changes who may see what; see chat.test.ts",
  },
  "GET /api/groups/{id}/members": { act: ["alice", "bob", "staff", "admin"], see: MEMBERS, ids: group },
  "POST /api/groups/{id}/members": {
    act: MODERATE,
    see: MEMBERS,
    ids: group,
    body: (f) => ({ userId: f.dave }),
  },
  "PATCH /api/groups/{id}/members/{userId}": {
    act: MODERATE,
    see: MEMBERS,
    ids: (f) => ({ id: f.group, userId: f.dave }),
    body: () => ({ role: "member" }),
  },
  "PUT /api/groups/{id}/notifications": {
    act: ["alice", "bob"],
    see: MEMBERS,
    ids: group,
    body: () => ({ notify: "digest" }),
  },
  "GET /api/groups/{id}/messages": { act: ["alice", "bob"], see: MEMBERS, ids: group },
  "POST /api/groups/{id}/messages": {
    act: ["alice", "bob"],
    see: MEMBERS,
    ids: group,
    body: () => ({ clientId: newClientId(), body: "Kuittaus" }),
  },
  "GET /api/groups/{id}/pinned": { act: ["alice", "bob"], see: MEMBERS, ids: group },
  "POST /api/groups/{id}/read": {
    act: ["alice", "bob"],
    see: MEMBERS,
    ids: group,
    body: () => ({ seq: 1 }),
  },
  "GET /api/panels": { act: MEMBERS },
  "POST /api/panels": {
    act: ADMIN,
    body: () => ({ serviceArea: "aikuissosiaalityo", name: `Paneeli ${newClientId()}` }),
  },
  "POST /api/panels/{id}/members": {
    act: ADMIN,
    ids: (f) => ({ id: f.panel }),
    body: (f) => ({ userId: f.panelist }),
  },
  "POST /api/consultations": {
    act: MEMBERS,
    skip: "asking is every member's right; its checks have their own suite (consult.test.ts)",
  },
  "GET /api/consultations": { act: MEMBERS, query: "scope=inbox" },
  "GET /api/consultations/{id}": { act: CONSULT_SEE, ids: consultation },
  "POST /api/consultations/{id}/claim": {
    act: ["lead", "expert", "panelist"],
    see: CONSULT_SEE,
    ids: consultation,
  },
  "POST /api/consultations/{id}/assign": {
    act: ["lead", "admin"],
    see: CONSULT_SEE,
    ids: consultation,
    body: (f) => ({ userId: f.expert }),
  },
  // The answer draft of a second request (closed with consent): its expert and the lead write
  // it, the lead publishes it (an admin may withdraw it), the requester may read it.
  "GET /api/consultations/{id}/answer": {
    act: ["alice", "lead", "expert", "admin"],
    see: CONSULT_SEE,
    ids: drafted,
  },
  "PUT /api/consultations/{id}/answer": {
    act: ["lead", "expert"],
    see: CONSULT_SEE,
    ids: drafted,
    body: () => DRAFT,
  },
  "POST /api/consultations/{id}/answer/submit": {
    act: ["expert"],
    see: CONSULT_SEE,
    ids: drafted,
    once: true,
  },
  "POST /api/consultations/{id}/answer/return": {
    act: ["lead", "admin"],
    see: CONSULT_SEE,
    ids: drafted,
    body: () => ({ note: "Tarkenna vastausta." }),
    once: true,
  },
  "POST /api/consultations/{id}/answer/approve": { act: ["lead"], see: CONSULT_SEE, ids: drafted },
  "POST /api/consultations/{id}/answer/withdraw": { act: ["lead", "admin"], see: CONSULT_SEE, ids: drafted },
  "GET /api/answers": { act: MEMBERS },
  "GET /api/answers/{id}": { act: MEMBERS, ids: (f) => ({ id: f.answer }) },
  "GET /api/admin/consult-report": { act: ADMIN },
  "GET /api/admin/audit": { act: ADMIN },
  "GET /api/surveys/current": { act: MEMBERS },
  "POST /api/surveys/{id}/responses": {
    act: MEMBERS,
    ids: (f) => ({ id: f.survey }),
    body: () => ({ scores: [4] }),
  },
  "GET /api/admin/surveys": { act: ADMIN },
  "POST /api/admin/surveys": {
    act: ADMIN,
    body: () => ({
      title: "Toinen kysely",
      questions: ["Löydätkö tarvitsemasi?"],
      opensOn: "2020-01-01",
      closesOn: "2020-01-02",
    }),
  },
  "GET /api/admin/surveys/{id}/results": { act: ADMIN, ids: (f) => ({ id: f.survey }) },
  "GET /api/admin/usage": { act: ADMIN },
  "GET /api/maintenance": { act: ["maintainer", "admin"] },
  "GET /api/review-flags": { act: MEMBERS },
  "POST /api/review-flags/{id}/resolve": {
    act: [],
    see: [],
    ids: () => ({ id: 1 }),
    skip: "no flag exists without Strapi content (see statute-flags.test.ts)",
  },
  "GET /api/freshness/check": { act: EVERYONE, skip: "a signed link, not a session (see freshness.test.ts)" },
  "POST /api/freshness/confirm": { act: EVERYONE, skip: "a signed link, not a session" },
  "GET /api/notices": { act: MEMBERS },
  "POST /api/notices": {
    act: MEMBERS,
    skip: "posting is every member's right, rate limited (see notices.test.ts)",
  },
  "GET /api/notices/{id}": { act: MEMBERS, ids: (f) => ({ id: f.notice }) },
  "PATCH /api/notices/{id}": {
    act: ["alice"],
    see: MEMBERS,
    ids: (f) => ({ id: f.notice }),
    body: () => ({ title: "Lainattavana: tulkkauslaite" }),
  },
  "GET /api/inbox": { act: MEMBERS },
  "POST /api/inbox/read": { act: MEMBERS },
  "POST /api/inbox/{id}/read": {
    act: MEMBERS,
    skip: "each member's own items; another's answers 404 (see inbox.test.ts)",
  },
  "POST /api/feedback": { act: EVERYONE, skip: "open to all, rate limited (see feedback.test.ts)" },
  "GET /api/admin/feedback": { act: ADMIN },
  "POST /api/admin/feedback/{id}/answer": {
    act: ADMIN,
    ids: (f) => ({ id: f.feedback }),
    body: () => ({ answer: "Kiitos palautteesta, korjaamme asian." }),
  },
  "GET /api/units/{id}": { act: MEMBERS, skip: "needs Strapi content (see content.test.ts)" },
  "GET /api/statutes": { act: MEMBERS },
  "GET /api/statutes/{number}": { act: MEMBERS, ids: () => ({ number: "1301-2014" }) },
  "GET /api/pages/{slug}": { act: MEMBERS, skip: "needs Strapi content (see content.test.ts)" },
  "GET /api/events": { act: MEMBERS },
  "GET /api/news": { act: MEMBERS },
  "GET /api/links": { act: MEMBERS },
  "GET /api/admin/users": { act: ADMIN },
  "POST /api/admin/users/{id}/approve": { act: ADMIN, ids: (f) => ({ id: f.erin }), once: true },
  "POST /api/admin/users/{id}/refuse": {
    act: ADMIN,
    skip: "refusing an account removes it (see admin tests)",
  },
  "PUT /api/admin/users/{id}/unit": {
    act: ADMIN,
    ids: (f) => ({ id: f.erin }),
    body: () => ({ unitId: null }),
  },
  "POST /api/admin/invitations": { act: ADMIN, skip: "sends mail; see invitation tests" },
  "POST /api/cms/webhook": { act: [], skip: "Strapi's secret, not a session (see content.test.ts)" },
  // What ends things for good, last.
  "POST /api/consultations/{id}/answered": {
    act: ["lead", "expert"],
    see: CONSULT_SEE,
    ids: consultation,
    once: true,
  },
  "POST /api/consultations/{id}/close": {
    act: ["alice", "admin"],
    see: CONSULT_SEE,
    ids: consultation,
    body: () => ({ consent: false }),
    once: true,
  },
  "POST /api/consultations/{id}/consent": {
    act: ["alice"],
    see: CONSULT_SEE,
    ids: consultation,
    body: () => ({ consent: true }),
    once: true,
  },
  "POST /api/consultations/{id}/reopen": { act: ["alice"], see: CONSULT_SEE, ids: consultation, once: true },
  "DELETE /api/panels/{id}/members/{userId}": {
    act: ADMIN,
    ids: (f) => ({ id: f.panel, userId: f.panelist }),
    once: true,
  },
  "POST /api/admin/surveys/{id}/close": { act: ADMIN, ids: (f) => ({ id: f.survey }), once: true },
  "DELETE /api/notices/{id}": {
    act: ["alice", "staff", "admin"],
    see: MEMBERS,
    ids: (f) => ({ id: f.notice }),
    once: true,
  },
  "DELETE /api/groups/{id}/members/{userId}": {
    act: MODERATE,
    see: MEMBERS,
    ids: (f) => ({ id: f.group, userId: f.dave }),
    once: true,
  },
  "POST /api/groups/{id}/archive": { act: MODERATE, see: MEMBERS, ids: group, once: true },
};

/** Socket events: the same rules, on a second group of the same people and one of its messages. */
const EVENTS: Record<protocol.ClientEvent, Rule & { payload: (f: Fixture) => unknown }> = {
  "messages:since": { act: ["alice", "bob"], payload: (f) => ({ groupId: f.room, afterSeq: 0 }) },
  "messages:before": { act: ["alice", "bob"], payload: (f) => ({ groupId: f.room }) },
  read: { act: ["alice", "bob"], payload: (f) => ({ groupId: f.room, seq: 1 }) },
  typing: { act: ["alice", "bob"], payload: (f) => ({ groupId: f.room }) },
  "message:create": {
    act: ["alice", "bob"],
    payload: (f) => ({ groupId: f.room, clientId: newClientId(), body: "Selvä" }),
  },
  "message:react": { act: ["alice", "bob"], payload: (f) => ({ messageId: f.roomMessage, emoji: "👍" }) },
  "message:pin": {
    act: ["alice"],
    see: ["alice", "bob"],
    payload: (f) => ({ messageId: f.roomMessage, pinned: true }),
  },
  "message:update": {
    act: ["alice"],
    see: ["alice", "bob"],
    payload: (f) => ({ messageId: f.roomMessage, body: "ryhmasalaisuus: korjattu" }),
  },
  // Joining makes staff members of the group: after the others.
  "group:join": {
    act: ["alice", "bob", "staff", "admin"],
    payload: (f) => ({ groupId: f.room }),
    once: true,
  },
  "message:delete": {
    act: ["alice"],
    see: ["alice", "bob"],
    payload: (f) => ({ messageId: f.roomMessage }),
    once: true,
  },
  // Alice may leave too, but not as the group's last moderator (409); staff may remove anyone.
  "group:leave": {
    act: ["bob", "alice", "staff", "admin"],
    payload: (f) => ({ groupId: f.room }),
    once: true,
  },
};

const MISSING = 987_654;
const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
type Client = ReturnType<typeof browser>;

describe("authorisation matrix", () => {
  let portal: TestPortal;
  const as = {} as Record<Actor, Client>;
  const cookies = {} as Record<Actor, string>;
  const f = {} as Fixture;

  beforeAll(async () => {
    portal = await startTestPortal("sqlite", { content: lawOnlyContent() });
    const db = portal.database.db;
    const PASSWORD = "Testi-salasana-42";
    const demo: Partial<Record<Actor, string>> = {
      carol: "sosiaalityontekija.keuruu@demo.soskes.example",
      alice: "sosiaalityontekija@demo.soskes.example",
      bob: "sosiaalityontekija.saarijarvi@demo.soskes.example",
      staff: "moderaattori@demo.soskes.example",
      lead: "asiantuntija@demo.soskes.example",
      maintainer: "yllapitaja.laukaa@demo.soskes.example",
      admin: "admin@demo.soskes.example",
    };
    const ids = {} as Record<Actor, number>;
    for (const who of ["expert", "panelist", "outsider"] as const)
      ids[who] = (
        await createUser(db, {
          email: `${who}@matrix.example`,
          name: `Matriisi ${who}`,
          password: PASSWORD,
          role: "expert",
          emailVerified: true,
          unit: `Yksikkö ${who}`,
        })
      ).id;
    f.dave = (
      await createUser(db, { email: "dave@matrix.example", name: "Matriisi dave", emailVerified: true })
    ).id;
    for (const actor of ACTORS) {
      as[actor] = browser(portal);
      if (actor === "visitor") continue;
      const res = await as[actor].login(demo[actor] ?? `${actor}@matrix.example`, PASSWORD);
      expect(res.status, actor).toBe(200);
      cookies[actor] = as[actor].sessionCookie()!;
      ids[actor] ??= (res.body as { data: { id: number } }).data.id;
    }
    // The groups: staff creates them, makes alice their moderator, adds bob and steps out.
    const closedGroup = async (name: string) => {
      const id = (
        (await as.staff.post("/api/groups", { name, visibility: "closed" })).body as { data: { id: number } }
      ).data.id;
      expect(
        (await as.staff.post(`/api/groups/${id}/members`, { userId: ids.alice, role: "moderator" })).status,
      ).toBe(201);
      expect((await as.alice.post(`/api/groups/${id}/members`, { userId: ids.bob })).status).toBe(201);
      expect((await as.alice.delete(`/api/groups/${id}/members/${ids.staff}`)).status).toBe(204);
      const said = await as.alice.post(`/api/groups/${id}/messages`, {
        clientId: newClientId(),
        body: "Sovitaan: ryhmasalaisuus pysyy täällä.",
      });
      return [id, (said.body as { data: { id: number } }).data.id] as const;
    };
    [f.group] = await closedGroup("Suljettu matriisiryhmä");
    [f.room, f.roomMessage] = await closedGroup("Suljettu matriisihuone");
    f.proposal = (
      (await as.bob.post("/api/groups", { name: "Bobin ehdotus", visibility: "closed" })).body as {
        data: { id: number };
      }
    ).data.id;
    // The panel: the demo disability panel led by `lead`; expert and panelist sit on it.
    const panels = (await as.admin.get("/api/panels")).body as {
      data: Array<{ id: number; serviceArea: string }>;
    };
    f.panel = panels.data.find((p) => p.serviceArea === "vammaispalvelut")!.id;
    f.panelist = ids.panelist;
    f.expert = ids.expert;
    for (const who of ["expert", "panelist"] as const)
      expect((await as.admin.post(`/api/panels/${f.panel}/members`, { userId: ids[who] })).status).toBe(204);
    const other = (
      await as.admin.post("/api/panels", { serviceArea: "lastensuojelu", name: "Matriisin toinen paneeli" })
    ).body as { data: { id: number } };
    expect(
      (await as.admin.post(`/api/panels/${other.data.id}/members`, { userId: ids.outsider })).status,
    ).toBe(204);
    // The consultation: alice asks, expert takes it and writes in its thread.
    const asked = await as.alice.post("/api/consultations", {
      serviceArea: "vammaispalvelut",
      topic: "Kysymys: konsultaatiosalaisuus",
      question: "Miten arvioin tuen tarpeen, kun tilanne muuttuu? konsultaatiosalaisuus",
      anonymised: true,
      acknowledgeFlags: true,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    f.consultation = (asked.body as { data: { id: number; groupId: number } }).data.id;
    const thread = (asked.body as { data: { threadId: number } }).data.threadId;
    expect((await as.expert.post(`/api/consultations/${f.consultation}/claim`)).status).toBe(200);
    expect(
      (
        await as.expert.post(`/api/groups/${thread}/messages`, {
          clientId: newClientId(),
          body: "Vastaus tulossa: ketjusalaisuus",
        })
      ).status,
    ).toBe(201);
    // A second request that went as far as an answer draft.
    const second = await as.alice.post("/api/consultations", {
      serviceArea: "vammaispalvelut",
      topic: "Toinen kysymys: konsultaatiosalaisuus",
      question: "Miten toimin, kun asiakkaan tilanne muuttuu nopeasti? konsultaatiosalaisuus",
      anonymised: true,
      acknowledgeFlags: true,
    });
    f.drafted = (second.body as { data: { id: number } }).data.id;
    expect((await as.expert.post(`/api/consultations/${f.drafted}/claim`)).status).toBe(200);
    expect((await as.expert.post(`/api/consultations/${f.drafted}/answered`)).status).toBe(200);
    expect((await as.alice.post(`/api/consultations/${f.drafted}/close`, { consent: true })).status).toBe(
      200,
    );
    const saved = await as.expert.put(`/api/consultations/${f.drafted}/answer`, DRAFT);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // A notice, a survey, a feedback item and the demo answer.
    f.notice = (
      (
        await as.alice.post("/api/notices", {
          kind: "giving",
          title: "Annetaan: kirjahylly",
          body: "Hyvä hylly, ilmoitussana, noudettava.",
        })
      ).body as { data: { id: number } }
    ).data.id;
    // The portal counts days in Finland (after 22:00 UTC it is already tomorrow there).
    const today = finnishDate(Date.now());
    f.survey = (
      (
        await as.admin.post("/api/admin/surveys", {
          title: "Matriisikysely",
          questions: ["Löydätkö tarvitsemasi?"],
          opensOn: today,
          closesOn: today,
        })
      ).body as { data: { id: number } }
    ).data.id;
    await as.visitor.post("/api/feedback", {
      topic: "portal",
      message: "Haku ei löytänyt: palautesalaisuus",
    });
    f.feedback = (
      (await as.admin.get("/api/admin/feedback")).body as { data: Array<{ id: number }> }
    ).data[0]!.id;
    f.answer = ((await as.carol.get("/api/answers")).body as { data: Array<{ id: number }> }).data[0]!.id;
    expect(
      Object.values(f).every((v) => Number.isInteger(v) && v > 0),
      JSON.stringify(f),
    ).toBe(true);
  });
  afterAll(async () => {
    await portal?.drop();
  });

  const secretsIn = (actor: Actor, body: unknown) => {
    const text = JSON.stringify(body ?? "").toLowerCase();
    return Object.entries(SECRETS)
      .filter(([, s]) => !s.seenBy.includes(actor) && text.includes(s.word))
      .map(([name]) => name);
  };
  const send = (client: Client, method: string, url: string, body: unknown) =>
    method === "GET"
      ? client.get(url)
      : client.raw(method.toLowerCase() as "post", url, JSON.stringify(body ?? {}));

  it("the table covers every route and every socket event", () => {
    expect(ROUTES.map(key).filter((k) => !TABLE[k])).toEqual([]);
    expect(Object.keys(TABLE).filter((k) => !ROUTES.some((r) => key(r) === k))).toEqual([]);
    expect(Object.keys(protocol.CLIENT_EVENTS).sort()).toEqual(Object.keys(EVENTS).sort());
  });

  const runnable = Object.entries(TABLE).filter(([, rule]) => !rule.skip);
  it.each(runnable)("%s", async (route, rule) => {
    const [method, pattern] = route.split(" ") as [string, string];
    const ids = rule.ids?.(f) ?? {};
    const fill = (values: Record<string, string | number>) =>
      pattern.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name])) +
      (rule.query ? `?${rule.query}` : "");
    const url = fill(ids);
    const missingUrl = fill(Object.fromEntries(Object.keys(ids).map((k) => [k, MISSING])));
    const see = rule.see ?? rule.act;
    const refused = ACTORS.filter((a) => !rule.act.includes(a));
    const allowed = ACTORS.filter((a) => rule.act.includes(a));
    for (const actor of refused) {
      const before = await storedState(portal);
      const res = await send(as[actor], method, url, rule.body?.(f));
      const where = `${actor}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      expect(res.status, where).toBeGreaterThanOrEqual(400);
      expect(res.status, where).toBeLessThan(500);
      if (actor === "visitor") expect(res.status, where).toBe(401);
      // Who knows the thing exists may be told no in any way (403, or 404/409 by the rules).
      else if (see.includes(actor)) expect([403, 404, 409], where).toContain(res.status);
      else if (Object.keys(ids).length > 0) {
        const missing = await send(as[actor], method, missingUrl, rule.body?.(f));
        const shape = (r: typeof res) => [
          r.status,
          (r.body as { error?: { name: string; message: string } }).error,
        ];
        expect(shape(res), `${where} differs from a missing id`).toEqual(shape(missing));
      } else expect([401, 403], where).toContain(res.status);
      expect(await storedState(portal), `${actor} changed stored data`).toBe(before);
      expect(secretsIn(actor, res.body), where).toEqual([]);
    }
    for (const actor of rule.once ? allowed.slice(0, 1) : allowed) {
      const res = await send(as[actor], method, url, rule.body?.(f));
      const where = `${actor}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      expect([401, 403, 404], where).not.toContain(res.status);
      expect(res.status, where).toBeLessThan(500);
      expect(secretsIn(actor, res.body), where).toEqual([]);
    }
  });

  it("search counts and facets show nothing of what the actor may not see", async () => {
    type Result = { data: { total: number; facets: Record<string, Record<string, number>> } };
    const search = async (actor: Actor, word: string) =>
      (await as[actor].get(`/api/search?q=${word}`)).body as Result;
    // The positive control: a group member finds the group's message once it is indexed.
    const found = await eventually(
      () => search("alice", SECRETS.groupMessage.word),
      (r) => r.data.total > 0,
    );
    expect(found.data.facets.type?.message, JSON.stringify(found.data)).toBeGreaterThan(0);
    for (const [name, secret] of Object.entries(SECRETS))
      for (const actor of MEMBERS.filter((a) => !secret.seenBy.includes(a))) {
        const { data } = await search(actor, secret.word);
        const counted = Object.values(data.facets).flatMap((f) => Object.values(f));
        expect([data.total, counted.filter((n) => n > 0)], `${actor}, ${name}`).toEqual([0, []]);
      }
  });

  it("search suggests no secret word, as typed or misspelt, to who may not see it", async () => {
    const misspell = (w: string) => `${w.slice(0, -2)}${w.at(-1)}${w.at(-2)}`;
    const ask = async (actor: Actor, q: string, partial: boolean): Promise<unknown> =>
      (await as[actor].get(`/api/search?q=${encodeURIComponent(q)}${partial ? "&partial=1" : ""}`))
        .body as unknown;
    // The positive control: a group member is offered the group's word.
    const control = await eventually(
      () => ask("alice", misspell(SECRETS.groupMessage.word), false),
      (r) => JSON.stringify(r).includes(SECRETS.groupMessage.word),
    );
    expect(JSON.stringify(control)).toContain(SECRETS.groupMessage.word);
    for (const [name, secret] of Object.entries(SECRETS))
      for (const actor of MEMBERS.filter((a) => !secret.seenBy.includes(a)))
        for (const partial of [false, true])
          for (const q of [misspell(secret.word), secret.word.slice(0, -1), `${secret.word.slice(0, 6)}x`]) {
            const body = await ask(actor, q, partial);
            expect(secretsIn(actor, body), `${actor}, ${name}, ${q}, partial ${partial}`).toEqual([]);
          }
  });

  it.each(Object.entries(EVENTS))("socket %s", async (event, rule) => {
    const see = rule.see ?? rule.act;
    const ask = async (actor: Actor, payload: unknown) => {
      const socket = socketFor(portal.url, cookies[actor]);
      try {
        await connected(socket);
        return await new Promise<{ data?: unknown; error?: { code: string; message: string } }>((resolve) =>
          socket.emit(event, payload, resolve),
        );
      } finally {
        socket.disconnect();
      }
    };
    const missing = (payload: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(payload).map(([k, v]) => [k, k === "groupId" || k === "messageId" ? MISSING : v]),
      );
    for (const actor of MEMBERS.filter((a) => !rule.act.includes(a))) {
      const before = await storedState(portal);
      const payload = rule.payload(f) as Record<string, unknown>;
      const answer = await ask(actor, payload);
      expect(answer.error, `${actor}: ${JSON.stringify(answer)}`).toBeDefined();
      if (see.includes(actor)) expect(answer.error, actor).toBeDefined();
      else
        expect(answer.error, `${actor} differs from a missing id`).toEqual(
          (await ask(actor, missing(payload))).error,
        );
      expect(await storedState(portal), `${actor} changed stored data`).toBe(before);
      expect(secretsIn(actor, answer), actor).toEqual([]);
    }
    for (const actor of rule.once ? rule.act.slice(0, 1) : rule.act) {
      const answer = await ask(actor, rule.payload(f));
      expect(answer.error, `${actor}: ${JSON.stringify(answer)}`).toBeUndefined();
      expect(secretsIn(actor, answer), actor).toEqual([]);
    }
  });
});
