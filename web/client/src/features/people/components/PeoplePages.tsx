import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { FormError, Success, TextField, fieldErrors } from "../../../components/Form";
import { ErrorMessage, Loading } from "../../../components/Status";
import { useMunicipalities } from "../../../lib/reference";
import { telHref } from "../../../lib/tel";
import { usePeople, useProfile, useSaveProfile, type Profile } from "../api/people";

export function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get("haku") ?? "";
  const [text, setText] = useState(q);
  const people = usePeople(q);
  const municipalities = useMunicipalities();
  const municipalityName = (code: string | null) =>
    municipalities.data?.find((m) => m.code === code)?.name ?? code;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams(text.trim() ? { haku: text.trim() } : {});
  };
  return (
    <>
      <h1 tabIndex={-1}>{t("people.title")}</h1>
      <p className="lead">{t("people.intro")}</p>
      <form role="search" className="filters" onSubmit={submit}>
        <TextField
          label={t("people.query")}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          minLength={2}
          required
          error={fieldErrors(people.error).q}
        />
        <button type="submit" className="button">
          {t("people.search")}
        </button>
      </form>
      <section aria-live="polite">
        {people.isFetching && <Loading />}
        {people.isError && Object.keys(fieldErrors(people.error)).length === 0 && (
          <ErrorMessage error={people.error} />
        )}
        {people.data && (
          <>
            <h2>{t("people.results", { count: people.data.length })}</h2>
            {people.data.length === 0 && <p>{t("people.none")}</p>}
            <ul className="cards">
              {people.data.map((p) => (
                <li key={p.id} className="card">
                  <h3 className="card__title">{p.name}</h3>
                  {p.title && <p className="muted">{p.title}</p>}
                  {(p.organisation || p.unit) && <p>{[p.unit, p.organisation].filter(Boolean).join(", ")}</p>}
                  {p.municipalityCode && <p className="note">{municipalityName(p.municipalityCode)}</p>}
                  {p.phone && (
                    <p>
                      <a href={telHref(p.phone)}>{p.phone}</a>
                    </p>
                  )}
                  {p.languages && p.languages.length > 0 && (
                    <p className="note">
                      {t("people.languages")}:{" "}
                      {p.languages.map((l) => t(`people.languageNames.${l}`, { defaultValue: l })).join(", ")}
                    </p>
                  )}
                  {p.expertise && (
                    <p>
                      <span className="muted">{t("people.expertise")}: </span>
                      {p.expertise}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

const VISIBLE = ["title", "organisation", "unit", "municipality", "phone", "expertise", "languages"] as const;
/** What the member edits here; the rest of the account (e-mail, role) is not theirs to change. */
const EDITABLE = [
  "name",
  "title",
  "organisation",
  "unit",
  "municipalityCode",
  "phone",
  "expertise",
  "languages",
  "visibility",
] as const;
const LANGUAGE_CODES = ["fi", "sv", "en", "se", "ru", "fi-sign"] as const;

export function ProfileForm() {
  const { t } = useTranslation();
  const profile = useProfile();
  const save = useSaveProfile();
  const municipalities = useMunicipalities();
  const [form, setForm] = useState<Profile | null>(null);
  useEffect(() => {
    if (profile.data && !form) setForm(profile.data);
  }, [profile.data, form]);
  if (profile.isPending || !form) return <Loading />;
  if (profile.isError) return <ErrorMessage error={profile.error} />;
  const errors = fieldErrors(save.error);
  const text = (key: "name" | "title" | "organisation" | "unit" | "phone" | "expertise") => ({
    value: form[key] ?? "",
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
    error: errors[key],
  });
  return (
    <section className="auth auth--inline" aria-labelledby="profile">
      <h2 id="profile">{t("people.profile")}</h2>
      <p>{t("people.profileIntro")}</p>
      {save.isSuccess && <Success>{t("people.saved")}</Success>}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(Object.fromEntries(EDITABLE.map((key) => [key, form[key]])));
        }}
      >
        <FormError error={Object.keys(errors).length ? null : save.error} />
        <TextField label={t("account.name")} required {...text("name")} />
        <TextField label={t("people.title_")} {...text("title")} />
        <TextField label={t("account.organisation")} {...text("organisation")} />
        <TextField label={t("people.unit")} {...text("unit")} />
        <div className="field">
          <label htmlFor="profile-municipality">{t("directory.municipality")}</label>
          <select
            id="profile-municipality"
            value={form.municipalityCode ?? ""}
            onChange={(e) => setForm({ ...form, municipalityCode: e.target.value || null })}
          >
            <option value="">–</option>
            {municipalities.data?.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t("people.phone")} type="tel" autoComplete="tel" {...text("phone")} />
        <TextField label={t("people.expertise")} {...text("expertise")} />
        <fieldset>
          <legend>{t("people.languages")}</legend>
          {LANGUAGE_CODES.map((code) => (
            <label key={code} className="check">
              <input
                type="checkbox"
                checked={form.languages.includes(code)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    languages: e.target.checked
                      ? [...form.languages, code]
                      : form.languages.filter((l) => l !== code),
                  })
                }
              />{" "}
              {t(`people.languageNames.${code}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("people.show")}</legend>
          {VISIBLE.map((field) => (
            <label key={field} className="check">
              <input
                type="checkbox"
                checked={Boolean(form.visibility[field])}
                onChange={(e) =>
                  setForm({ ...form, visibility: { ...form.visibility, [field]: e.target.checked } })
                }
              />{" "}
              {t(`people.visibility.${field}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={save.isPending}>
          {t("account.save")}
        </button>
      </form>
    </section>
  );
}
