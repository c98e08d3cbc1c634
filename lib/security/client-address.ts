// Which address a request comes from, for rate limits. Only the TCP peer is a fact; any header a
// client sends can say anything. So forwarded headers count only when the operator says which
// proxies stand in front of the site, and a missing or malformed value falls back to the peer
// (never to the header), so changing a header per request cannot open a new rate-limit bucket.
import { isIP } from "node:net";

export type ClientAddressSource =
  /** No proxy: the TCP peer is the client. */
  | { kind: "socket" }
  /** `hops` proxies each append the address they received from to X-Forwarded-For. */
  | { kind: "forwarded-for"; hops: number }
  /** A load balancer that replaces this header with the single address it received from. */
  | { kind: "header"; name: string };

/** A bare IPv4 or IPv6 address in one spelling (IPv4-mapped IPv6 as IPv4), or null. */
export function normalizeAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const address = value.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  // No zone ids ("fe80::1%eth0"): they name an interface, not a client.
  if (address.includes("%")) return null;
  return isIP(address) === 0 ? null : address;
}

/**
 * The client address under `source`. `socketAddress` is the TCP peer when the server knows it,
 * otherwise null; the result is null only when nothing trustworthy is known.
 */
export function resolveClientAddress(
  source: ClientAddressSource,
  headers: Headers,
  socketAddress: string | null,
): string | null {
  const peer = normalizeAddress(socketAddress);
  if (source.kind === "socket") return peer;
  if (source.kind === "header") return normalizeAddress(headers.get(source.name)) ?? peer;
  // Proxies append on the right, so the right-most `hops` entries are written by ones we trust;
  // everything to their left came from the client. Fewer entries: the request skipped a proxy.
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length < source.hops) return peer;
  return normalizeAddress(chain[chain.length - source.hops]) ?? peer;
}
