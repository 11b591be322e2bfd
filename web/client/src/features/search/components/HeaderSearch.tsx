import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useDebounced, useSearch, type Hit } from "../../../lib/search";
import { isExternal } from "./HitLink";
import { Snippet } from "../../../components/Snippet";
import { paths } from "@soskes/domain/paths";

const resultsUrl = (q: string) => `${paths.search}?q=${encodeURIComponent(q.trim())}`;

/**
 * Search as you type, in the header of every page: an ARIA combobox whose list shows the best
 * hits and a way to all results. Requests wait for a pause in typing and an older request is
 * cancelled by a newer one.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const blurTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(value, 150);
  const search = useSearch({ q, limit: 6, partial: true }, open);
  // Hits of an older query (still typing, or the newer answer not in yet) are not offered:
  // Enter or an arrow key must never open something the list no longer means.
  const current = q === value && !search.isPlaceholderData;
  const hits = open && q.trim() && current ? (search.data?.hits ?? []) : [];
  const showList = open && value.trim().length > 0;
  const optionCount = hits.length + 1;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const go = (hit: Hit) => {
    close();
    input.current?.blur();
    if (isExternal(hit)) window.open(hit.url, "_blank", "noopener,noreferrer");
    else void navigate(hit.url);
  };
  const goToResults = (query = value) => {
    if (!query.trim()) return;
    close();
    input.current?.blur();
    void navigate(resultsUrl(query));
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (active >= 0 && active < hits.length) go(hits[active]!);
    else goToResults();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % optionCount);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? optionCount - 1 : a - 1));
    } else if (event.key === "Escape") {
      if (showList) close();
      else setValue("");
    }
  };

  return (
    <form className="site-search" role="search" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor={`${id}-input`}>
        {t("search.label")}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        placeholder={t("search.placeholder")}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => {
          clearTimeout(blurTimer.current);
          setOpen(true);
        }}
        onBlur={() => {
          // Closing waits a moment so a click on an option lands; coming back cancels it.
          blurTimer.current = setTimeout(close, 150);
        }}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button">
        {t("search.submit")}
      </button>
      <div className="site-search__popup" hidden={!showList}>
        <p className="site-search__status" role="status" aria-live="polite">
          {search.isFetching || !current
            ? t("search.searching")
            : search.data && q.trim()
              ? search.data.total === 0
                ? t("search.none", { q })
                : t(search.data.exhaustive ? "search.count" : "search.countAtLeast", {
                    count: search.data.total,
                  })
              : ""}
        </p>
        <ul id={listId} role="listbox" aria-label={t("search.label")} className="site-search__list">
          {hits.map((hit, i) => (
            <li
              key={`${hit.type}:${hit.id}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="site-search__option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(hit)}
            >
              <span className="hit__type">{t(`search.types.${hit.type}`)}</span>
              <span className="site-search__title">{hit.title}</span>
              <span className="site-search__snippet">
                <Snippet html={hit.snippet} />
              </span>
            </li>
          ))}
          <li
            id={`${id}-opt-${hits.length}`}
            role="option"
            aria-selected={active === hits.length}
            className="site-search__option site-search__option--all"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => goToResults()}
          >
            {current && search.data?.didYouMean && search.data.total === 0
              ? `${t("search.didYouMean")}: ${search.data.didYouMean}?`
              : current && search.data
                ? t("search.all", { count: search.data.total })
                : t("search.allPending")}
          </li>
        </ul>
      </div>
    </form>
  );
}
