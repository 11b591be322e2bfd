import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useMunicipalities } from "../../../lib/reference";
import { useMunicipalityUnits, type ActiveUser } from "../api/users";
import { useUnitPlacement } from "../hooks/use-unit-placement";

/** One member's unit: the municipality (their own by default) and the unit within it. */
function PlacementRow({
  user,
  onSave,
  saving,
  saved,
}: {
  user: ActiveUser;
  onSave: (unitId: string | null) => void;
  saving: boolean;
  saved: boolean;
}) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const [municipality, setMunicipality] = useState(user.municipalityCode ?? "");
  const units = useMunicipalityUnits(municipality || null);
  const current = user.orgUnit?.id ?? "";
  const options = units.data ?? [];
  const currentMissing = current !== "" && !options.some((u) => u.id === current);
  return (
    <li className="placement">
      <div className="placement__who">
        <strong>{user.name}</strong> <span className="note">{user.email}</span>
        <div className="note">
          {t(`admin.roles.${user.role}`)} ·{" "}
          {user.orgUnit ? (user.orgUnit.name ?? user.orgUnit.id) : t("admin.units.none")}
        </div>
      </div>
      <div className="placement__choose">
        <label htmlFor={`placement-muni-${user.id}`} className="visually-hidden">
          {t("admin.units.municipality")}: {user.name}
        </label>
        <select
          id={`placement-muni-${user.id}`}
          value={municipality}
          onChange={(e) => setMunicipality(e.target.value)}
        >
          <option value="">{t("admin.units.chooseMunicipality")}</option>
          {(municipalities.data ?? []).map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor={`placement-unit-${user.id}`} className="visually-hidden">
          {t("admin.units.unit")}: {user.name}
        </label>
        <select
          id={`placement-unit-${user.id}`}
          value={current}
          disabled={saving || !municipality || units.isPending}
          onChange={(e) => onSave(e.target.value || null)}
        >
          <option value="">
            {units.isPending && municipality ? t("admin.units.loading") : t("admin.units.none")}
          </option>
          {currentMissing && <option value={current}>{user.orgUnit?.name ?? current}</option>}
          {options.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <span role="status" className="note">
          {saving ? t("admin.units.saving") : saved ? t("admin.units.saved") : ""}
        </span>
      </div>
    </li>
  );
}

/**
 * Where an admin places members in the directory's units. eKonsultaatio's conflict-of-interest
 * rule compares these placements, which members cannot change themselves.
 */
export function UnitPlacement() {
  const { t } = useTranslation();
  const placement = useUnitPlacement();
  return (
    <section aria-labelledby="units" className="panel">
      <h2 id="units">{t("admin.units.title")}</h2>
      <p className="note">{t("admin.units.intro")}</p>
      <div className="field">
        <label htmlFor="placement-search">{t("admin.units.search")}</label>
        <input
          id="placement-search"
          type="search"
          value={placement.query}
          onChange={(e) => placement.setQuery(e.target.value)}
          autoComplete="off"
        />
      </div>
      {placement.users.isPending && <Loading />}
      {placement.users.isError && (
        <ErrorMessage error={placement.users.error} onRetry={() => void placement.users.refetch()} />
      )}
      <FormError error={placement.error} />
      {placement.users.data && placement.total === 0 && <p>{t("admin.units.noMatch")}</p>}
      <ul className="placements">
        {placement.shown.map((u) => (
          <PlacementRow
            key={u.id}
            user={u}
            onSave={(unitId) => placement.save(u.id, unitId)}
            saving={placement.saving === u.id}
            saved={placement.savedFor === u.id}
          />
        ))}
      </ul>
      {placement.total > placement.shown.length && (
        <p className="note">{t("admin.units.more", { count: placement.total - placement.shown.length })}</p>
      )}
    </section>
  );
}
