import { auditCsv, reportCsv } from "@soskes/chat";
import { type Router } from "express";
import type { Services } from "../../services.js";
import { requestLang } from "../../i18n.js";
import { handler, parse, strictRouter } from "../../validate.js";
import { ReportQuery, AuditQuery } from "./schema.js";
import { actorOf } from "../../auth/access.js";

/** eKonsultaatio in figures and the audit log of every read, for admins (JSON or CSV). */
export function consultOversightRouter(services: Services): Router {
  const { consult } = services;
  const router = strictRouter();
  router.get(
    "/admin/consult-report",
    handler(async (req, res) => {
      const actor = actorOf(req);
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
      const actor = actorOf(req);
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
