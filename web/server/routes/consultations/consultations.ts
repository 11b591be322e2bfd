import { AnswerInput, AnswerReturn, ConsentInput, ConsultationCreate, type ConsultActor } from "@soskes/chat";
import { type Router } from "express";
import type { Services } from "../../services.js";
import { errors } from "../../errors.js";
import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import { ConsultationListQuery, AssignBody, CloseBody } from "./schema.js";
import { actorOf } from "../../auth/access.js";

/**
 * eKonsultaatio's requests over REST: asked by members, taken by the panel's experts, their Q&A
 * for the answer bank written, reviewed and published. Every read is audited.
 */
export function consultRouter(services: Services): Router {
  const { consult } = services;
  const router = strictRouter();

  router.post(
    "/consultations",
    handler(async (req, res) => {
      const actor = actorOf(req);
      res.status(201).json({ data: await consult.create(actor, parse(ConsultationCreate, req.body)) });
    }),
  );
  router.get(
    "/consultations",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { scope, status } = parse(ConsultationListQuery, req.query);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: await consult.list(actor, scope, status) });
    }),
  );
  router.get(
    "/consultations/:id",
    handler(async (req, res) => {
      const actor = actorOf(req);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: await consult.get(actor, parse(IdParam, req.params).id) });
    }),
  );
  // The answer bank: the expert writes, the panel lead approves, every member reads.
  router.get(
    "/consultations/:id/answer",
    handler(async (req, res) => {
      const actor = actorOf(req);
      res.set("Cache-Control", "private, no-store");
      res.json({ data: await consult.answerFor(actor, parse(IdParam, req.params).id) });
    }),
  );
  router.put(
    "/consultations/:id/answer",
    handler(async (req, res) => {
      const actor = actorOf(req);
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
        const actor = actorOf(req);
        res.json({ data: await act(actor, parse(IdParam, req.params).id, req.body) });
      }),
    );

  return router;
}
