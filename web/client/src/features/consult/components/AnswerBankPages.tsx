import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { NeedsReview } from "../../../components/NeedsReview";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useServiceAreas } from "../../../lib/reference";
import { useDebounced, useSearch } from "../../../lib/search";
import { Snippet } from "../../../components/Snippet";
import { useAnswer, useAnswers } from "../api/consult";
import { AnswerBody } from "./AnswerPanel";
import { fiDate } from "./shared";
import { paths } from "@soskes/domain/paths";

const PAGE = 20;

/** The answer bank: every published Q&A, browsed by service area or searched in Finnish. */
export function AnswerBankPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get("haku") ?? "");
  const area = params.get("palvelualue") ?? "";
  const [limit, setLimit] = useState(PAGE);
  const areas = useServiceAreas();
  const query = useDebounced(q, 250);
  const searching = query.trim().length > 0;
  const search = useSearch(
    { q: query, type: "answer", serviceArea: area || undefined, limit: 50 },
    searching,
  );
  const list = useAnswers(area, limit);
  const areaName = (slug: string) => areas.data?.find((a) => a.slug === slug)?.name ?? slug;
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <h1 tabIndex={-1}>{t("answers.bankTitle")}</h1>
      <p className="lead">{t("answers.bankIntro")}</p>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="answer-search">{t("answers.search")}</label>
          <input
            id="answer-search"
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              update("haku", e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="answer-area">{t("search.serviceArea")}</label>
          <select id="answer-area" value={area} onChange={(e) => update("palvelualue", e.target.value)}>
            <option value="">{t("search.anyType")}</option>
            {(areas.data ?? []).map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      {searching ? (
        search.isPending ? (
          <Loading />
        ) : search.error ? (
          <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />
        ) : (
          <section aria-live="polite" aria-label={t("answers.results")}>
            <p>{t("answers.found", { count: search.data.total })}</p>
            {search.data.total === 0 && <p className="note">{t("search.tips")}</p>}
            <ul className="cards">
              {search.data.hits.map((hit) => (
                <li key={hit.id} className="card">
                  <h2 className="card__title">
                    <Link to={hit.url}>{hit.title}</Link>
                  </h2>
                  <p>
                    <Snippet html={hit.snippet} />
                  </p>
                  {hit.serviceArea && <p className="card__meta">{areaName(hit.serviceArea)}</p>}
                </li>
              ))}
            </ul>
          </section>
        )
      ) : list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.total === 0 ? (
        <p>{area ? t("answers.noneInArea") : t("answers.none")}</p>
      ) : (
        <>
          <ul className="cards">
            {list.data.data.map((a) => (
              <li key={a.id} className="card">
                <h2 className="card__title">
                  <Link to={paths.answer(a.id)}>{a.title}</Link>
                </h2>
                <p className="card__meta">
                  <span>{a.panel.name}</span>
                  {a.publishedAt && (
                    <span>
                      {t("answers.published", {
                        date: fiDate(new Date(a.publishedAt).toISOString().slice(0, 10), i18n.language),
                      })}
                    </span>
                  )}
                  {a.reviewDue && <span className="badge badge--mention">{t("answers.reviewDue")}</span>}
                </p>
              </li>
            ))}
          </ul>
          {list.data.total > list.data.data.length && (
            <button
              type="button"
              className="button button--secondary"
              disabled={list.isFetching}
              onClick={() => setLimit((l) => Math.min(l + PAGE, 100))}
            >
              {list.isFetching ? t("answers.loading") : t("answers.more")}
            </button>
          )}
        </>
      )}
    </>
  );
}

/** One published Q&A. */
export function AnswerPage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const answer = useAnswer(id);
  if (answer.isPending) return <Loading />;
  if (answer.error)
    return (
      <>
        <h1 tabIndex={-1}>{t("answers.bankTitle")}</h1>
        <ErrorMessage error={answer.error} />
        <Link to={paths.answers}>{t("answers.back")}</Link>
      </>
    );
  const a = answer.data;
  return (
    <>
      <p>
        <Link to={paths.answers}>← {t("answers.back")}</Link>
      </p>
      <h1 tabIndex={-1}>{a.title}</h1>
      <p className="card__meta">
        <span>{a.panel.name}</span>
        {a.publishedAt && (
          <span>
            {t("answers.published", {
              date: fiDate(new Date(a.publishedAt).toISOString().slice(0, 10), i18n.language),
            })}
          </span>
        )}
        {a.reviewDue && <span className="badge badge--mention">{t("answers.reviewDue")}</span>}
      </p>
      <NeedsReview flags={a.needsReview} />
      <article>
        <AnswerBody answer={a} level={2} />
      </article>
    </>
  );
}
