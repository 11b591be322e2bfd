import { z } from "zod";
import type { AccessRule } from "./auth/access.js";
import { AreaQuery } from "./routes/editorial/schema.js";
import { DirectoryQuerySchema } from "./routes/directory/schema.js";
import { ListQuery, OrgUnitSchema, AuditQuery, ReportQuery } from "./routes/admin/schema.js";
import {
  AcceptInvitationSchema,
  ChangePasswordSchema,
  InvitationSchema,
  LoginSchema,
  RegisterSchema,
  ResetConfirmSchema,
  ResetRequestSchema,
  TokenSchema,
} from "./routes/auth/schema.js";
import { PeopleQuery, ProfileSchema } from "./routes/people/schema.js";
import { SearchQuerySchema } from "./routes/search/schema.js";
import { FeedbackAnswer, FeedbackInput, FeedbackListQuery } from "./routes/feedback/schema.js";
import { NoticeInput, NoticeListQuery, NoticeUpdate } from "./routes/notices/schema.js";
import { InboxQuery } from "./routes/inbox/schema.js";
import { SurveyAnswer, SurveyInput } from "./routes/surveys/schema.js";
import {
  protocol,
  AnswerInput,
  AnswerReturn,
  ConsentInput,
  ConsultationCreate,
  PanelCreate,
  PanelMember,
} from "@soskes/chat";
import { MessagesQuery, RemoveQuery } from "./routes/groups/schema.js";
import { AssignBody, CloseBody, ConsultationListQuery } from "./routes/consultations/schema.js";
import { AnswerListQuery } from "./routes/answers/schema.js";

type Route = AccessRule & {
  method: "get" | "post" | "patch" | "put" | "delete";
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  responses?: Record<string, string>;
};

