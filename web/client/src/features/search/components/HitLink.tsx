import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Hit } from "../../../lib/search";

export const isExternal = (hit: Hit) => /^https?:\/\//.test(hit.url);

/** A hit's link: inside the portal through the router, outside in a new tab (and says so). */
export function HitLink({
  hit,
  children,
  ...rest
}: { hit: Hit; children: ReactNode } & Record<string, unknown>) {
  const { t } = useTranslation();
  if (isExternal(hit)) {
    return (
      <a href={hit.url} target="_blank" rel="noopener noreferrer" {...rest}>
        {children}
        <span className="visually-hidden"> ({t("search.external")})</span>
      </a>
    );
  }
  return (
    <Link to={hit.url} {...rest}>
      {children}
    </Link>
  );
}
