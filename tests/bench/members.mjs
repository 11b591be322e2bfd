// Bench members written straight into the portal database (Kysely), 200 rows at a time — for
// benchmarks that need thousands of accounts without thousands of password hashes.

/**
 * Inserts `count` active members with e-mails `${prefix}-${i}@bench.soskes.example`, optionally
 * with one shared password hash and a municipality each (round robin); returns their ids in order.
 */
export async function insertBenchMembers(db, count, { prefix, passwordHash = null, municipalities = [] }) {
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => ({
    email: `${prefix}-${i}@bench.soskes.example`,
    name: `Kuormitus ${i}`,
    password_hash: passwordHash,
    role: "member",
    status: "active",
    municipality_code: municipalities.length ? municipalities[i % municipalities.length] : null,
    languages: '["fi"]',
    visibility: "{}",
    maintains: "[]",
    email_verified_at: passwordHash ? now : null,
    created_at: now,
    updated_at: now,
  }));
  const ids = [];
  for (let i = 0; i < rows.length; i += 200)
    ids.push(
      ...(
        await db
          .insertInto("users")
          .values(rows.slice(i, i + 200))
          .returning("id")
          .execute()
      ).map((r) => r.id),
    );
  return ids;
}
