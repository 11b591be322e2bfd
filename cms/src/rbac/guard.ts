import type { Core, UID } from "@strapi/strapi";
import { errors } from "@strapi/utils";
import {
  ASSIGNMENT_UID,
  MUNICIPALITY_UID,
  assignedMunicipalityCodes,
  currentAdminUser,
  isRestrictedMaintainer,
  isScoped,
} from "./scope";

const WRITE_ACTIONS = new Set([
  "create",
  "update",
  "delete",
  "publish",
  "unpublish",
  "discardDraft",
  "clone",
]);

type Ref = { id?: number; documentId?: string };
type RelationInput = { refs: Ref[]; clears: boolean };

/**
 * Normalises every shape Strapi accepts for a relation value into references. `clears` is
 * true when the value would leave the relation empty: null, [], { set: [] } or a disconnect
 * without a connect. The admin UI sends { connect: [], disconnect: [] } for "no change".
 */
export function relationRefs(value: unknown): RelationInput {
  const refs: Ref[] = [];
  const add = (v: unknown): void => {
    if (typeof v === "string") {
      refs.push({ documentId: v });
    } else if (typeof v === "number") {
      refs.push({ id: v });
    } else if (Array.isArray(v)) {
      v.forEach(add);
    } else if (typeof v === "object" && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.documentId === "string" || typeof o.id === "number") {
        refs.push({
          id: typeof o.id === "number" ? o.id : undefined,
          documentId: typeof o.documentId === "string" ? o.documentId : undefined,
        });
      }
    }
  };
  const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
  if (value === null) return { refs, clears: true };
  if (Array.isArray(value)) {
    add(value);
    return { refs, clears: value.length === 0 };
  }
  if (typeof value === "object" && ("connect" in value || "set" in value || "disconnect" in value)) {
    const o = value as { connect?: unknown; set?: unknown; disconnect?: unknown };
    const connect = asList(o.connect);
    const set = o.set === undefined ? undefined : asList(o.set);
    const disconnect = asList(o.disconnect);
    add(connect);
    if (set) add(set);
    const clears =
      (set !== undefined && set.length === 0) ||
      (disconnect.length > 0 && connect.length === 0 && !set?.length);
    // Disconnected records change too (an inverse relation edits the other side).
    add(disconnect);
    return { refs, clears };
  }
  add(value);
  return { refs, clears: false };
}

function refWhere(ref: Ref): Record<string, unknown> {
  return ref.id !== undefined ? { id: ref.id } : { documentId: ref.documentId };
}

async function ownerCodeOf(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  ref: Ref,
): Promise<string | null | undefined> {
  if (uid === MUNICIPALITY_UID) {
    const row = (await strapi.db.query(uid).findOne({ where: refWhere(ref), select: ["code"] })) as {
      code: string;
    } | null;
    return row ? row.code : undefined;
  }
  const row = (await strapi.db.query(uid).findOne({
    where: refWhere(ref),
    populate: { municipality: { select: ["code"] } },
  })) as { municipality?: { code: string } | null } | null;
  if (!row) return undefined;
  return row.municipality?.code ?? null;
}

type CheckInput = {
  uid: UID.ContentType;
  action: string;
  params: { documentId?: string; data?: Record<string, unknown> };
  codes: string[];
};

/**
 * The server-side guarantee behind the "Oma kunta" condition: whatever the admin UI shows,
 * a municipality maintainer cannot create, change, publish or delete another municipality's
 * records, nor move a record or a relation out of their own municipalities.
 */
