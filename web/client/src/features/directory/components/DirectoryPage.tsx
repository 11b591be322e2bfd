import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorMessage, Loading, StaleNotice } from "../../../components/Status";
import { useDirectoryUnits, useMunicipalities, useServiceAreas, type Unit } from "../api/directory";
import { AddressLines, OpenBadge, PhoneList } from "./UnitInfo";
import { paths } from "@soskes/domain/paths";

function UnitCard({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={paths.unit(unit.id)}>{unit.name}</Link>
      </h3>
      <p className="card__meta">
        <OpenBadge unit={unit} />
        {unit.countyWide && <span className="badge">{t("directory.countyWide")}</span>}
        <span>{unit.serviceAreas.map((a) => a.name).join(", ")}</span>
      </p>
      <PhoneList phones={unit.phones} />
      {unit.visitingAddress && (
        <p>
          <span className="muted">{t("directory.address")}: </span>
          <AddressLines address={unit.visitingAddress} />
        </p>
      )}
      {!unit.countyWide && unit.municipalities.length > 1 && (
        <p className="note">
          {t("directory.serves", { list: unit.municipalities.map((m) => m.name).join(", ") })}
        </p>
      )}
    </li>
  );
}

export function DirectoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const municipalities = useMunicipalities();
  const areas = useServiceAreas();
  const [municipality, setMunicipality] = useState(params.get("kunta") ?? "");
  const [area, setArea] = useState(params.get("palvelualue") ?? "");
  const chosen = { municipality: params.get("kunta") ?? "", area: params.get("palvelualue") ?? "" };
  const units = useDirectoryUnits(chosen.municipality, chosen.area);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (municipality) next.set("kunta", municipality);
    if (area) next.set("palvelualue", area);
    setParams(next);
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("directory.title")}</h1>
      <p className="lead">{t("directory.intro")}</p>
      {(municipalities.isError || areas.isError) && (
        <ErrorMessage error={municipalities.error ?? areas.error} />
      )}
      <form className="filters" onSubmit={submit} role="search">
        <div className="field">
          <label htmlFor="municipality">{t("directory.municipality")}</label>
          <select id="municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
            <option value="">{t("directory.any")}</option>
            {municipalities.data?.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="service-area">{t("directory.serviceArea")}</label>
          <select id="service-area" value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">{t("directory.any")}</option>
            {areas.data
              ?.filter((a) => a.kind === "service")
              .map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("directory.search")}
        </button>
      </form>
      <section aria-live="polite" aria-busy={units.isFetching}>
        {units.isFetching && <Loading />}
        {units.isError && <ErrorMessage error={units.error} onRetry={() => void units.refetch()} />}
        {units.data && (
          <>
            <StaleNotice stale={units.data.stale} />
            <h2>{t("directory.results", { count: units.data.data.length })}</h2>
            {units.data.data.length === 0 ? (
              <p>{t("directory.none")}</p>
            ) : (
              <ul className="cards">
                {units.data.data.map((u) => (
                  <UnitCard key={u.id} unit={u} />
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </>
  );
}
