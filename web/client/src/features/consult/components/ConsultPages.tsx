import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { fieldErrors, FormError, TextField } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { ApiError } from "../../../lib/api-client";
import { useSignedIn } from "../../../lib/signed-in";
import {
  useAsk,
  useAssign,
  useConsultAction,
  useConsultation,
  useConsultations,
  usePanels,
  type Consultation,
} from "../api/consult";

const fiDate = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { day: "numeric", month: "numeric", year: "numeric" }).format(
    new Date(`${iso}T12:00:00`),
  );

type Flag = { kind: "name" | "address" | "birth_date"; text: string };

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

function List({ scope }: { scope: "mine" | "inbox" }) {
  const { t } = useTranslation();
  const list = useConsultations(scope);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <p>{t(scope === "mine" ? "consult.noneMine" : "consult.noneInbox")}</p>;
  return (
    <ul className="cards">
      {list.data.map((c) => (
        <li key={c.id} className="card">
          <h3 className="card__title">
            <Link to={`/konsultaatiot/${c.id}`}>{c.topic}</Link>
          </h3>
          <StatusLine c={c} />
        </li>
      ))}
    </ul>
  );
}

/** "Ask an expert": the anonymisation checklist must be ticked; flagged passages are shown, never changed. */
function AskForm() {
  const { t } = useTranslation();
  const panels = usePanels();
  const ask = useAsk();
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [acknowledge, setAcknowledge] = useState(false);
  const [sent, setSent] = useState<Consultation | null>(null);
  const CHECKS = ["names", "addresses", "dates", "details"] as const;
  const flags =
    ask.error instanceof ApiError && ask.error.body.name === "anonymisation_flags"
      ? ((ask.error.body.details.flags as Flag[] | undefined) ?? [])
      : [];
  const errors = fieldErrors(ask.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    ask.mutate(
      {
        serviceArea: (form.get("serviceArea") as string | null) ?? "",
        topic: (form.get("topic") as string | null) ?? "",
        question: (form.get("question") as string | null) ?? "",
        urgency: form.get("urgency") === "urgent" ? "urgent" : "normal",
        anonymised: true,
        acknowledgeFlags: flags.length > 0 && acknowledge,
      },
      {
        onSuccess: (c) => {
          setSent(c);
          setChecks({});
          setAcknowledge(false);
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
          <Link to={`/konsultaatiot/${sent.id}`}>{t("consult.openRequest")}</Link>
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
          <div className="field">
            <label htmlFor="consult-question">{t("consult.question")}</label>
            <span id="consult-question-hint" className="note">
              {t("consult.questionHint")}
            </span>
            <textarea
              id="consult-question"
              name="question"
              rows={8}
              required
              minLength={20}
              maxLength={10000}
              aria-describedby="consult-question-hint"
              aria-invalid={errors.question ? true : undefined}
            />
            {errors.question && (
              <span className="field__error">
                {t(`account.fields.${errors.question}`, { defaultValue: errors.question })}
              </span>
            )}
          </div>
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
          {flags.length > 0 && (
            <div className="alert alert--warning" role="alert">
              <p>{ask.error instanceof ApiError ? ask.error.message : ""}</p>
              <ul>
                {flags.map((f, i) => (
                  <li key={i}>
                    <strong>{f.text}</strong> – {t(`consult.flags.${f.kind}`)}
                  </li>
                ))}
              </ul>
              <label>
                <input
                  type="checkbox"
                  checked={acknowledge}
                  onChange={(e) => setAcknowledge(e.target.checked)}
                />{" "}
                {t("consult.acknowledge")}
              </label>
            </div>
          )}
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
  const me = useSignedIn();
  const c = useConsultation(id);
  const panels = usePanels();
  const action = useConsultAction(id);
  const assign = useAssign(id);
  if (c.isPending) return <Loading />;
  if (c.error)
    return (
      <>
        <h1 tabIndex={-1}>{t("consult.title")}</h1>
        <ErrorMessage error={c.error} />
        <Link to="/konsultaatiot">{t("consult.back")}</Link>
      </>
    );
  const data = c.data;
  const panel = panels.data?.find((p) => p.id === data.panel.id);
  const lead = panel?.members.some((m) => m.id === me?.id && m.lead) ?? false;
  const expert = panel?.members.some((m) => m.id === me?.id) ?? false;
  const buttons: Array<["claim" | "answered" | "close" | "reopen", boolean]> = [
    ["claim", expert && !data.mine && data.status === "new"],
    ["answered", (data.claimedBy?.id === me?.id || lead) && data.status === "claimed"],
    ["close", data.mine && data.status !== "closed"],
    ["reopen", data.mine && data.status === "closed"],
  ];
  return (
    <>
      <p>
        <Link to="/konsultaatiot">← {t("consult.back")}</Link>
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
      <p className="pre-line">{data.question}</p>
      <div className="actions">
        {buttons
          .filter(([, show]) => show)
          .map(([name]) => (
            <button
              key={name}
              type="button"
              className="button"
              disabled={action.isPending}
              onClick={() => action.mutate(name)}
            >
              {t(`consult.actions.${name}`)}
            </button>
          ))}
        {data.threadId !== null && (
          <Link className="button button--secondary" to={`/ryhmat/${data.threadId}`}>
            {t("consult.openThread")}
          </Link>
        )}
      </div>
      <FormError error={action.error ?? assign.error} />
      {lead && panel && (data.status === "new" || data.status === "claimed") && (
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
    </>
  );
}
