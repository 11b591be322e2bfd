/**
 * eKonsultaatio's answer-bank entries and report as they travel to the web client: defined
 * once, used by the server and (through "@soskes/chat/client") by the browser.
 */

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
