// The client address better-auth keys its rate limits on. Next 16 gives route handlers no socket
// address: `next start` only fills X-Forwarded-For from the socket when the client sent none
// (base-server.js, `??=`), so a client can name any address it likes. Our production server
// (scripts/serve.mjs) therefore passes the TCP peer in SOCKET_ADDRESS_HEADER, replacing any copy a
// client sent, and marks the process so the header is believed only when that server runs.
import "server-only";
import { env } from "@/lib/env";
import { resolveClientAddress, type ClientAddressSource } from "@/lib/security/client-address";

/** The one header better-auth reads (advanced.ipAddress); handleAuthRequest always rewrites it. */
export const CLIENT_ADDRESS_HEADER = "x-atlas-client-address";

/** Same names as in scripts/serve.mjs. */
export const SOCKET_ADDRESS_HEADER = "x-atlas-socket-address";
const SERVER_MARK = Symbol.for("detection-atlas.socket-address-header");

export function clientAddressSource(): ClientAddressSource {
  if (env.TRUSTED_PROXY_HOPS) return { kind: "forwarded-for", hops: env.TRUSTED_PROXY_HOPS };
  if (env.CLIENT_IP_HEADER) return { kind: "header", name: env.CLIENT_IP_HEADER };
  return { kind: "socket" };
}

function socketAddress(headers: Headers): string | null {
  const fromOurServer = (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
  return fromOurServer ? headers.get(SOCKET_ADDRESS_HEADER) : null;
}

let warned = false;

/** The request's client address, or null when nothing trustworthy is known. */
export function requestClientAddress(headers: Headers): string | null {
  const source = clientAddressSource();
  const address = resolveClientAddress(source, headers, socketAddress(headers));
  if (address === null && source.kind === "socket" && env.NODE_ENV === "production" && !warned) {
    warned = true;
    console.warn(
      "Client addresses are unknown, so sign-in, sign-up and reset limits are shared by all clients. " +
        "Start the site with `npm start` (scripts/serve.mjs), or set TRUSTED_PROXY_HOPS or CLIENT_IP_HEADER behind a proxy.",
    );
  }
  return address;
}

/** `request` with CLIENT_ADDRESS_HEADER set to the resolved address (or removed), nothing else changed. */
export function withClientAddress(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const address = requestClientAddress(request.headers);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(request, { headers });
}
