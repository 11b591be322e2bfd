import type { ChatDatabase, ConsultDatabase } from "@soskes/chat";
import type { Generated } from "kysely";

/** Times are epoch milliseconds: the same representation on SQLite and PostgreSQL. */
export type Millis = number;

export type Role = "member" | "expert" | "moderator" | "admin";
export type UserStatus = "active" | "pending" | "unverified" | "disabled";

export type UsersTable = {
  id: Generated<number>;
  email: string;
  password_hash: string | null;
  name: string;
  title: string | null;
  organisation: string | null;
  unit: string | null;
  /** The directory unit (documentId) an admin placed the member in; the member cannot change it. */
  org_unit: string | null;
  municipality_code: string | null;
  phone: string | null;
  expertise: string | null;
  /** JSON array of language codes. */
  languages: string;
  /** JSON object: which profile fields colleagues may see. */
  visibility: string;
  /** JSON array of municipality codes this user maintains in Strapi. */
  maintains: string;
  /** Secret for the member's iCal feed addresses (calendar apps cannot send the session cookie). */
  calendar_token: string | null;
  /** The single sign-on identity linked to this account: issuer and subject. */
  oidc_issuer: string | null;
  oidc_subject: string | null;
  role: Role;
  status: UserStatus;
  email_verified_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
};

export type SessionsTable = {
  sid: string;
  user_id: number | null;
  data: string;
  expires_at: Millis;
  created_at: Millis;
};

export type TokenKind = "verify" | "reset" | "invite";

export type AuthTokensTable = {
  id: Generated<number>;
  user_id: number;
  kind: TokenKind;
  /** sha256 of the token: the token itself exists only in the e-mail. */
  token_hash: string;
  expires_at: Millis;
  used_at: Millis | null;
  created_at: Millis;
};

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export type OutboxTable = {
  id: Generated<number>;
  to_address: string;
  template: string;
  locale: string;
  /** JSON template data. */
  data: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Millis;
  /** A claimed message is someone's to send until this time. */
  locked_until: Millis | null;
  last_error: string | null;
  sent_at: Millis | null;
  created_at: Millis;
};

/** The portal's own tables and the chat package's (which reads users as they are here). */
export type Database = Omit<ChatDatabase, "users"> &
  ConsultDatabase & {
    notices: NoticesTable;
    feedback: FeedbackTable;
    users: UsersTable;
    sessions: SessionsTable;
    auth_tokens: AuthTokensTable;
    outbox: OutboxTable;
    freshness_reminders: FreshnessRemindersTable;
    statute_amendments: StatuteAmendmentsTable;
    review_flags: ReviewFlagsTable;
    link_checks: LinkChecksTable;
    surveys: SurveysTable;
    survey_responses: SurveyResponsesTable;
    activity_days: ActivityDaysTable;
    search_misses: SearchMissesTable;
    content_views: ContentViewsTable;
    inbox_items: InboxItemsTable;
  };

/** What the bell lists: mentions, replies, invitations, join requests, consultation changes. */
export type InboxKind =
  | "mention"
  | "reply"
  | "invite"
  | "join_request"
  | "consultation"
  | "consultation_assigned"
  | "consultation_answered"
  | "answer_consent"
  | "answer_review"
  | "answer_published"
  | "answer_returned";

/** One item of a member's inbox, kept until they read it (or lose access to what it opens). */
export type InboxItemsTable = {
  id: Generated<number>;
  user_id: number;
  kind: InboxKind;
  group_id: number | null;
  consultation_id: number | null;
  event_id: number;
  /** Ids and names to show it by (JSON); never message text. */
  data: string;
  created_at: Millis;
  read_at: Millis | null;
};

export type NoticeKind = "giving" | "seeking" | "announcement";

/** The notice board (kirpputori): members' notices, each with an expiry date. */
export type NoticesTable = {
  id: Generated<number>;
  author_id: number;
  kind: NoticeKind;
  title: string;
  /** Light markup, like eKonsultaatio's questions. */
  body: string;
  /** The author's municipality when they posted: notices are local by nature. */
  municipality_code: string | null;
  /** The last day it shows (YYYY-MM-DD, Finnish time). */
  expires_on: string;
  removed_at: Millis | null;
  /** A moderator who took it down (null when its author deleted it). */
  removed_by: number | null;
  created_at: Millis;
  updated_at: Millis;
};

export type FeedbackTopic = "portal" | "content" | "accessibility";

/** Feedback: anonymous (no name or address kept) or signed, and the admin's answer. */
export type FeedbackTable = {
  id: Generated<number>;
  user_id: number | null;
  name: string | null;
  email: string | null;
  topic: FeedbackTopic;
  message: string;
  /** The page it was sent from, when the sender gave it. */
  page: string | null;
  /** Accessibility feedback must be answered within 14 days (306/2019): the last day. */
  due_on: string | null;
  answer: string | null;
  answered_at: Millis | null;
  answered_by: number | null;
  created_at: Millis;
};

export type FreshnessRemindersTable = {
  /** `${type}:${documentId}`. */
  record_key: string;
  /** The due date the reminder was about: a later due date gets its own reminder. */
  due_on: string;
  owner: string;
  sent_at: number;
};

/** The amendment date of every statute section, as last seen: a change is what flags citations. */
export type StatuteAmendmentsTable = {
  statute: string;
  section: string;
  amended_on: string | null;
};

export type ReviewFlagTarget = "page" | "answer";

/** "Needs review": a page or an answer cites a section whose amendment date changed. */
export type ReviewFlagsTable = {
  id: Generated<number>;
  target_type: ReviewFlagTarget;
  /** The page's documentId or the answer's id. */
  target_id: string;
  /** A name for people: the page's or the answer's title. */
  title: string;
  url: string;
  statute: string;
  section: string;
  amended_on: string | null;
  /** Who was told: the page's owner, or the answer's author. */
  owner: string | null;
  created_at: number;
  resolved_at: number | null;
  resolved_by: number | null;
};

/** The last answer of every external address the content links to. */
export type LinkChecksTable = {
  url: string;
  ok: number;
  status: number | null;
  error: string | null;
  checked_at: number;
};

export type SurveysTable = {
  id: Generated<number>;
  title: string;
  /** JSON array of the 1–5 questions. */
  questions: string;
  /** The free-text question, when there is one. */
  free_text: string | null;
  opens_on: string;
  closes_on: string;
  created_by: number;
  created_at: number;
};

/** One member's answer. The member is kept only so nobody answers twice; results never show who. */
export type SurveyResponsesTable = {
  id: Generated<number>;
  survey_id: number;
  user_id: number;
  /** JSON array of 1–5 scores, in the order of the questions. */
  scores: string;
  comment: string | null;
  created_at: number;
};

/** The days a member used the portal (one row per member and day: no more detail is kept). */
export type ActivityDaysTable = { user_id: number; day: string };
/** Searches that found nothing, per wording and day, without who searched. */
export type SearchMissesTable = { query: string; day: string; count: number };
/** Views of units and pages per day. */
export type ContentViewsTable = { kind: string; ref: string; day: string; count: number };
