import type { AnonymisationFlag } from "@soskes/chat/client";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../lib/api-client";

export const fiDate = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { day: "numeric", month: "numeric", year: "numeric" }).format(
    new Date(`${iso}T12:00:00`),
  );

export type Flag = Pick<AnonymisationFlag, "kind" | "text">;

/** Flags the server found (names, addresses, birth dates): shown, explained, never changed. */
export function flagsOf(error: unknown): Flag[] {
  return error instanceof ApiError && error.body.name === "anonymisation_flags"
    ? ((error.body.details.flags as Flag[] | undefined) ?? [])
    : [];
}

export function Flags({
  error,
  acknowledged,
  onAcknowledge,
}: {
  error: unknown;
  acknowledged: boolean;
  onAcknowledge: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const flags = flagsOf(error);
  if (flags.length === 0) return null;
  return (
    <div className="alert alert--warning" role="alert">
      <p>{error instanceof ApiError ? error.message : ""}</p>
      <ul>
        {flags.map((f, i) => (
          <li key={i}>
            <strong>{f.text}</strong> – {t(`consult.flags.${f.kind}`)}
          </li>
        ))}
      </ul>
      <label>
        <input type="checkbox" checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} />{" "}
        {t("consult.acknowledge")}
      </label>
    </div>
  );
}
