import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Navigate, Outlet, useLocation } from "react-router-dom";
import { useLogout, useMe } from "../features/auth/api/me";
import { LANGUAGES, setLanguage, type Lang } from "../i18n";
import { queryClient } from "../lib/query-client";
import { ErrorMessage, Loading } from "../components/Status";

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang">
      <label htmlFor="language">{t("app.language")}</label>
      <select
        id="language"
        value={i18n.language}
        onChange={(e) => {
          setLanguage(e.target.value as Lang);
          // Content comes from the server in the reader's language: fetch it again.
          void queryClient.invalidateQueries();
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Moves focus to the main heading after navigation, so screen readers hear the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.querySelector("h1")?.focus();
  }, [location.pathname]);
  return main;
}

export function Shell({ requireLogin }: { requireLogin: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const location = useLocation();
  const main = useFocusOnNavigate();

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  if (requireLogin && !me.data) {
    return (
      <Navigate
        to={`/kirjaudu?seuraava=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  }
  if (!requireLogin && me.data) return <Navigate to="/" replace />;

  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </Link>
          <LanguageSwitcher />
          {me.data && (
            <div className="user">
              <span>{t("app.loggedInAs", { name: me.data.name })}</span>
              <button type="button" className="button button--secondary" onClick={() => logout.mutate()}>
                {t("app.logout")}
              </button>
            </div>
          )}
        </div>
        {me.data && (
          <nav aria-label={t("app.nav.label")} className="nav">
            <NavLink to="/" end>
              {t("app.nav.directory")}
            </NavLink>
            <NavLink to="/palvelualueet">{t("hubs.nav")}</NavLink>
            <NavLink to="/lait">{t("app.nav.law")}</NavLink>
            <NavLink to="/tapahtumat">{t("hubs.navEvents")}</NavLink>
            <NavLink to="/uutiset">{t("hubs.navNews")}</NavLink>
            <NavLink to="/ihmiset">{t("people.nav")}</NavLink>
            <NavLink to="/oma-tili">{t("account.profileTitle")}</NavLink>
            {me.data.abilities.manageUsers && <NavLink to="/yllapito/kayttajat">{t("admin.nav")}</NavLink>}
          </nav>
        )}
      </header>
      <main id="main" ref={main} className="main">
        <Outlet />
      </main>
    </>
  );
}
