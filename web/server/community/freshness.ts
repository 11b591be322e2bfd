import {
  FRESHNESS_LINK_DAYS,
  freshnessKey,
  signFreshnessToken,
  verifyFreshnessToken,
  type FreshnessRecordType,
} from "@soskes/config";
import { finnishDate } from "@soskes/chat";
import { type Router } from "express";
import { z } from "zod";
import type { Services } from "../services.js";
import { createActionLimiter } from "../auth/throttle.js";
import type { Snapshot, Stewardship } from "../content/content-service.js";
import type { Db } from "../db/database.js";
import { errors, HttpError } from "../errors.js";
import { enqueueMail } from "../mail/outbox.js";
import { handler, parse, strictRouter } from "../validate.js";

/** Reminders go out this many days before a record's check falls due. */
export const REMINDER_DAYS = 14;
const DEFAULT_INTERVAL_MONTHS = 12;

export type FreshnessRecord = {
  type: FreshnessRecordType;
  documentId: string;
  name: string;
  owner: string | null;
  verifiedAt: string | null;
  /** The last day the record counts as checked (YYYY-MM-DD). */
  dueOn: string;
  overdue: boolean;
  municipalityCode: string | null;
};

/** The day a check falls due: verifiedAt plus the record's interval; today for a record never checked. */
export function dueOn(record: Stewardship, now: number): string {
  if (!record.verifiedAt) return finnishDate(now);
  const due = new Date(record.verifiedAt);
  due.setMonth(due.getMonth() + (record.reviewIntervalMonths ?? DEFAULT_INTERVAL_MONTHS));
  return finnishDate(due.getTime());
}

