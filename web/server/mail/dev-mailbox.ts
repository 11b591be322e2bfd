import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { type Router } from "express";
import { simpleParser } from "mailparser";
import { canManageUsers } from "../policies/user.js";
import { strictRouter } from "../validate.js";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const linkify = (s: string) =>
  escape(s).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

const refusal = (status: 401 | 403) =>
  `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>SosKes – kehitysvaiheen postilaatikko</title></head>
<body><main><h1>Kehitysvaiheen postilaatikko</h1><p>${
    status === 401
      ? 'Kirjaudu ensin sisään portaalin ylläpitäjänä (<a href="/kirjaudu">kirjaudu</a>).'
      : "Postilaatikon näkee vain portaalin ylläpitäjä."
  }</p></main></body></html>`;

/**
 * Development mailbox: lists the .eml files the embedded mail transport wrote, newest first,
 * so that verification and reset links can be followed without an SMTP server. Those links
 * take over accounts, so the page is a portal admin's only (the app mounts it outside
 * production, after the session).
 */
export function devMailboxRouter(dir: string): Router {
  const router = strictRouter();
  router.use((req, res, next) => {
    if (!req.user) return void res.status(401).type("html").send(refusal(401));
    if (!canManageUsers(req.user)) return void res.status(403).type("html").send(refusal(403));
    res.setHeader("Cache-Control", "private, no-store");
    next();
  });
  router.get("/", (_req, res, next) => {
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".eml"))
          .sort()
          .reverse()
          .slice(0, 50)
      : [];
    Promise.all(
      files.map(async (file) => ({ file, mail: await simpleParser(readFileSync(path.join(dir, file))) })),
    )
      .then((mails) => {
        const items = mails
          .map(
            ({ mail }) => `<article><h2>${escape(mail.subject ?? "")}</h2>
<p><strong>To:</strong> ${escape(Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(", ") : (mail.to?.text ?? ""))}
 · <strong>Date:</strong> ${escape(mail.date?.toISOString() ?? "")}</p>
<pre>${linkify(mail.text ?? "")}</pre></article><hr>`,
          )
          .join("\n");
        res.type("html")
          .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SosKes dev mailbox</title></head>
<body><main><h1>Development mailbox</h1><p>Mail written to ${escape(dir)} (newest first). Shown only in development without SMTP_URL.</p>
${items || "<p>No mail yet.</p>"}</main></body></html>`);
      })
      .catch(next);
  });
  return router;
}
