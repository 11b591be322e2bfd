import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { fieldErrors, FormError, TextField } from "../../../components/Form";
import { RichText, RichTextEditor } from "../../../components/RichText";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useSignedIn } from "../../../lib/signed-in";
import {
  useAsk,
  useAssign,
  useConsent,
  useConsultAction,
  useConsultation,
  useConsultations,
  usePanels,
  type Consultation,
} from "../api/consult";
import { AnswerPanel } from "./AnswerPanel";
import { fiDate, Flags, flagsOf } from "./shared";
import { paths } from "@soskes/domain/paths";

function StatusLine({ c }: { c: Consultation }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="card__meta">
      <span className="badge">{t(`consult.status.${c.status}`)}</span>
      {c.urgency === "urgent" && <span className="badge badge--mention">{t("consult.urgent")}</span>}
      <span>{c.panel.name}</span>
      {c.status !== "closed" && c.status !== "answered" && (
        <span className={c.overdue ? "alert--error" : undefined}>
          {c.overdue
            ? t("consult.overdue", { date: fiDate(c.dueOn, i18n.language) })
            : t("consult.due", { date: fiDate(c.dueOn, i18n.language) })}
        </span>
      )}
    </p>
  );
}

const STATUSES = ["new", "claimed", "answered", "closed"] as const;

