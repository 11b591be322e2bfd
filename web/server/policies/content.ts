import type { Config } from "@soskes/config";

export type ContentKind = Config["publicContent"][number] | "reference";

/**
 * A closed extranet: content is for signed-in members, except the kinds configuration marks
 * public (PUBLIC_CONTENT). Reference lists (municipalities, service areas) are public as soon as
 * anything is, because public pages need them.
 */
export function canRead(config: Config, user: Express.User | undefined, kind: ContentKind): boolean {
  if (user) return true;
  return kind === "reference" ? config.publicContent.length > 0 : config.publicContent.includes(kind);
}
