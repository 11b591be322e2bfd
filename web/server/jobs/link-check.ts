import type { Logger } from "pino";
import type { Snapshot } from "../content/content-service.js";
import type { Db } from "../db/database.js";
import { guardedFetch, RefusedRequest } from "../net/guarded-fetch.js";

/** Every external address in published content: unit websites, page links, link records. */
export function externalLinks(snapshot: Snapshot): string[] {
  const urls = new Set<string>();
  const add = (url: string | null | undefined) => {
    if (url && /^https?:\/\//i.test(url)) urls.add(url);
  };
  for (const u of snapshot.units) add(u.website);
  for (const p of snapshot.pages) for (const l of p.links ?? []) add(l.url);
  for (const l of snapshot.links) add(l.url);
  return [...urls];
}

/** How the link check reaches the internet; tests add a stand-in public address. */
export type LinkCheckNet = { ports: readonly number[]; allowAddresses?: readonly string[] };

/**
 * One address: HEAD, then GET where HEAD is not allowed; an answer below 400 within the time is
 * fine. Through the guarded client only: an address inside the installation's network is not
 * requested at all and is reported as "internal_address".
 */
export async function checkLink(
  url: string,
  timeoutMs: number,
  net: LinkCheckNet = { ports: [80, 443] },
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const attempt = (method: "HEAD" | "GET") =>
    guardedFetch(url, {
      method,
      timeoutMs,
      ports: net.ports,
      allowAddresses: net.allowAddresses,
      userAgent: "SosKes-linkkitarkistus/1.0",
      maxBytes: 0,
    });
  try {
    let res = await attempt("HEAD");
    if (res.status === 405 || res.status === 501) res = await attempt("GET");
    return { ok: res.status < 400, status: res.status, error: null };
  } catch (err) {
    if (err instanceof RefusedRequest) return { ok: false, status: null, error: "internal_address" };
    const name = (err as Error).name;
    return {
      ok: false,
      status: null,
      error: name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable",
    };
  }
}

/**
 * The scheduled link check: every external address not checked in the last day, a few at a
 * time, each answer remembered. Addresses no longer in the content are forgotten.
 */
export async function runLinkCheck(
  deps: { db: Db; logger: Logger },
  snapshot: Snapshot,
  options: {
    now?: number;
    timeoutMs?: number;
    maxAgeMs?: number;
    concurrency?: number;
    net?: LinkCheckNet;
  } = {},
): Promise<{ checked: number; broken: number }> {
  const now = options.now ?? Date.now();
  const urls = externalLinks(snapshot);
  const known = new Map(
    (await deps.db.selectFrom("link_checks").selectAll().execute()).map((r) => [r.url, r]),
  );
  const due = urls.filter((u) => {
    const last = known.get(u);
    return !last || now - last.checked_at > (options.maxAgeMs ?? 24 * 3600_000);
  });
  let broken = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const url = due[next++]!;
      const result = await checkLink(url, options.timeoutMs ?? 10_000, options.net);
      if (!result.ok) broken += 1;
      const values = { ok: result.ok ? 1 : 0, status: result.status, error: result.error, checked_at: now };
      await deps.db
        .insertInto("link_checks")
        .values({ url, ...values })
        .onConflict((oc) => oc.column("url").doUpdateSet(values))
        .execute();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  const gone = [...known.keys()].filter((u) => !urls.includes(u));
  if (gone.length > 0) await deps.db.deleteFrom("link_checks").where("url", "in", gone).execute();
  if (broken > 0) deps.logger.info({ checked: due.length, broken }, "link check found broken links");
  return { checked: due.length, broken };
}
