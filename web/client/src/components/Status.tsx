import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api-client";

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status" role="status" aria-live="polite">
      {t("app.loading")}
    </p>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--error" role="alert">
      <p>{error instanceof ApiError ? error.message : t("app.error")}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("app.retry")}
        </button>
      )}
    </div>
  );
}

export function StaleNotice({ stale }: { stale: boolean | undefined }) {
  const { t } = useTranslation();
  return stale ? (
    <p className="alert alert--warning" role="status">
      {t("app.stale")}
    </p>
  ) : null;
}
