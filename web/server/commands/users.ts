import type { Selectable } from "kysely";
import type { Db } from "../db/database.js";
import type { Role, UserStatus, UsersTable } from "../db/schema.js";
import { hashPassword } from "../auth/passwords.js";

export type UserRow = Selectable<UsersTable>;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export type NewUser = {
  email: string;
  name: string;
  password?: string;
  role?: Role;
  status?: UserStatus;
  title?: string;
  organisation?: string;
  unit?: string;
  municipalityCode?: string;
  phone?: string;
  expertise?: string;
  languages?: string[];
  visibility?: Record<string, boolean>;
  maintains?: string[];
  emailVerified?: boolean;
};

export async function createUser(db: Db, input: NewUser): Promise<UserRow> {
  const now = Date.now();
  return db
    .insertInto("users")
    .values({
      email: normaliseEmail(input.email),
      name: input.name,
      password_hash: input.password ? await hashPassword(input.password) : null,
      role: input.role ?? "member",
      status: input.status ?? "active",
      title: input.title ?? null,
      organisation: input.organisation ?? null,
      unit: input.unit ?? null,
      municipality_code: input.municipalityCode ?? null,
      phone: input.phone ?? null,
      expertise: input.expertise ?? null,
      languages: JSON.stringify(input.languages ?? ["fi"]),
      visibility: JSON.stringify(input.visibility ?? {}),
      maintains: JSON.stringify(input.maintains ?? []),
      email_verified_at: input.emailVerified ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
