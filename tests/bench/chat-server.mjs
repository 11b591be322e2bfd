// One portal node for bench:chat, in its own process (started with --expose-gc). The parent
// asks it over IPC to seed users, sessions and groups, and to report its heap.
import { createHmac, randomBytes } from "node:crypto";
import { loadConfig } from "@soskes/config";
import pino from "pino";
import { startPortal } from "../../web/dist/server/index.js";
import { insertBenchMembers } from "./members.mjs";

const config = loadConfig({ env: process.env, dotenv: false });
const portal = await startPortal({
  config,
  logger: pino({ level: "error" }),
  port: Number(process.env.PORT),
});
const reply = (msg) => process.send(msg);

/** A session cookie as express-session signs it: "s:" + sid + "." + HMAC-SHA256 (base64, unpadded). */
const cookieFor = (sid) =>
  encodeURIComponent(
    `s:${sid}.${createHmac("sha256", config.session.secret).update(sid).digest("base64").replace(/=+$/, "")}`,
  );

async function seed({ groups, perGroup }) {
  const db = portal.database.db;
  const ids = await insertBenchMembers(db, groups * perGroup, { prefix: "bench" });
  const staff = { id: ids[0], name: "Kuormitus", role: "admin" };
  await db.updateTable("users").set({ role: "admin" }).where("id", "=", ids[0]).execute();
  const groupIds = [];
  for (let g = 0; g < groups; g++) {
    const group = await portal.services.chat.createGroup(staff, {
      name: `Kuormaryhmä ${g}`,
      description: "",
      rules: "",
      visibility: "closed",
    });
    groupIds.push(group.id);
    for (let m = 0; m < perGroup; m++) {
      const userId = ids[g * perGroup + m];
      if (userId !== staff.id) await portal.services.chat.addMember(staff, group.id, { userId });
    }
  }
  // The admin created every group and sits in all of them: take it out of all but its own.
  await db
    .deleteFrom("chat_members")
    .where("user_id", "=", staff.id)
    .where("group_id", "!=", groupIds[0])
    .execute();
  const cookies = [];
  for (const id of ids) {
    const sid = randomBytes(24).toString("base64url");
    const sess = {
      cookie: {
        originalMaxAge: 3_600_000,
        expires: new Date(Date.now() + 3_600_000),
        httpOnly: true,
        path: "/",
        sameSite: "lax",
        secure: false,
      },
      passport: { user: id },
      loggedInAt: Date.now(),
    };
    await new Promise((resolve, reject) =>
      portal.services.sessions.set(sid, sess, (err) => (err ? reject(err) : resolve())),
    );
    cookies.push(cookieFor(sid));
  }
  return {
    groupIds,
    members: groupIds.map((_, g) => ids.slice(g * perGroup, (g + 1) * perGroup)),
    ids,
    cookies,
  };
}

process.on("message", (msg) => {
  void (async () => {
    if (msg.type === "seed") reply({ type: "seeded", ...(await seed(msg)) });
    else if (msg.type === "heap") {
      for (let i = 0; i < 3; i++) {
        globalThis.gc?.();
        await new Promise((r) => setTimeout(r, 100));
      }
      reply({ type: "heap", heapUsed: process.memoryUsage().heapUsed });
    } else if (msg.type === "stop") {
      await portal.close();
      process.exit(0);
    }
  })().catch((err) => {
    reply({ type: "error", message: String(err?.stack ?? err) });
  });
});
reply({ type: "ready", url: portal.url });
