import { useState, type FormEvent } from "react";
import { fieldErrors } from "../../../components/Form";
import { useSurveyAdmin, useSurveys } from "../api/community";

/**
 * The admin's surveys: the list, the one whose results are shown, closing one now, and the form
 * that opens a new one for a period (one question per line).
 */
export function useSurveyAdminPage() {
  const surveys = useSurveys();
  const { create, close } = useSurveyAdmin();
  const [shown, setShown] = useState<number | null>(null);
  return {
    surveys,
    create,
    close,
    errors: fieldErrors(create.error),
    shown,
    toggle: (id: number) => setShown((current) => (current === id ? null : id)),
    submit: (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const target = e.currentTarget;
      const form = new FormData(target);
      const text = (k: string) => ((form.get(k) as string | null) ?? "").trim();
      create.mutate(
        {
          title: text("title"),
          questions: text("questions")
            .split("\n")
            .map((q) => q.trim())
            .filter(Boolean),
          ...(text("freeText") ? { freeText: text("freeText") } : {}),
          opensOn: text("opensOn"),
          closesOn: text("closesOn"),
        },
        { onSuccess: () => target.reset() },
      );
    },
  };
}
