import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage, Loading, StaleNotice } from "../../../components/Status";
import { useStatutes } from "../../../lib/statutes";
import { paths } from "@soskes/domain/paths";

export function StatutesPage() {
  const { t, i18n } = useTranslation();
  const statutes = useStatutes();
  return (
    <>
      <h1 tabIndex={-1}>{t("law.title")}</h1>
      <p className="lead">{t("law.intro")}</p>
      {statutes.isPending && <Loading />}
      {statutes.isError && <ErrorMessage error={statutes.error} onRetry={() => void statutes.refetch()} />}
      {statutes.data && (
        <>
          <StaleNotice stale={statutes.data.stale} />
          <ul className="cards">
            {statutes.data.data.map((s) => (
              <li key={s.number} className="card">
                <h2 className="card__title">
                  <Link to={paths.statute(s.slug)}>
                    {i18n.language === "sv" && s.titleSv ? s.titleSv : s.title}
                  </Link>
                </h2>
                <p className="card__meta">
                  <span className="badge">{s.number}</span>
                  {s.shortName && <span>{s.shortName}</span>}
                  {s.sectionCount > 0 && <span>{t("law.sections", { count: s.sectionCount })}</span>}
                </p>
                {s.summary && <p>{s.summary}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
