import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { FormError } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useConfirmFreshness, useFreshnessCheck } from "../api/community";

const when = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { day: "numeric", month: "numeric", year: "numeric" }).format(new Date(iso));

/**
 * Where a reminder's "still valid" link lands: what it is about, and one button to confirm it.
 * Opening the link changes nothing (mail scanners open links too); the button does.
 */
export function FreshnessPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("t") ?? "";
  const check = useFreshnessCheck(token);
  const confirm = useConfirmFreshness();
  return (
    <>
      <h1 tabIndex={-1}>{t("freshness.title")}</h1>
      {!token ? (
        <p className="alert alert--error">{t("freshness.noLink")}</p>
      ) : check.isPending ? (
        <Loading />
      ) : check.error ? (
        <ErrorMessage error={check.error} />
      ) : (
        <section aria-labelledby="record">
          <h2 id="record">{check.data.name}</h2>
          <dl className="facts">
            <dt>{t("freshness.kind")}</dt>
            <dd>{t(`freshness.types.${check.data.type}`)}</dd>
            <dt>{t("freshness.lastChecked")}</dt>
            <dd>
              {check.data.verifiedAt ? when(check.data.verifiedAt, i18n.language) : t("freshness.never")}
            </dd>
          </dl>
          {confirm.data ? (
            <p role="status" className="alert alert--success">
              {t("freshness.done", { date: when(confirm.data.verifiedAt, i18n.language) })}
            </p>
          ) : check.data.spent ? (
            <p className="alert alert--success">{t("freshness.alreadyDone")}</p>
          ) : (
            <>
              <p>{t("freshness.question")}</p>
              <button
                type="button"
                className="button"
                disabled={confirm.isPending}
                onClick={() => confirm.mutate(token)}
              >
                {confirm.isPending ? t("freshness.confirming") : t("freshness.confirm")}
              </button>
              <p className="note">{t("freshness.changed")}</p>
            </>
          )}
          <FormError error={confirm.error} />
        </section>
      )}
    </>
  );
}
