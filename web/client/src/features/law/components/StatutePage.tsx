import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ErrorMessage, Loading, StaleNotice } from "../../../components/Status";
import { formatDate } from "../../../i18n";
import { useStatute } from "../../../lib/statutes";
import { paths } from "@soskes/domain/paths";

export function StatutePage() {
  const { slug = "" } = useParams();
  const { t, i18n } = useTranslation();
  const statute = useStatute(slug);

  if (statute.isPending) return <Loading />;
  if (statute.isError) return <ErrorMessage error={statute.error} onRetry={() => void statute.refetch()} />;
  const s = statute.data.data;
  const sv = i18n.language === "sv";
  return (
    <article>
      <StaleNotice stale={statute.data.stale} />
      <p>
        <Link to={paths.statutes}>← {t("law.back")}</Link>
      </p>
      <h1 tabIndex={-1}>
        {sv && s.titleSv ? s.titleSv : s.title} <span className="muted">({s.number})</span>
      </h1>
      <p className="card__meta">
        {s.shortName && <span className="badge">{s.shortName}</span>}
        {s.inForceFrom && <span>{t("law.inForce", { date: formatDate(s.inForceFrom, i18n.language) })}</span>}
      </p>
      {s.summary && <p className="lead">{s.summary}</p>}
      {s.aliases.length > 0 && <p className="note">{t("law.alsoKnown", { list: s.aliases.join(", ") })}</p>}
      {s.finlexUrl && (
        <p>
          <a href={s.finlexUrl} rel="noopener noreferrer">
            {t("law.finlex")}
          </a>
        </p>
      )}
      <h2>{t("law.keySections")}</h2>
      {s.sections.length === 0 ? (
        <p>{t("law.noSections")}</p>
      ) : (
        <ol className="sections">
          {s.sections.map((sec) => (
            <li key={sec.number} id={sec.anchor} tabIndex={-1} className="section">
              <h3>
                <a href={`#${sec.anchor}`} className="section__anchor">
                  {sec.number} §
                </a>{" "}
                {sv && sec.titleSv ? sec.titleSv : sec.title}
              </h3>
              {sec.summary && <p>{sec.summary}</p>}
              {sec.amendedOn && (
                <p className="note">{t("law.amended", { date: formatDate(sec.amendedOn, i18n.language) })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
