import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api-client";

/** Field problems from a 400 `invalid_input` answer, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (error instanceof ApiError && error.body.name === "invalid_input") {
    return (error.body.details.fields as Record<string, string> | undefined) ?? {};
  }
  return {};
}

export function TextField({
  label,
  hint,
  error,
  ...input
}: { label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="note">
          {hint}
        </span>
      )}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error && (
        <span id={`${id}-error`} className="field__error">
          {t(`account.fields.${error}`, { defaultValue: error })}
        </span>
      )}
    </div>
  );
}

/** A form's overall error (not tied to one field), announced to screen readers. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t("app.error");
  return (
    <div role="alert" className="alert alert--error">
      {message}
    </div>
  );
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="alert alert--success">
      {children}
    </div>
  );
}
