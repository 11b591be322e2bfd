import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { FormError, TextField } from "../../../components/Form";
import { RichText, RichTextEditor } from "../../../components/RichText";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useSignedIn } from "../../../lib/signed-in";
import { useConsultations, usePanels, type Consultation } from "../api/consult";
import { ASK_CHECKS, useAskForm } from "../hooks/use-ask-form";
import { useConsultationPage, type ConsultationPageState } from "../hooks/use-consultation-page";
import { AnswerPanel } from "./AnswerPanel";
import { fiDate, Flags } from "./shared";
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
  const form = useAskForm();
  const { panels, ask, errors, flags, sent } = form;
  if (panels.isPending) return <Loading />;
  if (panels.error) return <ErrorMessage error={panels.error} />;
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
        <form className="form" onSubmit={form.submit} noValidate>
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
            value={form.question}
            onChange={form.setQuestion}
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
            {ASK_CHECKS.map((k) => (
              <label key={k}>
                <input
                  type="checkbox"
                  checked={Boolean(form.checks[k])}
                  onChange={(e) => form.check(k, e.target.checked)}
                />{" "}
                {t(`consult.checks.${k}`)}
              </label>
            ))}
          </fieldset>
          <Flags error={ask.error} acknowledged={form.acknowledge} onAcknowledge={form.setAcknowledge} />
          {flags.length === 0 && Object.keys(errors).length === 0 && <FormError error={ask.error} />}
          <button type="submit" className="button" disabled={!form.allChecked || ask.isPending}>
            {ask.isPending ? t("consult.sending") : t("consult.send")}
          </button>
          {!form.allChecked && <p className="note">{t("consult.checkAll")}</p>}
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

/** Closing: the asker chooses whether the answer may go to the answer bank. */
function CloseForm({ state, mine }: { state: ConsultationPageState; mine: boolean }) {
  const { t } = useTranslation();
  return (
    <form
      className="form panel"
      aria-labelledby="close-title"
      onSubmit={(e) => {
        e.preventDefault();
        state.close();
      }}
    >
      <h2 id="close-title">{t("consult.closeTitle")}</h2>
      {mine && (
        <label>
          <input
            type="checkbox"
            checked={state.publish}
            onChange={(e) => state.setPublish(e.target.checked)}
          />{" "}
          {t("consult.consentLabel")}
        </label>
      )}
      {mine && <p className="note">{t("consult.consentHint")}</p>}
      <div className="actions">
        <button type="submit" className="button" disabled={state.busy.action}>
          {t("consult.confirmClose")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => state.setClosing(false)}>
          {t("consult.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Giving the request to another expert of the panel (the panel lead). */
function AssignForm({ state }: { state: ConsultationPageState }) {
  const { t } = useTranslation();
  if (!state.assignable) return null;
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        const userId = Number(new FormData(e.currentTarget).get("expert"));
        if (userId) state.assignTo(userId);
      }}
    >
      <div className="field">
        <label htmlFor="assign-to">{t("consult.assignTo")}</label>
        <select id="assign-to" name="expert">
          {state.assignable.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary" disabled={state.busy.assign}>
        {t("consult.assign")}
      </button>
    </form>
  );
}

export function ConsultationPage() {
  const { t, i18n } = useTranslation();
  const state = useConsultationPage(Number(useParams().id));
  const c = state.consultation;
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
  const can = data.abilities;
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
        {state.steps.map((name) => (
          <button
            key={name}
            type="button"
            className="button"
            disabled={state.busy.action}
            onClick={() => state.step(name)}
          >
            {t(`consult.actions.${name}`)}
          </button>
        ))}
        {state.mayClose && !state.closing && (
          <button type="button" className="button" onClick={() => state.setClosing(true)}>
            {t("consult.actions.close")}
          </button>
        )}
        {data.threadId !== null && (
          <Link className="button button--secondary" to={paths.group(data.threadId)}>
            {t("consult.openThread")}
          </Link>
        )}
      </div>
      {state.closing && state.mayClose && <CloseForm state={state} mine={data.mine} />}
      {data.mine && data.status === "closed" && (
        <p className="note">
          {data.consent ? t("consult.consentGiven") : t("consult.consentNotGiven")}{" "}
          <button
            type="button"
            className="link-button"
            disabled={state.busy.consent}
            onClick={state.toggleConsent}
          >
            {data.consent ? t("consult.withdrawConsent") : t("consult.giveConsent")}
          </button>
        </p>
      )}
      <FormError error={state.error} />
      <AssignForm state={state} />
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
