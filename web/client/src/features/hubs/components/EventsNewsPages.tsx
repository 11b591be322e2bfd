import { useTranslation } from "react-i18next";
import { Blocks } from "../../../components/Blocks";
import { ErrorMessage, Loading, StaleNotice } from "../../../components/Status";
import { formatDate } from "../../../i18n";
import { useServiceAreas } from "../../../lib/reference";
import { useCalendarUrls, useEvents, useNews } from "../api/hubs";
import { EventItem } from "./HubPages";

export function EventsPage() {
  const { t } = useTranslation();
  const events = useEvents();
  const urls = useCalendarUrls();
  const areas = useServiceAreas();
  return (
    <>
      <h1 tabIndex={-1}>{t("hubs.eventsTitle")}</h1>
      {events.isPending && <Loading />}
      {events.isError && <ErrorMessage error={events.error} onRetry={() => void events.refetch()} />}
      {events.data && (
        <>
          <StaleNotice stale={events.data.stale} />
          {events.data.data.length === 0 ? (
            <p>{t("hubs.noEvents")}</p>
          ) : (
            <ul className="cards">
              {events.data.data.map((e) => (
                <EventItem key={e.id} event={e} />
              ))}
            </ul>
          )}
        </>
      )}
      {urls.data && (
        <section aria-labelledby="subscribe" className="auth auth--inline">
          <h2 id="subscribe">{t("hubs.subscribe")}</h2>
          <p>{t("hubs.subscribeIntro")}</p>
          <ul className="plain">
            <li>
              <a href={urls.data.personal}>{t("hubs.personalFeed")}</a>
            </li>
            {areas.data
              ?.filter((a) => a.kind === "service")
              .map((a) => (
                <li key={a.slug}>
                  <a href={`${urls.data.byServiceArea}${a.slug}`}>{a.name}</a>
                </li>
              ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function NewsPage() {
  const { t, i18n } = useTranslation();
  const news = useNews();
  return (
    <>
      <h1 tabIndex={-1}>{t("hubs.newsTitle")}</h1>
      {news.isPending && <Loading />}
      {news.isError && <ErrorMessage error={news.error} onRetry={() => void news.refetch()} />}
      {news.data && (
        <>
          <StaleNotice stale={news.data.stale} />
          {news.data.data.length === 0 && <p>{t("hubs.noNews")}</p>}
          {news.data.data.map((n) => (
            <article key={n.slug} className="card news" id={`uutinen-${n.slug}`} tabIndex={-1}>
              <h2 className="card__title">{n.title}</h2>
              <p className="card__meta">
                <time dateTime={n.date}>{formatDate(n.date, i18n.language)}</time>
              </p>
              {n.summary && <p className="lead">{n.summary}</p>}
              <Blocks blocks={n.body} headingOffset={1} />
            </article>
          ))}
        </>
      )}
    </>
  );
}
