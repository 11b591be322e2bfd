/**
 * The portal API's answers as they travel, for the web client: types only, inferred from the
 * presenters that build them, so that a field the server adds, renames or drops is a type error
 * in the client. The client imports this module and nothing else of the server (lint checks it);
 * the chat server's shapes come from `@soskes/chat/client`, search's from `@soskes/search/client`.
 */
import type { FreshnessRecord } from "./content/freshness.js";
import type { MaintenanceRecord as Record_ } from "./content/maintenance-report.js";
import type {
  presentContact,
  presentMunicipality,
  presentServiceArea,
  presentStatute,
  presentStatuteDetail,
  presentUnit,
  presentUnitDetail,
} from "./presenters/content.js";
import type { Block } from "./content/cms-types.js";
import type {
  presentEvent,
  presentHub,
  presentLink,
  presentNews,
  presentPage,
  presentPageSummary,
} from "./presenters/editorial.js";
import type { presentFeedback } from "./presenters/feedback.js";
import type { presentInboxItem } from "./presenters/inbox.js";
import type { presentFreshnessCheck, presentMaintenance } from "./presenters/maintenance.js";
import type { presentNotice } from "./presenters/notices.js";
import type { OpenFlag, presentReviewFlag } from "./presenters/review-flags.js";
import type { presentSurvey, surveyResults } from "./presenters/surveys.js";
import type { presentUsage } from "./presenters/usage.js";
import type { presentAdminUser, presentColleague, presentMe } from "./presenters/user.js";

/** The signed-in member: their account, profile, and what they may do (`abilities`). */
export type Me = ReturnType<typeof presentMe>;
/** A colleague as the people search shows them: only the fields they chose to show. */
export type Person = ReturnType<typeof presentColleague>;
export type AdminUser = ReturnType<typeof presentAdminUser>;

export type Municipality = ReturnType<typeof presentMunicipality>;
export type ServiceArea = ReturnType<typeof presentServiceArea>;
export type Unit = ReturnType<typeof presentUnit>;
export type UnitDetail = ReturnType<typeof presentUnitDetail>;
export type Contact = ReturnType<typeof presentContact>;
export type Statute = ReturnType<typeof presentStatute>;
export type StatuteDetail = ReturnType<typeof presentStatuteDetail>;

export type PageSummary = ReturnType<typeof presentPageSummary>;
export type Page = ReturnType<typeof presentPage>;
export type Event = ReturnType<typeof presentEvent>;
export type News = ReturnType<typeof presentNews>;
export type Link = ReturnType<typeof presentLink>;
export type Hub = ReturnType<typeof presentHub>;
/** Rich text of pages and news, as Strapi's blocks editor stores it (sanitised). */
export type { Block };
/** "Needs review": a section a page or answer cites was amended since it was checked. */
export type { OpenFlag };
/** A page; on GET /api/pages/:slug with the open flags of the sections it cites. */
export type PageWithFlags = Page & { needsReview?: OpenFlag[] };

export type Notice = ReturnType<typeof presentNotice>;
export type InboxItem = ReturnType<typeof presentInboxItem>;
/** The bell: the newest items and how many are unread. */
export type Inbox = { items: InboxItem[]; unread: number };
export type Feedback = ReturnType<typeof presentFeedback>;
export type Survey = ReturnType<typeof presentSurvey>;
export type SurveyResults = ReturnType<typeof surveyResults>;
export type Usage = ReturnType<typeof presentUsage>;

export type FreshnessCheck = ReturnType<typeof presentFreshnessCheck>;
export type FreshnessRecordType = FreshnessRecord["type"];
export type Maintenance = ReturnType<typeof presentMaintenance>;
export type MaintenanceRecord = Record_;
export type ReviewFlag = ReturnType<typeof presentReviewFlag>;
