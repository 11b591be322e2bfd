import { useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useMunicipalities, useServiceAreas } from "../../../lib/reference";
import { useSearch, type HitType } from "../../../lib/search";
import { HitLink } from "./HitLink";
import { Snippet } from "../../../components/Snippet";
import { paths } from "@soskes/domain/paths";

const PAGE = 20;

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

export function SearchPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // The API takes at most 200 characters; a longer link is searched by its beginning.
  const q = (params.get("q") ?? "").slice(0, 200);
  const type = params.get("tyyppi") ?? "";
  const municipality = params.get("kunta") ?? "";
  const serviceArea = params.get("palvelualue") ?? "";
  const page = Math.max(1, Number(params.get("sivu")) || 1);
  const [draft, setDraft] = useState(q);
  const municipalities = useMunicipalities();
  const areas = useServiceAreas();
  const search = useSearch({
    q,
    type: type || undefined,
    municipality: municipality || undefined,
    serviceArea: serviceArea || undefined,
    limit: PAGE,
    offset: (page - 1) * PAGE,
  });
  const sv = i18n.language === "sv";
  const municipalityName = (code: string) => {
    const m = municipalities.data?.find((x) => x.code === code);
    return (sv && m?.nameSv) || m?.name || code;
  };
  const areaName = (slug: string) => {
    const a = areas.data?.find((x) => x.slug === slug);
    return (sv && a?.nameSv) || a?.name || slug;
  };

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("sivu" in changes)) next.delete("sivu");
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() });
  };

  const data = search.data;
  const pages = data ? Math.ceil(Math.min(data.total, 1000) / PAGE) : 0;
  const facet = (name: "type" | "municipality" | "serviceArea") =>
    Object.entries(data?.facets[name] ?? {}).sort((a, b) => b[1] - a[1]);
  const filtered = Boolean(type || municipality || serviceArea);

  return (
    <>
      <h1 tabIndex={-1}>{q ? t("search.resultsFor", { q }) : t("search.title")}</h1>
      <form className="filters" role="search" onSubmit={submit}>
        <div className="field field--grow">
          <label htmlFor="search-page-q">{t("search.label")}</label>
          <input
            id="search-page-q"
            type="search"
            value={draft}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
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
          <aside className="facets" aria-labelledby="facets-title">
            <h2 id="facets-title">{t("search.filters")}</h2>
            <FacetSelect
              label={t("search.type")}
              value={type}
              counts={type ? [[type, data.facets.type[type] ?? 0]] : facet("type")}
              name={(key) => t(`search.types.${key as HitType}`)}
              onChange={(value) => update({ tyyppi: value })}
            />
            <FacetSelect
              label={t("search.municipality")}
              value={municipality}
              counts={facet("municipality")}
              name={municipalityName}
              onChange={(value) => update({ kunta: value })}
            />
            <FacetSelect
              label={t("search.serviceArea")}
              value={serviceArea}
              counts={facet("serviceArea")}
              name={areaName}
              onChange={(value) => update({ palvelualue: value })}
            />
            {filtered && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => update({ tyyppi: "", kunta: "", palvelualue: "" })}
              >
                {t("search.clear")}
              </button>
            )}
          </aside>
          <section className="results" aria-labelledby="results-count">
            <p id="results-count" role="status" aria-live="polite">
              {search.isFetching
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
                <p>{t("search.none", { q })}</p>
                <p>{t("search.tips")}</p>
              </div>
            ) : (
              <>
                <p className="visually-hidden">{t("search.keyboard")}</p>
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
                              ? hit.municipalityCodes.map(municipalityName).join(", ")
                              : "",
                            hit.serviceArea ? areaName(hit.serviceArea) : "",
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </p>
                      )}
                    </li>
                  ))}
                </ol>
                {pages > 1 && (
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
                )}
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}