export async function checkMaintainerWrite(strapi: Core.Strapi, input: CheckInput): Promise<void> {
  const { uid, action, params, codes } = input;
  const own = new Set(codes);
  const deny: (why: string) => never = (why) => {
    // PolicyError (a 403) is the one forbidden error whose message Strapi shows to the user.
    throw new errors.PolicyError(
      `${why} Kunnan ylläpitäjänä voit muokata vain omien kuntiesi tietoja (${codes.join(", ") || "ei kuntia"}).`,
    );
  };

  if (uid === ASSIGNMENT_UID) deny("Ylläpitäjien kuntamäärityksiä muuttaa alueen päätoimittaja.");

  if (uid === MUNICIPALITY_UID) {
    if (action === "create" || action === "delete" || action === "clone")
      deny("Kuntia lisää ja poistaa alueen päätoimittaja.");
    const code = params.documentId
      ? await ownerCodeOf(strapi, uid, { documentId: params.documentId })
      : undefined;
    if (code !== undefined && (code === null || !own.has(code)))
      deny("Tämä kunta ei ole sinun ylläpidossasi.");
    const newCode = params.data?.code;
    if (newCode !== undefined && newCode !== code) deny("Kunnan virallista kuntanumeroa ei voi muuttaa.");
    return;
  }
  if (!isScoped(uid)) return;

  if (params.documentId && action !== "create") {
    const current = await ownerCodeOf(strapi, uid, { documentId: params.documentId });
    if (current === null)
      deny("Tämä tietue on koko alueen yhteinen, ja sitä ylläpitää alueen päätoimittaja.");
    if (current !== undefined && !own.has(current)) deny("Tämä tietue kuuluu toiselle kunnalle.");
  }

  const data = params.data;
  if (!data || (action !== "create" && action !== "update" && action !== "clone")) return;
  const model = strapi.getModel(uid);

  if ("municipality" in data) {
    const { refs, clears } = relationRefs(data.municipality);
    if (clears) deny("Tietueella on oltava kunta.");
    for (const ref of refs) {
      const code = await ownerCodeOf(strapi, MUNICIPALITY_UID, ref);
      if (!code || !own.has(code)) deny("Valittu kunta ei ole sinun ylläpidossasi.");
    }
  } else if (action === "create") {
    // A contact person inherits the municipality of the unit it is created in.
    const unitRefs = uid === "api::contact-person.contact-person" ? relationRefs(data.unit).refs : [];
    const unitCode = unitRefs[0]
      ? await ownerCodeOf(strapi, "api::service-unit.service-unit", unitRefs[0])
      : undefined;
    if (unitCode && own.has(unitCode)) {
      const municipality = (await strapi.db
        .query(MUNICIPALITY_UID)
        .findOne({ where: { code: unitCode }, select: ["documentId"] })) as { documentId: string } | null;
      if (municipality) data.municipality = municipality.documentId;
    } else {
      deny("Valitse tietueelle kunta.");
    }
  }

  const attributes = model.attributes as Record<
    string,
    { type: string; target?: UID.ContentType; mappedBy?: string }
  >;
  for (const [field, attribute] of Object.entries(attributes)) {
    if (field === "municipality" || !(field in data) || attribute.type !== "relation") continue;
    const target = attribute.target;
    if (!target) continue;
    const { refs } = relationRefs(data[field]);
    const inverse = Boolean(attribute.mappedBy);
    for (const ref of refs) {
      if (target === MUNICIPALITY_UID) {
        const code = await ownerCodeOf(strapi, target, ref);
        if (!code || !own.has(code)) deny(`Kenttään ${field} voi valita vain omia kuntiasi.`);
      } else if (isScoped(target)) {
        const code = await ownerCodeOf(strapi, target, ref);
        // A parent unit may be a county-wide unit; every other link must stay inside own municipalities.
        const regionParentAllowed = field === "parent" && code === null;
        if (!regionParentAllowed && (code === undefined || code === null || !own.has(code))) {
          deny(
            inverse
              ? `Kentän ${field} kautta ei voi siirtää toisen kunnan tietueita.`
              : `Kenttään ${field} voi liittää vain oman kuntasi tietueita.`,
          );
        }
      }
    }
  }
}

export function registerMaintainerGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!WRITE_ACTIONS.has(action)) return next();
    if (!(isScoped(uid) || uid === MUNICIPALITY_UID || uid === ASSIGNMENT_UID)) return next();
    const user = currentAdminUser(strapi);
    if (!user || !isRestrictedMaintainer(user)) return next();
    const codes = await assignedMunicipalityCodes(strapi, user.id);
    await checkMaintainerWrite(strapi, {
      uid,
      action,
      params: context.params as CheckInput["params"],
      codes,
    });
    return next();
  });
}
