import { PanelCreate, PanelMember } from "@soskes/chat";
import { type Router } from "express";
import type { Services } from "../../services.js";
import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import { actorOf } from "../../auth/access.js";

/** The expert panels of eKonsultaatio: every member lists them; admins manage them. */
export function panelsRouter(services: Services): Router {
  const { consult } = services;
  const router = strictRouter();
  router.get(
    "/panels",
    handler(async (req, res) => {
      res.json({ data: await consult.listPanels() });
    }),
  );
  router.post(
    "/panels",
    handler(async (req, res) => {
      const actor = actorOf(req);
      res.status(201).json({ data: await consult.createPanel(actor, parse(PanelCreate, req.body)) });
    }),
  );
  router.post(
    "/panels/:id/members",
    handler(async (req, res) => {
      const actor = actorOf(req);
      await consult.setPanelMember(actor, parse(IdParam, req.params).id, parse(PanelMember, req.body));
      res.status(204).end();
    }),
  );
  router.delete(
    "/panels/:id/members/:userId",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id, userId } = parse(IdParam.extend({ userId: IdParam.shape.id }), req.params);
      await consult.removePanelMember(actor, id, userId);
      res.status(204).end();
    }),
  );
  return router;
}
