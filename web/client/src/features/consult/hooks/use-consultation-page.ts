import { useState } from "react";
import { useAssign, useConsent, useConsultAction, useConsultation, usePanels } from "../api/consult";

export type StepAction = "claim" | "answered" | "reopen";

/**
 * One consultation request and what this member may do with it now (the server's `abilities`;
 * no access rule is repeated here): take it, mark it answered, reopen, close (the asker choosing
 * whether the answer may be published), give it to another expert of the panel, change consent.
 */
export function useConsultationPage(id: number) {
  const consultation = useConsultation(id);
  const panels = usePanels();
  const action = useConsultAction(id);
  const consent = useConsent(id);
  const assign = useAssign(id);
  const [closing, setClosing] = useState(false);
  const [publish, setPublish] = useState(false);
  const data = consultation.data;
  const can = data?.abilities;
  const panel = data ? panels.data?.find((p) => p.id === data.panel.id) : undefined;

  return {
    consultation,
    /** The step buttons the member may press now. */
    steps: (
      [
        ["claim", can?.claim],
        ["answered", can?.answered],
        ["reopen", can?.reopened],
      ] as const
    )
      .filter(([, allowed]) => allowed)
      .map(([name]) => name),
    step: (name: StepAction) => action.mutate({ action: name }),
    mayClose: Boolean(can?.closed),
    closing,
    setClosing,
    publish,
    setPublish,
    close: () =>
      action.mutate(
        { action: "close", consent: data?.mine ? publish : undefined },
        { onSuccess: () => setClosing(false) },
      ),
    /** Experts of the panel the request could be given to (not its expert, not its asker). */
    assignable:
      can?.assign && panel && data
        ? panel.members.filter((m) => m.id !== data.claimedBy?.id && m.id !== data.requester.id)
        : null,
    assignTo: (userId: number) => assign.mutate(userId),
    toggleConsent: () => data && consent.mutate(!data.consent),
    busy: { action: action.isPending, assign: assign.isPending, consent: consent.isPending },
    error: action.error ?? assign.error ?? consent.error,
  };
}

export type ConsultationPageState = ReturnType<typeof useConsultationPage>;
