import { finnishDate } from "@soskes/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../commands/users.js";
import { DATABASES, browser, startTestPortal, type TestPortal } from "../../test/fixtures.js";

const PASSWORD = "Testi-salasana-42";
type Browser = ReturnType<typeof browser>;
const inDays = (n: number) => finnishDate(Date.now() + n * 86_400_000);

describe.each(DATABASES)("satisfaction surveys on %s", (kind) => {
  let portal: TestPortal;
  const as: Record<string, Browser> = {};
  let surveyId: number;

  beforeAll(async () => {
    portal = await startTestPortal(kind);
    for (const [key, role] of [
      ["admin", "admin"],
      ["anna", "member"],
      ["bertta", "member"],
      ["cecilia", "member"],
    ] as const) {
      await createUser(portal.database.db, {
        email: `${key}@survey.example`,
        name: key,
        password: PASSWORD,
        emailVerified: true,
        role,
      });
      as[key] = browser(portal);
      expect((await as[key].login(`${key}@survey.example`, PASSWORD)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await portal?.drop();
  });

  it("admins open a survey for a period; members may not", async () => {
    const body = {
      title: "Mitä mieltä olet SosKesista?",
      questions: ["Löydätkö tarvitsemasi yhteystiedot?", "Onko haku avuksi?"],
      freeText: "Mitä parantaisit?",
      opensOn: inDays(0),
      closesOn: inDays(14),
    };
    expect((await as.anna!.post("/api/admin/surveys", body)).status).toBe(403);
    expect((await as.admin!.post("/api/admin/surveys", { ...body, closesOn: inDays(-1) })).status).toBe(400);
    expect((await as.admin!.post("/api/admin/surveys", { ...body, questions: [] })).status).toBe(400);
    const created = await as.admin!.post("/api/admin/surveys", body);
    expect(created.status).toBe(201);
    surveyId = (created.body as { data: { id: number } }).data.id;
  });

  it("members see it while it is open and answer once", async () => {
    const current = (await as.anna!.get("/api/surveys/current")).body as { data: { id: number } | null };
    expect(current.data?.id).toBe(surveyId);
    const answer = (who: string, scores: number[], comment?: string) =>
      as[who]!.post(`/api/surveys/${surveyId}/responses`, { scores, ...(comment ? { comment } : {}) });
    expect((await answer("anna", [5])).body).toMatchObject({
      error: { details: { fields: { scores: "scores" } } },
    });
    expect((await answer("anna", [6, 1])).status).toBe(400);
    expect((await answer("anna", [4, 5], "Tunnukseni 131052-308T")).body).toMatchObject({
      error: { name: "hetu_detected" },
    });
    expect((await answer("anna", [4, 5], "Haku on nopea.")).status).toBe(201);
    expect((await answer("anna", [1, 1])).body).toMatchObject({ error: { name: "already_answered" } });
    expect(((await as.anna!.get("/api/surveys/current")).body as { data: unknown }).data).toBeNull();
    expect((await answer("bertta", [2, 5])).status).toBe(201);
  });

  it("shows results as counts and means, and CSV rows that do not say who answered", async () => {
    expect((await as.anna!.get(`/api/admin/surveys/${surveyId}/results`)).status).toBe(403);
    const results = (await as.admin!.get(`/api/admin/surveys/${surveyId}/results`)).body as {
      data: { responses: number; questions: Array<{ counts: number[]; mean: number }>; comments: string[] };
    };
    expect(results.data.responses).toBe(2);
    expect(results.data.questions[0]).toMatchObject({ counts: [0, 1, 0, 1, 0], mean: 3 });
    expect(results.data.questions[1]).toMatchObject({ counts: [0, 0, 0, 0, 2], mean: 5 });
    expect(results.data.comments).toEqual(["Haku on nopea."]);
    const csv = await as.admin!.get(`/api/admin/surveys/${surveyId}/results?format=csv`);
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.text.split("\r\n")[0]).toBe("q1,q2,comment");
    expect(csv.text).not.toMatch(/anna|bertta|survey\.example/);
    const list = (await as.admin!.get("/api/admin/surveys")).body as { data: Array<{ responses: number }> };
    expect(list.data[0]!.responses).toBe(2);
  });

  it("closes: nobody sees it any more", async () => {
    expect((await as.admin!.post(`/api/admin/surveys/${surveyId}/close`)).status).toBe(200);
    expect(((await as.cecilia!.get("/api/surveys/current")).body as { data: unknown }).data).toBeNull();
    expect((await as.cecilia!.post(`/api/surveys/${surveyId}/responses`, { scores: [3, 3] })).status).toBe(
      404,
    );
  });
});
