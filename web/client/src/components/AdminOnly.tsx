import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../lib/signed-in";

/**
 * An admin page: its content (and the requests it makes) only for admins; others get the
 * page's title and a clear refusal. The server refuses them too.
 */
export function AdminOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useSignedIn();
  if (me?.abilities.administer) return <>{children}</>;
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      <p className="alert alert--error">{t("admin.adminsOnly")}</p>
    </>
  );
}