/** Every route of the portal API; request schemas are the ones the routes validate with. */
export const ROUTES: Route[] = [
  { method: "get", path: "/healthz", summary: "Liveness", access: "public" },
  {
    method: "post",
    path: "/api/auth/login",
    summary: "Log in with e-mail and password",
    access: "public",
    body: LoginSchema,
    responses: {
      "401": "invalid_credentials",
      "403": "account_unavailable or csrf_failed",
      "429": "rate_limited (Retry-After)",
    },
  },
  {
    method: "post",
    path: "/api/auth/logout",
    summary: "Log out: ends every session of the user",
    access: "public",
    responses: { "204": "logged out" },
  },
  {
    method: "get",
    path: "/api/auth/providers",
    summary: "Single sign-on providers for the login page",
    access: "public",
  },
  {
    method: "get",
    path: "/api/auth/oidc",
    summary: "Start single sign-on (redirect to the provider)",
    access: "public",
    responses: { "302": "to the provider" },
  },
  {
    method: "get",
    path: "/api/auth/oidc/callback",
    summary: "Single sign-on callback",
    access: "public",
    responses: { "303": "to / or /kirjaudu?sso=<reason>" },
  },
  {
    method: "post",
    path: "/api/auth/register",
    summary: "Register (organisation domains verify e-mail, others request access)",
    access: "public",
    body: RegisterSchema,
    responses: { "202": "{next: verify_email | await_approval}" },
  },
  {
    method: "post",
    path: "/api/auth/verify",
    summary: "Verify an e-mail address with the e-mailed token",
    access: "public",
    body: TokenSchema,
    responses: { "400": "invalid_token" },
  },
  {
    method: "post",
    path: "/api/auth/password-reset",
    summary: "E-mail a password reset link (same answer for any address)",
    access: "public",
    body: ResetRequestSchema,
    responses: { "202": "sent if the account exists" },
  },
  {
    method: "post",
    path: "/api/auth/password-reset/confirm",
    summary: "Set a new password with the token; ends every session",
    access: "public",
    body: ResetConfirmSchema,
    responses: { "400": "invalid_token" },
  },
  {
    method: "post",
    path: "/api/auth/invitation/accept",
    summary: "Accept an invitation",
    access: "public",
    body: AcceptInvitationSchema,
  },
  {
    method: "get",
    path: "/api/me",
    summary: "The signed-in member with abilities",
    access: "member",
    responses: { "401": "unauthorized" },
  },
  {
    method: "patch",
    path: "/api/me",
    summary: "Update the profile and what colleagues may see",
    access: "member",
    body: ProfileSchema,
  },
  {
    method: "post",
    path: "/api/me/password",
    summary: "Change the password; ends the other sessions",
    access: "member",
    body: ChangePasswordSchema,
    responses: { "400": "wrong_password" },
  },
  {
    method: "get",
    path: "/api/me/calendar",
    summary: "Personal and per-area iCal feed addresses",
    access: "member",
  },
  {
    method: "get",
    path: "/api/calendar/{token}.ics",
    summary: "iCal feed (the token is the credential)",
    access: "token",
    query: AreaQuery,
  },
  {
    method: "get",
    path: "/api/people",
    summary: "Search colleagues (only fields each chose to show)",
    access: "member",
    query: PeopleQuery,
  },
  {
    method: "get",
    path: "/api/municipalities",
    summary: "The county's municipalities",
    access: "member",
    publicAs: "reference",
  },
  {
    method: "get",
    path: "/api/service-areas",
    summary: "Service areas and support sections",
    access: "member",
    publicAs: "reference",
  },
  {
    method: "get",
    path: "/api/service-areas/{slug}",
    summary: "A service-area hub: page, guides, statutes, events, news, links",
    access: "member",
    publicAs: "service-areas",
  },
  {
    method: "get",
    path: "/api/directory/units",
    summary: "Who serves this client: units by municipality and service area, with openNow",
    access: "member",
    publicAs: "directory",
    query: DirectoryQuerySchema,
  },
  {
    method: "get",
    path: "/api/search",
    summary:
      "Search everything the asker may open (visitors: the PUBLIC_CONTENT kinds), with facet counts, highlighted snippets and did-you-mean",
    access: "member",
    publicAs: "any",
    query: SearchQuerySchema,
    responses: {
      "200": "{data: {hits, total, facets, tookMs, didYouMean, citation}}",
      "400": "invalid_input",
    },
  },
  {
    method: "get",
    path: "/api/groups",
    summary: "eKollega groups the member may know of, with membership, unread and mention counts",
    access: "member",
  },
  {
    method: "post",
    path: "/api/groups",
    summary: "Create a group (moderators, admins) or propose one (members): 201 with the group's id",
    access: "member",
    body: protocol.GroupCreate,
    responses: { "201": "{data: group}", "409": "name_taken", "422": "hetu_detected" },
  },
  {
    method: "get",
    path: "/api/groups/{id}",
    summary: "One group",
    access: "member",
    responses: { "404": "not_found" },
  },
  {
    method: "patch",
    path: "/api/groups/{id}",
    summary: "Edit name, description, rules or visibility (group moderators, staff)",
    access: "member",
    body: protocol.GroupUpdate,
    responses: { "403": "forbidden", "404": "not_found", "409": "group_archived" },
  },
  {
    method: "post",
    path: "/api/groups/{id}/approve",
    summary: "Approve a proposed group (staff)",
    access: "member",
  },
  {
    method: "post",
    path: "/api/groups/{id}/archive",
    summary: "Archive: read-only from now on",
    access: "member",
  },
  {
    method: "post",
    path: "/api/groups/{id}/join",
    summary: "Join an open group, accept an invitation, or ask to join a closed group",
    access: "member",
    responses: { "403": "banned", "404": "not_found" },
  },
  {
    method: "get",
    path: "/api/groups/{id}/members",
    summary: "Members (moderators also see requests, invitations and bans)",
    access: "member",
  },
  {
    method: "post",
    path: "/api/groups/{id}/members",
    summary:
      "Add a member or approve a request ({userId}), or invite by e-mail ({email}: the same answer whether or not the address has an account); not while the group is a proposal",
    access: "member",
    body: protocol.MemberAdd,
    responses: {
      "201": "{data: member} or, for an e-mail, {data: {invited: true}}",
      "403": "forbidden",
      "404": "not_found",
      "409": "group_not_active (a proposal) or group_archived",
    },
  },
  {
    method: "patch",
    path: "/api/groups/{id}/members/{userId}",
    summary: "Make a member a moderator or back",
    access: "member",
    body: protocol.MemberUpdate,
    responses: { "204": "changed", "409": "last_moderator" },
  },
  {
    method: "delete",
    path: "/api/groups/{id}/members/{userId}",
    summary: "Leave (oneself), remove or ban (?ban=1): their sockets leave the room at once",
    access: "member",
    query: RemoveQuery,
    responses: { "204": "removed" },
  },
  {
    method: "put",
    path: "/api/groups/{id}/notifications",
    summary: "E-mail notifications for this group: instant, digest or off",
    access: "member",
    body: protocol.NotifySettings,
  },
  {
    method: "get",
    path: "/api/groups/{id}/messages",
    summary: "History: ?before=seq pages back, ?after=seq catches up (as messages:since)",
    access: "member",
    query: MessagesQuery,
    responses: { "404": "not_found" },
  },
  {
    method: "post",
    path: "/api/groups/{id}/messages",
    summary: "Post a message without a socket (201; 200 for a retry with the same clientId)",
    access: "member",
    body: protocol.MessageCreate.omit({ groupId: true }),
    responses: { "201": "{data: message}", "422": "hetu_detected", "409": "group_archived" },
  },
  { method: "get", path: "/api/groups/{id}/pinned", summary: "Pinned messages", access: "member" },
  {
    method: "post",
    path: "/api/groups/{id}/read",
    summary: "Move the last-read position forward",
    access: "member",
  },
  {
    method: "get",
    path: "/api/panels",
    summary: "eKonsultaatio expert panels and their members",
    access: "member",
  },
  {
    method: "post",
    path: "/api/panels",
    summary: "Create a panel for a service area (admins)",
    access: "admin",
    body: PanelCreate,
    responses: { "201": "{data: panel}", "409": "panel_exists" },
  },
  {
    method: "post",
    path: "/api/panels/{id}/members",
    summary: "Seat an expert on a panel; lead: true makes them its lead (admins)",
    access: "admin",
    body: PanelMember,
    responses: { "204": "seated" },
  },
  {
    method: "delete",
    path: "/api/panels/{id}/members/{userId}",
    summary: "Remove an expert from a panel (admins)",
    access: "admin",
    responses: { "204": "removed" },
  },
  {
    method: "post",
    path: "/api/consultations",
    summary:
      "Ask a panel: 201 with the request's id and target date; 422 hetu_detected, anonymisation_flags (details.flags) or no_panel",
    access: "member",
    body: ConsultationCreate,
    responses: { "201": "{data: consultation}", "422": "hetu_detected, anonymisation_flags or no_panel" },
  },
  {
    method: "get",
    path: "/api/consultations",
    summary: "My requests (scope=mine) or my panels' inbox (scope=inbox)",
    access: "member",
    query: ConsultationListQuery,
  },
  {
    method: "get",
    path: "/api/consultations/{id}",
    summary: "One request (audited; 404 for anyone who may not see it)",
    access: "member",
    responses: { "404": "not_found" },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/claim",
    summary: "Take a new request (panel experts, never from the requester's unit)",
    access: "member",
    responses: { "403": "forbidden or conflict_of_interest", "404": "not_found", "409": "already_claimed" },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/assign",
    summary: "Give the request to another expert of the panel (the panel lead or an admin)",
    access: "member",
    body: AssignBody,
    responses: { "403": "forbidden or conflict_of_interest", "409": "wrong_state" },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/answered",
    summary: "Mark answered (the expert who took it, or the panel lead)",
    access: "member",
    responses: { "403": "forbidden", "409": "wrong_state" },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/close",
    summary:
      "Close (the requester or an admin): the thread becomes read-only; consent: true lets the expert publish an anonymised Q&A",
    access: "member",
    body: CloseBody,
    responses: { "403": "forbidden", "409": "wrong_state" },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/consent",
    summary: "Give or take back consent to publish an anonymised Q&A (the requester, closed requests)",
    access: "member",
    body: ConsentInput,
    responses: { "403": "forbidden", "409": "no_consent or answer_published" },
  },
  {
    method: "get",
    path: "/api/consultations/{id}/answer",
    summary: "The answer-bank draft of a request (its requester, expert, panel lead, admins; audited)",
    access: "member",
    responses: { "404": "not_found (also when there is no draft)" },
  },
  {
    method: "put",
    path: "/api/consultations/{id}/answer",
    summary:
      "Write or edit the anonymised Q&A (the expert who took it, or the lead; closed and consented requests)",
    access: "member",
    body: AnswerInput,
    responses: {
      "200": "{data: draft}",
      "409": "no_consent or answer_published",
      "422": "hetu_detected or anonymisation_flags",
    },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/answer/submit",
    summary: "Send the draft to the panel lead for approval (its author)",
    access: "member",
    responses: { "403": "forbidden", "409": "answer_published" },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/answer/approve",
    summary: "Publish the Q&A in the answer bank (the panel lead)",
    access: "member",
    responses: { "403": "forbidden", "409": "wrong_state" },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/answer/return",
    summary: "Return the draft to its author with a note (the panel lead)",
    access: "member",
    body: AnswerReturn,
    responses: { "403": "forbidden", "409": "wrong_state" },
  },
  {
    method: "post",
    path: "/api/consultations/{id}/answer/withdraw",
    summary: "Take a published Q&A back to draft: out of the bank and search (the panel lead or an admin)",
    access: "member",
    responses: { "403": "forbidden", "409": "wrong_state" },
  },
  {
    method: "get",
    path: "/api/answers",
    summary: "The answer bank: published Q&As, newest first",
    access: "member",
    query: AnswerListQuery,
  },
  {
    method: "get",
    path: "/api/answers/{id}",
    summary: "One published Q&A",
    access: "member",
    responses: { "404": "not_found" },
  },
  {
    method: "get",
    path: "/api/admin/consult-report",
    summary: "Requests, response-time median and 90th percentile, overdue per panel (format=csv to export)",
    access: "admin",
    query: ReportQuery,
  },
  {
    method: "post",
    path: "/api/consultations/{id}/reopen",
    summary: "Reopen a closed request (the requester)",
    access: "member",
    responses: { "403": "forbidden", "409": "wrong_state" },
  },
  {
    method: "get",
    path: "/api/admin/audit",
    summary: "The audit log (format=csv to export)",
    access: "admin",
    query: AuditQuery,
  },
  {
    method: "get",
    path: "/api/surveys/current",
    summary: "The open satisfaction survey the member has not answered yet, or null",
    access: "member",
  },
  {
    method: "post",
    path: "/api/surveys/{id}/responses",
    summary: "Answer a survey once (1–5 per question and an optional comment)",
    access: "member",
    body: SurveyAnswer,
    responses: { "201": "thanks", "404": "not open", "409": "already_answered", "422": "hetu_detected" },
  },
  {
    method: "get",
    path: "/api/admin/surveys",
    summary: "Surveys with their response counts",
    access: "admin",
  },
  {
    method: "post",
    path: "/api/admin/surveys",
    summary: "Open a survey for a period (up to 8 questions scored 1–5, one free-text question)",
    access: "admin",
    body: SurveyInput,
  },
  { method: "post", path: "/api/admin/surveys/{id}/close", summary: "Close a survey now", access: "admin" },
  {
    method: "get",
    path: "/api/admin/surveys/{id}/results",
    summary:
      "Results: score counts and means per question, comments (format=csv: one anonymous row per response)",
    access: "admin",
  },
  {
    method: "get",
    path: "/api/admin/usage",
    summary:
      "Usage overview: active members per municipality, searches that found nothing, most viewed units and pages (days=1..366)",
    access: "admin",
  },
  {
    method: "get",
    path: "/api/maintenance",
    summary:
      "The maintainer dashboard: due, overdue and incomplete records and broken links of a municipality (maintainers: their own; admins: any or all)",
    access: "member",
    responses: { "403": "forbidden (not a maintainer of that municipality)" },
  },
  {
    method: "get",
    path: "/api/review-flags",
    summary: "Pages and answers flagged 'needs review' after a statute amendment (your own; admins all)",
    access: "member",
  },
  {
    method: "post",
    path: "/api/review-flags/{id}/resolve",
    summary: "Mark a flagged item reviewed (its owner or an admin)",
    access: "member",
    responses: { "204": "resolved", "404": "not_found" },
  },
  {
    method: "get",
    path: "/api/freshness/check",
    summary: "What a one-click 'still valid' link is about (the signed link is the permission)",
    access: "public",
    responses: { "400": "link_invalid or link_expired", "404": "not_found" },
  },
  {
    method: "post",
    path: "/api/freshness/confirm",
    summary: "Confirm a record is still valid: Strapi marks it checked today (single use)",
    access: "public",
    responses: { "400": "link_invalid or link_expired", "409": "link_used", "503": "cms_unavailable" },
  },
  {
    method: "get",
    path: "/api/notices",
    summary: "The notice board: notices showing now (mine=1: my own, expired ones too)",
    access: "member",
    query: NoticeListQuery,
  },
  {
    method: "post",
    path: "/api/notices",
    summary: "Post a notice (giving, seeking, announcement) with an expiry date (at most 90 days)",
    access: "member",
    body: NoticeInput,
    responses: { "201": "{data: notice}", "422": "hetu_detected", "429": "rate_limited" },
  },
  {
    method: "get",
    path: "/api/notices/{id}",
    summary: "One notice (showing now, or your own)",
    access: "member",
    responses: { "404": "not_found" },
  },
  {
    method: "patch",
    path: "/api/notices/{id}",
    summary: "Edit your notice (also renews it with a new expiry date)",
    access: "member",
    body: NoticeUpdate,
    responses: { "403": "forbidden", "422": "hetu_detected" },
  },
  {
    method: "delete",
    path: "/api/notices/{id}",
    summary: "Delete your notice; moderators and admins remove any",
    access: "member",
    responses: { "204": "removed", "403": "forbidden" },
  },
  {
    method: "get",
    path: "/api/inbox",
    summary:
      "The member's notification inbox, newest first, and the unread count (unread=1: unread items only)",
    access: "member",
    query: InboxQuery,
  },
  {
    method: "post",
    path: "/api/inbox/read",
    summary: "Mark every item of the inbox read",
    access: "member",
  },
  {
    method: "post",
    path: "/api/inbox/{id}/read",
    summary: "Mark one of your items read; answers the new unread count",
    access: "member",
    responses: { "404": "not_found" },
  },
  {
    method: "post",
    path: "/api/feedback",
    summary:
      "Feedback about the portal, content or accessibility, from anyone (anonymous, or signed by a member or an address)",
    access: "public",
    body: FeedbackInput,
    responses: { "201": "{data: {id, dueOn, signed}}", "422": "hetu_detected", "429": "rate_limited" },
  },
  {
    method: "get",
    path: "/api/admin/feedback",
    summary: "Feedback for admins, overdue accessibility feedback first",
    access: "admin",
    query: FeedbackListQuery,
  },
  {
    method: "post",
    path: "/api/admin/feedback/{id}/answer",
    summary: "Answer signed feedback by e-mail",
    access: "admin",
    body: FeedbackAnswer,
    responses: { "409": "no_reply_address or already_answered" },
  },
  {
    method: "get",
    path: "/api/units/{id}",
    summary: "A unit with its contact persons",
    access: "member",
    publicAs: "directory",
  },
  { method: "get", path: "/api/statutes", summary: "Statutes", access: "member", publicAs: "statutes" },
  {
    method: "get",
    path: "/api/statutes/{number}",
    summary: "A statute by number with - for / (417-2007), with sections",
    access: "member",
    publicAs: "statutes",
  },
  {
    method: "get",
    path: "/api/pages/{slug}",
    summary: "A guide or process page",
    access: "member",
    publicAs: "service-areas",
  },
  {
    method: "get",
    path: "/api/events",
    summary: "Upcoming events",
    access: "member",
    publicAs: "events",
    query: AreaQuery,
  },
  { method: "get", path: "/api/news", summary: "News, newest first", access: "member", publicAs: "news" },
  {
    method: "get",
    path: "/api/links",
    summary: "Useful links",
    access: "member",
    publicAs: "links",
    query: AreaQuery,
  },
  {
    method: "get",
    path: "/api/admin/users",
    summary: "Users by status (access requests)",
    access: "admin",
    query: ListQuery,
  },
  {
    method: "post",
    path: "/api/admin/users/{id}/approve",
    summary: "Approve an access request",
    access: "admin",
  },
  {
    method: "post",
    path: "/api/admin/users/{id}/refuse",
    summary: "Refuse an access request (the request is deleted)",
    access: "admin",
  },
  {
    method: "put",
    path: "/api/admin/users/{id}/unit",
    summary:
      "Place a member in a directory unit ({unitId}, or null): the unit conflict of interest compares, which the member cannot change",
    access: "admin",
    body: OrgUnitSchema,
    responses: { "200": "{data: {id, orgUnit}}", "400": "invalid_input (unknown_unit)", "404": "not_found" },
  },
  {
    method: "post",
    path: "/api/admin/invitations",
    summary: "Invite by e-mail",
    access: "admin",
    body: InvitationSchema,
    responses: { "409": "already_member" },
  },
  {
    method: "post",
    path: "/api/cms/webhook",
    summary: "Strapi's webhook (Authorization: Bearer <WEBHOOK_SECRET>)",
    access: "token",
    responses: { "204": "cache invalidated", "401": "wrong secret" },
  },
];

