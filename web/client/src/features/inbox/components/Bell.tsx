import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { paths } from "@soskes/domain/paths";
import { useInbox } from "../api/inbox";
import { useInboxLive } from "../hooks/use-inbox-live";

/** The bell in the header: the unread count, live, and the way to the inbox. */
export function Bell() {
  const { t } = useTranslation();
  const inbox = useInbox();
  useInboxLive();
  const unread = inbox.data?.unread ?? 0;
  return (
    <Link
      to={paths.inbox}
      className="header__icon bell"
      aria-label={unread > 0 ? t("inbox.bellUnread", { count: unread }) : t("inbox.bell")}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 && (
        <span className="bell__badge" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
