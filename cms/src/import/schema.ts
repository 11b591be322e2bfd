import { z } from "zod";

/**
 * Directory import file, modelled on the national service repository's concepts:
 * organisations (the organisation tree), service locations (where clients are served),
 * connections (which service area a location provides) and contacts, each with a stable
 * source id from the system it came from.
 */
const sourceId = z
  .string({ error: "puuttuu (tunniste lähdejärjestelmässä)" })
  .trim()
  .min(1, "ei saa olla tyhjä")
  .max(200, "on liian pitkä (enintään 200 merkkiä)");
const municipalityCode = z.string().regex(/^[0-9]{3}$/, "kuntanumero on kolme numeroa, esim. 410");
const name = z
  .string({ error: "puuttuu" })
  .trim()
  .min(1, "ei saa olla tyhjä")
  .max(250, "on liian pitkä (enintään 250 merkkiä)");
const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "kellonaika muodossa HH:MM, esim. 08:00");
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "päivämäärä muodossa VVVV-KK-PP");
const day = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], {
  error: "viikonpäivä: mon, tue, wed, thu, fri, sat tai sun",
});
const language = z.enum(["fi", "sv", "en", "se", "ru", "et", "ar", "so", "fa", "uk", "fi-sign"], {
  error: "tuntematon kielikoodi",
});
const url = z.string().regex(/^https?:\/\/\S+$/, "osoitteen on alettava http:// tai https://");

const phone = z.object({
  kind: z.enum(["switchboard", "direct", "mobile", "service", "emergency", "fax"], {
    error: "tyyppi: switchboard, direct, mobile, service, emergency tai fax",
  }),
  number: z.string().regex(/^\+?[0-9][0-9 ()-]{4,24}$/, "ei ole puhelinnumero"),
  label: z.string().max(120).optional(),
  chargeNote: z.string().max(200).optional(),
});
const email = z.object({
  address: z.email("ei ole sähköpostiosoite"),
  label: z.string().max(120).optional(),
  secure: z.boolean().optional(),
});
const address = z.object({
  street: z.string().max(200).optional(),
  streetSv: z.string().max(200).optional(),
  poBox: z.string().max(50).optional(),
  postalCode: z.string().regex(/^[0-9]{5}$/, "postinumero on viisi numeroa"),
  postOffice: z.string().min(1).max(100),
  postOfficeSv: z.string().max(100).optional(),
});

const openingHours = z
  .object({
    alwaysOpen: z.boolean().default(false),
    regular: z
      .array(
        z.object({ from: day, to: day, opens: time, closes: time, label: z.string().max(120).optional() }),
      )
      .default([]),
    exceptions: z
      .array(
        z.object({
          startDate: date,
          endDate: date.optional(),
          closed: z.boolean().default(true),
          opens: time.optional(),
          closes: time.optional(),
          reason: z.string().max(200).optional(),
        }),
      )
      .default([]),
    note: z.string().max(500).optional(),
  })
  .default({ alwaysOpen: false, regular: [], exceptions: [] });

export const ImportFileSchema = z.object({
  format: z.literal("soskes-directory/1", { error: 'tiedoston muoto on "soskes-directory/1"' }),
  source: z.string().min(1).max(100).optional(),
  organizations: z
    .array(
      z.object({
        sourceId,
        name,
        nameSv: z.string().max(250).optional(),
        parentSourceId: z.string().optional(),
        municipalityCode: municipalityCode.optional(),
        website: url.optional(),
        phones: z.array(phone).default([]),
        emails: z.array(email).default([]),
      }),
    )
    .default([]),
  serviceLocations: z
    .array(
      z.object({
        sourceId,
        name,
        nameSv: z.string().max(250).optional(),
        description: z.string().max(4000).optional(),
        organizationSourceId: z.string({ error: "puuttuu (minkä organisaation toimipiste)" }).min(1),
        municipalityCode,
        areaMunicipalityCodes: z.array(municipalityCode).min(1, "vähintään yksi palveltava kunta"),
        visitingAddress: address.optional(),
        postalAddress: address.optional(),
        phones: z.array(phone).default([]),
        emails: z.array(email).default([]),
        website: url.optional(),
        openingHours,
        languages: z.array(language).default(["fi"]),
        oid: z
          .string()
          .regex(/^[0-2](\.(0|[1-9][0-9]*))+$/, "OID muodossa 1.2.246.10…")
          .optional(),
      }),
    )
    .default([]),
  connections: z
    .array(z.object({ serviceLocationSourceId: z.string().min(1), serviceArea: z.string().min(1) }))
    .default([]),
  contacts: z
    .array(
      z.object({
        sourceId,
        name,
        title: z.string().max(200).optional(),
        serviceLocationSourceId: z.string({ error: "puuttuu (minkä toimipisteen yhteyshenkilö)" }).min(1),
        phones: z.array(phone).default([]),
        email: z.email("ei ole sähköpostiosoite").optional(),
        responsibilities: z.string().max(2000).optional(),
        languages: z.array(language).default(["fi"]),
        visibility: z.enum(["members", "maintainers"]).default("members"),
      }),
    )
    .default([]),
});

export type ImportFile = z.infer<typeof ImportFileSchema>;
