import type {
  CmsContact,
  CmsMunicipality,
  CmsServiceArea,
  CmsStatute,
  CmsUnit,
} from "../content/cms-types.js";
import { aliasesOf, sectionAnchor, statuteSlug } from "@soskes/search";
import { helsinkiNow, isOpenNow } from "../content/opening.js";

export { statuteSlug } from "@soskes/search";

export function presentMunicipality(m: CmsMunicipality) {
  return {
    code: m.code,
    name: m.name,
    nameSv: m.nameSv,
    website: m.website,
    switchboardPhone: m.switchboardPhone,
  };
}

export function presentServiceArea(a: CmsServiceArea) {
  return { slug: a.slug, name: a.name, nameSv: a.nameSv, kind: a.kind, description: a.description };
}

/** Contacts marked for maintainers only never leave the server. */
export function presentContact(c: CmsContact) {
  return {
    id: c.documentId,
    name: c.name,
    title: c.title,
    email: c.email,
    responsibilities: c.responsibilities,
    phones: (c.phones ?? []).map(presentPhone),
    languages: (c.languages ?? []).map((l) => l.code),
  };
}

const presentPhone = (p: CmsUnit["phones"][number]) => ({
  kind: p.kind,
  number: p.number,
  label: p.label,
  chargeNote: p.chargeNote,
});

export function presentUnit(u: CmsUnit, now: Date) {
  const today = helsinkiNow(now).date;
  return {
    id: u.documentId,
    name: u.name,
    nameSv: u.nameSv,
    description: u.description,
    countyWide: u.municipality === null,
    municipalities: u.municipalities.map((m) => ({ code: m.code, name: m.name })),
    serviceAreas: u.serviceAreas.map((a) => ({ slug: a.slug, name: a.name })),
    phones: u.phones.map(presentPhone),
    emails: u.emails.map((e) => ({ address: e.address, label: e.label, secure: Boolean(e.secure) })),
    website: u.website,
    visitingAddress: u.visitingAddress ? pickAddress(u.visitingAddress) : null,
    postalAddress: u.postalAddress ? pickAddress(u.postalAddress) : null,
    alwaysOpen: u.alwaysOpen,
    openingHours: u.openingHours.map((h) => ({
      fromDay: h.fromDay,
      toDay: h.toDay,
      opens: h.opens.slice(0, 5),
      closes: h.closes.slice(0, 5),
    })),
    // Past exceptions are of no use to anyone reading the page today.
    openingExceptions: u.openingExceptions
      .filter((e) => (e.endDate ?? e.startDate) >= today)
      .map((e) => ({
        startDate: e.startDate,
        endDate: e.endDate,
        closed: e.closed,
        opens: e.opens?.slice(0, 5) ?? null,
        closes: e.closes?.slice(0, 5) ?? null,
        reason: e.reason ?? null,
      })),
    openingNote: u.openingNote,
    openNow: isOpenNow(u, now),
    languages: u.languages.map((l) => l.code),
    verifiedAt: u.verifiedAt,
  };
}

function pickAddress(a: Record<string, string | null>) {
  return {
    street: a.street ?? null,
    poBox: a.poBox ?? null,
    postalCode: a.postalCode ?? null,
    postOffice: a.postOffice ?? null,
  };
}

/** Named contact persons are shown to members only, even when the directory is public. */
export function presentUnitDetail(u: CmsUnit, now: Date, member: boolean) {
  return {
    ...presentUnit(u, now),
    parent: u.parent ? { id: u.parent.documentId, name: u.parent.name } : null,
    contacts: member ? u.contactPersons.filter((c) => c.visibility === "members").map(presentContact) : [],
  };
}

export function presentStatute(s: CmsStatute) {
  return {
    number: s.number,
    slug: statuteSlug(s.number),
    title: s.title,
    titleSv: s.titleSv,
    shortName: s.shortName,
    aliases: aliasesOf(s.aliases),
    finlexUrl: s.finlexUrl,
    inForceFrom: s.inForceFrom,
    summary: s.summary,
    serviceAreas: s.serviceAreas.map((a) => ({ slug: a.slug, name: a.name })),
    sectionCount: s.sections.length,
  };
}

export function presentStatuteDetail(s: CmsStatute) {
  return {
    ...presentStatute(s),
    sections: s.sections.map((sec) => ({
      number: sec.number,
      anchor: sectionAnchor(sec.number),
      title: sec.title,
      titleSv: sec.titleSv,
      summary: sec.summary,
      amendedOn: sec.amendedOn,
    })),
  };
}
