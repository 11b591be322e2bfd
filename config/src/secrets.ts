import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SECRET_NAMES, type SecretName } from "./schema";

export type Secrets = Record<SecretName, string>;

function generate(name: SecretName): string {
  if (name === "APP_KEYS") {
    return Array.from({ length: 4 }, () => randomBytes(24).toString("base64url")).join(",");
  }
  return randomBytes(name === "CMS_API_TOKEN" ? 48 : 32).toString("base64url");
}

/**
 * Reads DATA_DIR/secrets.json, adds any secret it lacks and writes it back with mode 0600.
 * Values given in the environment are never written to the file.
 */
export function ensureSecretsFile(
  dataDir: string,
  given: Partial<Record<SecretName, string>>,
): { secrets: Secrets; file: string; created: SecretName[] } {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Record<SecretName, string>> = {};
  if (existsSync(file)) {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof parsed === "object" && parsed !== null) {
      stored = parsed;
    }
  }
  const created: SecretName[] = [];
  for (const name of SECRET_NAMES) {
    if (!given[name] && typeof stored[name] !== "string") {
      stored[name] = generate(name);
      created.push(name);
    }
  }
  if (created.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
  }
  // Tighten permissions even when an operator created the file by hand.
  if (existsSync(file)) chmodSync(file, 0o600);
  const secrets = Object.fromEntries(
    SECRET_NAMES.map((name) => [name, given[name] ?? (stored[name] as string)]),
  ) as Secrets;
  return { secrets, file, created };
}
