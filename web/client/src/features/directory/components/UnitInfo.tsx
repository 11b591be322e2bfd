import { useTranslation } from "react-i18next";
import { telHref } from "../../../lib/tel";
import type { Address, Phone, Unit } from "../api/directory";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function PhoneList({ phones }: { phones: Phone[] }) {
  const { t } = useTranslation();
  if (phones.length === 0) return null;
  return (
    <ul className="plain">
      {phones.map((p) => (
        <li key={`${p.kind}-${p.number}`}>
          <span className="muted">
            {p.label ?? t(`directory.phoneKind.${p.kind}`, { defaultValue: p.kind })}:{" "}
          </span>
          <a href={telHref(p.number)}>{p.number}</a>
          {p.chargeNote && <span className="note"> – {p.chargeNote}</span>}
        </li>
      ))}
    </ul>
  );
}

export function AddressLines({ address }: { address: Address }) {
  return (
    <span>
      {[address.street ?? address.poBox, [address.postalCode, address.postOffice].filter(Boolean).join(" ")]
        .filter(Boolean)
        .join(", ")}
    </span>
  );
}

export function OpenBadge({ unit }: { unit: Pick<Unit, "openNow" | "alwaysOpen"> }) {
  const { t } = useTranslation();
  if (unit.alwaysOpen) return <span className="badge badge--open">{t("directory.alwaysOpen")}</span>;
  return unit.openNow ? (
    <span className="badge badge--open">{t("directory.openNow")}</span>
  ) : (
    <span className="badge badge--closed">{t("directory.closedNow")}</span>
  );
}

export function OpeningHours({ unit }: { unit: Unit }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => t(`directory.days.${d}`, { defaultValue: d });
  const dateFmt = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : `${i18n.language}-FI`, {
    day: "numeric",
    month: "numeric",
  });
  const date = (iso: string) => dateFmt.format(new Date(`${iso}T12:00:00`));
  return (
    <div>
      {unit.openingHours.length > 0 && (
        <ul className="plain">
          {unit.openingHours
            .slice()
            .sort((a, b) => DAYS.indexOf(a.fromDay) - DAYS.indexOf(b.fromDay))
            .map((h) => (
              <li key={`${h.fromDay}-${h.opens}`}>
                {h.fromDay === h.toDay ? day(h.fromDay) : `${day(h.fromDay)}–${day(h.toDay)}`} {h.opens}–
                {h.closes}
              </li>
            ))}
        </ul>
      )}
      {unit.openingNote && <p className="note">{unit.openingNote}</p>}
      {unit.openingExceptions.length > 0 && (
        <>
          <h3 className="h4">{t("directory.exceptions")}</h3>
          <ul className="plain">
            {unit.openingExceptions.map((e) => (
              <li key={e.startDate}>
                {date(e.startDate)}
                {e.endDate && e.endDate !== e.startDate ? `–${date(e.endDate)}` : ""}{" "}
                {e.closed ? t("directory.closed") : `${e.opens ?? ""}–${e.closes ?? ""}`}
                {e.reason ? ` (${e.reason})` : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
