import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useOutletContext } from "react-router-dom";
import { paths } from "@soskes/domain/paths";
import { ErrorMessage, Loading } from "../../components/Status";
import { telHref } from "../../lib/tel";
import type { Me } from "../../lib/wire";
import { useHome, type HomeState } from "./use-home";

/** "ma 14.12." — a weekday and a date, as Finns write a near one. */
const shortDay = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "numeric" }).format(
    new Date(iso.length === 10 ? `${iso}T12:00:00` : iso),
  );

/** One card: a heading, its content or what will appear there, and the way to everything. */
function Card(props: {
  id: string;
  title: string;
  query: { isPending: boolean; error: Error | null };
  empty: string;
  count: number;
  more?: { to: string; label: string };
  children: ReactNode;
}) {
  return (
    <section className="card home-card" aria-labelledby={props.id}>
      <h2 id={props.id} className="home-card__title">
        {props.title}
      </h2>
      {props.query.isPending ? (
        <Loading />
      ) : props.query.error ? (
        <ErrorMessage error={props.query.error} />
      ) : props.count === 0 ? (
        <p className="note">{props.empty}</p>
      ) : (
        props.children
      )}
      {props.more && (
        <p className="home-card__more">
          <Link to={props.more.to}>{props.more.label}</Link>
        </p>
      )}
    </section>
  );
}

function Emergency({ home }: { home: HomeState }) {
  const { t } = useTranslation();
  if (!home.emergency) return null;
  const { unit, phone } = home.emergency;
  return (
    <p className="home-emergency">
      <span>{phone.label ?? unit.name}</span>{" "}
      <a className="button" href={telHref(phone.number)}>
        {t("home.call", { number: phone.number })}
      </a>
    </p>
  );
}

function Groups({ home }: { home: HomeState }) {
  const { t } = useTranslation();
  const { query, unread } = home.groups;
  return (
    <Card
      id="home-groups"
      title={t("home.groups")}
      query={query}
      count={unread.length}
      empty={t("home.groupsEmpty")}
      more={{ to: paths.groups, label: t("home.allGroups") }}
    >
      <ul className="plain home-list">
        {unread.map((g) => (
          <li key={g.id}>
            <Link to={paths.group(g.id)}>{g.name}</Link>{" "}
            <span className="badge">{t("home.unread", { count: g.unread })}</span>
            {g.mentions > 0 && (
              <span className="badge badge--mention">{t("home.mentions", { count: g.mentions })}</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Consultations({ home }: { home: HomeState }) {
  const { t, i18n } = useTranslation();
  const { query, open, seated, waiting } = home.consultations;
  return (
    <Card
      id="home-consultations"
      title={t("home.consultations")}
      query={query}
      count={open.length + (seated ? 1 : 0)}
      empty={t("home.consultationsEmpty")}
      more={{ to: paths.consultations, label: t("home.allConsultations") }}
    >
      <ul className="plain home-list">
        {open.map((c) => (
          <li key={c.id}>
            <Link to={paths.consultation(c.id)}>{c.topic}</Link>{" "}
            <span className={c.overdue ? "badge badge--mention" : "badge"}>
              {t(`consult.status.${c.status}`)}
            </span>{" "}
            {c.status !== "answered" && (
              <span className="note">{t("home.due", { date: shortDay(c.dueOn, i18n.language) })}</span>
            )}
          </li>
        ))}
        {seated && (
          <li>
            <Link to={paths.consultations}>{t("home.waiting", { count: waiting })}</Link>
          </li>
        )}
      </ul>
    </Card>
  );
}

function Maintenance({ home }: { home: HomeState }) {
  const { t } = useTranslation();
  const report = home.maintenance;
  if (!report) return null;
  const dueCount = report.data ? report.data.summary.due + report.data.summary.overdue : 0;
  return (
    <Card
      id="home-maintenance"
      title={t("home.maintenance")}
      query={report}
      count={dueCount}
      empty={t("home.maintenanceEmpty")}
      more={{ to: paths.maintenance, label: t("home.openMaintenance") }}
    >
      <p>
        {t("home.due_records", { count: report.data?.summary.due ?? 0 })}
        {(report.data?.summary.overdue ?? 0) > 0 && (
          <>
            {" "}
            <span className="badge badge--mention">
              {t("home.overdue_records", { count: report.data!.summary.overdue })}
            </span>
          </>
        )}
      </p>
    </Card>
  );
}

function KeyUnits({ home }: { home: HomeState }) {
  const { t } = useTranslation();
  if (!home.municipality) return null;
  return (
    <Card
      id="home-units"
      title={t("home.units")}
      query={home.units.query}
      count={home.units.key.length}
      empty={t("home.unitsEmpty")}
      more={{ to: `${paths.directory}?kunta=${home.municipality}`, label: t("home.allUnits") }}
    >
      <ul className="plain home-list">
        {home.units.key.map((u) => {
          const phone = u.phones[0];
          return (
            <li key={u.id} className="home-unit">
              <Link to={paths.unit(u.id)}>{u.name}</Link>
              {phone && (
                <a className="button button--secondary button--small" href={telHref(phone.number)}>
                  {t("home.call", { number: phone.number })}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/** A card of links, each with an optional note beside it (a date). */
function LinksCard(props: {
  id: string;
  title: string;
  query: { isPending: boolean; error: Error | null };
  empty: string;
  more: { to: string; label: string };
  links: Array<{ key: string | number; to: string; label: string; note?: string }>;
}) {
  return (
    <Card {...props} count={props.links.length}>
      <ul className="plain home-list">
        {props.links.map((l) => (
          <li key={l.key}>
            <Link to={l.to}>{l.label}</Link>
            {l.note && <span className="note"> {l.note}</span>}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Current({ home }: { home: HomeState }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <LinksCard
        id="home-events"
        title={t("home.events")}
        query={home.events.query}
        empty={t("home.eventsEmpty")}
        more={{ to: paths.events, label: t("home.allEvents") }}
        links={home.events.next.map((e) => ({
          key: e.id,
          to: `${paths.events}#tapahtuma-${e.id}`,
          label: e.title,
          note: shortDay(e.startsAt, i18n.language),
        }))}
      />
      <LinksCard
        id="home-news"
        title={t("home.news")}
        query={home.news.query}
        empty={t("home.newsEmpty")}
        more={{ to: paths.news, label: t("home.allNews") }}
        links={home.news.latest.map((n) => ({
          key: n.slug,
          to: `${paths.news}#uutinen-${n.slug}`,
          label: n.title,
        }))}
      />
      <LinksCard
        id="home-notices"
        title={t("home.notices")}
        query={home.notices.query}
        empty={t("home.noticesEmpty")}
        more={{ to: paths.notices, label: t("home.allNotices") }}
        links={home.notices.latest.map((n) => ({ key: n.id, to: paths.notice(n.id), label: n.title }))}
      />
    </>
  );
}

/**
 * Minulle: the home after login. What needs the member today comes first (unread messages,
 * their requests and due dates, records to check), then what is current, then the numbers they
 * call most; the county's 24/7 social emergency number is always in view.
 */
export function MinullePage() {
  const me = useOutletContext<Me | null | undefined>();
  return me ? <HomePage me={me} /> : null;
}

export function HomePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const home = useHome(me);
  return (
    <>
      <h1 tabIndex={-1}>{t("home.title", { name: me.name.split(" ")[0] })}</h1>
      <Emergency home={home} />
      <div className="home-grid">
        <Groups home={home} />
        <Consultations home={home} />
        <Maintenance home={home} />
        <KeyUnits home={home} />
        <Current home={home} />
      </div>
    </>
  );
}
