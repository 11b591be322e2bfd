import { sectionAnchorOf, statutePath } from "@soskes/chat/client";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { fieldErrors, FormError, TextField } from "../../../components/Form";
import { CitePicker, RichText, RichTextEditor } from "../../../components/RichText";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useStatutes } from "../../../lib/statutes";
import {
  useAnswerAction,
  useAnswerDraft,
  type AnswerDraft,
  type Consultation,
  type PublishedAnswer,
} from "../api/consult";
import { fiDate, Flags, flagsOf } from "./shared";
import { paths } from "@soskes/domain/paths";

const inAYear = () => {
  const d = new Date();
  d.setFullYear(d.getFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

/** The statute sections an answer relies on, each a link to its place on the law page. */
export function SectionLinks({ sections }: { sections: PublishedAnswer["sections"] }) {
  const statutes = useStatutes();
  const label = (statute: string) => {
    const s = statutes.data?.data.find((x) => x.number === statute);
    return s ? (s.shortName ?? s.title) : statute;
  };
  return (
    <ul>
      {sections.map((s) => (
        <li key={`${s.statute}#${s.section}`}>
          <Link to={`${statutePath(s.statute)}#${sectionAnchorOf(s.section)}`}>
            {label(s.statute)} {s.section} § ({s.statute})
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The question and answer as the bank shows them. */
export function AnswerBody({ answer, level = 3 }: { answer: PublishedAnswer; level?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const H = level === 2 ? "h2" : "h3";
  return (
    <>
      <H>{t("answers.question")}</H>
      <RichText source={answer.question} headingOffset={level - 1} />
      <H>{t("answers.answer")}</H>
      <RichText source={answer.answer} headingOffset={level - 1} />
      {answer.sections.length > 0 && (
        <>
          <H>{t("answers.sections")}</H>
          <SectionLinks sections={answer.sections} />
        </>
      )}
      <p className="note">{t("answers.reviewOn", { date: fiDate(answer.reviewOn, i18n.language) })}</p>
    </>
  );
}

function Editor({ consultation, draft }: { consultation: Consultation; draft: AnswerDraft | null }) {
  const { t } = useTranslation();
  const save = useAnswerAction(consultation.id);
  const [question, setQuestion] = useState(draft?.question ?? consultation.question);
  const [answer, setAnswer] = useState(draft?.answer ?? "");
  const [sections, setSections] = useState<string[]>(
    (draft?.sections ?? []).map((s) => `${s.statute}#${s.section}`),
  );
  const [acknowledge, setAcknowledge] = useState(false);
  const [saved, setSaved] = useState<"saved" | "submitted" | null>(null);
  const errors = fieldErrors(save.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const thenSubmit = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "submit";
    save.mutate(
      {
        kind: "save",
        submit: thenSubmit,
        input: {
          title: (form.get("title") as string | null) ?? "",
          question,
          answer,
          sections,
          reviewOn: (form.get("reviewOn") as string | null) ?? "",
          acknowledgeFlags: acknowledge,
        },
      },
      { onSuccess: () => setSaved(thenSubmit ? "submitted" : "saved") },
    );
  };
  const sectionError = Object.entries(errors).find(([k]) => k.startsWith("sections"))?.[1];
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="answer-editor">
      <h3 id="answer-editor">{t("answers.editorTitle")}</h3>
      <p className="note">{t("answers.editorHint")}</p>
      <TextField
        label={t("answers.title")}
        name="title"
        defaultValue={draft?.title ?? consultation.topic}
        required
        minLength={3}
        maxLength={200}
        error={errors.title}
      />
      <RichTextEditor
        label={t("answers.question")}
        name="question"
        value={question}
        onChange={setQuestion}
        required
        minLength={20}
        error={errors.question}
      />
      <RichTextEditor
        label={t("answers.answer")}
        name="answer"
        value={answer}
        onChange={setAnswer}
        rows={10}
        required
        minLength={20}
        error={errors.answer}
      />
      <fieldset className="field">
        <legend>{t("answers.sections")}</legend>
        {sections.length === 0 ? (
          <p className="note">{t("answers.noSections")}</p>
        ) : (
          <ul className="chips">
            {sections.map((ref) => {
              const [statute, section] = ref.split("#");
              return (
                <li key={ref} className="chip">
                  {statute} {section} §{" "}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t("answers.removeSection", { section: `${statute} ${section} §` })}
                    onClick={() => setSections((all) => all.filter((x) => x !== ref))}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <CitePicker
          action={t("answers.addSection")}
          onPick={(_, v) => setSections((all) => [...new Set([...all, `${v.statute}#${v.section}`])])}
        />
        {sectionError && (
          <span className="field__error">
            {t(`account.fields.${sectionError}`, { defaultValue: sectionError })}
          </span>
        )}
      </fieldset>
      <TextField
        label={t("answers.reviewOnLabel")}
        hint={t("answers.reviewOnHint")}
        name="reviewOn"
        type="date"
        defaultValue={draft?.reviewOn ?? inAYear()}
        required
        error={errors.reviewOn}
      />
      <Flags error={save.error} acknowledged={acknowledge} onAcknowledge={setAcknowledge} />
      {Object.keys(errors).length === 0 && flagsOf(save.error).length === 0 && (
        <FormError error={save.error} />
      )}
      {saved && (
        <p role="status" className="alert alert--success">
          {t(saved === "saved" ? "answers.saved" : "answers.submitted")}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          name="then"
          value="save"
          className="button button--secondary"
          disabled={save.isPending}
        >
          {t("answers.saveDraft")}
        </button>
        <button type="submit" name="then" value="submit" className="button" disabled={save.isPending}>
          {t("answers.saveAndSubmit")}
        </button>
      </div>
    </form>
  );
}

/**
 * The answer bank inside a closed request whose requester consented: the expert who took it
 * writes the anonymised Q&A, the panel lead approves or returns it, and anyone here sees where it is.
 */
export function AnswerPanel({
  consultation,
  canWrite,
  canReview,
  canWithdraw,
}: {
  consultation: Consultation;
  canWrite: boolean;
  canReview: boolean;
  canWithdraw: boolean;
}) {
  const { t } = useTranslation();
  const draft = useAnswerDraft(consultation.id, true);
  const act = useAnswerAction(consultation.id);
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState("");
  if (draft.isPending) return <Loading />;
  if (draft.error) return <ErrorMessage error={draft.error} onRetry={() => void draft.refetch()} />;
  const d = draft.data;
  return (
    <section aria-labelledby="answer-bank" className="panel">
      <h2 id="answer-bank">{t("answers.panelTitle")}</h2>
      {!d && !writing && (
        <>
          <p>{canWrite ? t("answers.invite") : t("answers.notYet")}</p>
          {canWrite && (
            <button type="button" className="button" onClick={() => setWriting(true)}>
              {t("answers.write")}
            </button>
          )}
        </>
      )}
      {/* One editor for the first save and after it: it keeps its state when the draft appears. */}
      {canWrite && (d ? d.status === "draft" : writing) && (
        <>
          {d?.note && (
            <p className="alert alert--warning">
              {t("answers.returnedWith")} {d.note}
            </p>
          )}
          <Editor consultation={consultation} draft={d} />
        </>
      )}
      {d && (
        <>
          <p>
            <span className="badge">{t(`answers.status.${d.status}`)}</span>{" "}
            {d.status === "published" && <Link to={paths.answer(d.id)}>{t("answers.openPublished")}</Link>}
          </p>
          {!(d.status === "draft" && canWrite) && (
            <article className="card">
              <h3 className="card__title">{d.title}</h3>
              <AnswerBody answer={d} />
            </article>
          )}
          {d.status === "pending" && canReview && (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                act.mutate({ kind: "return", note }, { onSuccess: () => setNote("") });
              }}
            >
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  disabled={act.isPending}
                  onClick={() => act.mutate({ kind: "approve" })}
                >
                  {t("answers.approve")}
                </button>
              </div>
              <div className="field">
                <label htmlFor="return-note">{t("answers.returnNote")}</label>
                <textarea
                  id="return-note"
                  rows={3}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={2000}
                />
              </div>
              <button
                type="submit"
                className="button button--secondary"
                disabled={act.isPending || note.trim().length < 3}
              >
                {t("answers.return")}
              </button>
            </form>
          )}
          {d.status === "pending" && !canReview && <p className="note">{t("answers.waitingLead")}</p>}
          {d.status === "published" && canWithdraw && (
            <button
              type="button"
              className="button button--secondary"
              disabled={act.isPending}
              onClick={() => act.mutate({ kind: "withdraw" })}
            >
              {t("answers.withdraw")}
            </button>
          )}
          <FormError error={act.error} />
        </>
      )}
    </section>
  );
}
