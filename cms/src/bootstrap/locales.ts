import type { Core } from "@strapi/strapi";
import { localesService } from "../strapi-services";

/** Finnish is the default content locale and Swedish the second one. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = localesService(strapi);
  const existing = await locales.find();
  for (const [code, name] of [
    ["fi", "suomi (fi)"],
    ["sv", "svenska (sv)"],
  ] as const) {
    if (!existing.some((l) => l.code === code)) await locales.create({ code, name });
  }
  if ((await locales.getDefaultLocale()) !== "fi") await locales.setDefaultLocale({ code: "fi" });
  // Strapi creates English on a fresh database; remove it while no content uses it.
  const en = existing.find((l) => l.code === "en");
  if (en) {
    const used = await strapi.db.query("api::page.page").count({ where: { locale: "en" } });
    if (used === 0) await locales.delete({ id: en.id });
  }
}
