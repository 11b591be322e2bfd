import type { ActivityDaysTable, ContentViewsTable, SearchMissesTable } from "../community/usage.js";
import type { SurveyResponsesTable, SurveysTable } from "../community/surveys.js";
import type { LinkChecksTable } from "../community/maintenance.js";
import type { ReviewFlagsTable, StatuteAmendmentsTable } from "../community/statute-flags.js";
import type { FreshnessRemindersTable } from "../community/freshness.js";
import type { CommunityDatabase } from "../community/schema.js";
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
  ConsultDatabase &
  CommunityDatabase & {
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
  };
