import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { FormError, Success, TextField, fieldErrors } from "../../../components/Form";
import { ApiError } from "../../../lib/api-client";
import {
  useAcceptInvitation,
  useChangePassword,
  useRegister,
  useRequestReset,
  useResetPassword,
  useVerifyEmail,
} from "../api/account";
import { paths } from "@soskes/domain/paths";

function BackToLogin() {
  const { t } = useTranslation();
  return (
    <p className="links">
      <Link to={paths.login}>{t("account.loginLink")}</Link>
    </p>
  );
}

/** A new password, with the rule said up front (the server checks the same rule). */
function NewPasswordField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("account.newPassword")}
      hint={t("account.passwordHint")}
      type="password"
      autoComplete="new-password"
      required
      minLength={10}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** Field errors are shown beside their fields; anything else above the form. */
const generalError = (error: unknown) =>
  error && Object.keys(fieldErrors(error)).length === 0 ? error : null;

export function RegisterPage() {
  const { t } = useTranslation();
  const register = useRegister();
  const [form, setForm] = useState({ email: "", name: "", organisation: "", password: "" });
  const errors = fieldErrors(register.error);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate({ ...form, organisation: form.organisation || undefined });
  };
  return (
    <div className="auth">
      <h1 tabIndex={-1}>{t("account.registerTitle")}</h1>
      {register.data ? (
        <Success>
          {register.data.next === "verify_email"
            ? t("account.verifyEmailSent", { email: form.email })
            : t("account.awaitApproval")}
        </Success>
      ) : (
        <>
          <p>{t("account.registerIntro")}</p>
          <form className="form" onSubmit={submit}>
            <FormError error={generalError(register.error)} />
            <TextField
              label={t("account.name")}
              autoComplete="name"
              required
              value={form.name}
              onChange={set("name")}
              error={errors.name}
            />
            <TextField
              label={t("auth.email")}
              type="email"
              autoComplete="email"
              required
              value={form.email}
              onChange={set("email")}
              error={errors.email}
            />
            <TextField
              label={t("account.organisation")}
              autoComplete="organization"
              value={form.organisation}
              onChange={set("organisation")}
              error={errors.organisation}
            />
            <TextField
              label={t("auth.password")}
              hint={t("account.passwordHint")}
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              value={form.password}
              onChange={set("password")}
              error={errors.password}
            />
            <button type="submit" className="button" disabled={register.isPending}>
              {t("account.register")}
            </button>
          </form>
        </>
      )}
      <BackToLogin />
    </div>
  );
}

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token");
  const verify = useVerifyEmail();
  const started = useRef(false);
  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);
  return (
    <div className="auth">
      <h1 tabIndex={-1}>{t("account.verifyTitle")}</h1>
      {!token && (
        <FormError
          error={
            new ApiError({
              status: 400,
              name: "invalid_token",
              message: t("account.missingToken"),
              details: {},
            })
          }
        />
      )}
      {verify.isPending && <p role="status">{t("account.verifying")}</p>}
      {verify.isSuccess && <Success>{t("account.verified")}</Success>}
      <FormError error={verify.error} />
      <BackToLogin />
    </div>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestReset();
  const [email, setEmail] = useState("");
  return (
    <div className="auth">
      <h1 tabIndex={-1}>{t("account.forgotTitle")}</h1>
      {request.isSuccess ? (
        <Success>{t("account.linkSent")}</Success>
      ) : (
        <>
          <p>{t("account.forgotIntro")}</p>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              request.mutate(email);
            }}
          >
            <FormError error={generalError(request.error)} />
            <TextField
              label={t("auth.email")}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldErrors(request.error).email}
            />
            <button type="submit" className="button" disabled={request.isPending}>
              {t("account.sendLink")}
            </button>
          </form>
        </>
      )}
      <BackToLogin />
    </div>
  );
}

function NewPasswordForm({
  withName,
  onSubmit,
  pending,
  error,
}: {
  withName: boolean;
  onSubmit: (v: { name: string; password: string }) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const errors = fieldErrors(error);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ name, password });
      }}
    >
      <FormError error={generalError(error)} />
      {withName && (
        <TextField
          label={t("account.name")}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
      )}
      <NewPasswordField value={password} onChange={setPassword} error={errors.password} />
      <button type="submit" className="button" disabled={pending}>
        {t("account.save")}
      </button>
    </form>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const reset = useResetPassword();
  return (
    <div className="auth">
      <h1 tabIndex={-1}>{t("account.resetTitle")}</h1>
      {reset.isSuccess ? (
        <Success>{t("account.resetDone")}</Success>
      ) : (
        <NewPasswordForm
          withName={false}
          pending={reset.isPending}
          error={reset.error}
          onSubmit={({ password }) => reset.mutate({ token, password })}
        />
      )}
      <BackToLogin />
    </div>
  );
}

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const accept = useAcceptInvitation();
  return (
    <div className="auth">
      <h1 tabIndex={-1}>{t("account.inviteTitle")}</h1>
      {accept.isSuccess ? (
        <Success>{t("account.inviteDone")}</Success>
      ) : (
        <NewPasswordForm
          withName
          pending={accept.isPending}
          error={accept.error}
          onSubmit={(v) => accept.mutate({ token, ...v })}
        />
      )}
      <BackToLogin />
    </div>
  );
}

/** Changing the password; the account page in app/ places it under the profile form. */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const errors = fieldErrors(change.error);
  return (
    <>
      <section className="auth auth--inline" aria-labelledby="change-password">
        <h2 id="change-password">{t("account.changePassword")}</h2>
        {change.isSuccess && <Success>{t("account.passwordChanged")}</Success>}
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ currentPassword: current, newPassword: next });
          }}
        >
          <FormError error={generalError(change.error)} />
          <TextField
            label={t("account.currentPassword")}
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={errors.currentPassword}
          />
          <NewPasswordField value={next} onChange={setNext} error={errors.newPassword} />
          <button type="submit" className="button" disabled={change.isPending}>
            {t("account.save")}
          </button>
        </form>
      </section>
    </>
  );
}
