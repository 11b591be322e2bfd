import { useState, type FormEvent } from "react";
import { fieldErrors } from "../../../components/Form";
import { useAsk, usePanels, type Consultation } from "../api/consult";
import { flagsOf } from "../components/shared";

/** What the asker confirms before a question may leave: nothing in it identifies the client. */
export const ASK_CHECKS = ["names", "addresses", "dates", "details"] as const;

/**
 * The e-consultation question form: the panels to ask, the question being written, the
 * anonymisation checklist, the identifying details the server found (and the asker's
 * acknowledgement of them), and the request just sent.
 */
export function useAskForm() {
  const panels = usePanels();
  const ask = useAsk();
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [acknowledge, setAcknowledge] = useState(false);
  const [question, setQuestion] = useState("");
  const [sent, setSent] = useState<Consultation | null>(null);
  const flags = flagsOf(ask.error);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    ask.mutate(
      {
        serviceArea: (form.get("serviceArea") as string | null) ?? "",
        topic: (form.get("topic") as string | null) ?? "",
        question,
        urgency: form.get("urgency") === "urgent" ? "urgent" : "normal",
        anonymised: true,
        acknowledgeFlags: flags.length > 0 && acknowledge,
      },
      {
        onSuccess: (c) => {
          setSent(c);
          setChecks({});
          setAcknowledge(false);
          setQuestion("");
          formElement.reset();
        },
      },
    );
  };

  return {
    panels,
    ask,
    errors: fieldErrors(ask.error),
    flags,
    checks,
    check: (key: string, on: boolean) => setChecks((c) => ({ ...c, [key]: on })),
    allChecked: ASK_CHECKS.every((k) => checks[k]),
    acknowledge,
    setAcknowledge,
    question,
    setQuestion,
    sent,
    submit,
  };
}
