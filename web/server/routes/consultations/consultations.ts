import {
  AnswerInput,
  AnswerReturn,
  auditCsv,
  ConsentInput,
  ConsultationCreate,
  PanelCreate,
  PanelMember,
  reportCsv,
  type ConsultActor,
} from "@soskes/chat";
import { type Router, type Request } from "express";
import { z } from "zod";
import type { Services } from "../../services.js";
import { errors } from "../../errors.js";
import { openFlagsFor } from "../../content/statute-flags.js";
import { requestLang } from "../../i18n.js";
import { handler, parse, strictRouter } from "../../validate.js";
import {
  ConsultationListQuery,
  AnswerListQuery,
  ReportQuery,
  AssignBody,
  CloseBody,
  AuditQuery,
} from "./schema.js";
import { actorOf } from "../../auth/access.js";

const IdParam = z.object({ id: z.coerce.number().int("id").positive("id") });

const consultActor = (req: Request): ConsultActor => {
  const user = actorOf(req);
  return { id: user.id, role: user.role };
};

/**
 * eKonsultaatio over REST: panels (admins manage them), requests (asked by members, taken by
 * the panel's experts) and the audit log of every read.
 */
export function consultRouter(services: Services): Router {
  const { consult } = services;
  const router = strictRouter();

  router.get(
    "/panels",
    handler(async (req, res) => {
      consultActor(req);
      res.json({ data: await consult.listPanels() });
    }),
  );
  router.post(
    "/panels",
    handler(async (req, res) => {
      const actor = consultActor(req);
      res.status(201).json({ data: await consult.createPanel(actor, parse(PanelCreate, req.body)) });
    }),
  );
  router.post(
    "/panels/:id/members",
    handler(async (req, res) => {
      const actor = consultActor(req);
      await consult.setPanelMember(actor, parse(IdParam, req.params).id, parse(PanelMember, req.body));
      res.status(204).end();
    }),
  );
  router.delete(
    "/panels/:id/members/:userId",
    handler(async (req, res) => {
      const actor = consultActor(req);
      const { id, userId } = parse(IdParam.extend({ userId: IdParam.shape.id }), req.params);
      await consult.removePanelMember(actor, id, userId);
      res.status(204).end();
    }),
  );

  router.post(
    "/consultations",
    handler(async (req, res) => {
      const actor = consultActor(req);
      res.status(201).json({ data: await consult.create(actor, parse(ConsultationCreate, req.body)) });
    }),
  );
  router.get(
    "/consultations",
    handler(async (req, res) => {
      const actor = consultActor(req);
      const { scope, status } = parse(ConsultationListQuery, req.query);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: await consult.list(actor, scope, status) });
    }),
  );
  router.get(
    "/consultations/:id",
    handler(async (req, res) => {
      const actor = consultActor(req);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: await consult.get(actor, parse(IdParam, req.params).id) });
    }),
  );
  // The answer bank: the expert writes, the panel lead approves, every member reads.
  router.get(
    "/consultations/:id/answer",
    handler(async (req, res) => {
      const actor = consultActor(req);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: await consult.answerFor(actor, parse(IdParam, req.params).id) });
    }),
  );
  router.put(
    "/consultations/:id/answer",
    handler(async (req, res) => {
      const actor = consultActor(req);
      const input = parse(AnswerInput, req.body);
      // Only sections that exist in the law pages, each a link there. Should the CMS be down with
      // nothing cached, the expert is not stopped: the format was checked, the links resolve later.
      const content = await services.content.current().catch(() => null);
      if (content) {
        const known = new Set(
          content.data.statutes.flatMap((s) => s.sections.map((sec) => `${s.number}#${sec.number}`)),
        );
        const unknown = input.sections.findIndex((ref) => !known.has(ref));
        if (unknown >= 0)
          throw errors.invalidInput({ fields: { [`sections.${unknown}`]: "unknown_section" } });
      }
      res.json({ data: await consult.saveAnswer(actor, parse(IdParam, req.params).id, input) });
    }),
  );
  /**
   * Every step of a request and its answer, POST /consultations/<id>/<action>: the actor is
   * checked first, then the id, then the body; each answers with what the step changed.
   */
  const actions: Array<[string, (actor: ConsultActor, id: number, body: unknown) => Promise<unknown>]> = [
    ["claim", (actor, id) => consult.claim(actor, id)],
    ["assign", (actor, id, body) => consult.assign(actor, id, parse(AssignBody, body).userId)],
    ["answered", (actor, id) => consult.transition(actor, id, "answered")],
    ["close", (actor, id, body) => consult.transition(actor, id, "closed", parse(CloseBody, body ?? {}))],
    ["reopen", (actor, id) => consult.transition(actor, id, "reopened")],
    [
      "consent",
      async (actor, id, body) => {
        await consult.consent(actor, id, parse(ConsentInput, body).consent);
        return consult.get(actor, id);
      },
    ],
    ["answer/submit", (actor, id) => consult.submitAnswer(actor, id)],
    ["answer/approve", (actor, id) => consult.reviewAnswer(actor, id, { approve: true })],
    [
      "answer/return",
      (actor, id, body) =>
        consult.reviewAnswer(actor, id, { approve: false, note: parse(AnswerReturn, body).note }),
    ],
    ["answer/withdraw", (actor, id) => consult.withdrawAnswer(actor, id)],
  ];
  for (const [path, act] of actions)
    router.post(
      `/consultations/:id/${path}`,
      handler(async (req, res) => {
        const actor = consultActor(req);
        res.json({ data: await act(actor, parse(IdParam, req.params).id, req.body) });
      }),
    );
  router.get(
    "/answers",
    handler(async (req, res) => {
      consultActor(req);
      const query = parse(AnswerListQuery, req.query);
      const { answers, total } = await consult.listAnswers(query);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: answers, meta: { total, limit: query.limit, offset: query.offset } });
    }),
  );
  router.get(
    "/answers/:id",
    handler(async (req, res) => {
      consultActor(req);
      res.set("Cache-Control", "private, no-store");
      const answer = await consult.getAnswer(parse(IdParam, req.params).id);
      const needsReview = await openFlagsFor(services.db, "answer", String(answer.id));
      res.json({ data: { ...answer, needsReview } });
    }),
  );

  router.get(
    "/admin/consult-report",
    handler(async (req, res) => {
      const actor = consultActor(req);
      const { format, from, to } = parse(ReportQuery, req.query);
      const report = await consult.report(actor, { from, to });
      res.set("Cache-Control", "private, no-store");
      if (format === "csv") {
        res.type("text/csv; charset=utf-8");
        res.setHeader("Content-Disposition", 'attachment; filename="soskes-ekonsultaatio.csv"');
        res.send(reportCsv(report, { fi: "Yhteensä", sv: "Totalt", en: "Total" }[requestLang(req)]));
        return;
      }
      res.json({ data: report });
    }),
  );

  router.get(
    "/admin/audit",
    handler(async (req, res) => {
      const actor = consultActor(req);
      const { format, limit } = parse(AuditQuery, req.query);
      const rows = await consult.auditLog(actor, limit);
      res.set("Cache-Control", "private, no-store");
      if (format === "csv") {
        res.type("text/csv; charset=utf-8");
        res.setHeader("Content-Disposition", 'attachment; filename="soskes-audit.csv"');
        res.send(auditCsv(rows));
        return;
      }
      res.json({ data: rows });
    }),
  );
  return router;
}
