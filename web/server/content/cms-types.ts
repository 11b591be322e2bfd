/** Published CMS content as the portal holds it (types only: presenters and the client read them). */
import type { OpeningException, OpeningHours } from "./opening.js";

type Ref = { code: string; name: string };
type Phone = { kind: string; number: string; label: string | null; chargeNote: string | null };

export type CmsMunicipality = {
  documentId: string;
  code: string;
  name: string;
  nameSv: string | null;
  website: string | null;
  switchboardPhone: string | null;
};
export type CmsServiceArea = {
  documentId: string;
  slug: string;
  name: string;
  nameSv: string | null;
  kind: "service" | "support";
  description: string | null;
  order: number | null;
};
/** Who keeps a record current and when it was last checked (every directory record and page). */
export type Stewardship = {
  owner?: string | null;
  verifiedAt: string | null;
  reviewIntervalMonths?: number | null;
};

export type CmsContact = Stewardship & {
  documentId: string;
  name: string;
  title: string | null;
  email: string | null;
  responsibilities: string | null;
  visibility: "members" | "maintainers";
  phones?: Phone[];
  languages?: Array<{ code: string }>;
};
export type CmsUnit = Stewardship & {
  documentId: string;
  name: string;
  nameSv: string | null;
  description: string | null;
  website: string | null;
  alwaysOpen: boolean;
  openingNote: string | null;
  verifiedAt: string | null;
  municipality: { code: string } | null;
  municipalities: Ref[];
  serviceAreas: Array<{ slug: string; name: string }>;
  parent: { documentId: string; name: string } | null;
  phones: Phone[];
  emails: Array<{ address: string; label: string | null; secure: boolean | null }>;
  visitingAddress: Record<string, string | null> | null;
  postalAddress: Record<string, string | null> | null;
  openingHours: OpeningHours[];
  openingExceptions: OpeningException[];
  languages: Array<{ code: string }>;
  contactPersons: CmsContact[];
};
export type CmsStatute = {
  documentId: string;
  number: string;
  title: string;
  titleSv: string | null;
  shortName: string | null;
  aliases: string | null;
  finlexUrl: string | null;
  inForceFrom: string | null;
  summary: string | null;
  serviceAreas: Array<{ slug: string; name: string }>;
  sections: Array<{
    number: string;
    title: string;
    titleSv: string | null;
    summary: string | null;
    amendedOn: string | null;
  }>;
};

type Localised = {
  documentId: string;
  locale: string;
  serviceAreas: Array<{ slug: string; name: string }>;
  municipality: { code: string } | null;
};
export type Block = {
  type: string;
  children?: Block[];
  text?: string;
  url?: string;
  level?: number;
  format?: string;
  bold?: boolean;
  italic?: boolean;
};
export type CmsPage = Localised &
  Stewardship & {
    title: string;
    slug: string;
    kind: "hub" | "guide" | "process" | "case-law" | "general";
    summary: string | null;
    body: Block[] | null;
    links: Array<{ label: string; url: string }>;
    statuteReferences: Array<{
      section: string;
      note: string | null;
      statute: { number: string; title: string; shortName: string | null } | null;
    }>;
    verifiedAt: string | null;
    updatedAt: string;
  };
export type CmsEvent = Localised & {
  title: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  onlineUrl: string | null;
  organizer: string | null;
  summary: string | null;
  registrationUrl: string | null;
  registrationDeadline: string | null;
  updatedAt: string;
};
export type CmsNews = Localised & {
  title: string;
  slug: string;
  summary: string | null;
  body: Block[] | null;
  date: string;
};
export type CmsLink = Localised & { title: string; url: string; description: string | null };

export type Snapshot = {
  municipalities: CmsMunicipality[];
  serviceAreas: CmsServiceArea[];
  units: CmsUnit[];
  statutes: CmsStatute[];
  /** Editorial content in every locale; presenters pick the reader's, falling back to Finnish. */
  pages: CmsPage[];
  events: CmsEvent[];
  news: CmsNews[];
  links: CmsLink[];
  /** Search synonym sets editors keep in Strapi, each a list of words or phrases. */
  synonyms: string[][];
  loadedAt: number;
};
