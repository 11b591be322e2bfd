import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage, Loading } from "../../../components/Status";
import type { HitType, SearchResult } from "../../../lib/search";
import { useSearchPage, type SearchPageState } from "../hooks/use-search-page";
import { HitLink } from "./HitLink";
import { Snippet } from "../../../components/Snippet";
import { paths } from "@soskes/domain/paths";

/** Moves focus between result links with the arrow keys (Tab works as always). */
function onResultsKeyDown(event: KeyboardEvent<HTMLOListElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>("a.hit__link")];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
  links[next]?.focus();
  event.preventDefault();
}

/** One facet: "all" or a value with its count; hidden when the results have no values for it. */
function FacetSelect(props: {
  label: string;
  value: string;
  counts: Array<readonly [string, number]>;
  name: (key: string) => string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  if (props.counts.length === 0 && !props.value) return null;
  return (
    <fieldset>
      <legend>{props.label}</legend>
      <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t("search.anyType")}</option>
        {props.counts.map(([key, n]) => (
          <option key={key} value={key}>
            {props.name(key)} ({n})
          </option>
        ))}
      </select>
    </fieldset>
  );
}

/** The filters of a result list: type, municipality and service area, with their counts. */
function Facets({ state, data }: { state: SearchPageState; data: SearchResult }) {
  const { t } = useTranslation();
  const { filters, update } = state;
  return (
    <aside className="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">{t("search.filters")}</h2>
      <FacetSelect
        label={t("search.type")}
        value={filters.type}
        counts={filters.type ? [[filters.type, data.facets.type[filters.type] ?? 0]] : state.facet("type")}
        name={(key) => t(`search.types.${key as HitType}`)}
        onChange={(value) => update({ tyyppi: value })}
      />
      <FacetSelect
        label={t("search.municipality")}
        value={filters.municipality}
        counts={state.facet("municipality")}
        name={state.municipalityName}
        onChange={(value) => update({ kunta: value })}
      />
      <FacetSelect
        label={t("search.serviceArea")}
        value={filters.serviceArea}
        counts={state.facet("serviceArea")}
        name={state.areaName}
        onChange={(value) => update({ palvelualue: value })}
      />
      {state.filtered && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => update({ tyyppi: "", kunta: "", palvelualue: "" })}
        >
          {t("search.clear")}
        </button>
      )}
    </aside>
  );
}

/** The hits of one page, moved between with the arrow keys. */
function Hits({ state, data }: { state: SearchPageState; data: SearchResult }) {
  const { t } = useTranslation();
  return (
    <ol className="hits" onKeyDown={onResultsKeyDown}>
      {data.hits.map((hit) => (
        <li key={`${hit.type}:${hit.id}`} className="hit card">
          <span className="hit__type">{t(`search.types.${hit.type}`)}</span>
          <h2 className="hit__title">
            <HitLink hit={hit} className="hit__link">
              {hit.title}
            </HitLink>
          </h2>
          <p className="hit__snippet">
            <Snippet html={hit.snippet} />
          </p>
          {(hit.municipalityCodes.length > 0 || hit.serviceArea) && (
            <p className="hit__meta">
              {[
                hit.municipalityCodes.length <= 3
                  ? hit.municipalityCodes.map(state.municipalityName).join(", ")
                  : "",
                hit.serviceArea ? state.areaName(hit.serviceArea) : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function Pager({ state }: { state: SearchPageState }) {
  const { t } = useTranslation();
  const { page, pages, update } = state;
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t("search.page", { page })}>
      {page > 1 && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => update({ sivu: String(page - 1) })}
        >
          {t("search.previous")}
        </button>
      )}
      <span>{t("search.page", { page })}</span>
      {page < pages && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => update({ sivu: String(page + 1) })}
        >
          {t("search.next")}
        </button>
      )}
    </nav>
  );
}

/** The count, a suggested spelling, and the hits or what to try when there are none. */
function Results({ state, data }: { state: SearchPageState; data: SearchResult }) {
  const { t } = useTranslation();
  return (
    <section className="results" aria-labelledby="results-count">
      <p id="results-count" role="status" aria-live="polite">
        {state.search.isFetching
          ? t("search.searching")
          : t(data.exhaustive ? "search.count" : "search.countAtLeast", { count: data.total })}
      </p>
      {data.didYouMean && (
        <p className="did-you-mean">
          {data.total === 0 ? t("search.didYouMean") : t("search.showingFor")}{" "}
          <Link to={`${paths.search}?q=${encodeURIComponent(data.didYouMean)}`}>{data.didYouMean}</Link>
          {data.total === 0 ? "?" : ""}
        </p>
      )}
      {data.total === 0 ? (
        <div className="empty">
          <p>{t("search.none", { q: state.q })}</p>
          <p>{t("search.tips")}</p>
        </div>
      ) : (
        <>
          <p className="visually-hidden">{t("search.keyboard")}</p>
          <Hits state={state} data={data} />
          <Pager state={state} />
        </>
      )}
    </section>
  );
}

export function SearchPage() {
  const { t } = useTranslation();
  const state = useSearchPage();
  const { q, search } = state;
  const data = search.data;
  return (
    <>
      <h1 tabIndex={-1}>{q ? t("search.resultsFor", { q }) : t("search.title")}</h1>
      <form className="filters" role="search" onSubmit={state.submit}>
        <div className="field field--grow">
          <label htmlFor="search-page-q">{t("search.label")}</label>
          <input
            id="search-page-q"
            type="search"
            value={state.draft}
            maxLength={200}
            onChange={(e) => state.setDraft(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </form>
      {!q && <p>{t("search.emptyQuery")}</p>}
      {q && search.isPending && <Loading />}
      {search.isError && <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />}
      {q && data && (
        <div className="search-layout">
          <Facets state={state} data={data} />
          <Results state={state} data={data} />
        </div>
      )}
    </>
  );
}