const ERROR = {
  type: "object",
  properties: {
    data: { type: "null" },
    error: {
      type: "object",
      properties: {
        status: { type: "integer" },
        name: { type: "string" },
        message: { type: "string" },
        details: { type: "object" },
      },
      required: ["status", "name", "message"],
    },
  },
};

const jsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });

export function openApiDocument(publicUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const query = route.query
      ? Object.entries(
          (jsonSchema(route.query) as { properties?: Record<string, object>; required?: string[] })
            .properties ?? {},
        ).map(([name, schema]) => ({
          name,
          in: "query",
          required: (jsonSchema(route.query!) as { required?: string[] }).required?.includes(name) ?? false,
          schema,
        }))
      : [];
    const responses: Record<string, unknown> = { "200": { description: "OK" } };
    for (const [status, description] of Object.entries(route.responses ?? {})) {
      responses[status] =
        Number(status) >= 400
          ? { description, content: { "application/json": { schema: ERROR } } }
          : { description };
    }
    if (route.body || route.query)
      responses["400"] ??= {
        description: "invalid_input: details.fields names each problem",
        content: { "application/json": { schema: ERROR } },
      };
    if (route.access === "member" || route.access === "admin")
      responses["401"] ??= {
        description: "unauthorized",
        content: { "application/json": { schema: ERROR } },
      };
    if (route.access === "admin")
      responses["403"] ??= { description: "forbidden", content: { "application/json": { schema: ERROR } } };
    (paths[route.path] ??= {})[route.method] = {
      summary: route.summary,
      "x-access": route.access,
      ...(params.length + query.length > 0 ? { parameters: [...params, ...query] } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      ...(route.access === "member" || route.access === "admin"
        ? { security: [{ session: [], csrf: [] }] }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "SosKes portal API",
      version: "1",
      description:
        "Errors: {data: null, error: {status, name, message, details}} with a stable snake_case name and a message in the user's language (soskes.lang cookie or Accept-Language). State-changing requests echo the soskes.csrf cookie in X-CSRF-Token.",
    },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "soskes.sid" },
        csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
      },
    },
    paths,
  };
}
