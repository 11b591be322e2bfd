import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { realtime, subscribe } from "../api/socket";
import { paths } from "@soskes/domain/paths";

type Note = {
  key: number;
  type:
    | "mention"
    | "join_request"
    | "invite"
    // eKonsultaatio's notices carry a request id instead of a group.
    | "consultation"
    | "consultation_assigned"
    | "consultation_answered"
    | "consultation_overdue"
    | "answer_consent"
    | "answer_review"
    | "answer_published"
    | "answer_returned";
  groupId?: number;
  groupName?: string;
  consultationId?: number;
  answerId?: number;
  panel?: string;
  seq?: number;
  author?: string;
  name?: string;
};

/**
 * eKollega in every page of a signed-in member: keeps the unread badges live and shows mentions,
 * invitations and join requests as they happen (announced politely to screen readers).
 */
export function GroupNotifications() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const location = useLocation();
  const [notes, setNotes] = useState<Note[]>([]);
  const here = location.pathname;

  useEffect(() => {
    const socket = realtime();
    const refresh = () => void client.invalidateQueries({ queryKey: ["groups"], exact: true });
    const onNote = (n: Omit<Note, "key">) => {
      refresh();
      // Mentions in the group on screen are seen there already.
      if (n.type === "mention" && n.groupId !== undefined && here === paths.group(n.groupId)) return;
      const key = Date.now() + Math.random();
      setNotes((prev) => [...prev.slice(-3), { ...n, key }]);
      setTimeout(() => setNotes((prev) => prev.filter((x) => x.key !== key)), 15_000);
    };
    // Any change to a group's messages or membership refreshes the unread badges.
    return subscribe(socket, {
      "message:created": refresh,
      "message:deleted": refresh,
      "group:added": refresh,
      "group:removed": refresh,
      "group:updated": refresh,
      read: refresh,
      connect: refresh,
      notification: onNote,
    });
  }, [client, here]);

  return (
    <div className="toasts" role="status" aria-live="polite">
      {notes.map((n) => (
        <p key={n.key} className="toast">
          <Link
            to={
              n.type === "answer_published" && n.answerId
                ? paths.answer(n.answerId)
                : n.consultationId
                  ? paths.consultation(n.consultationId)
                  : n.groupId !== undefined
                    ? `${paths.group(n.groupId)}${n.seq ? `#viesti-${n.seq}` : ""}`
                    : paths.groups
            }
            onClick={() => setNotes((prev) => prev.filter((x) => x.key !== n.key))}
          >
            {n.consultationId
              ? t(`consult.notification.${n.type}`, { panel: n.panel ?? "" })
              : t(`groups.notification.${n.type}`, { group: n.groupName, name: n.author ?? n.name ?? "" })}
          </Link>{" "}
          <button
            type="button"
            className="link-button"
            aria-label={t("groups.dismiss")}
            onClick={() => setNotes((prev) => prev.filter((x) => x.key !== n.key))}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
