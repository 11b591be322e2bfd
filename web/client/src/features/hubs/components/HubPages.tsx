import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { Blocks } from "../../../components/Blocks";
import { NeedsReview } from "../../../components/NeedsReview";
import { ErrorMessage, Loading, StaleNotice } from "../../../components/Status";
import { formatDate } from "../../../i18n";
import { useServiceAreas } from "../../../lib/reference";
import { useHub, usePage, type Event, type Page } from "../api/hubs";
import { paths } from "@soskes/domain/paths";

export function EventItem({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : `${i18n.language}-FI`;
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  }).format(new Date(event.startsAt));
  return (
    <li className="card" id={`tapahtuma-${event.id}`} tabIndex={-1}>
      <h3 className="card__title">{event.title}</h3>
      <p className="card__meta">
        <time dateTime={event.startsAt}>{when}</time>
        {event.location && <span>{event.location}</span>}
      </p>
      {event.summary && <p>{event.summary}</p>}
      <p className="actions">
        {event.onlineUrl && (
          <a href={event.onlineUrl} rel="noopener noreferrer">
            {t("hubs.online")}
          </a>
        )}
        {event.registrationUrl && (
          <a href={event.registrationUrl} rel="noopener noreferrer">
            {t("hubs.register")}
          </a>
        )}
      </p>
    </li>
  );
}

function References({ page }: { page: Page }) {
  const { t } = useTranslation();
  if (page.statuteReferences.length === 0) return null;
  return (
    <p className="note">
      {t("hubs.basedOn")}:{" "}
      {page.statuteReferences.map((r, i) => (
        <span key={`${r.statute}-${r.section}`}>
          {i > 0 && ", "}
          <Link to={`${paths.statute(r.statuteSlug)}#${r.anchor}`}>
            {r.shortName ?? r.statuteTitle} {r.section} §
          </Link>
        </span>
      ))}
    </p>
  );
}

export function ServiceAreasPage() {
  const { t, i18n } = useTranslation();
  const areas = useServiceAreas();
  const name = (a: { name: string; nameSv: string | null }) =>
    i18n.language === "sv" && a.nameSv ? a.nameSv : a.name;
  return (
    <>
      <h1 tabIndex={-1}>{t("hubs.title")}</h1>
      <p className="lead">{t("hubs.intro")}</p>
      {areas.isPending && <Loading />}
      {areas.isError && <ErrorMessage error={areas.error} onRetry={() => void areas.refetch()} />}
      {areas.data &&
        (["service", "support"] as const).map((kind) => (
          <section key={kind} aria-labelledby={`areas-${kind}`}>
            <h2 id={`areas-${kind}`}>{kind === "service" ? t("hubs.title") : t("hubs.support")}</h2>
            <ul className="cards">
              {areas.data
                .filter((a) => a.kind === kind)
                .map((a) => (
                  <li key={a.slug} className="card">
                    <h3 className="card__title">
                      <Link to={paths.serviceArea(a.slug)}>{name(a)}</Link>
                    </h3>
                  </li>
                ))}
            </ul>
          </section>
        ))}
    </>
  );
}

export function HubPage() {
  const { slug = "" } = useParams();
  const { t, i18n } = useTranslation();
  const hub = useHub(slug);
  if (hub.isPending) return <Loading />;
  if (hub.isError) return <ErrorMessage error={hub.error} onRetry={() => void hub.refetch()} />;
  const h = hub.data.data;
  return (
    <article>
      <StaleNotice stale={hub.data.stale} />
      <h1 tabIndex={-1}>{h.hub?.title ?? h.area.name}</h1>
      {h.area.kind === "service" && (
        <p>
          <Link className="button button--secondary" to={`/?palvelualue=${h.area.slug}`}>
            {t("hubs.findUnits")}
          </Link>
        </p>
      )}
      {h.hub ? (
        <>
          <Blocks blocks={h.hub.body} />
          <References page={h.hub} />
        </>
      ) : (
        h.area.description && <p className="lead">{h.area.description}</p>
      )}
      {h.pages.length > 0 && (
        <section aria-labelledby="hub-guides">
          <h2 id="hub-guides">{t("hubs.guides")}</h2>
          <ul>
            {h.pages.map((p) => (
              <li key={p.slug}>
                <Link to={paths.page(p.slug)}>{p.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {h.statutes.length > 0 && (
        <section aria-labelledby="hub-law">
          <h2 id="hub-law">{t("hubs.law")}</h2>
          <ul>
            {h.statutes.map((s) => (
              <li key={s.number}>
                <Link to={paths.statute(s.slug)}>
                  {s.title} ({s.number})
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {h.events.length > 0 && (
        <section aria-labelledby="hub-events">
          <h2 id="hub-events">{t("hubs.events")}</h2>
          <ul className="cards">
            {h.events.map((e) => (
              <EventItem key={e.id} event={e} />
            ))}
          </ul>
        </section>
      )}
      {h.news.length > 0 && (
        <section aria-labelledby="hub-news">
          <h2 id="hub-news">{t("hubs.news")}</h2>
          <ul>
            {h.news.map((n) => (
              <li key={n.slug}>
                <time dateTime={n.date}>{formatDate(n.date, i18n.language)}</time> – {n.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      {h.links.length > 0 && (
        <section aria-labelledby="hub-links">
          <h2 id="hub-links">{t("hubs.links")}</h2>
          <ul>
            {h.links.map((l) => (
              <li key={l.id}>
                {l.url ? (
                  <a href={l.url} rel="noopener noreferrer">
                    {l.title}
                  </a>
                ) : (
                  l.title
                )}
                {l.description && <span className="note"> – {l.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

export function ContentPage() {
  const { slug = "" } = useParams();
  const { t, i18n } = useTranslation();
  const page = usePage(slug);
  if (page.isPending) return <Loading />;
  if (page.isError) return <ErrorMessage error={page.error} onRetry={() => void page.refetch()} />;
  const p = page.data.data;
  return (
    <article>
      <StaleNotice stale={page.data.stale} />
      <h1 tabIndex={-1}>{p.title}</h1>
      <NeedsReview flags={p.needsReview} />
      {p.summary && <p className="lead">{p.summary}</p>}
      <Blocks blocks={p.body} />
      <References page={p} />
      {p.links.length > 0 && (
        <ul>
          {p.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="noopener noreferrer">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      {p.verifiedAt && (
        <p className="note">{t("directory.verified", { date: formatDate(p.verifiedAt, i18n.language) })}</p>
      )}
    </article>
  );
}
