import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useInbox, useMarkRead, type InboxItem } from "../api/inbox";

const CONSULTATION_KINDS = new Set([
  "consultation",
  "consultation_assigned",
  "consultation_answered",
  "answer_consent",
  "answer_review",
  "answer_published",
  "answer_returned",
]);

/** What happened, in the member's language: who, and in which group or panel. */
function useItemText() {
  const { t } = useTranslation();
  return (item: InboxItem) =>
    CONSULTATION_KINDS.has(item.kind)
      ? t(`consult.notification.${item.kind as "consultation"}`, { panel: item.panel ?? "" })
      : t(`inbox.kinds.${item.kind as "mention"}`, { who: item.who ?? "", group: item.groupName ?? "" });
}

/** When, in Finnish format: the time today, else the date (14.12.2026 klo 9.05). */
function when(ms: number, lang: string) {
  const date = new Date(ms);
  const today = new Date().toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(lang, {
    ...(today ? {} : { day: "numeric", month: "numeric", year: "numeric" }),
    hour: "numeric",
    minute: "2-digit",
  }).format(date);
}

/**
 * The member's inbox: everything addressed to them, newest first, kept until read. Opening an
 * item marks it read and goes straight to the message, group or request.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const inbox = useInbox();
  const markRead = useMarkRead();
  const text = useItemText();
  return (
    <>
      <h1 tabIndex={-1}>{t("inbox.title")}</h1>
      <p className="lead">{t("inbox.intro")}</p>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.error ? (
        <ErrorMessage error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.items.length === 0 ? (
        <p className="empty">{t("inbox.empty")}</p>
      ) : (
        <>
          {inbox.data.unread > 0 && (
            <p>
              <button
                type="button"
                className="button button--secondary"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate(null)}
              >
                {t("inbox.markAll")}
              </button>
            </p>
          )}
          <ul className="inbox">
            {inbox.data.items.map((item) => (
              <li key={item.id} className={item.read ? "inbox__item" : "inbox__item inbox__item--unread"}>
                <Link to={item.url} onClick={() => !item.read && markRead.mutate(item.id)}>
                  {!item.read && <span className="visually-hidden">{t("inbox.unread")}: </span>}
                  {text(item)}
                </Link>
                <span className="note">{when(item.createdAt, i18n.language)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
