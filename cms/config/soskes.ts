import { loadConfigOrExit, type Config } from "@soskes/config";

let cached: Config | undefined;

/** The one typed settings object, loaded once per process (Strapi reads several config files). */
export function soskesConfig(): Config {
  if (!cached) {
    cached = loadConfigOrExit();
    // Finnish is the first content locale; the i18n plugin reads this on an empty database.
    process.env.STRAPI_PLUGIN_I18N_INIT_LOCALE_CODE ??= "fi";
  }
  return cached;
}

/** Tests load several configurations in one process. */
export function resetSoskesConfig(): void {
  cached = undefined;
}
