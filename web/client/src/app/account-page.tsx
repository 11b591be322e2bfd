import { useTranslation } from "react-i18next";
import { ChangePasswordSection } from "../features/auth/components/AccountPages";
import { ProfileForm } from "../features/people/components/PeoplePages";

/** The member's own account: profile and visibility (people), password (auth). */
export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1 tabIndex={-1}>{t("account.profileTitle")}</h1>
      <ProfileForm />
      <ChangePasswordSection />
    </>
  );
}
