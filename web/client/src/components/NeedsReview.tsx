import { sectionAnchorOf, statutePath } from "@soskes/chat/client";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { OpenFlag } from "../lib/wire";

export type ReviewFlag = OpenFlag;

/** "Needs review": a section this page or answer cites has been amended since it was checked. */
export function NeedsReview({ flags }: { flags: ReviewFlag[] | undefined }) {
  const { t, i18n } = useTranslation();
  if (!flags || flags.length === 0) return null;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { day: "numeric", month: "numeric", year: "numeric" }).format(
      new Date(`${iso}T12:00:00`),
    );
  return (
    <div className="alert alert--warning" role="note">
      <p>
        <strong>{t("review.title")}</strong> {t("review.explain")}
      </p>
      <ul>
        {flags.map((f) => (
          <li key={f.id}>
            <Link to={`${statutePath(f.statute)}#${sectionAnchorOf(f.section)}`}>
              {f.statute} {f.section} §
            </Link>
            {f.amendedOn ? ` – ${t("review.amended", { date: date(f.amendedOn) })}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}
