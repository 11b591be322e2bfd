import type { ReviewFlag } from "../../../components/NeedsReview";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AnswerDraft,
  AuditEntry,
  Consultation,
  ConsultReport,
  Panel,
  PublishedAnswer as WirePublishedAnswer,
  ReportRow,
} from "@soskes/chat/client";
import { api, ApiError } from "../../../lib/api-client";
import type { AdminUser } from "../../../lib/wire";

export type { Consultation };

/** An answer-bank entry as the server presents it; on GET /api/answers/<id>, with open review flags. */
export type PublishedAnswer = WirePublishedAnswer & { needsReview?: ReviewFlag[] };
export type { AnswerDraft, AuditEntry, Panel, ReportRow };
export type Report = ConsultReport;

export type AnswerInput = {
  title: string;
  question: string;
  answer: string;
  sections: string[];
  reviewOn: string;
  acknowledgeFlags?: boolean;
};

export type AskInput = {
  serviceArea: string;
  topic: string;
  question: string;
  urgency: "normal" | "urgent";
  anonymised: true;
  acknowledgeFlags?: boolean;
};

const KEY = ["consultations"] as const;

export const usePanels = () =>
  useQuery({ queryKey: ["panels"], queryFn: ({ signal }) => api.get<Panel[]>("/api/panels", signal) });

/** Active members an admin may seat on a panel. */
export const usePanelCandidates = () =>
  useQuery({
    queryKey: ["admin", "users", "active"],
    queryFn: ({ signal }) => api.get<AdminUser[]>("/api/admin/users?status=active", signal),
  });

export const useConsultations = (scope: "mine" | "inbox", status = "", enabled = true) =>
  useQuery({
    queryKey: [...KEY, scope, status],
    enabled,
    queryFn: ({ signal }) =>
      api.get<Consultation[]>(
        `/api/consultations?scope=${scope}${status ? `&status=${status}` : ""}`,
        signal,
      ),
  });

export const useConsultation = (id: number) =>
  useQuery({
    queryKey: [...KEY, "one", id],
    queryFn: ({ signal }) => api.get<Consultation>(`/api/consultations/${id}`, signal),
  });

function useConsultMutation<I>(fn: (input: I) => Promise<Consultation>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useAsk = () =>
  useConsultMutation((input: AskInput) => api.post<Consultation>("/api/consultations", input));
export const useConsultAction = (id: number) =>
  useConsultMutation(
    ({ action, consent }: { action: "claim" | "answered" | "close" | "reopen"; consent?: boolean }) =>
      api.post<Consultation>(`/api/consultations/${id}/${action}`, consent === undefined ? {} : { consent }),
  );
export const useConsent = (id: number) =>
  useConsultMutation((consent: boolean) =>
    api.post<Consultation>(`/api/consultations/${id}/consent`, { consent }),
  );

// The answer bank.
const ANSWERS = ["answers"] as const;

/** The Q&A draft of a request; null when none has been written yet (the server answers 404). */
export const useAnswerDraft = (id: number, enabled: boolean) =>
  useQuery({
    queryKey: [...ANSWERS, "draft", id],
    enabled,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<AnswerDraft>(`/api/consultations/${id}/answer`, signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });

export function useAnswerAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (
      action:
        | { kind: "save"; input: AnswerInput; submit?: boolean }
        | { kind: "submit" | "approve" | "withdraw" }
        | { kind: "return"; note: string },
    ) => {
      if (action.kind === "save") {
        const saved = await api.put<AnswerDraft>(`/api/consultations/${id}/answer`, action.input);
        // Saved and sent on in one step: the lead gets what was just saved.
        return action.submit ? api.post<AnswerDraft>(`/api/consultations/${id}/answer/submit`) : saved;
      }
      return api.post<AnswerDraft>(
        `/api/consultations/${id}/answer/${action.kind}`,
        action.kind === "return" ? { note: action.note } : {},
      );
    },
    onSuccess: (draft) => client.setQueryData([...ANSWERS, "draft", id], draft),
    onSettled: () => client.invalidateQueries({ queryKey: ANSWERS }),
  });
}

export const useAnswers = (serviceArea: string, limit: number) =>
  useQuery({
    queryKey: [...ANSWERS, "list", serviceArea, limit],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (serviceArea) params.set("serviceArea", serviceArea);
      return api.getPage<PublishedAnswer[]>(`/api/answers?${params.toString()}`, signal);
    },
  });

export const useAnswer = (id: number) =>
  useQuery({
    queryKey: [...ANSWERS, "one", id],
    queryFn: ({ signal }) => api.get<PublishedAnswer>(`/api/answers/${id}`, signal),
  });

// Admins: the report and the audit log.
export const useReport = (from: string, to: string) =>
  useQuery({
    queryKey: ["consult-report", from, to],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (from) params.set("from", from);
      if (to) params.set("to", to);
      return api.get<Report>(`/api/admin/consult-report?${params.toString()}`, signal);
    },
  });

export const useAuditLog = () =>
  useQuery({
    queryKey: ["audit"],
    queryFn: ({ signal }) => api.get<AuditEntry[]>("/api/admin/audit?limit=100", signal),
  });

export function usePanelAdmin() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ["panels"] });
  return {
    create: useMutation({
      mutationFn: (input: { serviceArea: string; name: string }) => api.post("/api/panels", input),
      onSuccess: done,
    }),
    seat: useMutation({
      mutationFn: ({ panelId, userId, lead }: { panelId: number; userId: number; lead: boolean }) =>
        api.post(`/api/panels/${panelId}/members`, { userId, lead }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: ({ panelId, userId }: { panelId: number; userId: number }) =>
        api.delete(`/api/panels/${panelId}/members/${userId}`),
      onSuccess: done,
    }),
  };
}
export const useAssign = (id: number) =>
  useConsultMutation((userId: number) =>
    api.post<Consultation>(`/api/consultations/${id}/assign`, { userId }),
  );
