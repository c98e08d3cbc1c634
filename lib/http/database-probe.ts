// Is the PostgreSQL server answering? Asked by the proxy before pages that cannot render without
// the database, so a stopped database gets a 503 page instead of a 500 from deep inside a render.
//
// The probe speaks the first message of PostgreSQL's protocol (an SSLRequest, 8 bytes) and waits
// for the server's one-byte answer: no driver, no credentials, no pool, so the proxy bundle stays
// small and a probe costs one round trip. It proves the server is up and reachable, not that
// every query will succeed; pages still catch their own errors (app/error.tsx).
import net from "node:net";

const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]); // length 8, code 80877103
const TIMEOUT_MS = 1500;

type Endpoint = { host: string; port: number } | { path: string };

export function postgresEndpoint(databaseUrl: string): Endpoint {
  const url = new URL(databaseUrl);
  const port = Number(url.port || 5432);
  const socketDir = url.searchParams.get("host");
  if (socketDir?.startsWith("/")) return { path: `${socketDir}/.s.PGSQL.${port}` };
  return { host: url.hostname.replace(/^\[|\]$/g, "") || "localhost", port };
}

function ping(endpoint: Endpoint): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(endpoint);
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(TIMEOUT_MS, () => done(false));
    socket.once("error", () => done(false));
    socket.once("close", () => done(false));
    socket.once("connect", () => socket.write(SSL_REQUEST));
    // 'S' or 'N' is a PostgreSQL server deciding about TLS; anything else is not one.
    socket.once("data", (data) => done(data[0] === 0x53 || data[0] === 0x4e));
  });
}

/**
 * A success is trusted for this long: PostgreSQL forks a process per connection, so a probe per
 * request would cost the database more than the pages do. A failure is never trusted: the next
 * request probes again, so recovery shows at once. An outage inside the window reaches the page,
 * whose error boundary answers (app/error.tsx).
 */
export const TRUST_UP_MS = 1000;

let inFlight: Promise<boolean> | null = null;
let upAt = -Infinity;

type ProbeOptions = {
  databaseUrl?: string;
  now?: number;
  /** Probe even inside the trust window: after a query has just failed. */
  fresh?: boolean;
};

/** True when no server is configured (embedded PGlite lives in this process) or it answers. */
export function databaseReachable(options: ProbeOptions = {}): Promise<boolean> {
  const { databaseUrl = process.env.DATABASE_URL, now = Date.now(), fresh = false } = options;
  if (!databaseUrl) return Promise.resolve(true);
  if (!fresh && now - upAt < TRUST_UP_MS) return Promise.resolve(true);
  // Concurrent requests share one probe, so an outage does not multiply connection attempts.
  inFlight ??= ping(postgresEndpoint(databaseUrl)).then((up) => {
    upAt = up ? now : -Infinity;
    inFlight = null;
    return up;
  });
  return inFlight;
}
