import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { fi } from "./fi";
import { sv } from "./sv";

export const LANGUAGES = [
  { code: "fi", label: "Suomi" },
  { code: "sv", label: "Svenska" },
  { code: "en", label: "English" },
] as const;
export type Lang = (typeof LANGUAGES)[number]["code"];

function initialLanguage(): Lang {
  const cookie = /(?:^|;\s*)soskes\.lang=(fi|sv|en)/.exec(document.cookie)?.[1];
  return (cookie as Lang | undefined) ?? "fi";
}

/** The language lives in a cookie so that the server answers errors in the same language. */
export function setLanguage(lang: Lang): void {
  document.cookie = `soskes.lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: "fi",
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : `${lang}-FI`, {
    dateStyle: "medium",
    timeZone: "Europe/Helsinki",
  }).format(new Date(iso));
}

export default i18n;
