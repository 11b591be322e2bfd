import { Suspense, lazy, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Navigate, Outlet, useLocation, useMatches } from "react-router-dom";
import { useLogout, useMe, useProviders } from "../features/auth/api/me";
import { useGroups } from "../features/groups/api/groups";

// The realtime client loads after the page, for signed-in members only.
const SurveyInvitation = lazy(() =>
  import("../features/community/components/SurveyPages").then((m) => ({ default: m.SurveyInvitation })),
);
const Bell = lazy(() => import("../features/inbox/components/Bell").then((m) => ({ default: m.Bell })));
const GroupNotifications = lazy(() =>
  import("../features/groups/components/Notifications").then((m) => ({ default: m.GroupNotifications })),
);
import { LANGUAGES, setLanguage, type Lang } from "../i18n";
import { queryClient } from "../lib/query-client";
import { ErrorMessage, Loading } from "../components/Status";
import { HeaderSearch } from "../features/search/components/HeaderSearch";
import { paths } from "@soskes/domain/paths";

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

/**
 * After navigating to a link with a #fragment (/lait/417-2007#pykala-25; search hits point at
 * sections, contacts, events and news items), scrolls to and focuses the target once the page
 * has rendered it — unless the reader has meanwhile started typing somewhere.
 */
function useHashTarget() {
  const { hash, pathname } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const id = decodeURIComponent(hash.slice(1));
    let tries = 0;
    const timer = setInterval(() => {
      const target = document.getElementById(id);
      const typing = document.activeElement instanceof HTMLInputElement;
      if (target || typing || ++tries > 40) clearInterval(timer);
      if (target && !typing) {
        target.scrollIntoView({ block: "start" });
        target.focus({ preventScroll: true });
      }
    }, 100);
    return () => clearInterval(timer);
  }, [hash, pathname]);
}

export function Shell({ requireLogin }: { requireLogin: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const location = useLocation();
  const main = useFocusOnNavigate();
  useHashTarget();
  const providers = useProviders();
  const matches = useMatches();
  const kind = (matches.at(-1)?.handle as { content?: string } | undefined)?.content;
  const publicContent = providers.data?.publicContent ?? [];

  if (me.isPending || (requireLogin && !me.data && providers.isPending)) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />;
  // A closed extranet: visitors see only what the server's configuration makes public.
  // Search is open to visitors as soon as anything is public; results hold only that.
  const visitorMay =
    kind === "public" ||
    (kind === "search" ? publicContent.length > 0 : Boolean(kind && publicContent.includes(kind)));
  if (requireLogin && !me.data && !visitorMay) {
    return (
      <Navigate
        to={`${paths.login}?seuraava=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  }
  if (!requireLogin && me.data) return <Navigate to={paths.home} replace />;

  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to={me.data ? paths.home : paths.directory} className="brand">
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </Link>
          {(me.data || (requireLogin && publicContent.length > 0)) && <HeaderSearch />}
          <LanguageSwitcher />
          {!me.data && requireLogin && (
            <Link className="button button--secondary" to={paths.login}>
              {t("auth.submit")}
            </Link>
          )}
          {me.data && (
            <Suspense fallback={null}>
              <Bell />
            </Suspense>
          )}
          {me.data && (
            <div className="user">
              <span>{t("app.loggedInAs", { name: me.data.name })}</span>
              <button type="button" className="button button--secondary" onClick={() => logout.mutate()}>
                {t("app.logout")}
              </button>
            </div>
          )}
        </div>
        {!me.data && requireLogin && publicContent.length > 0 && (
          <nav aria-label={t("app.nav.label")} className="nav">
            {publicContent.includes("directory") && (
              <NavLink to={paths.directory} end>
                {t("app.nav.directory")}
              </NavLink>
            )}
            {publicContent.includes("service-areas") && (
              <NavLink to={paths.serviceAreas}>{t("hubs.nav")}</NavLink>
            )}
            {publicContent.includes("statutes") && <NavLink to={paths.statutes}>{t("app.nav.law")}</NavLink>}
            {publicContent.includes("events") && <NavLink to={paths.events}>{t("hubs.navEvents")}</NavLink>}
            {publicContent.includes("news") && <NavLink to={paths.news}>{t("hubs.navNews")}</NavLink>}
          </nav>
        )}
        {me.data && (
          <nav aria-label={t("app.nav.label")} className="nav">
            <NavLink to={paths.home}>{t("home.nav")}</NavLink>
            <NavLink to={paths.directory} end>
              {t("app.nav.directory")}
            </NavLink>
            <NavLink to={paths.serviceAreas}>{t("hubs.nav")}</NavLink>
            <NavLink to={paths.statutes}>{t("app.nav.law")}</NavLink>
            <NavLink to={paths.events}>{t("hubs.navEvents")}</NavLink>
            <NavLink to={paths.news}>{t("hubs.navNews")}</NavLink>
            <NavLink to={paths.people}>{t("people.nav")}</NavLink>
            <GroupsLink />
            <NavLink to={paths.consultations}>{t("consult.nav")}</NavLink>
            <NavLink to={paths.answers}>{t("answers.nav")}</NavLink>
            <NavLink to={paths.notices}>{t("notices.nav")}</NavLink>
            <NavLink to={paths.account}>{t("account.profileTitle")}</NavLink>
            {me.data.abilities.manageUsers && <NavLink to={paths.adminUsers}>{t("admin.nav")}</NavLink>}
            {me.data.abilities.administer && (
              <>
                <NavLink to={paths.adminConsultations}>{t("consultAdmin.nav")}</NavLink>
                <NavLink to={paths.adminFeedback}>{t("feedbackAdmin.nav")}</NavLink>
                <NavLink to={paths.adminSurveys}>{t("survey.nav")}</NavLink>
                <NavLink to={paths.adminUsage}>{t("usage.nav")}</NavLink>
              </>
            )}
            {me.data.abilities.maintainContent && (
              <NavLink to={paths.maintenance}>{t("maintenance.nav")}</NavLink>
            )}
          </nav>
        )}
      </header>
      <main id="main" ref={main} className="main">
        {me.data && location.pathname !== paths.survey && (
          <Suspense fallback={null}>
            <SurveyInvitation />
          </Suspense>
        )}
        <Outlet context={me.data} />
        {me.data && (
          <Suspense fallback={null}>
            <GroupNotifications />
          </Suspense>
        )}
      </main>
      <footer className="footer">
        <Link to={paths.accessibility}>{t("accessibility.title")}</Link>
        <Link to={`${paths.feedback}?sivu=${encodeURIComponent(location.pathname)}`}>
          {t("feedback.title")}
        </Link>
      </footer>
    </>
  );
}

/** eKollega in the menu, with the number of unread messages across the member's groups. */
function GroupsLink() {
  const { t } = useTranslation();
  const groups = useGroups();
  const unread = (groups.data ?? []).reduce((sum, g) => sum + g.unread, 0);
  return (
    <NavLink to={paths.groups}>
      {t("groups.nav")}
      {unread > 0 && (
        <span className="badge" aria-label={t("groups.unread", { count: unread })}>
          {unread}
        </span>
      )}
    </NavLink>
  );
}
