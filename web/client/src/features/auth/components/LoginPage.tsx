import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { TextField, fieldErrors } from "../../../components/Form";
import { ApiError } from "../../../lib/api-client";
import { useLogin, useProviders } from "../api/me";
import { paths } from "@soskes/domain/paths";

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const errorRef = useRef<HTMLDivElement>(null);
  const providers = useProviders();
  const ssoError = params.get("sso");
  const fields = fieldErrors(login.error);
  const error =
    Object.keys(fields).length > 0
      ? null
      : login.error instanceof ApiError
        ? login.error.message
        : login.error
          ? t("app.error")
          : null;

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      {
        onSuccess: () => {
          const next = params.get("seuraava");
          navigate(next?.startsWith("/") && !next.startsWith("//") ? next : paths.home, { replace: true });
        },
      },
    );
  };

  return (
    <div className="auth">
      <h1>{t("auth.title")}</h1>
      <p>{t("auth.intro")}</p>
      {ssoError && (
        <div role="alert" className="alert alert--error">
          {t(`auth.ssoErrors.${ssoError}`, { defaultValue: t("auth.ssoErrors.failed") })}
        </div>
      )}
      {providers.data?.oidc && (
        <>
          <p>
            <a className="button" href="/api/auth/oidc">
              {t("auth.sso", { name: providers.data.oidc.name })}
            </a>
          </p>
          <p className="muted">{t("auth.or")}</p>
        </>
      )}
      <form onSubmit={submit} className="form">
        {error && (
          <div role="alert" className="alert alert--error" tabIndex={-1} ref={errorRef}>
            {error}
          </div>
        )}
        <TextField
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label={t("auth.password")}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t("auth.submitting") : t("auth.submit")}
        </button>
      </form>
      <p className="links">
        <Link to={paths.forgotPassword}>{t("account.forgotLink")}</Link>
        <Link to={paths.register}>{t("account.registerLink")}</Link>
      </p>
    </div>
  );
}
