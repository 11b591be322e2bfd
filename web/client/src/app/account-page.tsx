import { useTranslation } from "react-i18next";
import { useLogout } from "../features/auth/api/me";
import { useSignedIn } from "../lib/signed-in";
import { ChangePasswordSection } from "../features/auth/components/AccountPages";
import { ProfileForm } from "../features/people/components/PeoplePages";

/** Who is signed in, and logging out (moved here from the top bar). */
function SignedInAs() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const logout = useLogout();
  if (!me) return null;
  return (
    <p className="actions">
      <span>{t("app.loggedInAs", { name: me.name })}</span>
      <button type="button" className="button button--secondary" onClick={() => logout.mutate()}>
        {t("app.logout")}
      </button>
    </p>
  );
}

/** The member's own account: who is signed in, profile and visibility (people), password (auth). */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1 tabIndex={-1}>{t("account.profileTitle")}</h1>
      <SignedInAs />
      <ProfileForm />
      <ChangePasswordSection />
    </>
  );
}
