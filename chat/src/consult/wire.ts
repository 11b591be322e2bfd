/**
 * eKonsultaatio's answer-bank entries and report as they travel to the web client: defined
 * once, used by the server and (through "@soskes/chat/client") by the browser.
 */

/** What the viewer may do to a request now (see policy.ts); the client offers exactly these. */
export type ConsultAbilities = Record<
  "claim" | "assign" | "answered" | "closed" | "reopened" | "writeAnswer" | "reviewAnswer" | "withdrawAnswer",
  boolean
>;

/** A consultation request as its viewer sees it. */
export type Consultation = {
  id: number;
  panel: { id: number; name: string };
  serviceArea: string;
  topic: string;
  question: string;
  urgency: "normal" | "urgent";
  status: "new" | "claimed" | "answered" | "closed";
  requester: { id: number; name: string };
  municipalityCode: string | null;
  requesterUnit: string | null;
  claimedBy: { id: number; name: string } | null;
  dueOn: string;
  overdue: boolean;
  mine: boolean;
  /** The private thread, for its participants: the requester, the expert who took it, the lead. */
  threadId: number | null;
  answeredAt: number | null;
  closedAt: number | null;
  /** The requester agreed that an anonymised Q&A may be published from this request. */
  consent: boolean;
  createdAt: number;
  abilities: ConsultAbilities;
};

export type PublishedAnswer = {
  id: number;
  title: string;
  question: string;
  answer: string;
  sections: Array<{ statute: string; section: string }>;
  reviewOn: string;
  /** The review date has passed: the answer still shows, marked, and ranks lower. */
  reviewDue: boolean;
  serviceArea: string;
  panel: { id: number; name: string };
  publishedAt: number | null;
};

export type AnswerDraft = PublishedAnswer & {
  consultationId: number;
  status: "draft" | "pending" | "published";
  note: string | null;
  author: { id: number; name: string };
};

export type ReportRow = {
  panelId: number;
  panel: string;
  serviceArea: string;
  /** Requests asked in the period. */
  requests: number;
  /** Of them, still waiting for an answer (new or claimed). */
  open: number;
  answered: number;
  /** Hours from asking to the expert marking it answered: median and 90th percentile. */
  medianHours: number | null;
  p90Hours: number | null;
  /** Open requests past their target date today. */
  overdue: number;
  /** Answered after the target date. */
  late: number;
};

export type ConsultReport = {
  from: string | null;
  to: string | null;
  rows: ReportRow[];
  total: ReportRow;
};

/** What the anonymisation check found in a question or answer: a name, address or birth date. */
export type { AnonymisationFlag } from "./anonymise.js";

/** An expert panel of one service area, with its members (a lead assigns requests). */
export type Panel = {
  id: number;
  serviceArea: string;
  name: string;
  members: Array<{ id: number; name: string; lead: boolean }>;
};

/** One line of the audit log as admins read it. */
export type AuditEntry = {
  id: number;
  at: string;
  actorId: number | null;
  actor: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  outcome: "allowed" | "denied";
};