/** My requests or the panel's inbox, filtered by status and urgency. */
function List({ scope }: { scope: "mine" | "inbox" }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState("");
  const [urgentOnly, setUrgentOnly] = useState(false);
  const list = useConsultations(scope, status);
  const shown = (list.data ?? []).filter((c) => !urgentOnly || c.urgency === "urgent");
  return (
    <>
      <div className="filters" role="group" aria-label={t("consult.filters")}>
        <div className="field">
          <label htmlFor={`status-${scope}`}>{t("consult.statusFilter")}</label>
          <select id={`status-${scope}`} value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t("consult.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`consult.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input type="checkbox" checked={urgentOnly} onChange={(e) => setUrgentOnly(e.target.checked)} />{" "}
          {t("consult.urgentOnly")}
        </label>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : shown.length === 0 ? (
        <p>
          {status || urgentOnly
            ? t("consult.noneFiltered")
            : t(scope === "mine" ? "consult.noneMine" : "consult.noneInbox")}
        </p>
      ) : (
        <ul className="cards">
          {shown.map((c) => (
            <li key={c.id} className="card">
              <h3 className="card__title">
                <Link to={paths.consultation(c.id)}>{c.topic}</Link>
              </h3>
              <StatusLine c={c} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "Ask an expert": the anonymisation checklist must be ticked; flagged passages are shown, never changed. */
function AskForm() {
  const { t } = useTranslation();
  const panels = usePanels();
  const ask = useAsk();
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [acknowledge, setAcknowledge] = useState(false);
  const [question, setQuestion] = useState("");
  const [sent, setSent] = useState<Consultation | null>(null);
  const CHECKS = ["names", "addresses", "dates", "details"] as const;
  const flags = flagsOf(ask.error);
  const errors = fieldErrors(ask.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
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
          (e.target as HTMLFormElement).reset();
        },
      },
    );
  };
  if (panels.isPending) return <Loading />;
  if (panels.error) return <ErrorMessage error={panels.error} />;
  const allChecked = CHECKS.every((k) => checks[k]);
  return (
    <section aria-labelledby="ask">
      <h2 id="ask">{t("consult.ask")}</h2>
      {sent && (
        <p role="status" className="alert alert--success">
          {t("consult.sent", { date: sent.dueOn })}{" "}
          <Link to={paths.consultation(sent.id)}>{t("consult.openRequest")}</Link>
        </p>
      )}
      {panels.data.length === 0 ? (
        <p>{t("consult.noPanels")}</p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="consult-area">{t("consult.panel")}</label>
            <select id="consult-area" name="serviceArea" required>
              {panels.data.map((p) => (
                <option key={p.id} value={p.serviceArea}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={t("consult.topic")}
            name="topic"
            required
            minLength={3}
            maxLength={200}
            error={errors.topic}
          />
          <RichTextEditor
            label={t("consult.question")}
            name="question"
            hint={t("consult.questionHint")}
            value={question}
            onChange={setQuestion}
            required
            minLength={20}
            error={errors.question}
          />
          <fieldset className="field">
            <legend>{t("consult.urgency")}</legend>
            <label>
              <input type="radio" name="urgency" value="normal" defaultChecked /> {t("consult.normal")}
            </label>
            <label>
              <input type="radio" name="urgency" value="urgent" /> {t("consult.urgentHint")}
            </label>
          </fieldset>
          <fieldset className="field">
            <legend>{t("consult.checklist")}</legend>
            {CHECKS.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={Boolean(checks[k])}
                  onChange={(e) => setChecks((c) => ({ ...c, [k]: e.target.checked }))}
                />{" "}
                {t(`consult.checks.${k}`)}
              </label>
            ))}
          </fieldset>
          <Flags error={ask.error} acknowledged={acknowledge} onAcknowledge={setAcknowledge} />
          {flags.length === 0 && Object.keys(errors).length === 0 && <FormError error={ask.error} />}
          <button type="submit" className="button" disabled={!allChecked || ask.isPending}>
            {ask.isPending ? t("consult.sending") : t("consult.send")}
          </button>
          {!allChecked && <p className="note">{t("consult.checkAll")}</p>}
        </form>
      )}
    </section>
  );
}

export function ConsultationsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const panels = usePanels();
  const seated = (panels.data ?? []).some((p) => p.members.some((m) => m.id === me?.id));
  const [tab, setTab] = useState<"mine" | "inbox">("mine");
  return (
    <>
      <h1 tabIndex={-1}>{t("consult.title")}</h1>
      <p className="lead">{t("consult.intro")}</p>
      {seated && (
        <div role="tablist" aria-label={t("consult.title")} className="actions">
          {(["mine", "inbox"] as const).map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={tab === s}
              className={tab === s ? "button" : "button button--secondary"}
              onClick={() => setTab(s)}
            >
              {t(`consult.tabs.${s}`)}
            </button>
          ))}
        </div>
      )}
      <section aria-label={t(`consult.tabs.${tab}`)}>
        <h2>{t(`consult.tabs.${tab}`)}</h2>
        <List scope={tab} />
      </section>
      <AskForm />
    </>
  );
}

export function ConsultationPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const c = useConsultation(id);
  const panels = usePanels();
  const action = useConsultAction(id);
  const consent = useConsent(id);
  const assign = useAssign(id);
  const [closing, setClosing] = useState(false);
  const [publish, setPublish] = useState(false);
  if (c.isPending) return <Loading />;
  if (c.error)
    return (
      <>
        <h1 tabIndex={-1}>{t("consult.title")}</h1>
        <ErrorMessage error={c.error} />
        <Link to={paths.consultations}>{t("consult.back")}</Link>
      </>
    );
  const data = c.data;
  const panel = panels.data?.find((p) => p.id === data.panel.id);
  // What the server says this member may do now: no access rule is repeated here.
  const can = data.abilities;
  const buttons: Array<["claim" | "answered" | "reopen", boolean]> = [
    ["claim", can.claim],
    ["answered", can.answered],
    ["reopen", can.reopened],
  ];
  const mayClose = can.closed;
  return (
    <>
      <p>
        <Link to={paths.consultations}>← {t("consult.back")}</Link>
      </p>
      <h1 tabIndex={-1}>{data.topic}</h1>
      <StatusLine c={data} />
      <dl className="facts">
        <dt>{t("consult.asker")}</dt>
        <dd>
          {data.requester.name}
          {data.requesterUnit ? `, ${data.requesterUnit}` : ""}
        </dd>
        <dt>{t("consult.expert")}</dt>
        <dd>{data.claimedBy?.name ?? t("consult.unclaimed")}</dd>
        <dt>{t("consult.expected")}</dt>
        <dd>{fiDate(data.dueOn, i18n.language)}</dd>
      </dl>
      <h2>{t("consult.question")}</h2>
      <RichText source={data.question} headingOffset={1} />
      <div className="actions">
        {buttons
          .filter(([, show]) => show)
          .map(([name]) => (
            <button
              key={name}
              type="button"
              className="button"
              disabled={action.isPending}
              onClick={() => action.mutate({ action: name })}
            >
              {t(`consult.actions.${name}`)}
            </button>
          ))}
        {mayClose && !closing && (
          <button type="button" className="button" onClick={() => setClosing(true)}>
            {t("consult.actions.close")}
          </button>
        )}
        {data.threadId !== null && (
          <Link className="button button--secondary" to={paths.group(data.threadId)}>
            {t("consult.openThread")}
          </Link>
        )}
      </div>
      {closing && mayClose && (
        <form
          className="form panel"
          aria-labelledby="close-title"
          onSubmit={(e) => {
            e.preventDefault();
            action.mutate(
              { action: "close", consent: data.mine ? publish : undefined },
              { onSuccess: () => setClosing(false) },
            );
          }}
        >
          <h2 id="close-title">{t("consult.closeTitle")}</h2>
          {data.mine && (
            <label>
              <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />{" "}
              {t("consult.consentLabel")}
            </label>
          )}
          {data.mine && <p className="note">{t("consult.consentHint")}</p>}
          <div className="actions">
            <button type="submit" className="button" disabled={action.isPending}>
              {t("consult.confirmClose")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setClosing(false)}>
              {t("consult.cancel")}
            </button>
          </div>
        </form>
      )}
      {data.mine && data.status === "closed" && (
        <p className="note">
          {data.consent ? t("consult.consentGiven") : t("consult.consentNotGiven")}{" "}
          <button
            type="button"
            className="link-button"
            disabled={consent.isPending}
            onClick={() => consent.mutate(!data.consent)}
          >
            {data.consent ? t("consult.withdrawConsent") : t("consult.giveConsent")}
          </button>
        </p>
      )}
      <FormError error={action.error ?? assign.error ?? consent.error} />
      {can.assign && panel && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            const userId = Number(new FormData(e.currentTarget).get("expert"));
            if (userId) assign.mutate(userId);
          }}
        >
          <div className="field">
            <label htmlFor="assign-to">{t("consult.assignTo")}</label>
            <select id="assign-to" name="expert">
              {panel.members
                .filter((m) => m.id !== data.claimedBy?.id && m.id !== data.requester.id)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary" disabled={assign.isPending}>
            {t("consult.assign")}
          </button>
        </form>
      )}
      {data.status === "closed" && data.consent && (
        <AnswerPanel
          consultation={data}
          canWrite={can.writeAnswer}
          canReview={can.reviewAnswer}
          canWithdraw={can.withdrawAnswer}
        />
      )}
    </>
  );
}
