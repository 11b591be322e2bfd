import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { AdminOnly } from "../../../components/AdminOnly";
import { BarChart } from "../../../components/BarChart";
import { FormError, TextField } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useMunicipalities } from "../../../lib/reference";
import { useAnswerSurvey, useCurrentSurvey, useSurveyResults, useUsage, type Survey } from "../api/community";
import { paths } from "@soskes/domain/paths";
import { useSurveyAdminPage } from "../hooks/use-survey-admin";

const SCORES = [1, 2, 3, 4, 5] as const;
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

function SurveyForm({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const answer = useAnswerSurvey(survey.id);
  const [scores, setScores] = useState<Array<number | undefined>>(survey.questions.map(() => undefined));
  const [comment, setComment] = useState("");
  const complete = scores.every((s) => s !== undefined);
  if (answer.isSuccess)
    return (
      <p role="status" className="alert alert--success">
        {t("survey.thanks")}
      </p>
    );
  return (
    <form
      className="form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        if (complete)
          answer.mutate({
            scores: scores.filter((s): s is number => s !== undefined),
            ...(comment.trim() ? { comment } : {}),
          });
      }}
    >
      {survey.questions.map((q, i) => (
        <fieldset key={i} className="field">
          <legend>{q}</legend>
          <div className="scale">
            {SCORES.map((v) => (
              <label key={v}>
                <input
                  type="radio"
                  name={`q${i}`}
                  value={v}
                  checked={scores[i] === v}
                  onChange={() => setScores((all) => all.map((s, j) => (j === i ? v : s)))}
                />{" "}
                {v}
                {v === 1 ? ` – ${t("survey.low")}` : v === 5 ? ` – ${t("survey.high")}` : ""}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {survey.freeText && (
        <div className="field">
          <label htmlFor="survey-comment">{survey.freeText}</label>
          <textarea
            id="survey-comment"
            rows={4}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
      )}
      <FormError error={answer.error} />
      <button type="submit" className="button" disabled={!complete || answer.isPending}>
        {t("survey.send")}
      </button>
      {!complete && <p className="note">{t("survey.answerAll")}</p>}
    </form>
  );
}

/** The open survey for a member: answered once, anonymously in the results. */
export function SurveyPage() {
  const { t } = useTranslation();
  const current = useCurrentSurvey(true);
  // Kept once shown: answering clears the current survey, and the thanks belong on this page.
  const [survey, setSurvey] = useState<Survey | null>(null);
  useEffect(() => {
    if (current.data) setSurvey(current.data);
  }, [current.data]);
  return (
    <>
      <h1 tabIndex={-1}>{survey?.title ?? t("survey.title")}</h1>
      {survey ? (
        <>
          <p className="lead">{t("survey.intro")}</p>
          <SurveyForm survey={survey} />
        </>
      ) : current.isPending ? (
        <Loading />
      ) : current.error ? (
        <ErrorMessage error={current.error} />
      ) : (
        <p>{t("survey.none")}</p>
      )}
    </>
  );
}

/** A gentle invitation on every page while a survey is open and unanswered. */
export function SurveyInvitation() {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem("soskes.survey") === "later");
  const current = useCurrentSurvey(!dismissed);
  if (dismissed || !current.data) return null;
  return (
    <aside className="alert alert--info survey-invite" aria-label={t("survey.title")}>
      <span>{t("survey.invite", { title: current.data.title })}</span>{" "}
      <Link to={paths.survey}>{t("survey.open")}</Link>{" "}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          sessionStorage.setItem("soskes.survey", "later");
          setDismissed(true);
        }}
      >
        {t("survey.later")}
      </button>
    </aside>
  );
}

function Results({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const results = useSurveyResults(id);
  if (results.isPending) return <Loading />;
  if (results.error) return <ErrorMessage error={results.error} />;
  const r = results.data;
  const mean = (m: number | null) =>
    m === null ? "–" : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(m);
  return (
    <section aria-labelledby={`results-${id}`}>
      <h3 id={`results-${id}`}>
        {t("survey.resultsOf", { title: r.title })} ({t("survey.responses", { count: r.responses })})
      </h3>
      <div className="table-wrap">
        <table className="table table--numbers">
          <caption className="visually-hidden">{r.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("survey.question")}</th>
              {SCORES.map((v) => (
                <th key={v} scope="col">
                  {v}
                </th>
              ))}
              <th scope="col">{t("survey.mean")}</th>
            </tr>
          </thead>
          <tbody>
            {r.questions.map((q) => (
              <tr key={q.text}>
                <th scope="row">{q.text}</th>
                {q.counts.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
                <td>{mean(q.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <BarChart
        summary={t("survey.chartSummary")}
        series={[{ name: t("survey.mean"), className: "chart__a" }]}
        rows={r.questions.map((q) => ({ label: q.text, values: [q.mean] }))}
      />
      <p>
        <a className="button button--secondary" href={`/api/admin/surveys/${id}/results?format=csv`} download>
          {t("consultAdmin.csv")}
        </a>
      </p>
      {r.comments.length > 0 && (
        <>
          <h4>{t("survey.comments")}</h4>
          <ul>
            {r.comments.map((c, i) => (
              <li key={i} className="pre-line">
                {c}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Surveys for admins: open one for a period, see the answers as a chart, a table and CSV. */
export function SurveyAdminPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t("survey.adminTitle")}>
      <SurveyAdmin />
    </AdminOnly>
  );
}

function SurveyAdmin() {
  const { t } = useTranslation();
  const { surveys, close, create, errors, shown, toggle, submit } = useSurveyAdminPage();
  return (
    <>
      <h1 tabIndex={-1}>{t("survey.adminTitle")}</h1>
      {surveys.isPending ? (
        <Loading />
      ) : surveys.error ? (
        <ErrorMessage error={surveys.error} />
      ) : surveys.data.length === 0 ? (
        <p>{t("survey.noneYet")}</p>
      ) : (
        <ul className="cards">
          {surveys.data.map((s) => {
            const open = s.opensOn <= today() && s.closesOn >= today();
            return (
              <li key={s.id} className="card">
                <h2 className="card__title">{s.title}</h2>
                <p className="card__meta">
                  <span className="badge">{open ? t("survey.open") : t("survey.closed")}</span>
                  <span>
                    {s.opensOn} – {s.closesOn}
                  </span>
                  <span>{t("survey.responses", { count: s.responses })}</span>
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-expanded={shown === s.id}
                    onClick={() => toggle(s.id)}
                  >
                    {t("survey.showResults")}
                  </button>
                  {open && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={close.isPending}
                      onClick={() => close.mutate(s.id)}
                    >
                      {t("survey.closeNow")}
                    </button>
                  )}
                </div>
                {shown === s.id && <Results id={s.id} />}
              </li>
            );
          })}
        </ul>
      )}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="new-survey">
        <h2 id="new-survey">{t("survey.new")}</h2>
        <TextField
          label={t("survey.titleLabel")}
          name="title"
          required
          maxLength={200}
          error={errors.title}
        />
        <div className="field">
          <label htmlFor="survey-questions">{t("survey.questionsLabel")}</label>
          <span id="survey-questions-hint" className="note">
            {t("survey.questionsHint")}
          </span>
          <textarea
            id="survey-questions"
            name="questions"
            rows={5}
            aria-describedby="survey-questions-hint"
          />
          {errors.questions && (
            <span className="field__error">
              {t(`account.fields.${errors.questions}`, { defaultValue: errors.questions })}
            </span>
          )}
        </div>
        <TextField
          label={t("survey.freeTextLabel")}
          name="freeText"
          maxLength={300}
          error={errors.freeText}
        />
        <TextField
          label={t("consultAdmin.from")}
          name="opensOn"
          type="date"
          defaultValue={today()}
          error={errors.opensOn}
        />
        <TextField
          label={t("consultAdmin.to")}
          name="closesOn"
          type="date"
          defaultValue={inDays(14)}
          error={errors.closesOn}
        />
        {Object.keys(errors).length === 0 && <FormError error={create.error} />}
        <button type="submit" className="button" disabled={create.isPending}>
          {t("survey.create")}
        </button>
      </form>
    </>
  );
}

/** The usage overview for admins: who uses SosKes where, what people could not find, what they read. */
export function UsagePage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t("usage.title")}>
      <Usage />
    </AdminOnly>
  );
}

function Usage() {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const [days, setDays] = useState(30);
  const usage = useUsage(days);
  const name = (code: string | null) =>
    code ? (municipalities.data?.find((m) => m.code === code)?.name ?? code) : t("usage.noMunicipality");
  return (
    <>
      <h1 tabIndex={-1}>{t("usage.title")}</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="usage-days">{t("usage.period")}</label>
          <select id="usage-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 30, 90, 365].map((d) => (
              <option key={d} value={d}>
                {t("usage.days", { count: d })}
              </option>
            ))}
          </select>
        </div>
      </div>
      {usage.isPending ? (
        <Loading />
      ) : usage.error ? (
        <ErrorMessage error={usage.error} onRetry={() => void usage.refetch()} />
      ) : (
        <>
          <p className="lead">{t("usage.active", { count: usage.data.activeUsers })}</p>
          <section aria-labelledby="usage-municipalities">
            <h2 id="usage-municipalities">{t("usage.byMunicipality")}</h2>
            {usage.data.byMunicipality.length === 0 ? (
              <p>{t("usage.nothing")}</p>
            ) : (
              <>
                <BarChart
                  summary={t("usage.chartSummary")}
                  series={[{ name: t("usage.users"), className: "chart__a" }]}
                  rows={usage.data.byMunicipality.map((m) => ({
                    label: name(m.municipalityCode),
                    values: [m.users],
                  }))}
                />
                <table className="table table--numbers">
                  <caption className="visually-hidden">{t("usage.byMunicipality")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("search.municipality")}</th>
                      <th scope="col">{t("usage.users")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {usage.data.byMunicipality.map((m) => (
                      <tr key={m.municipalityCode ?? "-"}>
                        <th scope="row">{name(m.municipalityCode)}</th>
                        <td>{m.users}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <section aria-labelledby="usage-misses">
            <h2 id="usage-misses">{t("usage.misses")}</h2>
            <p className="note">{t("usage.missesHint")}</p>
            {usage.data.searchesWithoutResults.length === 0 ? (
              <p>{t("usage.nothing")}</p>
            ) : (
              <table className="table table--numbers">
                <caption className="visually-hidden">{t("usage.misses")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("usage.query")}</th>
                    <th scope="col">{t("usage.times")}</th>
                  </tr>
                </thead>
                <tbody>
                  {usage.data.searchesWithoutResults.map((m) => (
                    <tr key={m.query}>
                      <th scope="row">{m.query}</th>
                      <td>{m.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          {(["topUnits", "topPages"] as const).map((key) => (
            <section key={key} aria-labelledby={`usage-${key}`}>
              <h2 id={`usage-${key}`}>{t(`usage.${key}`)}</h2>
              {usage.data[key].length === 0 ? (
                <p>{t("usage.nothing")}</p>
              ) : (
                <ol>
                  {usage.data[key].map((v) => (
                    <li key={v.id}>
                      <Link to={key === "topUnits" ? paths.unit(v.id) : paths.page(v.id)}>{v.name}</Link> –{" "}
                      {t("usage.views", { count: v.views })}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
