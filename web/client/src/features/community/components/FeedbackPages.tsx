import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { fieldErrors, FormError, TextField } from "../../../components/Form";
import { AdminOnly } from "../../../components/AdminOnly";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useSignedIn } from "../../../lib/signed-in";
import {
  useAnswerFeedback,
  useFeedbackList,
  useSendFeedback,
  type Feedback,
  type FeedbackTopic,
} from "../api/community";

const TOPICS: FeedbackTopic[] = ["portal", "content", "accessibility"];
const shortDate = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { day: "numeric", month: "numeric", year: "numeric" }).format(
    new Date(`${iso}T12:00:00`),
  );

/** Feedback from anyone: members may sign it; visitors may leave an address for an answer. */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const me = useSignedIn();
  const [params] = useSearchParams();
  const send = useSendFeedback();
  const [topic, setTopic] = useState<FeedbackTopic>(
    params.get("aihe") === "saavutettavuus" ? "accessibility" : "portal",
  );
  const [signed, setSigned] = useState(true);
  const errors = fieldErrors(send.error);
  const page = params.get("sivu") ?? undefined;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const target = e.currentTarget;
    const email = ((form.get("email") as string | null) ?? "").trim();
    const name = ((form.get("name") as string | null) ?? "").trim();
    send.mutate(
      {
        topic,
        message: (form.get("message") as string | null) ?? "",
        signed: Boolean(me) && signed,
        ...(!me && email ? { email, ...(name ? { name } : {}) } : {}),
        ...(page && page.startsWith("/") ? { page } : {}),
      },
      { onSuccess: () => target.reset() },
    );
  };
  return (
    <>
      <h1 tabIndex={-1}>{t("feedback.title")}</h1>
      <p className="lead">{t("feedback.intro")}</p>
      {send.data && (
        <div role="status" className="alert alert--success">
          <p>{t("feedback.thanks")}</p>
          {send.data.dueOn && (
            <p>{t("feedback.accessibilityDue", { date: shortDate(send.data.dueOn, i18n.language) })}</p>
          )}
          {!send.data.signed && <p>{t("feedback.anonymousNote")}</p>}
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="field">
          <legend>{t("feedback.topic")}</legend>
          {TOPICS.map((k) => (
            <label key={k}>
              <input type="radio" name="topic" value={k} checked={topic === k} onChange={() => setTopic(k)} />{" "}
              {t(`feedback.topics.${k}`)}
            </label>
          ))}
        </fieldset>
        {topic === "accessibility" && <p className="note">{t("feedback.accessibilityHint")}</p>}
        <div className="field">
          <label htmlFor="feedback-message">{t("feedback.message")}</label>
          <span id="feedback-hint" className="note">
            {t("feedback.messageHint")}
          </span>
          <textarea
            id="feedback-message"
            name="message"
            rows={6}
            required
            minLength={10}
            maxLength={4000}
            aria-describedby="feedback-hint"
            aria-invalid={errors.message ? true : undefined}
          />
          {errors.message && (
            <span className="field__error">
              {t(`account.fields.${errors.message}`, { defaultValue: errors.message })}
            </span>
          )}
        </div>
        {me ? (
          <label>
            <input type="checkbox" checked={signed} onChange={(e) => setSigned(e.target.checked)} />{" "}
            {t("feedback.signAs", { name: me.name, email: me.email })}
          </label>
        ) : (
          <fieldset className="field">
            <legend>{t("feedback.replyTo")}</legend>
            <p className="note">{t("feedback.replyHint")}</p>
            <TextField
              label={t("feedback.name")}
              name="name"
              autoComplete="name"
              maxLength={200}
              error={errors.name}
            />
            <TextField
              label={t("feedback.email")}
              name="email"
              type="email"
              autoComplete="email"
              maxLength={320}
              error={errors.email}
            />
          </fieldset>
        )}
        {Object.keys(errors).length === 0 && <FormError error={send.error} />}
        <button type="submit" className="button" disabled={send.isPending}>
          {send.isPending ? t("feedback.sending") : t("feedback.send")}
        </button>
      </form>
    </>
  );
}

/** The accessibility statement (Act on the Provision of Digital Services 306/2019). */
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1 tabIndex={-1}>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.intro")}</p>
      <h2>{t("accessibility.statusTitle")}</h2>
      <p>{t("accessibility.status")}</p>
      <h2>{t("accessibility.howTitle")}</h2>
      <ul>
        {(["keyboard", "screenReader", "languages", "contrast", "tested"] as const).map((k) => (
          <li key={k}>{t(`accessibility.how.${k}`)}</li>
        ))}
      </ul>
      <h2>{t("accessibility.limitsTitle")}</h2>
      <ul>
        {(["cms", "chart", "external"] as const).map((k) => (
          <li key={k}>{t(`accessibility.limits.${k}`)}</li>
        ))}
      </ul>
      <h2>{t("accessibility.feedbackTitle")}</h2>
      <p>{t("accessibility.feedback")}</p>
      <p>
        <Link className="button" to="/palaute?aihe=saavutettavuus">
          {t("accessibility.feedbackLink")}
        </Link>
      </p>
      <h2>{t("accessibility.enforcementTitle")}</h2>
      <p>
        {t("accessibility.enforcement")}{" "}
        <a href="https://www.saavutettavuusvaatimukset.fi" rel="noopener noreferrer">
          saavutettavuusvaatimukset.fi
        </a>
      </p>
      <p className="note">{t("accessibility.updated")}</p>
    </>
  );
}

