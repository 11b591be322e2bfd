import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, Success, TextField, fieldErrors } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { formatDate } from "../../../i18n";
import { useDecide, useInvite, usePendingUsers } from "../api/users";
import { UnitPlacement } from "./UnitPlacement";

const ROLES = ["member", "expert", "moderator", "admin"] as const;

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const pending = usePendingUsers();
  const decide = useDecide();
  const invite = useInvite();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string>("member");

  return (
    <>
      <h1 tabIndex={-1}>{t("admin.title")}</h1>
      <section aria-labelledby="pending">
        <h2 id="pending">{t("admin.pending")}</h2>
        {pending.isPending && <Loading />}
        {pending.isError && <ErrorMessage error={pending.error} onRetry={() => void pending.refetch()} />}
        <FormError error={decide.error} />
        {pending.data?.length === 0 && <p>{t("admin.none")}</p>}
        {pending.data && pending.data.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("account.name")}</th>
                <th scope="col">{t("auth.email")}</th>
                <th scope="col">{t("account.organisation")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.approve")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.data.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.name}
                    <div className="note">
                      {t("admin.requested", { date: formatDate(u.createdAt, i18n.language) })}
                    </div>
                  </td>
                  <td>{u.email}</td>
                  <td>{u.organisation ?? "–"}</td>
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        className="button"
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ id: u.id, approve: true })}
                        aria-label={`${t("admin.approve")}: ${u.name}`}
                      >
                        {t("admin.approve")}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ id: u.id, approve: false })}
                        aria-label={`${t("admin.refuse")}: ${u.name}`}
                      >
                        {t("admin.refuse")}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <UnitPlacement />
      <section aria-labelledby="invite" className="auth auth--inline">
        <h2 id="invite">{t("admin.inviteTitle")}</h2>
        {invite.data && <Success>{t("admin.invited", { email: invite.data.invited })}</Success>}
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate({ email, role }, { onSuccess: () => setEmail("") });
          }}
        >
          <FormError error={Object.keys(fieldErrors(invite.error)).length ? null : invite.error} />
          <TextField
            label={t("auth.email")}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldErrors(invite.error).email}
          />
          <div className="field">
            <label htmlFor="invite-role">{t("admin.role")}</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.roles.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={invite.isPending}>
            {t("admin.invite")}
          </button>
        </form>
      </section>
    </>
  );
}
