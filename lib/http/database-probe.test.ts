import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { TRUST_UP_MS, databaseReachable, postgresEndpoint } from "./database-probe";

const servers: net.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function listen(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onConnection);
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
}

// Each test uses its own clock far from the others', so a success trusted by one is not seen by the next.
let clock = 0;
const later = () => (clock += 10 * TRUST_UP_MS);

describe("databaseReachable", () => {
  it("is true without a server to reach (embedded PGlite)", async () => {
    expect(await databaseReachable({ databaseUrl: "" })).toBe(true);
  });

  it("is true when the server answers an SSLRequest as PostgreSQL does", async () => {
    const port = await listen((socket) => socket.once("data", () => socket.write("N")));
    expect(
      await databaseReachable({ databaseUrl: `postgresql://u:p@127.0.0.1:${port}/db`, now: later() }),
    ).toBe(true);
  });

  it("is false when connections are closed at once, refused, or answered by something else", async () => {
    const closing = await listen((socket) => socket.destroy());
    const url = (port: number) => `postgresql://u:p@127.0.0.1:${port}/db`;
    expect(await databaseReachable({ databaseUrl: url(closing), now: later() })).toBe(false);
    const other = await listen((socket) => socket.once("data", () => socket.end("HTTP/1.1 400\r\n\r\n")));
    expect(await databaseReachable({ databaseUrl: url(other), now: later() })).toBe(false);
    const refused = await listen(() => undefined);
    await new Promise((closed) => servers.pop()?.close(closed));
    expect(await databaseReachable({ databaseUrl: url(refused), now: later() })).toBe(false);
  });

  it("trusts a success for a moment, never a failure, and probes afresh when asked", async () => {
    let connections = 0;
    let answer = "N";
    const port = await listen((socket) => {
      connections++;
      socket.once("data", () => socket.write(answer));
    });
    const databaseUrl = `postgresql://u:p@127.0.0.1:${port}/db`;
    const start = later();
    expect(await databaseReachable({ databaseUrl, now: start })).toBe(true);
    expect(await databaseReachable({ databaseUrl, now: start + TRUST_UP_MS - 1 })).toBe(true);
    expect(connections).toBe(1);
    answer = "X"; // no longer PostgreSQL
    expect(await databaseReachable({ databaseUrl, now: start + 1, fresh: true })).toBe(false);
    expect(await databaseReachable({ databaseUrl, now: start + 2 })).toBe(false);
    expect(connections).toBe(3);
  });

  it("reads host, port and socket directories from the URL", () => {
    expect(postgresEndpoint("postgresql://u:p@db.internal/x")).toEqual({ host: "db.internal", port: 5432 });
    expect(postgresEndpoint("postgresql://u:p@localhost:6543/x?host=/run/postgresql")).toEqual({
      path: "/run/postgresql/.s.PGSQL.6543",
    });
  });
});