function FeedbackItem({ item }: { item: Feedback }) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerFeedback();
  const [text, setText] = useState("");
  return (
    <li className={`card${item.overdue ? " card--alert" : ""}`}>
      <p className="card__meta">
        <span className="badge">{t(`feedback.topics.${item.topic}`)}</span>
        <span>{new Date(item.createdAt).toLocaleString(i18n.language)}</span>
        {item.dueOn && !item.answeredAt && (
          <span className={item.overdue ? "badge badge--mention" : undefined}>
            {item.overdue
              ? t("feedbackAdmin.overdue", { date: shortDate(item.dueOn, i18n.language) })
              : t("feedbackAdmin.due", { date: shortDate(item.dueOn, i18n.language) })}
          </span>
        )}
      </p>
      <p className="pre-line">{item.message}</p>
      {item.page && (
        <p className="note">
          {t("feedbackAdmin.page")} <Link to={item.page}>{item.page}</Link>
        </p>
      )}
      <p className="note">
        {item.signed ? `${item.name ?? ""} <${item.email ?? ""}>` : t("feedbackAdmin.anonymous")}
      </p>
      {item.answeredAt ? (
        <div className="alert alert--success">
          <p>
            {t("feedbackAdmin.answered", {
              date: new Date(item.answeredAt).toLocaleDateString(i18n.language),
            })}
          </p>
          <p className="pre-line">{item.answer}</p>
        </div>
      ) : item.signed ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate({ id: item.id, message: text });
          }}
        >
          <div className="field">
            <label htmlFor={`answer-${item.id}`}>{t("feedbackAdmin.answerLabel")}</label>
            <textarea
              id={`answer-${item.id}`}
              rows={4}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={4000}
            />
          </div>
          <FormError error={answer.error} />
          <button type="submit" className="button" disabled={answer.isPending || text.trim().length < 5}>
            {t("feedbackAdmin.send")}
          </button>
        </form>
      ) : (
        <p className="note">{t("feedbackAdmin.noReply")}</p>
      )}
    </li>
  );
}

/** Feedback for admins: overdue accessibility feedback first; signed feedback answered by e-mail. */
export function FeedbackAdminPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t("feedbackAdmin.title")}>
      <FeedbackAdmin />
    </AdminOnly>
  );
}

function FeedbackAdmin() {
  const { t } = useTranslation();
  const [topic, setTopic] = useState("");
  const [status, setStatus] = useState("open");
  const list = useFeedbackList(topic, status);
  return (
    <>
      <h1 tabIndex={-1}>{t("feedbackAdmin.title")}</h1>
      <div className="filters" role="group" aria-label={t("feedbackAdmin.filters")}>
        <div className="field">
          <label htmlFor="feedback-topic">{t("feedback.topic")}</label>
          <select id="feedback-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">{t("feedbackAdmin.allTopics")}</option>
            {TOPICS.map((k) => (
              <option key={k} value={k}>
                {t(`feedback.topics.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="feedback-status">{t("feedbackAdmin.status")}</label>
          <select id="feedback-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {(["open", "answered", "all"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`feedbackAdmin.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <p>{t("feedbackAdmin.none")}</p>
      ) : (
        <ul className="cards">
          {list.data.map((f) => (
            <FeedbackItem key={f.id} item={f} />
          ))}
        </ul>
      )}
    </>
  );
}
