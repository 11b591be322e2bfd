import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ErrorMessage, Loading, StaleNotice } from "../../../components/Status";
import { formatDate } from "../../../i18n";
import { useUnit, type Contact, type UnitDetail } from "../api/directory";
import { AddressLines, OpenBadge, OpeningHours, PhoneList } from "./UnitInfo";
import { paths } from "@soskes/domain/paths";

/** A vCard 3.0 for the phone's contacts app; built here, nothing leaves the browser. */
function vcard(contact: Contact, unit: UnitDetail): string {
  const esc = (v: string) =>
    v
      .replace(/\\/g, "\\\\")
      .replace(/\n/g, "\\n")
      .replace(/[,;]/g, (c) => `\\${c}`);
  const [first, ...rest] = contact.name.split(" ");
  const lines = [
    "BEGIN:VCARD",
    "VERSION:3.0",
    `N:${esc(rest.join(" "))};${esc(first ?? "")};;;`,
    `FN:${esc(contact.name)}`,
    `ORG:${esc(unit.name)}`,
    ...(contact.title ? [`TITLE:${esc(contact.title)}`] : []),
    ...contact.phones.map((p) => `TEL;TYPE=${p.kind === "mobile" ? "CELL" : "WORK"}:${p.number}`),
    ...(contact.email ? [`EMAIL;TYPE=WORK:${contact.email}`] : []),
    "END:VCARD",
  ];
  return lines.join("\r\n") + "\r\n";
}

function ContactCard({ contact, unit }: { contact: Contact; unit: UnitDetail }) {
  const { t } = useTranslation();
  const href = useMemo(
    () => URL.createObjectURL(new Blob([vcard(contact, unit)], { type: "text/vcard" })),
    [contact, unit],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  const file = `${contact.name.replace(/[^\p{L}\p{N}]+/gu, "-")}.vcf`;
  return (
    <li className="card" id={`henkilo-${contact.id}`} tabIndex={-1}>
      <h3 className="card__title">{contact.name}</h3>
      {contact.title && <p className="muted">{contact.title}</p>}
      <PhoneList phones={contact.phones} />
      {contact.email && (
        <p>
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </p>
      )}
      {contact.responsibilities && <p className="note">{contact.responsibilities}</p>}
      <a className="button button--secondary" href={href} download={file}>
        {t("directory.vcard")}
      </a>
    </li>
  );
}

export function UnitPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const unit = useUnit(id);
  if (unit.isPending) return <Loading />;
  if (unit.isError) return <ErrorMessage error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data.data;
  const name = i18n.language === "sv" && u.nameSv ? u.nameSv : u.name;
  return (
    <article>
      <StaleNotice stale={unit.data.stale} />
      <h1 tabIndex={-1}>{name}</h1>
      <p className="card__meta">
        <OpenBadge unit={u} />
        {u.countyWide && <span className="badge">{t("directory.countyWide")}</span>}
        <span>{u.serviceAreas.map((a) => a.name).join(", ")}</span>
      </p>
      {u.description && <p className="lead">{u.description}</p>}
      {u.parent && <p className="note">{t("directory.partOf", { name: u.parent.name })}</p>}
      <div className="columns">
        <section aria-labelledby="unit-contact">
          <h2 id="unit-contact">{t("directory.phone")}</h2>
          <PhoneList phones={u.phones} />
          {u.emails.length > 0 && (
            <>
              <h2>{t("directory.email")}</h2>
              <ul className="plain">
                {u.emails.map((e) => (
                  <li key={e.address}>
                    <a href={`mailto:${e.address}`}>{e.address}</a>
                    {e.secure && <span className="note"> ({t("directory.secureEmail")})</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {u.visitingAddress && (
            <>
              <h2>{t("directory.address")}</h2>
              <p>
                <AddressLines address={u.visitingAddress} />
              </p>
            </>
          )}
          {u.postalAddress && (
            <>
              <h2>{t("directory.postal")}</h2>
              <p>
                <AddressLines address={u.postalAddress} />
              </p>
            </>
          )}
          {u.website && (
            <p>
              <a href={u.website} rel="noopener noreferrer">
                {t("directory.website")}
              </a>
            </p>
          )}
        </section>
        <section aria-labelledby="unit-hours">
          <h2 id="unit-hours">{t("directory.hours")}</h2>
          {u.alwaysOpen ? <p>{t("directory.alwaysOpen")}</p> : <OpeningHours unit={u} />}
          <p className="note">
            {t("directory.serves", { list: u.municipalities.map((m) => m.name).join(", ") })}
          </p>
        </section>
      </div>
      <section aria-labelledby="unit-people">
        <h2 id="unit-people">{t("directory.contacts")}</h2>
        {u.contacts.length === 0 ? (
          <p>{t("directory.noContacts")}</p>
        ) : (
          <ul className="cards">
            {u.contacts.map((c) => (
              <ContactCard key={c.id} contact={c} unit={u} />
            ))}
          </ul>
        )}
      </section>
      {u.verifiedAt && (
        <p className="note">{t("directory.verified", { date: formatDate(u.verifiedAt, i18n.language) })}</p>
      )}
      <p>
        <Link to={paths.directory}>{t("app.nav.directory")}</Link>
      </p>
    </article>
  );
}
