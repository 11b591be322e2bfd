import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

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
  threadId: number | null;
  answeredAt: number | null;
  closedAt: number | null;
  createdAt: number;
};

export type Panel = {
  id: number;
  serviceArea: string;
  name: string;
  members: Array<{ id: number; name: string; lead: boolean }>;
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

export const useConsultations = (scope: "mine" | "inbox") =>
  useQuery({
    queryKey: [...KEY, scope],
    queryFn: ({ signal }) => api.get<Consultation[]>(`/api/consultations?scope=${scope}`, signal),
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
  useConsultMutation((action: "claim" | "answered" | "close" | "reopen") =>
    api.post<Consultation>(`/api/consultations/${id}/${action}`),
  );
export const useAssign = (id: number) =>
  useConsultMutation((userId: number) =>
    api.post<Consultation>(`/api/consultations/${id}/assign`, { userId }),
  );
