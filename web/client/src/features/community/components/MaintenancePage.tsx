import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { FormError } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useResolveFlag, useReviewFlags, type Maintenance, type MaintenanceRecord } from "../api/community";
import { useMaintenanceReport } from "../hooks/use-maintenance-report";
import { paths } from "@soskes/domain/paths";

/** The maintainer guide's pages (created with the reference data, kept in Strapi). */
const GUIDE = ["toimipiste", "yhteyshenkilot", "aukioloajat", "hyva-sisalto", "tarkistaminen"] as const;

const shortDate = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { day: "numeric", month: "numeric", year: "numeric" }).format(
    new Date(iso.length === 10 ? `${iso}T12:00:00` : iso),
  );

function Summary({ summary }: { summary: Maintenance["summary"] }) {
  const { t } = useTranslation();
  const allGood = summary.due + summary.overdue + summary.incomplete + summary.brokenLinks === 0;
  const tiles: Array<[keyof Maintenance["summary"], boolean]> = [
    ["fresh", true],
    ["due", summary.due === 0],
    ["overdue", summary.overdue === 0],
    ["incomplete", summary.incomplete === 0],
    ["brokenLinks", summary.brokenLinks === 0],
  ];
  return (
    <>
      <p role="status" className={`alert ${allGood ? "alert--success" : "alert--warning"}`}>
        {allGood ? t("maintenance.allGood", { count: summary.records }) : t("maintenance.todo")}
      </p>
      <ul className="tiles">
        {tiles.map(([key, ok]) => (
          <li key={key} className={`tile ${ok ? "tile--ok" : "tile--todo"}`}>
            <span className="tile__value">{summary[key]}</span> {t(`maintenance.summary.${key}`)}
          </li>
        ))}
      </ul>
    </>
  );
}

function Flags() {
  const { t, i18n } = useTranslation();
  const flags = useReviewFlags();
  const resolve = useResolveFlag();
  if (flags.isPending || flags.error || flags.data.length === 0) return null;
  return (
    <section aria-labelledby="flags">
      <h2 id="flags">{t("maintenance.flagsTitle")}</h2>
      <ul className="cards">
        {flags.data.map((f) => (
          <li key={f.id} className="card">
            <p className="card__title">
              <Link to={f.url}>{f.title}</Link>
            </p>
            <p className="card__meta">
              {f.statute} {f.section} §
              {f.amendedOn
                ? ` – ${t("review.amended", { date: shortDate(f.amendedOn, i18n.language) })}`
                : ""}
            </p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={resolve.isPending}
              onClick={() => resolve.mutate(f.id)}
            >
              {t("maintenance.resolve")}
            </button>
          </li>
        ))}
      </ul>
      <FormError error={resolve.error} />
    </section>
  );
}

/** What needs doing, record by record, each with a link to its edit view in Strapi. */
function Records({ records }: { records: MaintenanceRecord[] }) {
  const { t, i18n } = useTranslation();
  if (records.length === 0) return null;
  return (
    <section aria-labelledby="to-check">
      <h2 id="to-check">{t("maintenance.listTitle")}</h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t("maintenance.listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("maintenance.columns.record")}</th>
              <th scope="col">{t("maintenance.columns.check")}</th>
              <th scope="col">{t("maintenance.columns.problems")}</th>
              <th scope="col">{t("maintenance.columns.edit")}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={`${r.type}:${r.documentId}`}>
                <th scope="row">
                  {r.name}
                  <br />
                  <span className="note">{t(`maintenance.types.${r.type}`)}</span>
                </th>
                <td>
                  {r.status !== "fresh" && r.dueOn && (
                    <span className={r.status === "overdue" ? "badge badge--mention" : "badge"}>
                      {t(`maintenance.status.${r.status}`, {
                        date: shortDate(r.dueOn, i18n.language),
                      })}
                    </span>
                  )}
                  {r.verifiedAt && (
                    <div className="note">
                      {t("directory.verified", { date: shortDate(r.verifiedAt, i18n.language) })}
                    </div>
                  )}
                </td>
                <td>
                  <ul className="plain">
                    {r.missing.map((m) => (
                      <li key={m}>{t(`maintenance.missing.${m}`)}</li>
                    ))}
                    {r.brokenLinks.map((l) => (
                      <li key={l.url}>
                        {t("maintenance.broken", {
                          why: l.status
                            ? `HTTP ${l.status}`
                            : t(`maintenance.linkErrors.${l.error ?? "unreachable"}`),
                        })}{" "}
                        <span className="break">{l.url}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <a href={r.editUrl} target="_blank" rel="noopener noreferrer">
                    {t("maintenance.editInStrapi")}
                    <span className="visually-hidden">
                      {" "}
                      – {r.name} ({t("search.external")})
                    </span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The maintainer dashboard: for the municipality a maintainer keeps (admins: any, or the whole
 * region), what needs attention — checks due or overdue, missing details, broken links, and
 * citations of amended statutes — each a link straight to its edit view in Strapi.
 */
export function MaintenancePage() {
  const { t } = useTranslation();
  const state = useMaintenanceReport();
  const { report } = state;
  return (
    <>
      <h1 tabIndex={-1}>{t("maintenance.title")}</h1>
      <p className="lead">{t("maintenance.intro")}</p>
      <nav aria-label={t("maintenance.guide")} className="links">
        <strong>{t("maintenance.guide")}:</strong>
        {GUIDE.map((slug) => (
          <Link key={slug} to={paths.page(`yllapitajan-opas-${slug}`)}>
            {t(`maintenance.guideLinks.${slug}`)}
          </Link>
        ))}
      </nav>
      {/* The choices depend on who asks: shown once the first answer says which municipalities. */}
      {report.data && (
        <div className="filters" role="group" aria-label={t("maintenance.filters")}>
          <div className="field">
            <label htmlFor="maintenance-municipality">{t("search.municipality")}</label>
            <select
              id="maintenance-municipality"
              value={state.municipality}
              onChange={(e) => state.setMunicipality(e.target.value)}
            >
              {state.wholeRegion && <option value="">{t("maintenance.wholeRegion")}</option>}
              {state.choices.map((code) => (
                <option key={code} value={code}>
                  {state.name(code)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="maintenance-area">{t("search.serviceArea")}</label>
            <select
              id="maintenance-area"
              value={state.serviceArea}
              onChange={(e) => state.setServiceArea(e.target.value)}
            >
              <option value="">{t("search.anyType")}</option>
              {state.areas.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {report.isPending ? (
        <Loading />
      ) : report.error ? (
        <ErrorMessage error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <Summary summary={report.data.summary} />
          <Flags />
          <Records records={report.data.records} />
        </>
      )}
    </>
  );
}
