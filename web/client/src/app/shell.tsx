import { Suspense, lazy, useEffect, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { Me } from "../lib/wire";
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

function LanguageSwitcher({ id = "language" }: { id?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang">
      <label htmlFor={id}>{t("app.language")}</label>
      <select
        id={id}
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
  useDocumentTitle(main);
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
      <header className={me.data ? "header header--member" : "header"}>
        <div className="header__inner">
          <Link to={me.data ? paths.home : paths.directory} className="brand">
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </Link>
          {(me.data || (requireLogin && publicContent.length > 0)) && (
            <>
              <HeaderSearch />
              <Link to={paths.search} className="header__icon phone-only" aria-label={t("search.title")}>
                <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" focusable="false">
                  <path
                    fill="currentColor"
                    d="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3Zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10Z"
                  />
                </svg>
              </Link>
            </>
          )}
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
          <nav aria-label={t("app.nav.label")} className="nav desktop-only">
            {memberMenu(t, me.data.abilities).map((entry) =>
              entry === "groups" ? (
                <GroupsLink key="groups" />
              ) : (
                <NavLink key={entry.to} to={entry.to} end={entry.end}>
                  {entry.label}
                </NavLink>
              ),
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
      {me.data && <TabBar name={me.data.name} onLogout={() => logout.mutate()} />}
      <footer className="footer">
        <Link to={paths.accessibility}>{t("accessibility.title")}</Link>
        <Link to={`${paths.feedback}?sivu=${encodeURIComponent(location.pathname)}`}>
          {t("feedback.title")}
        </Link>
      </footer>
    </>
  );
}

/**
 * On phones: the five places a social worker goes most, always one tap away at the bottom of the
 * screen, and "Lisää" for the rest of the menu, the language and logging out.
 */
function TabBar({ name, onLogout }: { name: string; onLogout: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const sheet = useRef<HTMLDivElement>(null);
  // Any navigation closes the sheet.
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    sheet.current?.querySelector("a")?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="phone-only">
      {open && (
        <div className="sheet" id="more-menu" ref={sheet}>
          <MoreLinks />
          <LanguageSwitcher id="language-more" />
          <p className="note">{t("app.loggedInAs", { name })}</p>
          <button type="button" className="button button--secondary" onClick={onLogout}>
            {t("app.logout")}
          </button>
        </div>
      )}
      <nav className="tabbar" aria-label={t("app.nav.quick")}>
        <NavLink to={paths.home}>{t("home.nav")}</NavLink>
        <NavLink to={paths.search}>{t("app.nav.search")}</NavLink>
        <NavLink to={paths.directory} end>
          {t("app.nav.directoryShort")}
        </NavLink>
        <GroupsLink />
        <NavLink to={paths.consultations}>{t("consult.nav")}</NavLink>
        <button
          type="button"
          className={open ? "tabbar__more active" : "tabbar__more"}
          aria-expanded={open}
          aria-controls="more-menu"
          onClick={() => setOpen((o) => !o)}
        >
          {t("app.nav.more")}
        </button>
      </nav>
    </div>
  );
}

/** The rest of the menu, in the phone's "Lisää" sheet: all but the tabs, the inbox first. */
function MoreLinks() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  const inTabs = new Set<string>([paths.home, paths.directory, paths.consultations]);
  const entries = [
    { to: paths.inbox, label: t("inbox.nav") },
    ...memberMenu(t, me.abilities).filter((e): e is MenuEntry => e !== "groups" && !inTabs.has(e.to)),
  ];
  return (
    <ul className="plain sheet__links">
      {entries.map((entry) => (
        <li key={entry.to}>
          <Link to={entry.to}>{entry.label}</Link>
        </li>
      ))}
    </ul>
  );
}

type MenuEntry = { to: string; label: string; end?: boolean };

/**
 * The member's menu, in order, from their abilities: the wide screen's navigation lists it all,
 * the phone's "Lisää" sheet what the tabs do not hold. `"groups"` is eKollega with its unread count.
 */
function memberMenu(t: TFunction, abilities: Me["abilities"]): Array<MenuEntry | "groups"> {
  return [
    { to: paths.home, label: t("home.nav") },
    { to: paths.directory, label: t("app.nav.directory"), end: true },
    { to: paths.serviceAreas, label: t("hubs.nav") },
    { to: paths.statutes, label: t("app.nav.law") },
    { to: paths.events, label: t("hubs.navEvents") },
    { to: paths.news, label: t("hubs.navNews") },
    { to: paths.people, label: t("people.nav") },
    "groups",
    { to: paths.consultations, label: t("consult.nav") },
    { to: paths.answers, label: t("answers.nav") },
    { to: paths.notices, label: t("notices.nav") },
    { to: paths.account, label: t("account.profileTitle") },
    ...(abilities.manageUsers ? [{ to: paths.adminUsers, label: t("admin.nav") }] : []),
    ...(abilities.administer
      ? [
          { to: paths.adminConsultations, label: t("consultAdmin.nav") },
          { to: paths.adminFeedback, label: t("feedbackAdmin.nav") },
          { to: paths.adminSurveys, label: t("survey.nav") },
          { to: paths.adminUsage, label: t("usage.nav") },
        ]
      : []),
    ...(abilities.maintainContent ? [{ to: paths.maintenance, label: t("maintenance.nav") }] : []),
  ];
}

/**
 * Names the browser tab after the page: its main heading and the portal ("Lastensuojelulaki –
 * SosKes"), following the heading as the page loads its data.
 */
function useDocumentTitle(main: RefObject<HTMLElement | null>) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useEffect(() => {
    const root = main.current;
    if (!root) return;
    const apply = () => {
      const heading = root.querySelector("h1")?.textContent?.trim();
      document.title = heading ? `${heading} – ${t("app.name")}` : t("app.name");
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [main, pathname, t]);
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
