import { toCsv } from "@soskes/domain";
import { createAnswerBank } from "./answers.js";
export { consultErrors } from "./errors.js";
import { withFirst } from "../service/bind.js";
import { createConsultContext, type ConsultOptions } from "./context.js";
import * as deadlines from "./deadlines.js";
import * as oversight from "./oversight.js";
import * as panels from "./panels.js";
import * as requests from "./requests.js";
export { ConsultationCreate, PanelCreate, PanelMember } from "./inputs.js";
export {
  DEFAULT_TARGETS,
  type ConsultActor,
  type Targets,
  type Threads,
  type ConsultNotify,
} from "./context.js";

export type ConsultService = ReturnType<typeof createConsultService>;

/**
 * eKonsultaatio's requests, panels and audit log. A request is visible to its requester, the
 * panel's experts (except one from the requester's own unit, unless the lead) and admins; everyone
 * else gets not_found, the same as for a request that does not exist. Every read is audited.
 * The parts (requests, panels, deadlines, oversight, the answer bank) are functions of one context.
 */
export function createConsultService(options: ConsultOptions) {
  const ctx = createConsultContext(options);
  const { db, now, audit, relation, panelName } = ctx;
  const bank = createAnswerBank({
    db,
    now,
    audit,
    relation,
    panelName,
    dialect: options.dialect,
  });

  return {
    ...bank,
    ...withFirst(ctx, requests),
    ...withFirst(ctx, panels),
    ...withFirst(ctx, deadlines),
    ...withFirst(ctx, oversight),
  };
}

/** The audit log as CSV (RFC 4180), for admins to export. */
export function auditCsv(rows: Array<Record<string, string | number | null>>): string {
  return toCsv(["id", "at", "actorId", "actor", "action", "resourceType", "resourceId", "outcome"], rows);
}
