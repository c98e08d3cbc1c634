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

let inFlight: Promise<boolean> | null = null;

/** True when no server is configured (embedded PGlite lives in this process) or it answers. */
export function databaseReachable(databaseUrl = process.env.DATABASE_URL): Promise<boolean> {
  if (!databaseUrl) return Promise.resolve(true);
  // Concurrent requests share one probe, so an outage does not multiply connection attempts.
  inFlight ??= ping(postgresEndpoint(databaseUrl)).finally(() => {
    inFlight = null;
  });
  return inFlight;
}
