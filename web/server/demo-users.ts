import type { Db } from "./db/database.js";
import { createUser, findUserByEmail, type NewUser } from "./commands/users.js";

/** Fictional demo members; created only together with the demo content. */
export const DEMO_USERS: Array<Omit<NewUser, "password">> = [
  {
    email: "sosiaalityontekija@demo.soskes.example",
    name: "Sanna Sosiaalinen",
    title: "Sosiaalityöntekijä",
    organisation: "Keski-Suomen hyvinvointialue",
    unit: "Laukaan aikuissosiaalityö",
    municipalityCode: "410",
    phone: "040 0000 201",
    languages: ["fi"],
    visibility: {
      title: true,
      organisation: true,
      unit: true,
      municipality: true,
      phone: true,
      expertise: true,
    },
    role: "member",
  },
  {
    email: "asiantuntija@demo.soskes.example",
    name: "Aarne Asiantuntija",
    title: "Johtava sosiaalityöntekijä",
    organisation: "Keski-Suomen hyvinvointialue",
    unit: "Vammaispalvelut, Jyväskylän seutu",
    municipalityCode: "179",
    expertise: "Vammaispalvelut, henkilökohtainen apu, vammaispalvelulain soveltaminen",
    languages: ["fi", "sv"],
    visibility: { title: true, organisation: true, unit: true, municipality: true, expertise: true },
    role: "expert",
  },
  {
    email: "moderaattori@demo.soskes.example",
    name: "Maija Moderaattori",
    title: "Kehittämiskoordinaattori",
    organisation: "Keski-Suomen hyvinvointialue",
    municipalityCode: "992",
    languages: ["fi"],
    visibility: { title: true, organisation: true },
    role: "moderator",
  },
  {
    email: "yllapitaja.laukaa@demo.soskes.example",
    name: "Liisa Laukkanen",
    title: "Palvelusihteeri",
    organisation: "Keski-Suomen hyvinvointialue",
    municipalityCode: "410",
    languages: ["fi"],
    visibility: { title: true, organisation: true, municipality: true },
    maintains: ["410"],
    role: "member",
  },
  {
    email: "admin@demo.soskes.example",
    name: "Aino Ylläpito",
    title: "Portaalin pääkäyttäjä",
    organisation: "Keski-Suomen hyvinvointialue",
    languages: ["fi", "sv", "en"],
    visibility: { title: true, organisation: true },
    role: "admin",
  },
];

export async function ensureDemoUsers(db: Db, password: string): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    if (await findUserByEmail(db, user.email)) continue;
    await createUser(db, { ...user, password, emailVerified: true });
    created += 1;
  }
  return created;
}