/** Every directory record and page with its owner and due date (pages once, in Finnish). */
export function freshnessRecords(snapshot: Snapshot, now: number): FreshnessRecord[] {
  const today = finnishDate(now);
  const out: FreshnessRecord[] = [];
  const add = (
    type: FreshnessRecordType,
    documentId: string,
    name: string,
    record: Stewardship,
    municipalityCode: string | null,
  ) => {
    const due = dueOn(record, now);
    out.push({
      type,
      documentId,
      name,
      owner: record.owner ?? null,
      verifiedAt: record.verifiedAt,
      dueOn: due,
      overdue: due < today,
      municipalityCode,
    });
  };
  const people = new Set<string>();
  for (const u of snapshot.units) {
    const code = u.municipality?.code ?? null;
    add("service-unit", u.documentId, u.name, u, code);
    for (const c of u.contactPersons) {
      if (people.has(c.documentId)) continue;
      people.add(c.documentId);
      add("contact-person", c.documentId, `${c.name} (${u.name})`, c, code);
    }
  }
  for (const p of snapshot.pages)
    if (p.locale === "fi") add("page", p.documentId, p.title, p, p.municipality?.code ?? null);
  return out;
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const fiDate = (iso: string) => {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
};

/** A signed one-click link for one record, valid for 30 days and spent once used. */
export function freshnessLink(
  services: Pick<Services, "config">,
  record: FreshnessRecord,
  now: number,
): string {
  const token = signFreshnessToken(freshnessKey(services.config.cms.apiToken), {
    type: record.type,
    documentId: record.documentId,
    verifiedAt: record.verifiedAt ? new Date(record.verifiedAt).toISOString() : "",
    expiresAt: now + FRESHNESS_LINK_DAYS * 86_400_000,
  });
  return `${services.config.portal.publicUrl}/tarkistettu?t=${token}`;
}

/**
 * The daily reminder: every owner whose records fall due within 14 days (or are overdue and were
 * never reminded for this due date) gets one e-mail through the outbox, with a "still valid"
 * link per record. A record is reminded once per due date, even with several portal nodes.
 */
export async function runFreshnessReminders(
  services: Pick<Services, "config" | "content"> & { db: Db },
  now = Date.now(),
): Promise<{ owners: number; records: number }> {
  const { data } = await services.content.current();
  const horizon = addDays(finnishDate(now), REMINDER_DAYS);
  const due = freshnessRecords(data, now).filter((r) => r.owner && r.dueOn <= horizon);
  const claimed: FreshnessRecord[] = [];
  for (const r of due) {
    const inserted = await services.db
      .insertInto("freshness_reminders")
      .values({ record_key: `${r.type}:${r.documentId}`, due_on: r.dueOn, owner: r.owner!, sent_at: now })
      .onConflict((oc) => oc.columns(["record_key", "due_on"]).doNothing())
      .returning("record_key")
      .executeTakeFirst();
    // No row back: another run (or node) has reminded of this due date already.
    if (inserted) claimed.push(r);
  }
  const byOwner = new Map<string, FreshnessRecord[]>();
  for (const r of claimed) byOwner.set(r.owner!, [...(byOwner.get(r.owner!) ?? []), r]);
  for (const [owner, records] of byOwner) {
    records.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    await enqueueMail(services.db, {
      to: owner,
      template: "freshness-reminder",
      locale: "fi",
      data: {
        count: String(records.length),
        items: records
          .map(
            (r) =>
              `• ${r.name} – ${r.overdue ? "myöhässä, " : ""}${fiDate(r.dueOn)}: ${freshnessLink(services, r, now)}`,
          )
          .join("\n"),
        // The maintainer dashboard shows the rest of what needs attention.
        url: `${services.config.portal.publicUrl}/yllapito/tuoreus`,
      },
    });
  }
  return { owners: byOwner.size, records: claimed.length };
}

const LINK_ERRORS: Record<string, { status: number; fi: string; sv: string; en: string }> = {
  link_invalid: {
    status: 400,
    fi: "Linkki ei kelpaa. Käytä muistutusviestin linkkiä sellaisenaan.",
    sv: "Länken är ogiltig. Använd länken i påminnelsen som den är.",
    en: "The link is not valid. Use the link in the reminder as it is.",
  },
  link_expired: {
    status: 400,
    fi: "Linkki on vanhentunut. Uusi muistutus lähetetään, tai merkitse tieto tarkistetuksi Strapissa.",
    sv: "Länken har gått ut. En ny påminnelse skickas, eller markera uppgiften som granskad i Strapi.",
    en: "The link has expired. A new reminder will come, or mark the record checked in Strapi.",
  },
  link_used: {
    status: 409,
    fi: "Tieto on jo merkitty tarkistetuksi tämän linkin jälkeen.",
    sv: "Uppgiften har redan markerats som granskad efter denna länk.",
    en: "The record has already been marked checked since this link was made.",
  },
  not_found: {
    status: 404,
    fi: "Tietoa ei enää ole.",
    sv: "Uppgiften finns inte längre.",
    en: "The record no longer exists.",
  },
};
const linkError = (name: string) => {
  const e = LINK_ERRORS[name] ?? LINK_ERRORS.link_invalid!;
  return new HttpError(e.status, LINK_ERRORS[name] ? name : "link_invalid", { fi: e.fi, sv: e.sv, en: e.en });
};

const TokenQuery = z.object({ t: z.string({ error: "required" }).min(10, "link").max(1000, "link") });
const TokenBody = z.object({ token: z.string({ error: "required" }).min(10, "link").max(1000, "link") });

/**
 * The one-click "still valid" links: open to anyone holding one (no login, no Strapi account);
 * the signature is the permission. Checking shows what the link is about; confirming asks Strapi
 * to mark the record checked today.
 */
export function freshnessRouter(services: Services): Router {
  const router = strictRouter();
  const limiter = createActionLimiter(60, 3600);
  const key = freshnessKey(services.config.cms.apiToken);

  const claimOf = (token: string) => {
    const check = verifyFreshnessToken(key, token, Date.now());
    if (!check.ok) throw linkError(check.reason === "expired" ? "link_expired" : "link_invalid");
    return check.claim;
  };

  router.get(
    "/freshness/check",
    handler(async (req, res) => {
      const claim = claimOf(parse(TokenQuery, req.query).t);
      const { data } = await services.content.current();
      const record = freshnessRecords(data, Date.now()).find(
        (r) => r.type === claim.type && r.documentId === claim.documentId,
      );
      if (!record) throw linkError("not_found");
      const current = record.verifiedAt ? new Date(record.verifiedAt).toISOString() : "";
      res.set("Cache-Control", "no-store");
      res.json({
        data: {
          type: record.type,
          name: record.name,
          verifiedAt: record.verifiedAt,
          dueOn: record.dueOn,
          spent: current !== claim.verifiedAt,
        },
      });
    }),
  );

  router.post(
    "/freshness/confirm",
    handler(async (req, res) => {
      const { token } = parse(TokenBody, req.body);
      claimOf(token);
      await limiter.consume(req.ip ?? "unknown");
      let answer: Response;
      try {
        answer = await fetch(`${services.config.cms.url}/api/freshness/confirm`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ token }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw errors.cmsUnavailable();
      }
      const body = (await answer.json().catch(() => null)) as {
        data?: { verifiedAt: string };
        error?: { name: string };
      } | null;
      if (!answer.ok || !body?.data) {
        if (answer.status >= 500 || !body?.error) throw errors.cmsUnavailable();
        throw linkError(body.error.name);
      }
      // This node shows the new date at once; the others hear Strapi's webhook.
      services.content.invalidate("freshness confirmed");
      res.json({ data: { verifiedAt: body.data.verifiedAt } });
    }),
  );

  return router;
}
