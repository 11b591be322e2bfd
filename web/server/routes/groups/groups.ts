import { protocol, type Actor } from "@soskes/chat";
import { type Router } from "express";
import { z } from "zod";
import type { Services } from "../../services.js";

import { IdParam, handler, parse, strictRouter } from "../../validate.js";
import { RemoveQuery, MessagesQuery } from "./schema.js";
import { actorOf } from "../../auth/access.js";

const MemberParam = IdParam.extend({ userId: z.coerce.number().int("id").positive("id") });

/**
 * eKollega management and history over REST (the live conversation is on Socket.IO). Every
 * route is for signed-in members and runs through the same chat rules as the socket events.
 */
export function groupsRouter(services: Services): Router {
  const { chat } = services;
  const router = strictRouter();

  router.get(
    "/",
    handler(async (req, res) => {
      res.json({ data: await chat.listGroups(actorOf(req)) });
    }),
  );
  router.post(
    "/",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const group = await chat.createGroup(actor, parse(protocol.GroupCreate, req.body));
      res.status(201).json({ data: group });
    }),
  );
  router.get(
    "/:id",
    handler(async (req, res) => {
      const actor = actorOf(req);
      res.json({ data: await chat.getGroup(actor, parse(IdParam, req.params).id) });
    }),
  );
  router.patch(
    "/:id",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id } = parse(IdParam, req.params);
      res.json({ data: await chat.updateGroup(actor, id, parse(protocol.GroupUpdate, req.body)) });
    }),
  );
  for (const [path, act] of [
    ["approve", (actor: Actor, id: number) => chat.approveGroup(actor, id)],
    ["archive", (actor: Actor, id: number) => chat.archiveGroup(actor, id)],
    ["join", (actor: Actor, id: number) => chat.join(actor, id)],
  ] as const) {
    router.post(
      `/:id/${path}`,
      handler(async (req, res) => {
        const actor = actorOf(req);
        res.json({ data: await act(actor, parse(IdParam, req.params).id) });
      }),
    );
  }
  router.get(
    "/:id/members",
    handler(async (req, res) => {
      const actor = actorOf(req);
      res.json({ data: await chat.members(actor, parse(IdParam, req.params).id) });
    }),
  );
  router.post(
    "/:id/members",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id } = parse(IdParam, req.params);
      res.status(201).json({ data: await chat.addMember(actor, id, parse(protocol.MemberAdd, req.body)) });
    }),
  );
  router.patch(
    "/:id/members/:userId",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id, userId } = parse(MemberParam, req.params);
      await chat.updateMember(actor, id, userId, parse(protocol.MemberUpdate, req.body).role);
      res.status(204).end();
    }),
  );
  router.delete(
    "/:id/members/:userId",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id, userId } = parse(MemberParam, req.params);
      const { ban } = parse(RemoveQuery, req.query);
      await chat.removeMember(actor, id, userId, { ban: ban === "1" || ban === "true" });
      res.status(204).end();
    }),
  );
  router.put(
    "/:id/notifications",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id } = parse(IdParam, req.params);
      const { notify } = parse(protocol.NotifySettings, req.body);
      await chat.setNotify(actor, id, notify);
      res.json({ data: { notify } });
    }),
  );
  router.get(
    "/:id/messages",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id } = parse(IdParam, req.params);
      const q = parse(MessagesQuery, req.query);
      res.set("Cache-Control", "private, no-store");
      res.json({
        data:
          q.after !== undefined
            ? await chat.since(actor, {
                groupId: id,
                afterSeq: q.after,
                updatedAfter: q.updatedAfter,
                limit: q.limit,
              })
            : await chat.before(actor, { groupId: id, beforeSeq: q.before, limit: q.limit }),
      });
    }),
  );
  router.post(
    "/:id/messages",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id } = parse(IdParam, req.params);
      const input = parse(protocol.MessageCreate, { ...(req.body as object), groupId: id });
      const { message, duplicate } = await chat.createMessage(actor, input);
      res.status(duplicate ? 200 : 201).json({ data: message });
    }),
  );
  router.get(
    "/:id/pinned",
    handler(async (req, res) => {
      const actor = actorOf(req);
      res.json({ data: await chat.pinned(actor, parse(IdParam, req.params).id) });
    }),
  );
  router.post(
    "/:id/read",
    handler(async (req, res) => {
      const actor = actorOf(req);
      const { id } = parse(IdParam, req.params);
      const { seq } = parse(z.object({ seq: protocol.Read.shape.seq }), req.body);
      res.json({ data: await chat.read(actor, { groupId: id, seq }) });
    }),
  );
  return router;
}
