import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import ipaddr from "ipaddr.js";

/**
 * The one way the portal requests an address that a member or maintainer supplied (the link
 * check today). It keeps such requests off the installation's own network:
 * - http and https only, to the configured ports (80 and 443 unless configured);
 * - the host's addresses are resolved first and every one must be a public unicast address —
 *   loopback, private, carrier-grade NAT, link-local, unique-local, multicast, reserved,
 *   documentation, NAT64/6to4/Teredo and IPv4-mapped IPv6 are refused;
 * - the connection goes to the address that was checked (no second lookup an attacker's DNS
 *   could answer differently);
 * - every redirect hop is checked the same way, at most five;
 * - the whole exchange is bounded in time, and at most `maxBytes` of a body are read.
 * A refused address is reported as `internal_address`, nothing more.
 */
export type GuardedFetchOptions = {
  ports: readonly number[];
  timeoutMs: number;
  method?: "HEAD" | "GET";
  maxRedirects?: number;
  maxBytes?: number;
  userAgent?: string;
  /**
   * Addresses treated as public. Only tests set this (a loopback alias standing in for the
   * internet); it is never read from configuration.
   */
  allowAddresses?: readonly string[];
};

export type GuardedResponse = { status: number; url: string; body: Buffer };

export type RefusalReason = "internal_address" | "scheme" | "port" | "too_many_redirects";

export class RefusedRequest extends Error {
  constructor(readonly reason: RefusalReason) {
    super(`request refused: ${reason}`);
    this.name = "RefusedRequest";
  }
}

/** Whether an IP address is an ordinary public (global unicast) address. */
export function isPublicAddress(ip: string, allow: readonly string[] = []): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (allow.includes(addr.toString())) return true;
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (allow.includes(addr.toString())) return true;
  return addr.range() === "unicast";
}

const lookupAll = (host: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

/** The checked address to connect to: every address the name has must be public. */
async function resolvePublic(hostname: string, allow: readonly string[]): Promise<LookupAddress> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(bare)) {
    if (!isPublicAddress(bare, allow)) throw new RefusedRequest("internal_address");
    return { address: bare, family: bare.includes(":") ? 6 : 4 };
  }
  const addresses = await lookupAll(bare);
  if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address, allow)))
    throw new RefusedRequest("internal_address");
  return addresses[0]!;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function requestOnce(
  url: URL,
  pinned: LookupAddress,
  options: GuardedFetchOptions,
  signal: AbortSignal,
): Promise<{ res: IncomingMessage; body: Buffer }> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: options.method ?? "GET",
        signal,
        headers: { "User-Agent": options.userAgent ?? "SosKes/1.0", Accept: "*/*" },
        // The connection uses the address that was checked, whatever DNS would say now.
        lookup: (_host: string, opts: { all?: boolean }, callback: LookupCallback) => {
          if (opts.all) callback(null, [pinned]);
          else callback(null, pinned.address, pinned.family);
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const limit = options.maxBytes ?? 0;
        res.on("data", (chunk: Buffer) => {
          if (size >= limit) {
            res.destroy();
            return;
          }
          chunks.push(chunk.subarray(0, limit - size));
          size += chunk.length;
        });
        const done = () => resolve({ res, body: Buffer.concat(chunks) });
        res.on("end", done);
        res.on("close", done);
        res.on("error", done);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Requests `input` under the rules above; throws RefusedRequest, or the network's own error. */
export async function guardedFetch(input: string, options: GuardedFetchOptions): Promise<GuardedResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const allow = options.allowAddresses ?? [];
  let url = new URL(input);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new RefusedRequest("scheme");
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    if (!options.ports.includes(port)) throw new RefusedRequest("port");
    const pinned = await resolvePublic(url.hostname, allow);
    signal.throwIfAborted();
    const { res, body } = await requestOnce(url, pinned, options, signal);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location) {
      if (hop >= (options.maxRedirects ?? 5)) throw new RefusedRequest("too_many_redirects");
      url = new URL(location, url);
      continue;
    }
    return { status, url: url.toString(), body };
  }
}
