import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";
import type {
  Feedback,
  FreshnessCheck,
  Maintenance,
  MaintenanceRecord,
  Notice,
  ReviewFlag as ReviewFlagItem,
  Survey,
  SurveyResults,
  Usage,
} from "../../../lib/wire";

export type {
  Feedback,
  FreshnessCheck,
  Maintenance,
  MaintenanceRecord,
  Notice,
  ReviewFlagItem,
  Survey,
  SurveyResults,
  Usage,
};

export type NoticeKind = "giving" | "seeking" | "announcement";
export type NoticeInput = { kind: NoticeKind; title: string; body: string; expiresOn: string };

export type FeedbackTopic = "portal" | "content" | "accessibility";
export type FeedbackInput = {
  topic: FeedbackTopic;
  message: string;
  signed?: boolean;
  email?: string;
  name?: string;
  page?: string;
};

const NOTICES = ["notices"] as const;

export const useNotices = (filters: { kind: string; municipality: string; mine: boolean }, limit: number) =>
  useQuery({
    queryKey: [...NOTICES, filters, limit],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (filters.kind) params.set("kind", filters.kind);
      if (filters.municipality) params.set("municipality", filters.municipality);
      if (filters.mine) params.set("mine", "1");
      return api.getPage<Notice[]>(`/api/notices?${params.toString()}`, signal);
    },
  });

export const useNotice = (id: number) =>
  useQuery({
    queryKey: [...NOTICES, "one", id],
    queryFn: ({ signal }) => api.get<Notice>(`/api/notices/${id}`, signal),
  });

export function useNoticeActions() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: NOTICES });
  return {
    create: useMutation({
      mutationFn: (input: NoticeInput) => api.post<Notice>("/api/notices", input),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, ...input }: Partial<NoticeInput> & { id: number }) =>
        api.patch<Notice>(`/api/notices/${id}`, input),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: number) => api.delete(`/api/notices/${id}`),
      onSuccess: done,
    }),
  };
}

export const useSendFeedback = () =>
  useMutation({
    mutationFn: (input: FeedbackInput) =>
      api.post<{ id: number; dueOn: string | null; signed: boolean }>("/api/feedback", input),
  });

export const useFeedbackList = (topic: string, status: string) =>
  useQuery({
    queryKey: ["admin", "feedback", topic, status],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ status });
      if (topic) params.set("topic", topic);
      return api.get<Feedback[]>(`/api/admin/feedback?${params.toString()}`, signal);
    },
  });

export function useAnswerFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, message }: { id: number; message: string }) =>
      api.post<Feedback>(`/api/admin/feedback/${id}/answer`, { message }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin", "feedback"] }),
  });
}

export const useFreshnessCheck = (token: string) =>
  useQuery({
    queryKey: ["freshness", token],
    enabled: token.length > 0,
    retry: false,
    queryFn: ({ signal }) =>
      api.get<FreshnessCheck>(`/api/freshness/check?t=${encodeURIComponent(token)}`, signal),
  });

export const useConfirmFreshness = () =>
  useMutation({
    mutationFn: (token: string) => api.post<{ verifiedAt: string }>("/api/freshness/confirm", { token }),
  });

export const useMaintenance = (municipality: string, serviceArea: string, enabled = true) =>
  useQuery({
    queryKey: ["maintenance", municipality, serviceArea],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (municipality) params.set("municipality", municipality);
      if (serviceArea) params.set("serviceArea", serviceArea);
      return api.get<Maintenance>(`/api/maintenance?${params.toString()}`, signal);
    },
  });

export const useReviewFlags = () =>
  useQuery({
    queryKey: ["review-flags"],
    queryFn: ({ signal }) => api.get<ReviewFlagItem[]>("/api/review-flags", signal),
  });

export function useResolveFlag() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/api/review-flags/${id}/resolve`),
    onSuccess: () => client.invalidateQueries({ queryKey: ["review-flags"] }),
  });
}

export const useCurrentSurvey = (enabled: boolean) =>
  useQuery({
    queryKey: ["survey", "current"],
    enabled,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => api.get<Survey | null>("/api/surveys/current", signal),
  });

export function useAnswerSurvey(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { scores: number[]; comment?: string }) =>
      api.post(`/api/surveys/${id}/responses`, input),
    onSuccess: () => client.setQueryData(["survey", "current"], null),
  });
}

export const useSurveys = () =>
  useQuery({
    queryKey: ["admin", "surveys"],
    queryFn: ({ signal }) => api.get<Array<Survey & { responses: number }>>("/api/admin/surveys", signal),
  });

export const useSurveyResults = (id: number | null) =>
  useQuery({
    queryKey: ["admin", "surveys", id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<SurveyResults>(`/api/admin/surveys/${id}/results`, signal),
  });

export function useSurveyAdmin() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: ["admin", "surveys"] });
  return {
    create: useMutation({
      mutationFn: (input: {
        title: string;
        questions: string[];
        freeText?: string;
        opensOn: string;
        closesOn: string;
      }) => api.post<Survey>("/api/admin/surveys", input),
      onSuccess: done,
    }),
    close: useMutation({
      mutationFn: (id: number) => api.post(`/api/admin/surveys/${id}/close`),
      onSuccess: done,
    }),
  };
}

export const useUsage = (days: number) =>
  useQuery({
    queryKey: ["admin", "usage", days],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Usage>(`/api/admin/usage?days=${days}`, signal),
  });
